import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { chunksOf } from '../../atlassian/request';
import { AppError, type ErrorCode } from '../../contract/result';
import { errorBodyOf } from '../errors';
import type { JobDelivery, Platform, Principal, QueuedJob } from '../ports';
import { JOB_KEYS, loadRecord, storedMarkSchema, type JobRecord } from './store';
import { partOutput, putOutput, readOutput, readPartOutputs } from './outputs';
import { pacedStore } from './pace';
import { allPartsDone, fail, marksOf, refresh } from './progress';
import { appRefusal } from '../refusals';

/**
 * Jobs: long work cut into queue events, with one small progress record a page polls and results stored apart.
 *
 * - `startJob(platform, definition, { owner, params })` writes the record (queued) and queues the `start` step.
 * - Each step runs in an event of its own, acting as the owner (`context.owner`). A step may `plan` parts (each
 *   queued as an event, spread under Forge's event budget and the definition's `partsPerMinute`), queue a further
 *   step with `next`, and store results with `putOutput` (a part with `putPartOutput`). Once every planned part is
 *   done (and a plan said it was the last), `finish` runs once or more (write idempotently), reads the parts back
 *   with `readPartOutputs`, and the job is done.
 * - Every step's storage requests are paced (`pacedStore`): a finish that reads back more than a minute's KVS
 *   budget waits for the next minute instead of being refused.
 * - A step that throws is retried by Forge; a permanent error (refused, not found, bad input), or any error on
 *   the last retry, ends the job as failed with its reason.
 * - `jobProgress(platform, jobId, viewer)` reads the one record, for its owner only; `readOutput` reads results.
 * - `jobDispatch(definitions)` gives the queue consumer one handler per `body.kind`.
 */

/** A step of a job: `data` is what was queued with it. */
export type JobStep<P> = (context: JobContext<P>, data: Record<string, unknown>) => Promise<void>;

export interface JobDefinition<P> {
  readonly kind: string;
  /** Checks the params stored with the job, as each step reads them. */
  readonly params: z.ZodType<P>;
  readonly start: JobStep<P>;
  /** One planned part; `data` is the part's own. */
  readonly part: JobStep<P>;
  readonly finish: JobStep<P>;
  /** Further steps a step may queue with `next`. */
  readonly steps?: Readonly<Record<string, JobStep<P>>>;
  /**
   * Parts started a minute at most (400 when absent): Forge runs a minute's events side by side, so what they
   * store together stays under the installation's KVS write budget of a minute.
   */
  readonly partsPerMinute?: number;
}

/** A part as a step plans it: an id unique in the job, how many items it counts for, and its data. */
export interface PlannedPart {
  readonly id: string;
  readonly items: number;
  readonly data: Record<string, unknown>;
}

export interface JobContext<P> {
  readonly platform: Platform;
  readonly jobId: string;
  /** The person who asked, as whom the job reads Jira and Confluence. */
  readonly owner: Principal;
  readonly params: P;
  /**
   * Records parts planned by step number `step` (its `items` counted in the total) and queues them; `last` says
   * no later step plans more. `offset` is how many parts earlier steps planned, to spread the events.
   */
  plan(
    parts: readonly PlannedPart[],
    planned: { step: number; offset: number; items: number; last: boolean },
  ): Promise<void>;
  /** Queues another step of this job. */
  next(step: string, data: Record<string, unknown>, delayInSeconds?: number): Promise<void>;
  /** Stores `items` under `name`, split into values under KVS's size limit; replaces what was stored there. */
  putOutput(name: string, items: readonly unknown[]): Promise<void>;
  /** Every item stored under names starting with `prefix`, in key order. */
  readOutput(prefix: string): Promise<unknown[]>;
  /** In a part's step: stores the part's results, which `readPartOutputs` hands to the finish. */
  putPartOutput(items: readonly unknown[]): Promise<void>;
  /**
   * In the finish: every part's results, in the order the parts were planned. Read value by value through the
   * step's paced store, so a job of any size is read back within the storage budget of each minute.
   */
  readPartOutputs(): Promise<unknown[]>;
}

