import { Queue } from '@forge/events';
import type { JobQueue } from '../../services/ports';

/** Forge takes at most 50 events per push. */
const PUSH_LIMIT = 50;

/** `JobQueue` over a Forge queue (manifest.yml's `consumer` reads it); large pushes go in batches of 50. */
export function forgeQueue(key: string): JobQueue {
  const queue = new Queue({ key });
  return {
    async push(events) {
      for (let start = 0; start < events.length; start += PUSH_LIMIT) {
        await queue.push(events.slice(start, start + PUSH_LIMIT).map((body) => ({ body: { ...body } })));
      }
    },
  };
}
