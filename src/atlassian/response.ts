import { jsonText } from './json-text';
import type { TransportResponse } from './transport';

/** What both `fetch` and `@forge/api` answer with: the part of a response the transports read. */
export interface HttpResponseLike {
  readonly status: number;
  readonly headers: { forEach(callback: (value: string, name: string) => void): void };
  /** Read when present (both `fetch` and `@forge/api` have it): the body is then parsed from its bytes. */
  arrayBuffer?: () => Promise<ArrayBuffer>;
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
  return { status: response.status, headers, body: await readBody(response) };
}

async function readBody(response: HttpResponseLike): Promise<unknown> {
  if (response.arrayBuffer === undefined) {
    const text = await response.text();
    return text === '' ? undefined : parseOrText(text, () => text);
  }
  return parseBody(new Uint8Array(await response.arrayBuffer()));
}

/**
 * A response body as the clients expect it: parsed JSON, the text when it is not JSON, undefined when empty.
 * JSON is escaped to one-byte text first (see json-text.ts).
 */
export function parseBody(bytes: Uint8Array): unknown {
  if (bytes.length === 0) return undefined;
  return parseOrText(jsonText(bytes), () => new TextDecoder().decode(bytes));
}

function parseOrText(json: string, text: () => string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return text();
  }
}
