import type { JobQueue } from '../../services/ports';

type QueueConsumer = (event: Record<string, unknown>) => Promise<void>;

export interface InlineQueue extends JobQueue {
  /** Registers the function that handles events, as manifest.yml's `consumer` module does in Forge. */
  setConsumer(consumer: QueueConsumer): void;
  /** Resolves when every event pushed so far has been handled (tests and the CLI wait on it). */
  drain(): Promise<void>;
  /** Errors consumers threw, oldest first (Forge would retry or log them). */
  readonly failures: readonly unknown[];
}

/**
 * `JobQueue` that hands each event to a consumer in this process, one at a time and after `push` returns,
 * as Forge's queue does: the playground and the CLI run large scans through the very same consumer code.
 * Pushes of more than 50 events are refused, as Forge refuses them.
 */
export function createInlineQueue(): InlineQueue {
  let consumer: QueueConsumer | undefined;
  const waiting: Record<string, unknown>[] = [];
  const failures: unknown[] = [];
  let running: Promise<void> | undefined;

  async function work(): Promise<void> {
    // Let `push` return first, like a real queue.
    await new Promise((resolve) => setImmediate(resolve));
    while (consumer && waiting.length > 0) {
      const event = waiting.shift() as Record<string, unknown>;
      try {
        await consumer(event);
      } catch (error) {
        failures.push(error);
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
      waiting.push(...events.map((event) => structuredClone(event)));
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
