import type { z } from 'zod';
import type { AppErrorBody } from '../../contract/result';
import type { Platform } from '../ports';
import {
  doneMarkSchema,
  failedMarkSchema,
  JOB_KEYS,
  planMarkSchema,
  type JobProgress,
  type JobRecord,
} from './store';

/**
 * A job's progress, derived from small markers (started, plan, done per part, failed, finished) with one writer
 * each, and written to the one record a page polls.
 */

export type Marks = readonly { key: string; value: unknown }[];

/** What the progress markers say: status, items done of the total. */
function progressOf(jobId: string, marks: Marks): Omit<JobProgress, 'updatedAt'> {
  let total = 0;
  let doneItems = 0;
  let last = false;
  let started = false;
  let finished = false;
  let reason: AppErrorBody | undefined;
  for (const { key, value } of marks) {
    const name = key.slice(JOB_KEYS.marks(jobId).length);
    if (name === 'started') started = true;
    else if (name === 'finished') finished = true;
    else if (name === 'failed') reason = failedMarkSchema.safeParse(value).data?.reason ?? reason;
    else if (name.startsWith('plan:')) {
      const plan = planMarkSchema.safeParse(value);
      if (!plan.success) continue;
      total += plan.data.items;
      last ||= plan.data.last;
    } else if (name.startsWith('done:')) {
      const mark = doneMarkSchema.safeParse(value);
      if (mark.success) doneItems += mark.data.items;
    }
  }
  const status = reason ? 'failed' : finished ? 'done' : started ? 'running' : 'queued';
  const progress = { status, done: doneItems, total, totalKnown: last } as const;
  return reason ? { ...progress, reason: { code: reason.code, message: reason.message } } : progress;
}

/** Whether the markers say every part planned is done and no step will plan more. */
export function allPartsDone(jobId: string, marks: Marks): boolean {
  const done = new Set<string>();
  for (const { key } of marks)
    if (key.startsWith(JOB_KEYS.dones(jobId))) done.add(key.slice(JOB_KEYS.dones(jobId).length));
  const plans = plansOf(jobId, marks);
  return plans.some((plan) => plan.last) && plans.every((plan) => plan.parts.every((part) => done.has(part)));
}

/** The plans the markers hold, in step order (their keys sort by step). */
export function plansOf(jobId: string, marks: Marks): z.output<typeof planMarkSchema>[] {
  return marks.flatMap(({ key, value }) => {
    const plan = key.startsWith(JOB_KEYS.plans(jobId)) ? planMarkSchema.safeParse(value) : undefined;
    return plan?.success ? [plan.data] : [];
  });
}

export const marksOf = (platform: Platform, jobId: string): Promise<Marks> =>
  platform.store.list<unknown>(JOB_KEYS.marks(jobId));

/**
 * Rewrites the record from the markers. Markers have one writer each, so none is lost when parts finish side by
 * side; the record has a few writers (the watch, the start, the finish and a failing step), and KVS has no
 * compare-and-set on plain keys. So a writer derives again after writing, and writes again while that differs:
 * the last write of all then follows the last marker.
 */
export async function refresh(platform: Platform, record: JobRecord, first?: Marks): Promise<JobRecord> {
  let written = JSON.stringify(progressOf(record.jobId, []));
  let current = record;
  let marks = first ?? (await marksOf(platform, record.jobId));
  for (let pass = 0; ; pass++) {
    const derived = progressOf(record.jobId, marks);
    const text = JSON.stringify(derived);
    // The first pass writes only what changed; later passes check that no writer came between.
    if (pass === 0 ? sameProgress(record, derived) : text === written) return current;
    const { reason: _dropped, ...rest } = current;
    current = { ...rest, ...derived, updatedAt: platform.clock.now().toISOString() };
    await platform.store.set(JOB_KEYS.record(record.jobId), current);
    written = text;
    marks = await marksOf(platform, record.jobId);
  }
}

function sameProgress(record: JobRecord, derived: Omit<JobProgress, 'updatedAt'>): boolean {
  const { status, done, total, totalKnown, reason } = record;
  return (
    JSON.stringify({ status, done, total, totalKnown, ...(reason ? { reason } : {}) }) ===
    JSON.stringify(derived)
  );
}

/** Ends the job as failed with `reason`, which the page then shows. */
export async function fail(platform: Platform, record: JobRecord, reason: AppErrorBody): Promise<void> {
  const failed = { reason: { code: reason.code, message: reason.message } };
  await platform.store.set(JOB_KEYS.failed(record.jobId), failed);
  await refresh(platform, record);
}
