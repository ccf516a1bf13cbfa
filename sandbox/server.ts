/**
 * The sandbox: a local Jira Cloud + Confluence Cloud on `node:http`, with Atlassian's REST shapes, demo or
 * file seeds, injectable faults (latency, 5xx, 429) and per-endpoint request counts for benchmarks.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createConfluenceSandbox } from './confluence/index';
import {
  BadJsonError,
  notFound,
  productError,
  readJsonBody,
  Router,
  writeResponse,
  type SandboxResponse,
} from './http';
import { createJiraSandbox, type JiraState } from './jira/index';
import { warmRichText } from './jira/render';
import { seededRandom } from './seed/random';
import { applySeeds } from './seed/index';
import { createUserDirectory, type UserDirectory } from './users';

export interface SandboxOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  readonly host?: string;
  /** `'demo'` or paths of JSON / JSONL / JSONL.gz issue files; default `['demo']`. */
  readonly seeds?: readonly string[];
  /** Seed of the demo organisation's generator and of the fault dice; default 42. */
  readonly seedNumber?: number;
  /** Delay added to every REST request. */
  readonly latencyMs?: number;
  /** Share (0..1) of REST requests answered with a 5xx. */
  readonly failRate?: number;
  /** REST requests per second per acting user before answering 429 with `Retry-After`. */
  readonly rateLimit?: number;
  /** Clock for relative JQL dates (`-14d`, `startOfDay()`); default the real time. */
  readonly now?: Date;
  /** Tried first; resolves true when it handled the request (the playground serves its pages this way). */
  readonly extraHandler?: (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;
}

interface SandboxStats {
  readonly total: number;
  /** Keyed `METHOD /pattern`, e.g. `GET /rest/api/3/search/jql`. */
  readonly byEndpoint: Record<string, number>;
}

export interface RunningSandbox {
  readonly url: string;
  readonly port: number;
  readonly users: UserDirectory;
  readonly jira: JiraState;
  readonly confluence: ReturnType<typeof createConfluenceSandbox>;
  stats(): SandboxStats;
  resetStats(): void;
  /**
   * Resolves once wiki markup from v2 seeds is converted to ADF (a background task of a few seconds for the
   * tidev file); benchmarks await it so that no measured read pays the conversion.
   */
  readonly warmedUp: Promise<void>;
  close(): Promise<void>;
}

const FAILURES: readonly { status: number; message: string }[] = [
  { status: 500, message: 'Internal server error (sandbox fault injection).' },
  { status: 502, message: 'Bad gateway (sandbox fault injection).' },
  { status: 503, message: 'Service unavailable (sandbox fault injection).' },
];

/** Starts a sandbox and resolves once it listens; `close()` stops it. */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const users = createUserDirectory();
  const seedNumber = options.seedNumber ?? 42;
  const jiraSandbox = createJiraSandbox(users, { now: options.now });
  const confluence = createConfluenceSandbox(users);
  const router = new Router();
  jiraSandbox.register(router);
  confluence.register(router);

  const dice = seededRandom(seedNumber ^ 0x5eed);
  const limiter = createRateLimiter(options.rateLimit);
  let counts = new Map<string, number>();
  let total = 0;
  const count = (endpoint: string): void => {
    total++;
    counts.set(endpoint, (counts.get(endpoint) ?? 0) + 1);
  };

  const stats = (): SandboxStats => ({ total, byEndpoint: Object.fromEntries(counts) });
  const resetStats = (): void => {
    counts = new Map();
    total = 0;
  };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (options.extraHandler && (await options.extraHandler(request, response))) return;
    const url = new URL(request.url ?? '/', 'http://sandbox.local');
    const method = (request.method ?? 'GET').toUpperCase();
    const path = url.pathname;

    if (path.startsWith('/__sandbox/')) {
      writeResponse(response, sandboxControl(method, path));
      return;
    }

    const match = router.match(method, path);
    count(match?.endpoint ?? `${method} (unknown path)`);
    if (options.latencyMs) await delay(options.latencyMs);

    const auth = users.authenticate(request.headers);
    if (!auth.ok) {
      writeResponse(response, productError(path, 401, auth.message));
      return;
    }
    const retryAfter = limiter(auth.user.accountId);
    if (retryAfter !== undefined) {
      const limited = productError(path, 429, 'Rate limit exceeded.');
      writeResponse(response, { ...limited, headers: { 'retry-after': String(retryAfter) } });
      return;
    }
    if (options.failRate && dice() < options.failRate) {
      const failure = FAILURES[Math.floor(dice() * FAILURES.length)] ?? {
        status: 500,
        message: 'Internal error.',
      };
      const failed = productError(path, failure.status, failure.message);
      writeResponse(
        response,
        failure.status === 503 ? { ...failed, headers: { 'retry-after': '1' } } : failed,
      );
      return;
    }
    if (!match) {
      writeResponse(response, router.hasPath(path) ? { status: 405, body: undefined } : notFound(path));
      return;
    }
    let body: unknown;
    try {
      body = await readJsonBody(request);
    } catch (error) {
      if (error instanceof BadJsonError) {
        writeResponse(response, productError(path, 400, error.message));
        return;
      }
      throw error;
    }
    const result = await match.handler({
      method,
      path,
      params: match.params,
      query: url.searchParams,
      body,
      headers: request.headers,
      user: auth.user,
    });
    writeResponse(response, result);
  }

  function sandboxControl(method: string, path: string): SandboxResponse {
    if (method === 'GET' && path === '/__sandbox/stats') return { status: 200, body: stats() };
    if (method === 'POST' && path === '/__sandbox/stats/reset') {
      resetStats();
      return { status: 204 };
    }
    if (method === 'GET' && path === '/__sandbox/users') return { status: 200, body: users.all() };
    return { status: 404, body: { errorMessages: [`No sandbox control at ${method} ${path}`], errors: {} } };
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (!response.headersSent)
        writeResponse(response, { status: 500, body: { errorMessages: [message], errors: {} } });
      else response.end();
    });
  });
  // Keep connections open between requests as Atlassian's edge does. Below undici's 2 s margin (Node's `fetch`),
  // every request would open a new connection; `close` still ends open ones at once.
  server.keepAliveTimeout = 65_000;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  jiraSandbox.state.setBaseUrl(url);
  // Seeded after listening, so that every `self` link carries the real address.
  try {
    applySeeds(options.seeds ?? ['demo'], { jira: jiraSandbox.state, confluence, users, seedNumber });
  } catch (error) {
    server.close();
    throw error;
  }
  let closed = false;
  const warmedUp = warmRichText(jiraSandbox.state, () => closed);

  return {
    url,
    port,
    users,
    jira: jiraSandbox.state,
    confluence,
    stats,
    resetStats,
    warmedUp,
    close: () =>
      new Promise<void>((resolve, reject) => {
        closed = true;
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
        server.closeAllConnections();
      }),
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * A token bucket per acting user: `rate` requests per second with a burst of `rate`. Answers the
 * `Retry-After` seconds when a request must be refused, undefined when it may pass.
 */
export function createRateLimiter(
  rate: number | undefined,
  now: () => number = () => Date.now(),
): (accountId: string) => number | undefined {
  if (!rate || rate <= 0) return () => undefined;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return (accountId) => {
    const time = now();
    const bucket = buckets.get(accountId) ?? { tokens: rate, at: time };
    bucket.tokens = Math.min(rate, bucket.tokens + ((time - bucket.at) / 1000) * rate);
    bucket.at = time;
    buckets.set(accountId, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return undefined;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / rate));
  };
}
