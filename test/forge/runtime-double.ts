/**
 * A test double of what the Forge runtime gives a bundled app: the globals `@forge/api`, `@forge/kvs` and
 * `@forge/events` reach it through (`__forge_fetch__`, `__forge_runtime__`). Read from those packages in
 * node_modules: every product request, KVS operation and queue push is one `__forge_fetch__(target, path,
 * init)` call, `target` saying where it goes ({type: 'fpp', provider: 'user' | 'app', remote: 'jira' |
 * 'confluence' | 'stargate'} or {type: 'kvs'}), answered with a fetch `Response`.
 *
 * Here Jira and Confluence requests go to a sandbox (as the invocation's user, or as the admin for the app),
 * KVS lives in a Map and queue pushes are recorded, so that tests can deliver them to the consumer as Forge would.
 */
import { RequestProductNotAllowedError } from '@forge/api';
import type { Product } from '../../src/atlassian/transport';

interface FetchTarget {
  readonly type: string;
  readonly provider?: string;
  readonly remote?: string;
  readonly accountId?: string;
}

/** One event pushed on a queue, as Forge's push API received it. */
export interface RecordedPush {
  readonly queueName: string;
  readonly jobId: string;
  readonly body: Record<string, unknown>;
  readonly delayInSeconds?: number;
}

export interface ForgeRuntimeDouble {
  /** The app's KVS storage. */
  readonly storage: Map<string, unknown>;
  /** Every event pushed on a queue, in order. */
  readonly pushes: RecordedPush[];
  /** Who each product request acted as ('app' or an accountId), with its product and path. */
  readonly requests: { as: string; product: string; path: string }[];
  /** People who have not yet allowed the app to act for them: their `asUser()` requests need consent. */
  readonly withoutConsent: Set<string>;
  /** The products of the site the app is installed in; requests to any other fail as Forge fails them. */
  readonly installedIn: Set<Product>;
  /** Sets the person the next invocations run as (Forge knows it from the invocation; undefined: no user). */
  actAs(accountId: string | undefined): void;
  /** Removes the globals. */
  uninstall(): void;
}

const QUEUE_PUBLISH = /^\/webhook\/queue\/publish\//;

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

interface KvsQuery {
  readonly limit?: number;
  readonly after?: string;
  readonly where?: readonly { property: string; condition: string; values: readonly unknown[] }[];
}

/** Forge's KVS REST API (`/api/v1/get|set|delete|query`, all POST with a JSON body) over a Map. */
function answerKvs(storage: Map<string, unknown>, path: string, body: Record<string, unknown>): Response {
  const key = String(body.key);
  switch (path) {
    case '/api/v1/get':
      return storage.has(key)
        ? json(200, { key, value: storage.get(key) })
        : json(404, { code: 'KEY_NOT_FOUND', message: `No value for ${key}` });
    case '/api/v1/set':
      storage.set(key, structuredClone(body.value));
      return new Response(null, { status: 204 });
    case '/api/v1/delete':
      storage.delete(key);
      return new Response(null, { status: 204 });
    case '/api/v1/query': {
      const query = body as KvsQuery;
      const prefix = query.where?.find((clause) => clause.condition === 'BEGINS_WITH')?.values[0];
      const keys = [...storage.keys()]
        .filter((candidate) => typeof prefix !== 'string' || candidate.startsWith(prefix))
        .sort();
      const start = query.after === undefined ? 0 : Number(query.after);
      const page = keys.slice(start, start + (query.limit ?? 10));
      const next = start + page.length;
      return json(200, {
        data: page.map((pageKey) => ({ key: pageKey, value: storage.get(pageKey) })),
        ...(next < keys.length ? { cursor: String(next) } : {}),
      });
    }
    default:
      return json(501, { code: 'NOT_IMPLEMENTED', message: `${path} is not part of this double` });
  }
}

/** Installs the double's globals; requests to Jira and Confluence go to `siteUrl` (a running sandbox). */
export function installForgeRuntime(siteUrl: string): ForgeRuntimeDouble {
  const double = {
    storage: new Map<string, unknown>(),
    pushes: [] as RecordedPush[],
    requests: [] as { as: string; product: string; path: string }[],
    withoutConsent: new Set<string>(),
    installedIn: new Set<Product>(['jira', 'confluence']),
  };
  let principal: string | undefined;

  const forgeFetch = async (target: FetchTarget, path: string, init?: RequestInit): Promise<Response> => {
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : {};
    if (target.type === 'kvs') return answerKvs(double.storage, path, body);
    if (target.remote === 'stargate' && QUEUE_PUBLISH.test(path)) {
      const events = body.payload as { body: Record<string, unknown>; delayInSeconds?: number }[];
      for (const event of events)
        double.pushes.push({ queueName: String(body.queueName), jobId: String(body.jobId), ...event });
      return new Response(null, { status: 201 });
    }
    if (target.remote !== 'jira' && target.remote !== 'confluence')
      return json(501, { message: `${String(target.remote)} is not part of this double` });

    const as = target.provider === 'user' ? (target.accountId ?? principal) : 'app';
    if (as === undefined) throw new Error('asUser() outside an invocation by a user');
    if (as !== 'app' && double.withoutConsent.has(as))
      return new Response(null, {
        status: 401,
        headers: { 'forge-proxy-error': 'NEEDS_AUTHENTICATION_ERR' },
      });
    double.requests.push({ as, product: target.remote, path });
    // A product the installation does not include: the runtime refuses the request itself.
    if (!double.installedIn.has(target.remote))
      throw new RequestProductNotAllowedError(target.remote, [...double.installedIn][0] ?? 'jira');
    const headers = new Headers(init?.headers);
    if (as !== 'app') headers.set('x-sandbox-act-as', as);
    return fetch(`${siteUrl}${path}`, { ...init, headers });
  };

  const metric = { incr: () => undefined, measure: () => ({ stop: () => undefined }) };
  const globals = globalThis as Record<string, unknown>;
  globals.__forge_fetch__ = forgeFetch;
  globals.__forge_runtime__ = {
    appContext: { appId: 'vertebra-test', environmentId: 'test', environmentType: 'DEVELOPMENT' },
    lambdaContext: {},
    metrics: { counter: () => metric, timing: () => metric },
  };

  return {
    ...double,
    actAs: (accountId) => {
      principal = accountId;
    },
    uninstall: () => {
      delete globals.__forge_fetch__;
      delete globals.__forge_runtime__;
    },
  };
}
