import { describe, expect, it } from 'vitest';
import { AtlassianError } from '../../../src/atlassian/errors';
import { discoverFields } from '../../../src/atlassian/fields';
import { JiraClient, type JiraField } from '../../../src/atlassian/jira';
import type { TransportRequest } from '../../../src/atlassian/transport';
import { toFailure } from '../../../src/resolvers/define';
import { fakeTransport, noWait } from './fake-transport';

const ids = (count: number, from = 1): string[] =>
  Array.from({ length: count }, (_, index) => String(from + index));
const bodyOf = (request: TransportRequest): Record<string, unknown> =>
  request.body as Record<string, unknown>;

/** A fake Jira holding issues 1..n (key `P-<id>`), of which `hidden` are not visible to the caller. */
function fakeJira(total: number, hidden: readonly string[] = []) {
  const all = ids(total);
  return fakeTransport((request) => {
    if (request.path === '/rest/api/3/search/jql') {
      const body = bodyOf(request);
      const start = Number(body.nextPageToken ?? 0);
      const size = Number(body.maxResults);
      const page = all.filter((id) => !hidden.includes(id)).slice(start, start + size);
      const last = start + size >= all.length - hidden.length;
      return {
        body: {
          issues: page.map((id) => ({ id })),
          ...(last ? { isLast: true } : { nextPageToken: String(start + size), isLast: false }),
        },
      };
    }
    if (request.path === '/rest/api/3/issue/bulkfetch') {
      const asked = bodyOf(request).issueIdsOrKeys as string[];
      // Jira answers in its own order: reverse it to check the client puts them back.
      const issues = asked
        .filter((id) => !hidden.includes(id))
        .reverse()
        .map((id) => ({ id, key: `P-${id}`, fields: { summary: `Issue ${id}` } }));
      return { body: { issues, issueErrors: [] } };
    }
    return { status: 404, body: { errorMessages: ['No such path'] } };
  });
}

describe('JiraClient wide read', () => {
  it('follows nextPageToken until the last page and asks only for ids, 5000 a page', async () => {
    const transport = fakeJira(12_001);
    const found = await new JiraClient(transport).searchIds('project = P');
    expect(found).toHaveLength(12_001);
    expect(found[0]).toBe('1');
    expect(found.at(-1)).toBe('12001');
    const searches = transport.requests.filter((request) => request.path === '/rest/api/3/search/jql');
    expect(searches).toHaveLength(3);
    expect(searches.map((request) => bodyOf(request).nextPageToken)).toEqual([undefined, '5000', '10000']);
    for (const search of searches) {
      expect(search.method).toBe('POST');
      expect(bodyOf(search)).toMatchObject({ jql: 'project = P', fields: ['id'], maxResults: 5000 });
    }
  });

  it('fetches 250 issues in three bulkfetch calls of at most 100, in the order asked, with only the fields asked', async () => {
    const transport = fakeJira(250);
    const issues = await new JiraClient(transport).bulkFetch(ids(250), ['summary', 'status']);
    expect(issues.map((issue) => issue.id)).toEqual(ids(250));
    expect(issues[0]).toEqual({ id: '1', key: 'P-1', fields: { summary: 'Issue 1' } });
    const calls = transport.requests.filter((request) => request.path === '/rest/api/3/issue/bulkfetch');
    expect(calls.map((call) => (bodyOf(call).issueIdsOrKeys as string[]).length)).toEqual([100, 100, 50]);
    expect((calls[0]?.body as Record<string, unknown>).fields).toEqual(['summary', 'status']);
  });

  it('leaves out the issues Jira does not return (deleted or not visible)', async () => {
    const issues = await new JiraClient(fakeJira(5, ['2', '4'])).bulkFetch(
      ['1', '2', '3', '4', '5'],
      ['summary'],
    );
    expect(issues.map((issue) => issue.key)).toEqual(['P-1', 'P-3', 'P-5']);
  });

  it('keeps no more bulkfetch calls in flight than the concurrency allows', async () => {
    let inFlight = 0;
    let most = 0;
    const transport = fakeTransport(async (request) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      const asked = bodyOf(request).issueIdsOrKeys as string[];
      return { body: { issues: asked.map((id) => ({ id, key: `P-${id}`, fields: {} })) } };
    });
    await new JiraClient(transport, { concurrency: 3 }).bulkFetch(ids(1000), ['summary']);
    expect(transport.requests).toHaveLength(10);
    expect(most).toBe(3);
  });

  it('reports progress up to the total, for a progress bar', async () => {
    const seen: string[] = [];
    await new JiraClient(fakeJira(230)).searchIssues('project = P', ['summary'], {
      onProgress: ({ done, total }) => seen.push(`${String(done)}/${String(total)}`),
    });
    expect(seen[0]).toBe('0/230');
    expect(seen.at(-1)).toBe('230/230');
    expect(seen).toHaveLength(4);
  });

  it('sends the entity properties asked for and keeps them on the issue', async () => {
    const transport = fakeTransport(() => ({
      body: {
        issues: [{ id: '7', key: 'P-7', fields: {}, properties: { 'vertebra-hygiene': { score: 80 } } }],
      },
    }));
    const [issue] = await new JiraClient(transport).bulkFetch(['7'], ['summary'], {
      properties: ['vertebra-hygiene'],
    });
    expect((transport.requests[0]?.body as Record<string, unknown>).properties).toEqual(['vertebra-hygiene']);
    expect(issue?.properties).toEqual({ 'vertebra-hygiene': { score: 80 } });
  });
});

