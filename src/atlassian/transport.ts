import { errorMark } from '../shared/error-mark';

/**
 * The one seam between the clients and the network. Forge (`requestJira` / `requestConfluence`) and plain
 * HTTP through undici (CLI, playground, tests) both implement it; the clients cannot tell them apart.
 */
export type Product = 'jira' | 'confluence';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type QueryValue = string | number | boolean | readonly (string | number)[] | undefined;

export interface TransportRequest {
  readonly product: Product;
  readonly method: HttpMethod;
  /** Path from the site root, e.g. `/rest/api/3/issue/PROJ-1` or `/wiki/api/v2/pages`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, QueryValue>>;
  readonly body?: unknown;
}

export interface TransportResponse {
  readonly status: number;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  /** Parsed JSON, the raw text when the body is not JSON, or undefined when empty. */
  readonly body: unknown;
}

export interface Transport {
  request(request: TransportRequest): Promise<TransportResponse>;
}

/** Builds `?a=1&b=x&b=y` the way Atlassian's REST APIs read repeated parameters. */
export function encodeQuery(query: Readonly<Record<string, QueryValue>> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) params.append(name, String(item));
    else params.append(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

const reachesThePlatform = errorMark();

/**
 * Marks an error a transport throws as one only the platform can resolve (in Forge, `asUser()`'s
 * `NeedsAuthenticationError`: Forge shows the person its "Allow access" prompt only when that error leaves the
 * function). `send()` neither retries nor converts it, and the resolvers rethrow it instead of answering an
 * envelope. Returns the same error, so that the transport throws it unchanged.
 */
export const passToPlatform = reachesThePlatform.mark;

/** Whether `error` was marked by `passToPlatform`, and must propagate untouched. */
export const isForPlatform = reachesThePlatform.has;