/** Forge retries an async event whose function failed or timed out up to four times (`retryContext.retryCount`). */
const MAX_RETRIES = 4;
/** Errors a retry cannot mend: the job fails at once instead of spending four more invocations. */
const PERMANENT: ReadonlySet<ErrorCode> = new Set([
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'JQL_REJECTED',
  'PRODUCT_UNAVAILABLE',
]);
/** Forge takes 500 events a minute per installation; jobs keep 100 for everything else the app queues. */
const EVENTS_PER_MINUTE = 400;
/** Forge delays an event by at most 900 s. */
const MAX_DELAY_SECONDS = 900;
/** manifest.yml's `timeoutSeconds` of the consumer function. */
const CONSUMER_TIMEOUT_MS = 900 * 1000;
/**
 * How long a job may go without any step finishing before it counts as failed. A step Forge kills (timeout,
 * memory) on its last retry never says so, and nothing retries it; four consumer timeouts leave room for a queue
 * backlog, a slow or rate-limited Jira and the spread of a large job's events.
 */
export const JOB_STALL_MS = 4 * CONSUMER_TIMEOUT_MS;
/** Jobs are kept a day for their results, then let go (`discardOldJobs`, from the nightly run). */
const JOB_KEEP_MS = 24 * 60 * 60 * 1000;

const bodySchema = z.object({
  kind: z.string(),
  jobId: z.string(),
  step: z.string(),
  part: z.string().optional(),
  items: z.number().optional(),
  data: z.record(z.string(), z.unknown()).default({}),
});

/** Writes a new job's record and queues its first step; returns the record. */
export async function startJob<P extends Record<string, unknown>>(
  platform: Platform,
  definition: JobDefinition<P>,
  input: { owner: string; params: P },
): Promise<JobRecord> {
  const jobId = randomUUID();
  const now = platform.clock.now().toISOString();
  const record: JobRecord = {
    jobId,
    kind: definition.kind,
    owner: input.owner,
    params: input.params,
    status: 'queued',
    done: 0,
    total: 0,
    totalKnown: false,
    updatedAt: now,
    createdAt: now,
  };
  await platform.store.set(JOB_KEYS.record(jobId), record);
  await platform.queue.push([{ body: { kind: definition.kind, jobId, step: 'start', data: {} } }]);
  return record;
}

/**
 * The progress of a job for `viewer`. A job someone else started answers NOT_FOUND, exactly as a missing one:
 * its id says nothing. A job that made no progress for `JOB_STALL_MS` counts as failed.
 */
export async function jobProgress(platform: Platform, jobId: string, viewer: Principal): Promise<JobRecord> {
  const record = await loadRecord(platform.store, jobId);
  if (record === undefined || viewer.kind !== 'user' || record.owner !== viewer.accountId)
    throw appRefusal('NOT_FOUND', 'jobGone');
  if (record.status === 'done' || record.status === 'failed') return record;
  const quiet = platform.clock.now().getTime() - Date.parse(record.updatedAt);
  if (!(quiet > JOB_STALL_MS)) return record;
  const minutes = String(Math.round(JOB_STALL_MS / 60_000));
  return {
    ...record,
    status: 'failed',
    reason: { code: 'INTERNAL', message: `The work stopped: nothing more was done for ${minutes} minutes.` },
  };
}

/**
 * The job's watch: a parts' job is followed by one chain of delayed `watch` events rather than by its parts, so
 * that the markers are listed once every few seconds, not once per finished part (a 500-part job would list
 * them 500 times, a quarter of a million marker reads, past KVS's per-minute budget). The watch keeps the one
 * progress record a page polls, and queues the finish once every part is done.
 */
const WATCH_STEP = 'watch';
/** Seconds between two looks of the watch: progress on the page is at most this late. */
const WATCH_SECONDS = 4;

