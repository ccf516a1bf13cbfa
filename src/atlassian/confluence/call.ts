import { send, type SendOptions } from '../request';
import type { QueryValue, Transport } from '../transport';

/** One Confluence request through `send()` (retries, Retry-After, typed errors), answering the response body. */
export type ConfluenceCall = (
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  query?: Record<string, QueryValue>,
  body?: unknown,
  extra?: SendOptions,
) => Promise<unknown>;

/** The `call` every Confluence module sends its requests with. */
export function confluenceCall(transport: Transport, retry: SendOptions['retry']): ConfluenceCall {
  return async (method, path, query, body, extra = {}) =>
    (await send(transport, { product: 'confluence', method, path, query, body }, { retry, ...extra })).body;
}

/** A CQL string literal: double quotes, with `"` and `\\` escaped. */
export function cqlValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
