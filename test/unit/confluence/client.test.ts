import { describe, expect, it } from 'vitest';
import { ConfluenceClient } from '../../../src/atlassian/confluence';
import { cqlValue } from '../../../src/atlassian/confluence/call';
import type { Transport, TransportRequest, TransportResponse } from '../../../src/atlassian/transport';

/** A transport answering from a script, recording what was asked. */
function scripted(answers: ((request: TransportRequest) => TransportResponse)[]): {
  transport: Transport;
  requests: TransportRequest[];
} {
  const requests: TransportRequest[] = [];
  return {
    requests,
    transport: {
      request(request) {
        requests.push(request);
        const answer = answers.shift();
        if (!answer) throw new Error(`unexpected ${request.method} ${request.path}`);
        return Promise.resolve(answer(request));
      },
    },
  };
}

const json = (status: number, body: unknown): TransportResponse => ({ status, headers: {}, body });
const page = (id: string, parentId: string, body = '<p>x</p>') => ({
  id,
  title: 'Home',
  status: 'current',
  spaceId: '1',
  parentId,
  version: { number: 1 },
  body: { storage: { value: body } },
});
const noWait = { retry: { sleep: () => Promise.resolve() } };

describe('creating a page never creates it twice', () => {
  it('after a 502, finds the page the first attempt created and does not post again', async () => {
    const { transport, requests } = scripted([
      () => json(502, 'Bad gateway'),
      () => json(200, { results: [page('42', '7')] }),
    ]);
    const created = await new ConfluenceClient(transport, noWait).createPage({
      spaceId: '1',
      parentId: '7',
      title: 'Home',
      body: '<p>x</p>',
    });
    expect(created).toEqual({ id: '42', version: 1 });
    expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /wiki/api/v2/pages',
      'GET /wiki/api/v2/spaces/1/pages',
    ]);
  });

  it('after a 503 with nothing landed, posts again', async () => {
    const { transport, requests } = scripted([
      () => json(503, 'busy'),
      () => json(200, { results: [] }),
      () => json(200, page('43', '7')),
    ]);
    const created = await new ConfluenceClient(transport, noWait).createPage({
      spaceId: '1',
      parentId: '7',
      title: 'Home',
      body: '<p>x</p>',
    });
    expect(created.id).toBe('43');
    expect(requests.filter((request) => request.method === 'POST')).toHaveLength(2);
  });

  it('a title taken by an identical page under the same parent is that page (an earlier attempt)', async () => {
    const { transport } = scripted([
      () => json(400, { errors: [{ title: 'A page with this title already exists' }] }),
      () => json(200, { results: [page('44', '7', '<p>x</p>')] }),
    ]);
    expect(
      (
        await new ConfluenceClient(transport, noWait).createPage({
          spaceId: '1',
          parentId: '7',
          title: 'Home',
          body: '<p>x</p>',
        })
      ).id,
    ).toBe('44');
  });

  it("a title taken by someone else's page is an error with Confluence's message", async () => {
    const { transport } = scripted([
      () => json(400, { errors: [{ title: 'A page with this title already exists' }] }),
      () => json(200, { results: [page('45', '7', '<p>theirs</p>')] }),
    ]);
    await expect(
      new ConfluenceClient(transport, noWait).createPage({
        spaceId: '1',
        parentId: '7',
        title: 'Home',
        body: '<p>x</p>',
      }),
    ).rejects.toThrow('A page with this title already exists');
  });
});

describe('reading pages with their properties', () => {
  it('searches the space narrowed to the tree and the titles, follows the cursor, and reads markers', async () => {
    const content = (id: string) => ({
      id,
      type: 'page',
      status: 'current',
      title: `Page ${id}`,
      version: { number: 3, when: '2026-11-16T09:00:00Z', by: { accountId: 'a' } },
      ancestors: [{ id: '1' }, { id: '7' }],
      body: { storage: { value: '<p>b</p>' } },
      metadata: {
        labels: { results: [{ name: 'vertebra' }] },
        properties: {
          'vertebra-template': {
            id: '90',
            key: 'vertebra-template',
            value: { pageKey: 'home' },
            version: { number: 2 },
          },
        },
      },
    });
    const { transport, requests } = scripted([
      () =>
        json(200, {
          results: [content('10')],
          size: 1,
          _links: { next: '/rest/api/content/search?cql=x&cursor=abc' },
        }),
      () => json(200, { results: [content('11')], size: 1, _links: {} }),
    ]);
    const pages = await new ConfluenceClient(transport).listSpacePages('OPS', ['vertebra-template'], {
      underPageId: '7',
      titles: ['A "quoted" title'],
    });
    expect(requests[0]?.query?.cql).toBe(
      'space = "OPS" and type = page and (ancestor = "7" or id = "7" or title in ("A \\"quoted\\" title"))',
    );
    expect(requests[1]?.query?.cursor).toBe('abc');
    expect(pages[0]).toEqual({
      id: '10',
      title: 'Page 10',
      status: 'current',
      parentId: '7',
      version: 3,
      lastEditedAt: '2026-11-16T09:00:00Z',
      lastEditedBy: 'a',
      body: '<p>b</p>',
      labels: ['vertebra'],
      properties: {
        'vertebra-template': { id: '90', key: 'vertebra-template', value: { pageKey: 'home' }, version: 2 },
      },
      webui: null,
    });
  });

  it.each([
    ['a plain key', 'OPS', '"OPS"'],
    ['a quote', 'say "hi"', '"say \\"hi\\""'],
    ['a backslash', 'a\\b', '"a\\\\b"'],
  ])('writes %s as a CQL string', (_name, value, expected) => {
    expect(cqlValue(value)).toBe(expected);
  });
});
