import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpTransport, SiteUnreachableError } from '../../../src/platform/local/http-transport';
import { createFileStore } from '../../../src/platform/local/file-store';
import { createInlineQueue } from '../../../src/platform/local/inline-queue';
import { createVirtualClock } from '../../../src/platform/local/limits';
import { createMemoryStore } from '../../../src/platform/local/memory-store';
import { createLocalPlatform } from '../../../src/platform/local/index';
import type { KeyValueStore } from '../../../src/services/ports';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

// A tiny HTTP site that echoes what it received, so tests see exactly what went over the wire.
const seen: Seen[] = [];
const server = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
  request.on('end', () => {
    seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
    if (request.url?.startsWith('/text')) {
      response.writeHead(503, { 'Retry-After': '2', 'Content-Type': 'text/plain' });
      response.end('Service down');
      return;
    }
    if (request.url?.startsWith('/empty')) {
      response.writeHead(204);
      response.end();
      return;
    }
    response.writeHead(200, { 'Content-Type': 'application/json', 'X-Custom-Header': 'yes' });
    response.end(JSON.stringify({ ok: true }));
  });
});
let site = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  site = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});
const last = (): Seen => seen[seen.length - 1] as Seen;
const basic = (user: string): string => `Basic ${Buffer.from(user).toString('base64')}`;

describe('HTTP transport', () => {
  it('sends the path, repeated query parameters and a JSON body, and lower-cases response headers', async () => {
    const transport = createHttpTransport({
      siteUrl: `${site}/`,
      email: 'me@example.com',
      apiToken: 'token-1',
    });
    const response = await transport.request({
      product: 'jira',
      method: 'POST',
      path: '/rest/api/3/search/jql',
      query: { expand: ['a', 'b'], maxResults: 5, skip: undefined },
      body: { jql: 'project = "A"' },
    });
    expect(response).toMatchObject({ status: 200, body: { ok: true } });
    expect(response.headers['x-custom-header']).toBe('yes');
    expect(last().url).toBe('/rest/api/3/search/jql?expand=a&expand=b&maxResults=5');
    expect(last().headers.authorization).toBe(basic('me@example.com:token-1'));
    expect(last().headers['content-type']).toBe('application/json');
    expect(JSON.parse(last().body)).toEqual({ jql: 'project = "A"' });
  });

  it('hands back a non-JSON error body as text and an empty body as undefined', async () => {
    const transport = createHttpTransport({ siteUrl: site });
    const down = await transport.request({ product: 'confluence', method: 'GET', path: '/text' });
    expect(down).toMatchObject({ status: 503, body: 'Service down' });
    expect(down.headers['retry-after']).toBe('2');
    expect(
      (await transport.request({ product: 'jira', method: 'DELETE', path: '/empty' })).body,
    ).toBeUndefined();
    expect(last().headers.authorization).toBeUndefined();
  });

  it('says which site it could not reach', async () => {
    // A port that was free a moment ago: nothing listens there.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = String((closed.address() as AddressInfo).port);
    await new Promise((resolve) => closed.close(resolve));
    const transport = createHttpTransport({ siteUrl: `http://127.0.0.1:${port}` });
    const error = await transport
      .request({ product: 'jira', method: 'GET', path: '/x' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SiteUnreachableError);
    expect((error as Error).message).toBe(
      `cannot reach http://127.0.0.1:${port}: connect ECONNREFUSED 127.0.0.1:${port}`,
    );
  });
});

describe('local platform principals', () => {
  const request = { product: 'jira', method: 'GET', path: '/rest/api/3/myself' } as const;

  it('on a sandbox, acts as the user principal through x-sandbox-act-as and as the admin for the app', async () => {
    const platform = createLocalPlatform({ siteUrl: site });
    expect(platform.isSandbox).toBe(true);
    await platform.jira({ kind: 'user', accountId: 'acc-42' }).request(request);
    expect(last().headers['x-sandbox-act-as']).toBe('acc-42');
    await platform.confluence({ kind: 'app' }).request({ ...request, path: '/wiki/api/v2/spaces' });
    expect(last().headers['x-sandbox-act-as']).toBeUndefined();
    expect(last().headers.authorization).toBeUndefined();
    expect(last().url).toBe('/wiki/api/v2/spaces');
  });

  it('on a real site, signs every request in with the API token, whoever the principal', async () => {
    const platform = createLocalPlatform({ siteUrl: site, email: 'ops@example.com', apiToken: 'secret' });
    expect(platform.isSandbox).toBe(false);
    await platform.jira({ kind: 'user', accountId: 'acc-42' }).request(request);
    expect(last().headers.authorization).toBe(basic('ops@example.com:secret'));
    expect(last().headers['x-sandbox-act-as']).toBeUndefined();
    await platform.jira({ kind: 'app' }).request(request);
    expect(last().headers.authorization).toBe(basic('ops@example.com:secret'));
  });

  it('pins the clock to --now', () => {
    const platform = createLocalPlatform({ siteUrl: site, now: new Date('2026-01-15T09:00:00Z') });
    expect(platform.clock.now().toISOString()).toBe('2026-01-15T09:00:00.000Z');
  });
});

const storeCases: { name: string; make: () => Promise<{ store: KeyValueStore; dir?: string }> }[] = [
  { name: 'memory store', make: () => Promise.resolve({ store: createMemoryStore() }) },
  {
    name: 'file store',
    make: async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'vertebra-store-'));
      return { store: createFileStore(path.join(dir, 'store')), dir };
    },
  },
];

