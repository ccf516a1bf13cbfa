import { readTransportResponse } from '../../atlassian/response';
import {
  encodeQuery,
  type Transport,
  type TransportRequest,
  type TransportResponse,
} from '../../atlassian/transport';

export interface FetchTransportOptions {
  /** The site root, e.g. `https://example.atlassian.net` or `http://localhost:8787`; Confluence lives under `/wiki`. */
  readonly siteUrl: string;
  /** Basic auth user (a real site's account email, or a sandbox user's email). */
  readonly email?: string | undefined;
  /** API token for a real site; the sandbox accepts any. */
  readonly apiToken?: string | undefined;
  /** Sandbox only: act as this accountId (`x-sandbox-act-as`), whatever the basic auth says. */
  readonly actAs?: string | undefined;
  /** Replaced in tests; defaults to the global `fetch`. */
  readonly fetch?: typeof fetch;
}

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

/**
 * `Transport` over `fetch` for the CLI, the playground and tests: base URL + basic auth, as Atlassian's own
 * clients sign in. JSON in and out; header names lower-cased as the interface promises.
 */
export function createFetchTransport(options: FetchTransportOptions): Transport {
  const base = options.siteUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.email !== undefined) {
    headers.authorization = `Basic ${Buffer.from(`${options.email}:${options.apiToken ?? 'sandbox'}`).toString('base64')}`;
  }
  if (options.actAs !== undefined) headers['x-sandbox-act-as'] = options.actAs;

  return {
    async request(request: TransportRequest): Promise<TransportResponse> {
      const url = `${base}${request.path}${encodeQuery(request.query)}`;
      const init: RequestInit = { method: request.method, headers: { ...headers } };
      if (request.body !== undefined) {
        init.body = JSON.stringify(request.body);
        (init.headers as Record<string, string>)['content-type'] = 'application/json';
      }
      let response: Response;
      try {
        response = await doFetch(url, init);
      } catch (cause) {
        // fetch hides the reason (ECONNREFUSED, ENOTFOUND) in `cause`.
        const inner =
          cause instanceof Error && cause.cause instanceof Error ? cause.cause.message : undefined;
        throw new SiteUnreachableError(
          base,
          inner ?? (cause instanceof Error ? cause.message : String(cause)),
        );
      }
      return readTransportResponse(response);
    },
  };
}
