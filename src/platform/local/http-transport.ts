import { Agent, interceptors, request as send, type Dispatcher } from 'undici';
import { parseBody } from '../../atlassian/response';
import {
  encodeQuery,
  type Transport,
  type TransportRequest,
  type TransportResponse,
} from '../../atlassian/transport';

export interface HttpTransportOptions {
  /** The site root, e.g. `https://example.atlassian.net` or `http://localhost:8787`; Confluence lives under `/wiki`. */
  readonly siteUrl: string;
  /** Basic auth user (a real site's account email, or a sandbox user's email). */
  readonly email?: string | undefined;
  /** API token for a real site; the sandbox accepts any. */
  readonly apiToken?: string | undefined;
  /** Sandbox only: act as this accountId (`x-sandbox-act-as`), whatever the basic auth says. */
  readonly actAs?: string | undefined;
  /**
   * How long one attempt at a request may take, from connecting to the last byte of the body; DEFAULT_TIMEOUT_MS
   * when absent. A whole-attempt deadline, not an idle one: a site that drips a byte a second never idles. Each
   * call of `request` gets its own, so a retry (`send`) starts with the full time again.
   */
  readonly timeoutMs?: number | undefined;
  /** The signal that ends an attempt after `ms`; replaced in tests so that they do not wait. */
  readonly deadline?: ((ms: number) => AbortSignal) | undefined;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/** Thrown when the site cannot be reached at all, so the CLI can say so in one line. */
export class SiteUnreachableError extends Error {
  override readonly name = 'SiteUnreachableError';
  constructor(
    readonly siteUrl: string,
    readonly reason: string,
  ) {
    super(`cannot reach ${siteUrl}: ${reason}`);
  }
}

/** Thrown when a request did not complete within the transport's deadline (`--timeout` in the CLI). */
class SiteTimeoutError extends Error {
  override readonly name = 'SiteTimeoutError';
  constructor(
    readonly siteUrl: string,
    readonly timeoutMs: number,
  ) {
    super(`no complete answer from ${siteUrl} within ${String(timeoutMs / 1000)} s (--timeout)`);
  }
}

/**
 * Thrown for a success status whose body is not the JSON every endpoint the app calls answers: an HTML page (a
 * proxy, a login wall) or JSON cut short. Said in one line rather than as a schema failure further on.
 */
class UnexpectedAnswerError extends Error {
  override readonly name = 'UnexpectedAnswerError';
  constructor(
    readonly siteUrl: string,
    readonly status: number,
    readonly contentType: string,
  ) {
    super(
      /json/i.test(contentType)
        ? `${siteUrl} answered ${String(status)} with JSON that is cut short or malformed`
        : `${siteUrl} answered ${String(status)} with ${contentType || 'a body of no stated type'}, not JSON`,
    );
  }
}

/** Whether a body that parsed to a string was a JSON string literal (`"…"`) rather than text that is not JSON. */
function isJsonString(bytes: Uint8Array): boolean {
  const first = bytes.findIndex((byte) => byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d);
  return bytes[first] === 0x22;
}

/**
 * One connection pool for every transport of the process, following redirects as `fetch` would. undici's
 * `request` rather than `fetch` (the same client underneath): without web streams in the way, a 6,686-issue
 * hygiene report spends about a third less CPU reading its 67 pages (measured with `npm run bench -- hygiene`).
 */
let pool: Dispatcher | undefined;
function dispatcher(): Dispatcher {
  pool ??= new Agent().compose(interceptors.redirect({ maxRedirections: 5 }));
  return pool;
}

/**
 * `Transport` over HTTP for the CLI, the playground and tests: base URL + basic auth, as Atlassian's own clients
 * sign in. JSON in and out; header names lower-cased as the interface promises.
 */
export function createHttpTransport(options: HttpTransportOptions): Transport {
  const base = options.siteUrl.replace(/\/+$/, '');
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.email !== undefined) {
    headers.authorization = `Basic ${Buffer.from(`${options.email}:${options.apiToken ?? 'sandbox'}`).toString('base64')}`;
  }
  if (options.actAs !== undefined) headers['x-sandbox-act-as'] = options.actAs;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const startDeadline = options.deadline ?? ((ms: number) => AbortSignal.timeout(ms));

  return {
    async request(request: TransportRequest): Promise<TransportResponse> {
      const url = `${base}${request.path}${encodeQuery(request.query)}`;
      const body = request.body === undefined ? undefined : JSON.stringify(request.body);
      const deadline = startDeadline(timeoutMs);
      const failure = (cause: unknown): Error => {
        if (deadline.aborted) return new SiteTimeoutError(base, timeoutMs);
        // The reason (ECONNREFUSED, ENOTFOUND) may sit in `cause`.
        const inner =
          cause instanceof Error && cause.cause instanceof Error ? cause.cause.message : undefined;
        return new SiteUnreachableError(
          base,
          inner ?? (cause instanceof Error ? cause.message : String(cause)),
        );
      };
      let response: Dispatcher.ResponseData;
      try {
        response = await send(url, {
          method: request.method,
          headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
          body,
          dispatcher: dispatcher(),
          signal: deadline,
        });
      } catch (cause) {
        throw failure(cause);
      }
      const answered = Object.fromEntries(
        Object.entries(response.headers).flatMap(([name, value]) =>
          value === undefined ? [] : [[name.toLowerCase(), Array.isArray(value) ? value.join(', ') : value]],
        ),
      );
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await response.body.arrayBuffer());
      } catch (cause) {
        throw failure(cause);
      }
      const parsed = parseBody(bytes);
      const status = response.statusCode;
      // parseBody keeps a body that is not JSON as its text; on a success that is never what was asked for.
      if (status >= 200 && status < 300 && typeof parsed === 'string' && !isJsonString(bytes)) {
        throw new UnexpectedAnswerError(base, status, answered['content-type'] ?? '');
      }
      return { status, headers: answered, body: parsed };
    },
  };
}