describe('JiraClient failures', () => {
  it('retries a bulkfetch that met a 503, since reading again is harmless', async () => {
    let calls = 0;
    const transport = fakeTransport(() => {
      calls++;
      return calls === 1
        ? { status: 503, body: { errorMessages: ['Service unavailable'] } }
        : { body: { issues: [{ id: '1', key: 'P-1', fields: {} }] } };
    });
    const issues = await new JiraClient(transport, { retry: noWait }).bulkFetch(['1'], ['summary']);
    expect(issues.map((issue) => issue.key)).toEqual(['P-1']);
    expect(calls).toBe(2);
  });

  it("turns JQL Jira refuses into JQL_REJECTED carrying Jira's own message", async () => {
    const transport = fakeTransport(() => ({
      status: 400,
      body: {
        errorMessages: ["Field 'bogus' does not exist or you do not have permission to view it."],
        errors: {},
      },
    }));
    const error = await new JiraClient(transport).searchIds('bogus = 1').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AtlassianError);
    expect((error as AtlassianError).messages).toEqual([
      "Field 'bogus' does not exist or you do not have permission to view it.",
    ]);
    const failure = toFailure(error);
    expect(failure.ok).toBe(false);
    if (!failure.ok) {
      expect(failure.error.code).toBe('JQL_REJECTED');
      expect(failure.error.message).toContain("Field 'bogus' does not exist");
    }
    expect(transport.requests).toHaveLength(1);
  });

  it('refuses an answer that is not the shape Jira promises rather than returning nonsense', async () => {
    const transport = fakeTransport(() => ({ body: { issues: [{ key: 'P-1' }] } }));
    await expect(new JiraClient(transport).bulkFetch(['1'], ['summary'])).rejects.toThrow();
  });
});

