import { describe, expect, it } from 'vitest';
import type { Transport } from '../../../src/atlassian/transport';
import { createLocalPlatform, createVirtualClock } from '../../../src/platform/local';
import { queueConsumer } from '../../../src/services/consumer';
import { hygieneNightlyFanOut, NIGHTLY_EVENTS_PER_MINUTE } from '../../../src/services/hygiene/handlers';
import { JOB_KEYS } from '../../../src/services/jobs/store';
import type { Platform, QueuedJob } from '../../../src/services/ports';

/** A Jira that lists `count` projects (P0001, P0002…) in pages of the size asked, as /project/search does. */
function siteOfProjects(count: number): Transport {
  const keys = Array.from({ length: count }, (_, index) => `P${String(index + 1).padStart(4, '0')}`);
  return {
    request(request) {
      if (request.path !== '/rest/api/3/project/search')
        return Promise.resolve({ status: 404, headers: {}, body: { errorMessages: ['not here'] } });
      const startAt = Number(request.query?.startAt ?? 0);
      const maxResults = Number(request.query?.maxResults ?? 50);
      const values = keys
        .slice(startAt, startAt + maxResults)
        .map((key, index) => ({ id: String(startAt + index), key, name: `Project ${key}` }));
      const isLast = startAt + values.length >= keys.length;
      return Promise.resolve({ status: 200, headers: {}, body: { values, startAt, maxResults, isLast } });
    },
  };
}

const START = Date.UTC(2026, 10, 17, 2, 0, 0);

/**
 * The nightly fan-out of a site of `count` projects through the local twins (500 events pushed a minute at
 * most, delays waited on a virtual clock): which projects each delivery ran and how many events each minute saw.
 */
async function runNightly(count: number) {
  const clock = createVirtualClock(START);
  const local = createLocalPlatform({ siteUrl: 'http://127.0.0.1:9', twinClock: clock });
  const pushedByMinute = new Map<number, number>();
  const platform: Platform = {
    ...local,
    jira: () => siteOfProjects(count),
    queue: {
      push: async (events: readonly QueuedJob[]) => {
        await local.queue.push(events);
        const minute = Math.floor((clock.now() - START) / 60_000);
        pushedByMinute.set(minute, (pushedByMinute.get(minute) ?? 0) + events.length);
      },
    },
  };
  const delivered: string[] = [];
  local.queue.setConsumer((delivery) => {
    if (delivery.body.kind === 'nightly-project') {
      delivered.push(String(delivery.body.projectKey));
      return Promise.resolve();
    }
    return queueConsumer(platform, delivery);
  });
  const firstStep = await hygieneNightlyFanOut(platform);
  await local.queue.drain();
  return { firstStep, delivered, pushedByMinute, failures: local.queue.failures, store: local.store };
}

describe('the nightly fan-out stays inside Forge’s 500 events pushed a minute', () => {
  it.each([
    ['a site of 12 projects, in one minute', 12, 1],
    ['a site of 399 projects, just in one minute', 399, 1],
    ['a site of 1,200 projects, over four minutes', 1_200, 4],
  ])('queues every project once for %s', async (_name, count, minutes) => {
    const { firstStep, delivered, pushedByMinute, failures } = await runNightly(count);
    expect(failures).toEqual([]);
    expect(firstStep).toHaveLength(Math.min(count, NIGHTLY_EVENTS_PER_MINUTE - 1));
    expect(delivered).toHaveLength(count);
    expect(new Set(delivered).size).toBe(count);
    expect(pushedByMinute.size).toBe(minutes);
    expect(Math.max(...pushedByMinute.values())).toBeLessThanOrEqual(NIGHTLY_EVENTS_PER_MINUTE);
  });

  it('lets go of day-old jobs before it queues anything, even when queueing then fails', async () => {
    const local = createLocalPlatform({ siteUrl: 'http://127.0.0.1:9', now: new Date(START) });
    await local.store.set(JOB_KEYS.record('old-job'), {
      createdAt: new Date(START - 2 * 86_400_000).toISOString(),
    });
    await local.store.set(`${JOB_KEYS.outputs('old-job')}00001`, { items: [] });
    const refusing: Platform = {
      ...local,
      jira: () => siteOfProjects(3),
      queue: { push: () => Promise.reject(new Error('the queue is down')) },
    };
    await expect(hygieneNightlyFanOut(refusing)).rejects.toThrow('the queue is down');
    expect(await local.store.list(JOB_KEYS.record('old-job'))).toEqual([]);
    expect(await local.store.list(JOB_KEYS.outputs('old-job'))).toEqual([]);
  });
});
