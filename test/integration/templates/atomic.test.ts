import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfluenceClient } from '../../../src/atlassian/confluence';
import type { Transport } from '../../../src/atlassian/transport';
import { AppError } from '../../../src/contract/result';
import { createHttpTransport, createMemoryStore } from '../../../src/platform/local';
import type { KeyValueStore } from '../../../src/services/ports';
import { installBundle } from '../../../src/services/templates/install';
import { type InstallRequest } from '../../../src/services/templates/prepare';
import { findBundle, lockInstall, readRecord, writeRecord } from '../../../src/services/templates/records';
import type { TemplatesContext } from '../../../src/services/templates/space';
import { PAGE_PROPERTY_KEY } from '../../../src/templates/model';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';

const PRIYA = '712020:a0000000-0000-4000-8000-000000000002';
const NOW = Date.parse('2026-11-16T09:00:00Z');

let sandbox: RunningSandbox;

const request = (spaceKey: string): InstallRequest => ({
  spaceKey,
  bundleId: 'product-ops',
  language: 'en',
  variables: { orgName: 'Northwind', opsLead: PRIYA, teams: 'Payments', quarterStart: '2027-01-04' },
});

/** A context as the site admin; `transport` and `store` stand in for a run that dies, `at` for a later run. */
function contextOf(
  options: { transport?: Transport; store?: KeyValueStore; at?: number } = {},
): TemplatesContext {
  return {
    confluence: new ConfluenceClient(options.transport ?? createHttpTransport({ siteUrl: sandbox.url }), {
      retry: { sleep: () => Promise.resolve() },
    }),
    store: options.store ?? createMemoryStore(),
    clock: { now: () => new Date(options.at ?? NOW), sleep: () => Promise.resolve() },
    actorAccountId: null,
  };
}

/** The space's pages that carry a bundle marker, with their labels. */
function markedPages(spaceKey: string) {
  const space = sandbox.confluence.state.spaceByKey(spaceKey);
  return [...sandbox.confluence.state.pages.values()].filter(
    (page) =>
      page.spaceId === space?.id && page.status === 'current' && page.properties.has(PAGE_PROPERTY_KEY),
  );
}

/**
 * A process killed (kill -9) at the first request `dies` picks: that request and everything after it never
 * happens, and nothing more reaches the store (no `finally` runs in a dead process).
 */
function killedAt(store: KeyValueStore, dies: (method: string, path: string) => boolean) {
  let dead = false;
  const inner = createHttpTransport({ siteUrl: sandbox.url });
  const transport: Transport = {
    request(sent) {
      if (dead || dies(sent.method, sent.path)) {
        dead = true;
        return new Promise(() => undefined);
      }
      return inner.request(sent);
    },
  };
  const frozen: KeyValueStore = {
    ...store,
    set: (key, value) => (dead ? Promise.resolve() : store.set(key, value)),
    setIfAbsent: (key, value) => (dead ? Promise.resolve(false) : store.setIfAbsent(key, value)),
    delete: (key) => (dead ? Promise.resolve() : store.delete(key)),
  };
  return { transport, store: frozen, isDead: () => dead };
}

async function runUntilKilled(context: TemplatesContext, isDead: () => boolean, spaceKey: string) {
  const run = installBundle(context, request(spaceKey));
  for (let waited = 0; !isDead() && waited < 200; waited++) await new Promise((r) => setTimeout(r, 10));
  expect(isDead()).toBe(true);
  void run.catch(() => undefined);
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seeds: ['demo'] });
});
afterAll(async () => {
  await sandbox.close();
});