describe('JiraClient single calls', () => {
  it('reads one issue with the fields and properties asked, by key', async () => {
    const transport = fakeTransport(() => ({
      body: { id: '10', key: 'P-10', fields: { summary: 'Hello' } },
    }));
    const issue = await new JiraClient(transport).getIssue('P-10', ['summary', 'status'], {
      properties: ['a'],
    });
    expect(issue).toEqual({ id: '10', key: 'P-10', fields: { summary: 'Hello' } });
    expect(transport.requests[0]).toMatchObject({
      method: 'GET',
      path: '/rest/api/3/issue/P-10',
      query: { fields: 'summary,status', properties: 'a' },
    });
  });

  it('lists every project across pages', async () => {
    const transport = fakeTransport((request) => {
      const startAt = Number(request.query?.startAt ?? 0);
      const values = ids(startAt === 0 ? 50 : 7, startAt + 1).map((id) => ({
        id,
        key: `K${id}`,
        name: `Project ${id}`,
      }));
      return { body: { values, startAt, maxResults: 50, total: 57, isLast: startAt !== 0 } };
    });
    const projects = await new JiraClient(transport).projects();
    expect(projects).toHaveLength(57);
    expect(projects.at(-1)?.key).toBe('K57');
    expect(transport.requests.map((request) => request.query?.startAt)).toEqual([0, 50]);
  });

  it('answers which permissions the user holds, false for those Jira does not mention', async () => {
    const transport = fakeTransport(() => ({
      body: { permissions: { BROWSE_PROJECTS: { id: '10', key: 'BROWSE_PROJECTS', havePermission: true } } },
    }));
    const held = await new JiraClient(transport).myPermissions(['BROWSE_PROJECTS', 'EDIT_ISSUES'], {
      projectKey: 'P',
    });
    expect(held).toEqual({ BROWSE_PROJECTS: true, EDIT_ISSUES: false });
    expect(transport.requests[0]?.query).toMatchObject({
      permissions: 'BROWSE_PROJECTS,EDIT_ISSUES',
      projectKey: 'P',
    });
  });

  it('reads a missing issue property as undefined and writes one with PUT', async () => {
    const transport = fakeTransport((request) =>
      request.method === 'GET'
        ? { status: 404, body: { errorMessages: ['Property not found'] } }
        : { status: 200 },
    );
    const client = new JiraClient(transport);
    expect(await client.getIssueProperty('P-1', 'vertebra-hygiene')).toBeUndefined();
    await client.setIssueProperty('P-1', 'vertebra-hygiene', { score: 90, rules: [] });
    expect(transport.requests[1]).toMatchObject({
      method: 'PUT',
      path: '/rest/api/3/issue/P-1/properties/vertebra-hygiene',
      body: { score: 90, rules: [] },
    });
  });

  it('reads the link types wording', async () => {
    const transport = fakeTransport(() => ({
      body: {
        issueLinkTypes: [{ id: '1', name: 'Blocks', inward: 'is blocked by', outward: 'blocks', self: 'x' }],
      },
    }));
    expect(await new JiraClient(transport).issueLinkTypes()).toEqual([
      { id: '1', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
    ]);
  });
});

const field = (id: string, name: string, schema?: JiraField['schema']): JiraField => ({
  id,
  name,
  custom: true,
  schema,
});

describe('discoverFields', () => {
  const cases: { name: string; fields: JiraField[]; expected: ReturnType<typeof discoverFields> }[] = [
    {
      name: 'finds the Jira Software fields by their schema type whatever the admin named them',
      fields: [
        field('customfield_10016', 'Story point estimate', {
          type: 'number',
          custom: 'com.pyxis.greenhopper.jira:jsw-story-points',
        }),
        field('customfield_10020', 'Sprint', {
          type: 'array',
          items: 'json',
          custom: 'com.pyxis.greenhopper.jira:gh-sprint',
        }),
        field('customfield_10001', 'Équipe', {
          type: 'team',
          custom: 'com.atlassian.jira.plugin.system.customfieldtypes:atlassian-team',
        }),
        field('customfield_10021', 'Flagged', { type: 'array', items: 'option' }),
        field('customfield_10050', 'Acceptance Criteria', { type: 'string' }),
      ],
      expected: {
        storyPoints: 'customfield_10016',
        sprint: 'customfield_10020',
        team: 'customfield_10001',
        flagged: 'customfield_10021',
        acceptanceCriteria: 'customfield_10050',
      },
    },
    {
      name: 'falls back to a number field named Story Points on sites without the Jira Software type',
      fields: [
        field('customfield_1', 'Story Points', { type: 'number' }),
        field('customfield_2', 'Story Points', { type: 'string' }),
      ],
      expected: { storyPoints: 'customfield_1' },
    },
    {
      name: 'prefers the Jira Software type over a field merely named Story Points',
      fields: [
        field('customfield_1', 'Story Points', { type: 'number' }),
        field('customfield_2', 'Points', {
          type: 'number',
          custom: 'com.pyxis.greenhopper.jira:jsw-story-points',
        }),
      ],
      expected: { storyPoints: 'customfield_2' },
    },
    {
      name: 'recognises acceptance criteria named in French',
      fields: [field('customfield_9', "Critères d'acceptation", { type: 'string' })],
      expected: { acceptanceCriteria: 'customfield_9' },
    },
    {
      name: 'finds nothing on a site with no agile fields',
      fields: [field('summary', 'Summary', { type: 'string' })],
      expected: {},
    },
  ];
  it.each(cases)('$name', ({ fields, expected }) => {
    expect(discoverFields(fields)).toEqual(expected);
  });
});
