import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createResolverHost } from '../../../sandbox/playground/resolver-host';
import type { Transport } from '../../../src/atlassian/transport';
import { createFileStore } from '../../../src/platform/local/file-store';
import { createInlineQueue } from '../../../src/platform/local/inline-queue';
import { createVirtualClock, ForgeLimitError } from '../../../src/platform/local/limits';
import { createLocalPlatform } from '../../../src/platform/local/index';
import { createMemoryStore } from '../../../src/platform/local/memory-store';
import { errorBodyOf } from '../../../src/services/errors';
import type { JobDelivery, KeyValueStore, Platform } from '../../../src/services/ports';

/** What a twin threw, for asserting the limit it names. */
async function refusal(work: () => Promise<unknown>): Promise<ForgeLimitError> {
  const error = await work().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ForgeLimitError);
  return error as ForgeLimitError;
}

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const stores: { name: string; make: () => Promise<KeyValueStore> }[] = [
  { name: 'memory store', make: () => Promise.resolve(createMemoryStore()) },
  {
    name: 'file store',
    make: async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'vertebra-limits-'));
      dirs.push(dir);
      return createFileStore(dir);
    },
  },
];

describe.each(stores)('the $name refuses what Forge KVS refuses, writing nothing', ({ make }) => {
  const nested = (depth: number): unknown => (depth === 0 ? 'leaf' : { child: nested(depth - 1) });
  it.each([
    [
      'a personal space key’s “~”',
      'templates:install:~alice:product-ops',
      {},
      'kvsKeyPattern',
      'INVALID_KEY',
    ],
    ['a key of 501 characters', `k:${'a'.repeat(499)}`, {}, 'kvsKeyChars', 'KEY_TOO_LONG'],
    // 130,000 “é” are 260,000 bytes of UTF-8: under 240 KiB in characters, over it in bytes.
    [
      'a value over 240 KiB of UTF-8',
      'hygiene:big',
      { text: 'é'.repeat(130_000) },
      'kvsValueBytes',
      'MAX_SIZE',
    ],
    ['a value 33 levels deep', 'hygiene:deep', nested(33), 'kvsValueDepth', 'MAX_DEPTH'],
  ])('refuses %s', async (_name, key, value, limit, code) => {
    const store = await make();
    const error = await refusal(() => store.set(key, value));
    expect(error).toMatchObject({ limit, code });
    expect(await store.list('')).toEqual([]);
  });

  it('takes a value of 240 KiB of UTF-8 exactly and a key with spaces, dots and #', async () => {
    const store = await make();
    const text = 'x'.repeat(240 * 1024 - '{"text":""}'.length);
    await store.set('templates:install:My space #2.v1', { text });
    expect(await store.get('templates:install:My space #2.v1')).toEqual({ text });
  });
});

describe('the KVS budget of an installation, in 10 KB units a minute', () => {
  it('counts a 65 KB write as 7 units and refuses the write past 4,000, until the next minute', async () => {
    const clock = createVirtualClock(Date.UTC(2026, 0, 1));
    const store = createMemoryStore({}, { clock });
    const value = { text: 'x'.repeat(65 * 1024 - '{"text":""}'.length) };
    for (let write = 0; write < 571; write++) await store.set('hygiene:part', value); // 3,997 units
    expect(await refusal(() => store.set('hygiene:part', value))).toMatchObject({
      limit: 'kvsWriteUnitsPerMinute',
      code: 'RATE_LIMIT_EXCEEDED',
    });
    clock.advance(60_000);
    await expect(store.set('hygiene:part', value)).resolves.toBeUndefined();
  });

  it('refuses the read past 4,000 units in a minute (a 95 KB value read 400 times)', async () => {
    const clock = createVirtualClock(Date.UTC(2026, 0, 1));
    const store = createMemoryStore(
      { 'hygiene:part': { text: 'x'.repeat(95 * 1024 - '{"text":""}'.length) } },
      { clock },
    );
    for (let read = 0; read < 400; read++) await store.get('hygiene:part');
    expect(await refusal(() => store.get('hygiene:part'))).toMatchObject({
      limit: 'kvsReadUnitsPerMinute',
      code: 'RATE_LIMIT_EXCEEDED',
    });
  });

  it('tells the person who met the refusal to try again in a minute, not that something broke', async () => {
    const clock = createVirtualClock(Date.UTC(2026, 0, 1));
    const store = createMemoryStore({ 'hygiene:part': { text: 'x'.repeat(9000) } }, { clock });
    for (let read = 0; read < 4000; read++) await store.get('hygiene:part');
    expect(errorBodyOf(await refusal(() => store.get('hygiene:part')))).toMatchObject({
      code: 'RATE_LIMITED',
      message: expect.stringContaining('try again in a minute') as unknown,
    });
  });
});

const events = (count: number, body: Record<string, unknown> = {}) =>
  Array.from({ length: count }, (_, index) => ({ body: { ...body, index } }));

