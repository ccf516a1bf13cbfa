import { beforeEach, describe, expect, it, vi } from 'vitest';

// Forge's modules throw outside the Forge runtime, so these tests put small fakes of them in their place and
// check what our adapters ask of Forge: batching, paging, the chosen principal, headers.
const forge = vi.hoisted(() => ({
  pushes: [] as unknown[][],
  queries: [] as { prefix: unknown; cursor?: string; limit?: number }[],
  calls: [] as { as: string; product: string; url: string; init: unknown }[],
  sets: [] as { key: string; options: unknown }[],
}));

vi.mock('@forge/events', () => ({
  Queue: class {
    push(events: unknown[]): Promise<{ jobId: string }> {
      forge.pushes.push(events);
      return Promise.resolve({ jobId: 'job' });
    }
  },
}));

vi.mock('@forge/kvs', () => {
  const data = Array.from({ length: 230 }, (_, index) => ({
    key: `scan:${String(index).padStart(3, '0')}`,
    value: index,
  }));
  const stored = new Set<string>();
  // KVS refuses a FAIL_IF_EXISTS write to a key it holds with 409 KEY_CONFLICT.
  class ForgeKvsAPIError extends Error {
    constructor(
      readonly responseDetails: { status: number },
      forgeError: { code: string; message: string },
    ) {
      super(forgeError.message);
    }
  }
  return {
    ForgeKvsAPIError,
    WhereConditions: { beginsWith: (prefix: string) => ({ condition: 'BEGINS_WITH', values: [prefix] }) },
    kvs: {
      set(key: string, _value: unknown, options?: { keyPolicy?: string }) {
        forge.sets.push({ key, options });
        if (key === 'broken') {
          return Promise.reject(new ForgeKvsAPIError({ status: 500 }, { code: 'INTERNAL', message: 'down' }));
        }
        if (options?.keyPolicy === 'FAIL_IF_EXISTS' && stored.has(key)) {
          return Promise.reject(
            new ForgeKvsAPIError({ status: 409 }, { code: 'KEY_CONFLICT', message: 'exists' }),
          );
        }
        stored.add(key);
        return Promise.resolve();
      },
      query() {
        const state: { prefix: unknown; cursor?: string; limit?: number } = { prefix: undefined };
        const builder = {
          where: (_: string, clause: { values: string[] }) => ((state.prefix = clause.values[0]), builder),
          cursor: (cursor: string) => ((state.cursor = cursor), builder),
          limit: (limit: number) => ((state.limit = limit), builder),
          getMany: () => {
            forge.queries.push({ ...state });
            const start = Number(state.cursor ?? 0);
            const results = data
              .filter((entry) => entry.key.startsWith(String(state.prefix)))
              .slice(start, start + (state.limit ?? 10));
            const next = start + results.length;
            return Promise.resolve({ results, nextCursor: next < 230 ? String(next) : undefined });
          },
        };
        return builder;
      },
    },
  };
});

vi.mock('@forge/api', () => {
  const methods = (as: string) => {
    const request = (product: string) => (url: string, init: unknown) => {
      forge.calls.push({ as, product, url, init });
      const headers = new Headers({ 'Content-Type': 'application/json', 'Retry-After': '3' });
      return Promise.resolve({
        status: 429,
        headers,
        text: () => Promise.resolve('{"errorMessages":["slow down"]}'),
      });
    };
    return { requestJira: request('jira'), requestConfluence: request('confluence') };
  };
  return {
    asUser: (accountId?: string) => methods(accountId === undefined ? 'user' : `user:${accountId}`),
    asApp: () => methods('app'),
    assumeTrustedRoute: (url: string) => url,
  };
});

const { forgeQueue } = await import('../../../src/platform/forge/queue');
const { forgeStore } = await import('../../../src/platform/forge/store');
const { forgeTransport } = await import('../../../src/platform/forge/transport');
const { toInvocationContext } = await import('../../../src/platform/forge/context');

beforeEach(() => {
  forge.pushes.length = 0;
  forge.queries.length = 0;
  forge.calls.length = 0;
});

