import { randomUUID } from 'node:crypto';
import type { JobDelivery, JobQueue } from '../../services/ports';

/** Forge retries a failed async event up to four times. */
const MAX_RETRIES = 4;

type QueueConsumer = (delivery: JobDelivery) => Promise<void>;

export interface InlineQueue extends JobQueue {
  /** Registers the function that handles events, as manifest.yml's `consumer` module does in Forge. */
  setConsumer(consumer: QueueConsumer): void;
  /** Resolves when every event pushed so far has been handled (tests and the CLI wait on it). */
  drain(): Promise<void>;
  /** Errors consumers threw on their last retry, oldest first (Forge would log them). */
  readonly failures: readonly unknown[];
}

/**
 * `JobQueue` that hands each event to a consumer in this process, one at a time and after `push` returns,
 * as Forge's queue does: the playground and the CLI run large scans through the very same consumer code.
 * Each delivery carries what Forge's `AsyncEvent` does (body, job, event id, retry count); one whose consumer
 * throws is delivered again with its retry count raised, four times at most. Pushes of more than
 * 50 events are refused, as Forge refuses them.
 */
export function createInlineQueue(): InlineQueue {
  let consumer: QueueConsumer | undefined;
  const waiting: JobDelivery[] = [];
  const failures: unknown[] = [];
  let running: Promise<void> | undefined;

  async function work(): Promise<void> {
    // Let `push` return first, like a real queue.
    await new Promise((resolve) => setImmediate(resolve));
    while (consumer && waiting.length > 0) {
      const delivery = waiting.shift() as JobDelivery;
      try {
        await consumer(delivery);
      } catch (error) {
        // As Forge does: a delivery that throws comes again, up to four retries, then is given up.
        if (delivery.retryCount < MAX_RETRIES)
          waiting.push({ ...delivery, retryCount: delivery.retryCount + 1 });
        else failures.push(error);
      }
    }
    running = undefined;
  }

  function start(): void {
    if (!running && consumer && waiting.length > 0) running = work();
  }

  return {
    failures,
    push(events) {
      if (events.length > 50)
        return Promise.reject(
          new Error(`A queue push takes at most 50 events (got ${String(events.length)})`),
        );
      const jobId = randomUUID();
      waiting.push(
        ...events.map((event) => ({
          body: structuredClone(event.body),
          jobId,
          eventId: randomUUID(),
          retryCount: 0,
        })),
      );
      start();
      return Promise.resolve();
    },
    setConsumer(next) {
      consumer = next;
      start();
    },
    async drain() {
      while (running) await running;
    },
  };
}
