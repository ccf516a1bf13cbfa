import { randomUUID } from 'node:crypto';
import { markBusy, type JobDelivery, type JobQueue, type QueuedJob } from '../../services/ports';
import {
  ForgeLimitError,
  jsonBytes,
  limitsOf,
  MinuteBudget,
  realClock,
  withinSeconds,
  type ForgeLimits,
  type LocalLimitOptions,
} from './limits';

type QueueConsumer = (delivery: JobDelivery) => Promise<void>;

export interface InlineQueue extends JobQueue {
  /** Registers the function that handles events, as manifest.yml's `consumer` module does in Forge. */
  setConsumer(consumer: QueueConsumer): void;
  /** Resolves when every event pushed so far (delayed and retried ones too) has been handled. */
  drain(): Promise<void>;
  /** Errors of deliveries that failed for good (after the last retry), oldest first; Forge would log them. */
  readonly failures: readonly unknown[];
}

interface Waiting {
  readonly delivery: JobDelivery;
  readonly dueAt: number;
}

/** The event's `body.kind` (what the app's consumer dispatches on), to name a delivery in a meter's reading. */
function kindOf(delivery: JobDelivery): string {
  const kind = delivery.body.kind;
  return typeof kind === 'string' ? kind : 'event';
}

/** Refuses a push as `@forge/events` and Forge's queue refuse it, with the limit named. */
function checkPush(events: readonly QueuedJob[], limits: ForgeLimits): void {
  if (events.length > limits.eventsPerPush)
    throw new ForgeLimitError(
      'eventsPerPush',
      'TooManyEventsError',
      `A queue push takes at most ${String(limits.eventsPerPush)} events (got ${String(events.length)}).`,
    );
  const bytes = jsonBytes(events);
  if (bytes > limits.pushBytes)
    throw new ForgeLimitError(
      'pushBytes',
      'PayloadTooBigError',
      `A queue push takes at most ${String(limits.pushBytes)} bytes of events (got ${String(bytes)}).`,
    );
  for (const event of events) {
    const delay = event.delayInSeconds ?? 0;
    if (delay < 0 || delay > limits.delayInSeconds)
      throw new ForgeLimitError(
        'delayInSeconds',
        'InvalidPushSettingsError',
        `An event's delayInSeconds is between 0 and ${String(limits.delayInSeconds)} (got ${String(delay)}).`,
      );
  }
}

/**
 * `JobQueue` that hands each event to a consumer in this process, one at a time and after `push` returns, as
 * Forge's queue does: the playground and the CLI run large scans through the very same consumer code. Forge's
 * limits hold: a push of more than 50 events or 200 KB, a delay over 900 s and more than 500 events pushed in a
 * minute are refused; an event waits its `delayInSeconds`; a consumer that throws or runs over its time is
 * delivered the event again (`retryCount` 1, 2, … up to Forge's retries), then the failure is kept.
 */
export function createInlineQueue(options: LocalLimitOptions = {}): InlineQueue {
  const limits = limitsOf(options);
  const clock = options.clock ?? realClock;
  const pushed = new MinuteBudget(clock, () => limits.eventsPerMinute);
  const observer = options.observer;
  let consumer: QueueConsumer | undefined;
  const waiting: Waiting[] = [];
  const failures: unknown[] = [];
  let running: Promise<void> | undefined;

  /** The event due first (pushed first among equals), taken off the queue. */
  function next(): Waiting | undefined {
    let first = 0;
    for (let index = 1; index < waiting.length; index++)
      if ((waiting[index] as Waiting).dueAt < (waiting[first] as Waiting).dueAt) first = index;
    return waiting.splice(first, 1)[0];
  }

  /** How long a delivery ran: real time, and the waits it spent on a virtual twin clock (a paced step's). */
  function elapsedSince(started: { real: number; twin: number }): number {
    return Math.max(performance.now() - started.real, clock.now() - started.twin);
  }

  async function deliver({ delivery }: Waiting, handle: QueueConsumer): Promise<void> {
    const started = { real: performance.now(), twin: clock.now() };
    try {
      await withinSeconds(handle(delivery), limits.consumerSeconds, 'consumerSeconds', 'The queue consumer');
      // Deliveries run one at a time, so the twin clock moved only for this one's own waits.
      if (elapsedSince(started) > limits.consumerSeconds * 1000)
        throw new ForgeLimitError(
          'consumerSeconds',
          'FUNCTION_TIME_OUT',
          `The queue consumer ran over Forge's ${String(limits.consumerSeconds)} s limit (consumerSeconds).`,
        );
    } catch (error) {
      if (error instanceof ForgeLimitError) observer?.refused(error);
      if (delivery.retryCount < limits.eventRetries) {
        waiting.push({
          delivery: { ...delivery, retryCount: delivery.retryCount + 1 },
          dueAt: clock.now() + limits.retryAfterSeconds * 1000,
        });
      } else {
        failures.push(error);
      }
    } finally {
      observer?.invocation('consumer', kindOf(delivery), elapsedSince(started));
    }
  }

  async function work(): Promise<void> {
    // Let `push` return first, like a real queue.
    await new Promise((resolve) => setImmediate(resolve));
    while (consumer && waiting.length > 0) {
      const due = next() as Waiting;
      const wait = due.dueAt - clock.now();
      if (wait > 0) await clock.sleep(wait);
      await deliver(due, consumer);
    }
    running = undefined;
  }

  function start(): void {
    if (!running && consumer && waiting.length > 0) running = work();
  }

  return {
    failures,
    // eslint-disable-next-line @typescript-eslint/require-await -- a refusal is a rejected promise, as Forge's push answers it
    async push(events) {
      try {
        checkPush(events, limits);
        if (!pushed.trySpend(events.length))
          throw markBusy(
            new ForgeLimitError(
              'eventsPerMinute',
              'RateLimitError',
              `The installation pushed more than Forge's ${String(limits.eventsPerMinute)} events this minute.`,
            ),
          );
      } catch (error) {
        if (error instanceof ForgeLimitError) observer?.refused(error);
        throw error;
      }
      observer?.events(events.length, clock.now());
      const jobId = randomUUID();
      const now = clock.now();
      waiting.push(
        ...events.map((event) => ({
          delivery: { body: structuredClone(event.body), jobId, eventId: randomUUID(), retryCount: 0 },
          dueAt: now + (event.delayInSeconds ?? 0) * 1000,
        })),
      );
      start();
    },
    setConsumer(handle) {
      consumer = handle;
      start();
    },
    async drain() {
      while (running) await running;
    },
  };
}