function contextOf<P>(
  platform: Platform,
  definition: JobDefinition<P>,
  record: JobRecord,
  params: P,
  part?: string,
): JobContext<P> {
  const { jobId } = record;
  const event = (step: string, extra: Record<string, unknown>) => ({
    kind: definition.kind,
    jobId,
    step,
    ...extra,
  });
  return {
    platform,
    jobId,
    owner: { kind: 'user', accountId: record.owner },
    params,
    async plan(parts, planned) {
      const mark = { parts: parts.map((part) => part.id), items: planned.items, last: planned.last };
      // Written before the parts are queued: a part that finishes first cannot find the job complete too soon.
      await platform.store.set(JOB_KEYS.plan(jobId, planned.step), mark);
      const perMinute = Math.min(EVENTS_PER_MINUTE, definition.partsPerMinute ?? EVENTS_PER_MINUTE);
      // Minutes count from the job's start: a later listing step's parts wait only for what is still ahead.
      const sinceStart = Math.floor((platform.clock.now().getTime() - Date.parse(record.createdAt)) / 1000);
      const events: QueuedJob[] = parts.map((each, index) => {
        const minute = Math.floor((planned.offset + index) / perMinute);
        const body = event('part', { part: each.id, items: each.items, data: each.data });
        const delay = Math.min(MAX_DELAY_SECONDS, Math.max(0, minute * 60 - sinceStart));
        return delay > 0 ? { body, delayInSeconds: delay } : { body };
      });
      for (const batch of chunksOf(events, 50)) await platform.queue.push(batch);
    },
    async next(step, data, delayInSeconds = 0) {
      const body = event(step, { data });
      const delay = Math.min(MAX_DELAY_SECONDS, Math.max(0, Math.ceil(delayInSeconds)));
      await platform.queue.push([delay > 0 ? { body, delayInSeconds: delay } : { body }]);
    },
    putOutput: (name, items) => putOutput(platform, jobId, name, items),
    readOutput: (prefix) => readOutput(platform, jobId, prefix),
    putPartOutput(items) {
      if (part === undefined) throw new AppError('INTERNAL', 'Only a part stores part results.');
      return putOutput(platform, jobId, partOutput(part), items);
    },
    readPartOutputs: () => readPartOutputs(platform, jobId),
  };
}

/** Runs one queued step of a job of `definition`, with Forge's retry rules and the job's progress kept. */
async function runStep<P>(
  unpaced: Platform,
  definition: JobDefinition<P>,
  delivery: JobDelivery,
): Promise<void> {
  // One invocation, one pace: a step of any size stays under the storage budget of each minute.
  const platform: Platform = { ...unpaced, store: pacedStore(unpaced.store, unpaced.clock) };
  const body = bodySchema.parse(delivery.body);
  const record = await loadRecord(platform.store, body.jobId);
  if (record === undefined) return; // discarded; nothing to do
  if (body.step === WATCH_STEP) {
    await watch(platform, definition, record);
    return;
  }
  const step =
    body.step === 'start'
      ? definition.start
      : body.step === 'part'
        ? definition.part
        : body.step === 'finish'
          ? definition.finish
          : definition.steps?.[body.step];
  try {
    if (step === undefined) throw new AppError('INTERNAL', `No step "${body.step}" in ${definition.kind}.`);
    const params = definition.params.parse(record.params);
    const context = contextOf(
      platform,
      definition,
      record,
      params,
      body.step === 'part' ? body.part : undefined,
    );
    if (body.step === 'start') {
      await platform.store.set(JOB_KEYS.started(record.jobId), { at: platform.clock.now().toISOString() });
      await refresh(platform, record);
    }
    await step(context, body.data);
  } catch (error) {
    const reason = errorBodyOf(error);
    const permanent = PERMANENT.has(reason.code);
    if (!permanent && delivery.retryCount < MAX_RETRIES) throw error; // Forge delivers it again
    await fail(platform, record, reason);
    // On the last retry the error still goes to the platform, which logs it; a permanent one is stored only,
    // since throwing would have Forge run it four more times for the same answer.
    if (!permanent) throw error;
    return;
  }
  if (body.step === 'part' && body.part !== undefined) {
    // Only its own marker: the watch counts it, and queues the finish after the last part.
    await platform.store.set(JOB_KEYS.done(record.jobId, body.part), { items: body.items ?? 0 });
  } else if (body.step === 'finish') {
    await platform.store.set(JOB_KEYS.finished(record.jobId), { at: platform.clock.now().toISOString() });
    await refresh(platform, record);
  } else {
    const marks = await marksOf(platform, record.jobId);
    if (allPartsDone(record.jobId, marks)) {
      // A plan of no parts at all (an empty scope): no watch is needed to queue the finish.
      await refresh(platform, record, marks);
      await queueFinish(platform, definition, record);
    } else if (body.step === 'start') {
      await refresh(platform, record, marks);
      await queueWatch(platform, definition, record);
    }
  }
}

const queueFinish = <P>(platform: Platform, definition: JobDefinition<P>, record: JobRecord) =>
  platform.queue.push([{ body: { kind: definition.kind, jobId: record.jobId, step: 'finish' } }]);

const queueWatch = <P>(platform: Platform, definition: JobDefinition<P>, record: JobRecord) =>
  platform.queue.push([
    { body: { kind: definition.kind, jobId: record.jobId, step: WATCH_STEP }, delayInSeconds: WATCH_SECONDS },
  ]);