describe.each(storeCases)('$name', ({ make }) => {
  it('reads back what was written, forgets what was deleted, and lists a prefix in key order', async () => {
    const { store, dir } = await make();
    try {
      expect(await store.get('hygiene:config')).toBeUndefined();
      await Promise.all([
        store.set('hygiene:scan:2', { done: 2 }),
        store.set('hygiene:scan:1', { done: 1 }),
        store.set('hygiene:config', { rules: ['a'] }),
        store.set('templates:bundle:x', { name: 'x' }),
      ]);
      expect(await store.get('hygiene:config')).toEqual({ rules: ['a'] });
      expect(await store.list('hygiene:scan:')).toEqual([
        { key: 'hygiene:scan:1', value: { done: 1 } },
        { key: 'hygiene:scan:2', value: { done: 2 } },
      ]);
      await store.delete('hygiene:scan:1');
      expect((await store.list('hygiene:')).map((entry) => entry.key)).toEqual([
        'hygiene:config',
        'hygiene:scan:2',
      ]);
      expect((await store.list('')).map((entry) => entry.key)).toEqual([
        'hygiene:config',
        'hygiene:scan:2',
        'templates:bundle:x',
      ]);
    } finally {
      if (dir) await rm(dir, { recursive: true, force: true });
    }
  });

  it('writes only where nothing is, and of ten callers at once exactly one wins', async () => {
    const { store, dir } = await make();
    try {
      const won = await Promise.all(
        Array.from({ length: 10 }, (_, index) =>
          store.setIfAbsent('templates:lock:OPS:x', { holder: index }),
        ),
      );
      expect(won.filter(Boolean)).toHaveLength(1);
      expect(await store.get('templates:lock:OPS:x')).toEqual({ holder: won.indexOf(true) });
      await store.delete('templates:lock:OPS:x');
      expect(await store.setIfAbsent('templates:lock:OPS:x', { holder: 'next' })).toBe(true);
    } finally {
      if (dir) await rm(dir, { recursive: true, force: true });
    }
  });

  it('keeps a stored value apart from the object the caller goes on changing', async () => {
    const { store, dir } = await make();
    try {
      const config = { rules: ['a'] };
      await store.set('hygiene:config', config);
      config.rules.push('b');
      expect(await store.get('hygiene:config')).toEqual({ rules: ['a'] });
    } finally {
      if (dir) await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('file store on disk', () => {
  it('keeps one JSON file per namespace, survives a new process, and loses no write among 100 at once', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'vertebra-store-'));
    try {
      const store = createFileStore(dir);
      await Promise.all(
        Array.from({ length: 100 }, (_, index) =>
          store.set(`hygiene:issue:${String(index).padStart(3, '0')}`, index),
        ),
      );
      const reopened = createFileStore(dir);
      expect(await reopened.list('hygiene:issue:')).toHaveLength(100);
      expect((await readdir(dir)).sort()).toEqual(['hygiene.json']);
      const onDisk = JSON.parse(await readFile(path.join(dir, 'hygiene.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      expect(onDisk['hygiene:issue:042']).toBe(42);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('inline queue', () => {
  it('hands every event to the consumer after push returns, in order', async () => {
    const queue = createInlineQueue();
    const handled: unknown[] = [];
    queue.setConsumer(async (event) => {
      await Promise.resolve();
      handled.push(event.body.chunk);
    });
    await queue.push([{ body: { chunk: 1 } }, { body: { chunk: 2 } }]);
    expect(handled).toEqual([]);
    await queue.push([{ body: { chunk: 3 } }]);
    await queue.drain();
    expect(handled).toEqual([1, 2, 3]);
  });

  it('keeps events pushed before a consumer is registered, and records an event failing for good without stopping', async () => {
    const queue = createInlineQueue({ clock: createVirtualClock() });
    await queue.push([{ body: { chunk: 1 } }, { body: { chunk: 2 } }]);
    const handled: unknown[] = [];
    queue.setConsumer((event) => {
      if (event.body.chunk === 1) return Promise.reject(new Error('chunk 1 failed'));
      handled.push(event.body.chunk);
      return Promise.resolve();
    });
    await queue.drain();
    expect(handled).toEqual([2]);
    expect(queue.failures.map((failure) => (failure as Error).message)).toEqual(['chunk 1 failed']);
  });
});
