import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AtlassianError } from '../../../src/atlassian/errors';
import { DEFAULT_MAX_ATTEMPTS, send } from '../../../src/atlassian/request';
import type { TransportRequest } from '../../../src/atlassian/transport';
import { createHttpTransport } from '../../../src/platform/local/http-transport';

/**
 * What `--timeout` bounds, without waiting: the site accepts every request and never answers, and each
 * attempt's deadline is a signal this test ends itself as soon as the site holds the request.
 */
const held: (() => void)[] = [];
let received = 0;
const server = createServer(() => {
  received += 1;
  held.shift()?.();
});
let site = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  site = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Sends `request` to the silent site with `--timeout 1.5`: the deadlines asked for and the requests it saw. */
async function runOutOfTime(request: TransportRequest) {
  const deadlines: number[] = [];
  const transport = createHttpTransport({
    siteUrl: site,
    timeoutMs: 1500,
    deadline: (ms) => {
      deadlines.push(ms);
      const controller = new AbortController();
      held.push(() => {
        controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
      });
      return controller.signal;
    },
  });
  received = 0;
  const sleeps: number[] = [];
  const error = await send(transport, request, {
    retry: { sleep: (ms) => Promise.resolve(void sleeps.push(ms)) },
  }).catch((caught: unknown) => caught);
  return { error, deadlines, received, sleeps };
}

describe('--timeout bounds each attempt at a request, from connecting to the last byte', () => {
  it.each([
    [
      'gives a read a fresh deadline for every attempt, and tries it again each time it runs out',
      { product: 'jira', method: 'GET', path: '/rest/api/3/myself' } as const,
      DEFAULT_MAX_ATTEMPTS,
    ],
    [
      'tries a write that creates something once: the first attempt may have landed',
      { product: 'confluence', method: 'POST', path: '/wiki/api/v2/pages', body: { title: 'x' } } as const,
      1,
    ],
  ])('%s', async (_name, request, attempts) => {
    const run = await runOutOfTime(request);
    expect(run.deadlines).toEqual(Array.from({ length: attempts }, () => 1500));
    expect(run.received).toBe(attempts);
    expect(run.sleeps).toHaveLength(attempts - 1);
    expect(run.error).toBeInstanceOf(AtlassianError);
    expect((run.error as AtlassianError).status).toBe(0);
    expect((run.error as Error).message).toMatch(
      /no complete answer from http:\/\/127\.0\.0\.1:\d+ within 1\.5 s \(--timeout\)$/,
    );
  });
});
