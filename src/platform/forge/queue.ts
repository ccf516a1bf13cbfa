import { Queue, RateLimitError } from '@forge/events';
import { chunksOf } from '../../atlassian/request';
import { markBusy, type JobQueue } from '../../services/ports';

/** Forge takes at most 50 events per push. */
const PUSH_LIMIT = 50;

/** `JobQueue` over a Forge queue (manifest.yml's `consumer` reads it); large pushes go in batches of 50. */
export function forgeQueue(key: string): JobQueue {
  const queue = new Queue({ key });
  return {
    async push(events) {
      for (const batch of chunksOf(events, PUSH_LIMIT)) {
        try {
          await queue.push(batch.map((job) => ({ ...job, body: { ...job.body } })));
        } catch (error) {
          // Past the installation's events of a minute.
          throw error instanceof RateLimitError ? markBusy(error) : error;
        }
      }
    },
  };
}