describe('Forge adapters', () => {
  it('pushes 120 events in batches of 50, 50 and 20, each as an event body', async () => {
    await forgeQueue('hygiene-scan').push(Array.from({ length: 120 }, (_, chunk) => ({ body: { chunk } })));
    expect(forge.pushes.map((batch) => batch.length)).toEqual([50, 50, 20]);
    expect(forge.pushes[2]?.[19]).toEqual({ body: { chunk: 119 } });
  });

  it('lists a key prefix through every KVS page', async () => {
    const entries = await forgeStore.list<number>('scan:');
    expect(entries).toHaveLength(230);
    expect(entries[229]).toEqual({ key: 'scan:229', value: 229 });
    expect(forge.queries.map((query) => query.cursor)).toEqual([undefined, '100', '200']);
    expect(forge.queries.every((query) => query.prefix === 'scan:')).toBe(true);
  });

  it('writes a lock key only where none is, and passes any other KVS failure on', async () => {
    expect(await forgeStore.setIfAbsent('templates:lock:OPS:x', { holder: 'a' })).toBe(true);
    expect(await forgeStore.setIfAbsent('templates:lock:OPS:x', { holder: 'b' })).toBe(false);
    expect(forge.sets.map((set) => set.options)).toEqual([
      { keyPolicy: 'FAIL_IF_EXISTS' },
      { keyPolicy: 'FAIL_IF_EXISTS' },
    ]);
    await expect(forgeStore.setIfAbsent('broken', {})).rejects.toThrow('down');
  });

  it('reads as the user or as the app, with the query on the route and headers lower-cased', async () => {
    const response = await forgeTransport({ kind: 'user', accountId: 'acc' }).request({
      product: 'jira',
      method: 'POST',
      path: '/rest/api/3/search/jql',
      query: { a: 'x y' },
      body: { jql: 'project = "A"' },
    });
    // The principal's own accountId: a queue consumer has no invoking user, and must still act as the job's owner.
    expect(forge.calls[0]).toMatchObject({
      as: 'user:acc',
      product: 'jira',
      url: '/rest/api/3/search/jql?a=x+y',
    });
    expect(forge.calls[0]?.init).toMatchObject({ method: 'POST', body: '{"jql":"project = \\"A\\""}' });
    expect(response).toEqual({
      status: 429,
      headers: { 'content-type': 'application/json', 'retry-after': '3' },
      body: { errorMessages: ['slow down'] },
    });
    await forgeTransport({ kind: 'app' }).request({
      product: 'confluence',
      method: 'GET',
      path: '/wiki/api/v2/spaces',
    });
    expect(forge.calls[1]).toMatchObject({ as: 'app', product: 'confluence' });
  });
});

describe('Forge context mapping', () => {
  const cases = [
    {
      name: 'an issue panel gives the user, the issue and its project, and a BCP 47 locale',
      forgeContext: {
        accountId: 'acc-1',
        moduleKey: 'hygiene-issue-panel',
        locale: 'fr_FR',
        cloudId: 'c',
        extension: {
          type: 'jira:issuePanel',
          issue: { key: 'MOD-1', id: '10001', type: 'Story' },
          project: { key: 'MOD', id: 10000 },
        },
      },
      expected: {
        accountId: 'acc-1',
        moduleKey: 'hygiene-issue-panel',
        locale: 'fr-FR',
        extension: {
          issue: { key: 'MOD-1', id: '10001', type: 'Story' },
          project: { key: 'MOD', id: '10000' },
          space: undefined,
        },
      },
    },
    {
      name: 'space settings give the space',
      forgeContext: {
        accountId: 'acc-2',
        moduleKey: 'templates-space-settings',
        extension: { space: { key: 'ENG', id: 98 } },
      },
      expected: {
        accountId: 'acc-2',
        moduleKey: 'templates-space-settings',
        locale: undefined,
        extension: { issue: undefined, project: undefined, space: { key: 'ENG', id: '98' } },
      },
    },
    {
      name: 'a trigger without user or extension runs with neither',
      forgeContext: { installContext: 'ari:cloud:jira::site/1' },
      expected: {
        accountId: undefined,
        moduleKey: undefined,
        locale: undefined,
        extension: { issue: undefined, project: undefined, space: undefined },
      },
    },
  ];
  it.each(cases)('$name', ({ forgeContext, expected }) => {
    expect(toInvocationContext(forgeContext)).toEqual(expected);
  });
});
