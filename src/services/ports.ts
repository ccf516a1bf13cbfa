import { errorMark } from '../shared/error-mark';
import type { Transport } from '../atlassian/transport';

/**
 * What the services need from the outside world. Forge implements these in `src/platform/forge/*`, the
 * playground and the CLI in `src/platform/local/*`; services and resolvers never know which.
 */

/** Who a request acts as: the signed-in user (Jira hides what they may not see) or the app itself. */
export type Principal = { readonly kind: 'user'; readonly accountId: string } | { readonly kind: 'app' };

export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  /**
   * Writes `value` only when `key` holds nothing, in one step (Forge KVS's FAIL_IF_EXISTS); true when this call
   * wrote it. What a lock needs: of two callers at once, exactly one gets true.
   */
  setIfAbsent(key: string, value: unknown): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Every entry whose key starts with `prefix`, in key order. T names what the caller stored there. */
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
  list<T>(prefix: string): Promise<{ key: string; value: T }[]>;
}

const busy = errorMark();

/**
 * Marks `error` as the platform's "too many requests this minute" (Forge KVS's 429 RATE_LIMIT_EXCEEDED, the
 * queue's RateLimitError): services tell the user to try again in a minute, and a queued step is retried.
 * Returns the same error, so that an adapter throws it unchanged.
 */
export const markBusy = busy.mark;

/** Whether `error` was marked by `markBusy`. */
export const isBusy = busy.has;

/** One event pushed on the app's queue, as Forge's `PushEvent`: a JSON body, optionally delayed (≤ 900 s). */
export interface QueuedJob {
  readonly body: Record<string, unknown>;
  readonly delayInSeconds?: number;
}

/**
 * One delivery of a queued event to the consumer, as Forge's `AsyncEvent` carries it: the body pushed, the job
 * it belongs to, and how many times it was retried before (0 on the first delivery).
 */
export interface JobDelivery {
  readonly body: Record<string, unknown>;
  readonly jobId: string;
  readonly eventId: string;
  readonly retryCount: number;
}

/** Splits long work (a large hygiene scan) into events handled by the queue consumer. */
export interface JobQueue {
  push(events: readonly QueuedJob[]): Promise<void>;
}

export interface Clock {
  now(): Date;
  /** Waits `milliseconds`: a job step pacing its storage requests under Forge's budget a minute. */
  sleep(milliseconds: number): Promise<void>;
}

export interface Platform {
  jira(principal: Principal): Transport;
  confluence(principal: Principal): Transport;
  readonly store: KeyValueStore;
  readonly queue: JobQueue;
  readonly clock: Clock;
}
