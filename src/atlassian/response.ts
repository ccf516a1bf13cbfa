import type { TransportResponse } from './transport';

/** What both `fetch` and `@forge/api` answer with: the part of a response the transports read. */
export interface HttpResponseLike {
  readonly status: number;
  readonly headers: { forEach(callback: (value: string, name: string) => void): void };
  text(): Promise<string>;
}

/**
 * Reads a response into the `TransportResponse` every client expects: header names lower-cased, the body parsed
 * as JSON, kept as text when it is not JSON, and undefined when empty (a 204, a DELETE).
 */
export async function readTransportResponse(response: HttpResponseLike): Promise<TransportResponse> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  const text = await response.text();
  let body: unknown = undefined;
  if (text !== '') {
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      body = text;
    }
  }
  return { status: response.status, headers, body };
}