describe('the inline queue refuses what Forge’s queue refuses', () => {
  it.each([
    ['51 events in one push', events(51), 'eventsPerPush', 'TooManyEventsError'],
    [
      'two events of 110 KB in one push',
      events(2, { text: 'x'.repeat(110 * 1024) }),
      'pushBytes',
      'PayloadTooBigError',
    ],
    [
      'a delay of 901 seconds',
      [{ body: {}, delayInSeconds: 901 }],
      'delayInSeconds',
      'InvalidPushSettingsError',
    ],
  ])('refuses %s and queues none of it', async (_name, pushed, limit, code) => {
    const queue = createInlineQueue({ clock: createVirtualClock() });
    const handled: unknown[] = [];
    queue.setConsumer((delivery) => {
      handled.push(delivery.body);
      return Promise.resolve();
    });
    expect(await refusal(() => queue.push(pushed))).toMatchObject({ limit, code });
    await queue.drain();
    expect(handled).toEqual([]);
  });

  it('refuses events past 500 pushed in a minute, and takes them again the next minute', async () => {
    const clock = createVirtualClock(Date.UTC(2026, 0, 1));
    const queue = createInlineQueue({ clock });
    for (let push = 0; push < 10; push++) await queue.push(events(50));
    expect(await refusal(() => queue.push(events(1)))).toMatchObject({
      limit: 'eventsPerMinute',
      code: 'RateLimitError',
    });
    clock.advance(60_000);
    await expect(queue.push(events(1))).resolves.toBeUndefined();
  });

  it('delivers a delayed event once its delay has passed, after the events due before it', async () => {
    const clock = createVirtualClock(Date.UTC(2026, 0, 1));
    const queue = createInlineQueue({ clock });
    const delivered: { name: unknown; at: number }[] = [];
    queue.setConsumer((delivery) => {
      delivered.push({ name: delivery.body.name, at: clock.now() });
      return Promise.resolve();
    });
    await queue.push([
      { body: { name: 'late' }, delayInSeconds: 900 },
      { body: { name: 'soon' }, delayInSeconds: 60 },
      { body: { name: 'now' } },
    ]);
    await queue.drain();
    const start = Date.UTC(2026, 0, 1);
    expect(delivered).toEqual([
      { name: 'now', at: start },
      { name: 'soon', at: start + 60_000 },
      { name: 'late', at: start + 900_000 },
    ]);
  });
});

describe('the inline queue retries a failing event as Forge does', () => {
  it('delivers the same event again with retryCount 1, 2… until it succeeds', async () => {
    const queue = createInlineQueue({ clock: createVirtualClock() });
    const deliveries: JobDelivery[] = [];
    queue.setConsumer((delivery) => {
      deliveries.push(delivery);
      return deliveries.length < 3 ? Promise.reject(new Error('Jira is down')) : Promise.resolve();
    });
    await queue.push([{ body: { part: 7 } }]);
    await queue.drain();
    expect(deliveries.map((delivery) => delivery.retryCount)).toEqual([0, 1, 2]);
    expect(new Set(deliveries.map((delivery) => delivery.eventId)).size).toBe(1);
    expect(deliveries.every((delivery) => delivery.body.part === 7)).toBe(true);
    expect(queue.failures).toEqual([]);
  });

  it('gives up after Forge’s 4 retries and keeps the last error', async () => {
    const queue = createInlineQueue({ clock: createVirtualClock() });
    const counts: number[] = [];
    queue.setConsumer((delivery) => {
      counts.push(delivery.retryCount);
      return Promise.reject(new Error(`attempt ${String(delivery.retryCount)}`));
    });
    await queue.push([{ body: {} }]);
    await queue.drain();
    expect(counts).toEqual([0, 1, 2, 3, 4]);
    expect(queue.failures.map((failure) => (failure as Error).message)).toEqual(['attempt 4']);
  });

  it('stops a consumer over its timeoutSeconds and counts it a failed delivery', async () => {
    const queue = createInlineQueue({
      clock: createVirtualClock(),
      limits: { consumerSeconds: 0.02, eventRetries: 0 },
    });
    queue.setConsumer(() => new Promise<void>(() => undefined));
    await queue.push([{ body: {} }]);
    await queue.drain();
    expect(queue.failures).toHaveLength(1);
    expect(queue.failures[0]).toMatchObject({ limit: 'consumerSeconds', code: 'FUNCTION_TIME_OUT' });
  });
});

describe('the playground’s resolver host refuses what Forge’s invoke refuses', () => {
  const context = { accountId: 'u-priya', moduleKey: 'hygiene-issue-panel', extension: {} };
  const never = <T>(): Promise<T> => new Promise<T>(() => undefined);
  // A platform that never answers: any resolver that reaches Jira or the store runs until it is stopped.
  const stuck: Transport = { request: never };
  const hanging: Platform = {
    ...createLocalPlatform({ siteUrl: 'http://127.0.0.1:9' }),
    jira: () => stuck,
    confluence: () => stuck,
    store: { get: never, set: never, setIfAbsent: never, delete: never, list: never },
  };

  it.each([
    [
      'a payload over 500 KB',
      createResolverHost(hanging),
      { functionKey: 'app.whoami', payload: { text: 'x'.repeat(500 * 1024) }, context },
      400,
      'invokePayloadBytes',
    ],
    [
      'a response over its limit (lowered to 10 bytes)',
      createResolverHost(hanging, { limits: { invokeResponseBytes: 10 } }),
      { functionKey: 'app.whoami', payload: {}, context },
      500,
      'invokeResponseBytes',
    ],
    [
      'a resolver that runs over its time (lowered to 20 ms)',
      createResolverHost(hanging, { limits: { resolverSeconds: 0.02 } }),
      { functionKey: 'hygiene.trend', payload: { projectKey: 'GRW' }, context },
      500,
      'resolverSeconds',
    ],
  ])('refuses %s, naming the limit', async (_name, invoke, body, status, limit) => {
    const answer = await invoke(body);
    expect(answer).toMatchObject({ status, body: { limit } });
  });
});