describe('an install killed between the writes of a page', () => {
  it.each([
    [
      'before its labels are added',
      'OPS',
      (method: string, path: string) => method === 'POST' && path.endsWith('/label'),
    ],
    [
      'right after the page is created',
      'PROD',
      (method: string, path: string) => method === 'POST' && /\/properties$/.test(path),
    ],
  ])(
    'is finished by the next run: every page gets its labels and then its marker (killed %s)',
    async (_when, spaceKey, dies) => {
      const store = createMemoryStore();
      const killed = killedAt(store, dies);
      await runUntilKilled(
        contextOf({ transport: killed.transport, store: killed.store }),
        killed.isDead,
        spaceKey,
      );

      // The next run comes after the dead run's lock has run out.
      const outcome = await installBundle(contextOf({ store, at: NOW + 60 * 60_000 }), request(spaceKey));
      expect(outcome.remaining).toBe(0);
      const pages = markedPages(spaceKey);
      expect(pages).toHaveLength(6);
      const bundle = await findBundle(createMemoryStore(), 'product-ops', 'en');
      const labelled = bundle.pages.filter((page) => page.labels.length > 0);
      expect(labelled.length).toBeGreaterThan(0);
      for (const wanted of labelled) {
        const page = pages.find(
          (candidate) =>
            (candidate.properties.get(PAGE_PROPERTY_KEY)?.value as { pageKey?: string }).pageKey ===
            wanted.key,
        );
        expect(page?.labels).toEqual(expect.arrayContaining([...wanted.labels]));
      }
      expect((await readRecord(store, spaceKey, 'product-ops'))?.status).toBe('installed');
    },
  );
});

describe('two installs of a bundle into a space at once', () => {
  it('lets one write and refuses the other with CONFLICT, leaving a complete record', async () => {
    const store = createMemoryStore();
    const [first, second] = await Promise.allSettled([
      installBundle(contextOf({ store }), request('ENG')),
      installBundle(contextOf({ store }), request('ENG')),
    ]);
    const outcomes = [first, second].map((settled) =>
      settled.status === 'fulfilled'
        ? 'installed'
        : settled.reason instanceof AppError
          ? settled.reason.code
          : String(settled.reason),
    );
    expect(outcomes.sort()).toEqual(['CONFLICT', 'installed']);
    const record = await readRecord(store, 'ENG', 'product-ops');
    expect(record?.status).toBe('installed');
    expect(Object.keys(record?.templates ?? {})).toHaveLength(3);
    // Once the first is done, the lock is free again.
    expect((await installBundle(contextOf({ store }), request('ENG'))).remaining).toBe(0);
  });

  it('a partial record with no templates, as such a race used to leave, is repaired by the next run', async () => {
    const store = createMemoryStore();
    await installBundle(contextOf({ store }), request('ENG'));
    const complete = await readRecord(store, 'ENG', 'product-ops');
    if (!complete) throw new Error('no record');
    await writeRecord(store, { ...complete, status: 'partial', templates: {} });

    await installBundle(contextOf({ store }), request('ENG'));
    const repaired = await readRecord(store, 'ENG', 'product-ops');
    expect(repaired?.status).toBe('installed');
    expect(repaired?.templates).toEqual(complete.templates);
  });
});

describe('the install lock', () => {
  it.each([
    ['is refused while another run holds it', NOW + 60_000, 'CONFLICT'],
    ['is taken over once the holder’s lease has run out (a run that died)', NOW + 60 * 60_000, 'taken'],
  ])('%s', async (_name, later, expected) => {
    const store = createMemoryStore();
    await lockInstall(store, 'OPS', 'product-ops', NOW);
    const taken = await lockInstall(store, 'OPS', 'product-ops', later).then(
      () => 'taken',
      (error: unknown) => (error instanceof AppError ? error.code : String(error)),
    );
    expect(taken).toBe(expected);
  });

  it('locks a personal space too, whose key starts with ~ (which a KVS key may not hold)', async () => {
    // The memory store refuses a key outside KVS's pattern, as Forge does.
    const store = createMemoryStore();
    const release = await lockInstall(store, '~alice', 'product-ops', NOW);
    await expect(lockInstall(store, '~alice', 'product-ops', NOW)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await release();
    await expect(lockInstall(store, '~alice', 'product-ops', NOW)).resolves.toBeTypeOf('function');
  });

  it('is released by its holder only', async () => {
    const store = createMemoryStore();
    const releaseStale = await lockInstall(store, 'OPS', 'product-ops', NOW);
    await lockInstall(store, 'OPS', 'product-ops', NOW + 60 * 60_000);
    await releaseStale();
    await expect(lockInstall(store, 'OPS', 'product-ops', NOW + 60 * 60_000 + 1)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });
});