/**
 * One look of the watch: the record follows the markers; once every part is done the finish is queued and the
 * watch ends, as it does when the job failed, finished or stalled; otherwise it looks again a little later.
 */
async function watch<P>(platform: Platform, definition: JobDefinition<P>, record: JobRecord): Promise<void> {
  const marks = await marksOf(platform, record.jobId);
  const current = await refresh(platform, record, marks);
  if (current.status === 'failed' || current.status === 'done') return;
  if (allPartsDone(record.jobId, marks)) {
    await queueFinish(platform, definition, record);
    return;
  }
  const idle = platform.clock.now().getTime() - Date.parse(current.updatedAt);
  if (idle > JOB_STALL_MS) return; // jobProgress says it stalled; nothing will come
  await queueWatch(platform, definition, record);
}

/** A queue consumer for one `body.kind`. */
export type KindHandler = (platform: Platform, delivery: JobDelivery) => Promise<void>;

/** The consumer's handler of every job step of `definition`. */
export function jobHandler<P>(definition: JobDefinition<P>): [string, KindHandler] {
  return [definition.kind, (platform, delivery) => runStep(platform, definition, delivery)];
}

/**
 * The one queue consumer: each event goes to the handler of its `body.kind`. An event of no known kind is
 * refused loudly (an app version that no longer knows it), not retried.
 */
export function jobDispatch(handlers: readonly [string, KindHandler][]): KindHandler {
  const byKind = new Map(handlers);
  return async (platform, delivery) => {
    const kind = delivery.body.kind;
    const handler = typeof kind === 'string' ? byKind.get(kind) : undefined;
    if (handler === undefined) {
      console.error('Queue event of no known kind', JSON.stringify(kind));
      return;
    }
    await handler(platform, delivery);
  };
}

/**
 * Deletes a job's record, markers and outputs; returns how many keys it deleted. Outputs are deleted by key, from
 * the marks that say how many values each holds: listing them would read every value back (a large report's
 * parts are thousands of read units), where a delete costs one write unit. The store is paced, so a large job's
 * deletes stay under the write budget of each minute.
 */
export async function discardJob(unpaced: Platform, jobId: string): Promise<number> {
  const store = pacedStore(unpaced.store, unpaced.clock);
  const marks = await store.list<unknown>(JOB_KEYS.marks(jobId));
  const keys: string[] = [];
  for (const { key, value } of marks) {
    if (!key.startsWith(JOB_KEYS.storedPrefix(jobId))) continue;
    const stored = storedMarkSchema.safeParse(value);
    const name = key.slice(JOB_KEYS.storedPrefix(jobId).length);
    for (let index = 0; index < (stored.data?.values ?? 0); index += 1)
      keys.push(JOB_KEYS.output(jobId, name, index));
  }
  // A job stored before outputs were marked has no such mark, though every job stores one output at least.
  if (keys.length === 0)
    keys.push(...(await store.list<unknown>(JOB_KEYS.outputs(jobId))).map((output) => output.key));
  keys.push(...marks.map((mark) => mark.key), JOB_KEYS.record(jobId));
  for (const key of keys) await store.delete(key);
  return keys.length;
}

/** Deletes a night holds at most: a few paced minutes of the trigger's 900 s, the rest left for the next night. */
const DISCARD_DELETES_PER_NIGHT = 12_000;

/**
 * Deletes the records, markers and outputs of jobs started more than a day before now, up to a night's share of
 * deletes (older jobs first wait for the next night); returns how many jobs it discarded.
 */
export async function discardOldJobs(platform: Platform): Promise<number> {
  const now = platform.clock.now().getTime();
  let discarded = 0;
  let deleted = 0;
  for (const entry of await platform.store.list<{ createdAt?: unknown }>(JOB_KEYS.recordPrefix)) {
    const created = typeof entry.value.createdAt === 'string' ? Date.parse(entry.value.createdAt) : NaN;
    if (!Number.isNaN(created) && now - created < JOB_KEEP_MS) continue;
    if (deleted >= DISCARD_DELETES_PER_NIGHT) break;
    const jobId = entry.key.slice(JOB_KEYS.recordPrefix.length);
    try {
      deleted += await discardJob(platform, jobId);
      discarded += 1;
    } catch (error) {
      // The nightly run goes on; what is left of the job is tried again the next night.
      console.error('Could not discard job', jobId, error);
    }
  }
  return discarded;
}
