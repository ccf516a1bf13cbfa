import { describe, expect, it } from 'vitest';
import { createResolverHost } from '../../../sandbox/playground/resolver-host';
import type { Transport } from '../../../src/atlassian/transport';
import { createInlineQueue } from '../../../src/platform/local/inline-queue';
import { createLocalPlatform } from '../../../src/platform/local/index';
import { createVirtualClock } from '../../../src/platform/local/limits';
import { createTwinMeter } from '../../../src/platform/local/meter';
import { createMemoryStore } from '../../../src/platform/local/memory-store';
import type { Platform } from '../../../src/services/ports';

const MINUTE = 60_000;
/** 25,000 characters of ASCII: 25,002 bytes of JSON, three units of 10 KB (10,240 bytes). */
const threeUnits = 'x'.repeat(25_000);

describe('the twins’ meter counts what Forge would count', () => {
  it('counts KVS units by request size, and keeps the busiest minute of reads and of writes', async () => {
    const clock = createVirtualClock(0);
    const meter = createTwinMeter();
    const store = createMemoryStore({}, { clock, observer: meter });
    await store.set('big', threeUnits); // 3 write units
    await store.set('small', 1); // 1 write unit
    await store.get('big'); // 3 read units
    await store.get('absent'); // a miss still costs 1 read unit
    clock.advance(MINUTE);
    await store.get('small'); // 1 read unit, next minute
    await store.delete('small'); // 1 write unit, next minute
    expect(meter.reading()).toMatchObject({ peakKvsReadUnits: 4, peakKvsWriteUnits: 4, refusals: {} });
  });

  it('counts a refused KVS request as a refusal naming its limit, and not as spent', async () => {
    const meter = createTwinMeter();
    const store = createMemoryStore(
      { a: 1 },
      { clock: createVirtualClock(0), limits: { kvsReadUnitsPerMinute: 2 }, observer: meter },
    );
    await store.get('a');
    await store.get('a');
    await expect(store.get('a')).rejects.toMatchObject({ limit: 'kvsReadUnitsPerMinute' });
    await expect(store.set('~alice', 1)).rejects.toMatchObject({ limit: 'kvsKeyPattern' });
    expect(meter.reading()).toMatchObject({
      peakKvsReadUnits: 2,
      refusals: { kvsReadUnitsPerMinute: 1, kvsKeyPattern: 1 },
    });
  });

  it('counts events pushed per minute, every delivery (retries too) and the longest by its kind', async () => {
    const clock = createVirtualClock(0);
    const meter = createTwinMeter();
    const queue = createInlineQueue({ clock, observer: meter, limits: { eventRetries: 1 } });
    let failedOnce = false;
    queue.setConsumer(async (delivery) => {
      if (delivery.body.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, 30));
      if (delivery.body.kind === 'flaky' && !failedOnce) {
        failedOnce = true;
        throw new Error('first delivery fails');
      }
    });
    await queue.push([{ body: { kind: 'quick' } }, { body: { kind: 'slow' } }, { body: { kind: 'flaky' } }]);
    await queue.drain();
    clock.advance(MINUTE);
    await queue.push([{ body: { kind: 'quick' } }]);
    await queue.drain();
    const reading = meter.reading();
    // 3 + 1 events delivered, and the flaky one again after its failure.
    expect(reading).toMatchObject({ consumerDeliveries: 5, resolverCalls: 0, peakEvents: 3 });
    expect(reading.longest).toMatchObject({ kind: 'consumer', name: 'slow' });
    expect(reading.longestMs.consumer).toBeGreaterThanOrEqual(25);
  });

  it('counts a push over the minute’s events as a refusal', async () => {
    const meter = createTwinMeter();
    const queue = createInlineQueue({
      clock: createVirtualClock(0),
      observer: meter,
      limits: { eventsPerMinute: 2 },
    });
    await queue.push([{ body: {} }, { body: {} }]);
    await expect(queue.push([{ body: {} }])).rejects.toMatchObject({ limit: 'eventsPerMinute' });
    expect(meter.reading()).toMatchObject({ peakEvents: 2, refusals: { eventsPerMinute: 1 } });
  });

  it('counts each resolver call, and one stopped at its time as a refusal too', async () => {
    const meter = createTwinMeter();
    const never = <T>(): Promise<T> => new Promise<T>(() => undefined);
    const stuck: Transport = { request: never };
    const hanging: Platform = {
      ...createLocalPlatform({ siteUrl: 'http://127.0.0.1:9' }),
      jira: () => stuck,
      confluence: () => stuck,
      store: { get: never, set: never, setIfAbsent: never, delete: never, list: never },
    };
    const invoke = createResolverHost(hanging, { limits: { resolverSeconds: 0.02 }, observer: meter });
    const context = { accountId: 'u-priya', moduleKey: 'hygiene-project-page', extension: {} };
    await invoke({ functionKey: 'hygiene.trend', payload: { projectKey: 'GRW' }, context });
    await invoke({ functionKey: 'hygiene.trend', payload: { projectKey: 'PAY' }, context });
    const reading = meter.reading();
    expect(reading).toMatchObject({ resolverCalls: 2, refusals: { resolverSeconds: 2 } });
    expect(reading.longest).toMatchObject({ kind: 'resolver', name: 'hygiene.trend' });
    expect(reading.longestMs.resolver).toBeGreaterThanOrEqual(20);
  });

  it('starts afresh after reset', async () => {
    const meter = createTwinMeter();
    const store = createMemoryStore({}, { clock: createVirtualClock(0), observer: meter });
    await store.set('a', 1);
    meter.reset();
    expect(meter.reading()).toMatchObject({
      peakKvsWriteUnits: 0,
      resolverCalls: 0,
      consumerDeliveries: 0,
      refusals: {},
    });
    expect(meter.reading().longest).toBeUndefined();
  });
});
