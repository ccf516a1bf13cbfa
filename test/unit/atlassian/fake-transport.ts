import type { Transport, TransportRequest, TransportResponse } from '../../../src/atlassian/transport';

/** What a fake site answers to one request. */
export type Answer = (
  request: TransportRequest,
) => Partial<TransportResponse> | Promise<Partial<TransportResponse>>;

/**
 * A test double of our own `Transport` interface: records every request and answers from a function, so
 * tests can read what the client sent and script what "Jira" says.
 */
export function fakeTransport(answer: Answer): Transport & { readonly requests: TransportRequest[] } {
  const requests: TransportRequest[] = [];
  return {
    requests,
    async request(request) {
      requests.push(request);
      const response = await answer(request);
      return { status: response.status ?? 200, headers: response.headers ?? {}, body: response.body };
    },
  };
}

/** Retry policy that does not wait, for tests of retries. */
export const noWait = { sleep: () => Promise.resolve(), baseDelayMs: 1 };
