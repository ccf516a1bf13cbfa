import { z } from 'zod';
import { ERROR_CODES } from '../../contract/result';
import type { KeyValueStore } from '../ports';

/**
 * Where jobs keep their state. Three key spaces, so that each is read on its own: the one small progress record
 * the page polls, the small markers progress is derived from (one writer each), and the outputs (results, read
 * once the job is done). Keys stay well under KVS's 500 characters and match its pattern.
 */
const pad = (n: number, width = 5) => String(n).padStart(width, '0');

export const JOB_KEYS = {
  record: (jobId: string) => `jobs:record:${jobId}`,
  recordPrefix: 'jobs:record:',
  marks: (jobId: string) => `jobs:mark:${jobId}:`,
  started: (jobId: string) => `jobs:mark:${jobId}:started`,
  plan: (jobId: string, step: number) => `jobs:mark:${jobId}:plan:${pad(step)}`,
  plans: (jobId: string) => `jobs:mark:${jobId}:plan:`,
  done: (jobId: string, part: string) => `jobs:mark:${jobId}:done:${part}`,
  dones: (jobId: string) => `jobs:mark:${jobId}:done:`,
  failed: (jobId: string) => `jobs:mark:${jobId}:failed`,
  /** How many values an output holds, so that discarding deletes them by key without reading them. */
  stored: (jobId: string, name: string) => `jobs:mark:${jobId}:out:${name}`,
  storedPrefix: (jobId: string) => `jobs:mark:${jobId}:out:`,
  finished: (jobId: string) => `jobs:mark:${jobId}:finished`,
  outputs: (jobId: string) => `jobs:out:${jobId}:`,
  output: (jobId: string, name: string, index: number) => `jobs:out:${jobId}:${name}:${pad(index)}`,
  outputPrefix: (jobId: string, name: string) => `jobs:out:${jobId}:${name}`,
} as const;

const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;

const reasonSchema = z.object({ code: z.enum(ERROR_CODES), message: z.string() });

/** What the page polls: one small value. */
export const progressSchema = z.object({
  status: z.enum(JOB_STATUSES),
  /** Items (issues…) whose part is done, of `total` planned so far. */
  done: z.number(),
  total: z.number(),
  /** False while the first step is still listing the items: `total` may grow. */
  totalKnown: z.boolean(),
  reason: reasonSchema.optional(),
  updatedAt: z.string(),
});
export type JobProgress = z.output<typeof progressSchema>;

export const recordSchema = progressSchema.extend({
  jobId: z.string(),
  kind: z.string(),
  /** The accountId of the person who asked: the job acts as them, and only they may read it. */
  owner: z.string(),
  params: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export type JobRecord = z.output<typeof recordSchema>;

export const planMarkSchema = z.object({
  parts: z.array(z.string()),
  items: z.number(),
  last: z.boolean(),
});
export const doneMarkSchema = z.object({ items: z.number() });
export const storedMarkSchema = z.object({ values: z.number().int().min(0) });
export const failedMarkSchema = z.object({ reason: reasonSchema });

/** The record of a job, or undefined when there is none (never started, or discarded). */
export async function loadRecord(store: KeyValueStore, jobId: string): Promise<JobRecord | undefined> {
  const parsed = recordSchema.safeParse(await store.get<unknown>(JOB_KEYS.record(jobId)));
  return parsed.success ? parsed.data : undefined;
}

/** One stored value of an output: its items, and which of how many values it is. */
export const outputValueSchema = z.object({
  items: z.array(z.unknown()),
  index: z.number(),
  of: z.number(),
});

/**
 * Values of at most `bytes` of JSON each (a value holds one item at least): Forge KVS takes 240 KiB a value,
 * counted in bytes, and people's text is often not ASCII.
 */
export function splitByBytes<T>(items: readonly T[], bytes: number): T[][] {
  const runs: T[][] = [];
  let run: T[] = [];
  let size = 0;
  for (const item of items) {
    const length = Buffer.byteLength(JSON.stringify(item), 'utf8') + 1;
    if (run.length > 0 && size + length > bytes) {
      runs.push(run);
      run = [];
      size = 0;
    }
    run.push(item);
    size += length;
  }
  if (run.length > 0 || runs.length === 0) runs.push(run);
  return runs;
}
