import { describe, expect, it } from 'vitest';
import { readTransportResponse } from '../../../src/atlassian/response';

// Both transports (Forge and fetch) read their answers through this one function.
describe('reading an Atlassian answer', () => {
  it.each([
    {
      name: 'a JSON body is parsed',
      response: new Response('{"key":"PAY-1","fields":{"summary":"Card refunds"}}', { status: 200 }),
      expected: { status: 200, body: { key: 'PAY-1', fields: { summary: 'Card refunds' } } },
    },
    {
      name: 'a body that is not JSON is kept as text (a proxy error page)',
      response: new Response('<html>Bad gateway</html>', { status: 502 }),
      expected: { status: 502, body: '<html>Bad gateway</html>' },
    },
    {
      name: 'an empty body (a 204 after a delete) is undefined',
      response: new Response(null, { status: 204 }),
      expected: { status: 204, body: undefined },
    },
  ])('$name', async ({ response, expected }) => {
    const read = await readTransportResponse(response);
    expect({ status: read.status, body: read.body }).toEqual(expected);
  });

  it('gives the header names in lower case, whatever case the server sent', async () => {
    const read = await readTransportResponse({
      status: 429,
      headers: new Map([
        ['Retry-After', '7'],
        ['X-RateLimit-Reason', 'jira-quota-tenant-based'],
      ]),
      text: () => Promise.resolve(''),
    });
    expect(read.headers).toEqual({ 'retry-after': '7', 'x-ratelimit-reason': 'jira-quota-tenant-based' });
  });
});
