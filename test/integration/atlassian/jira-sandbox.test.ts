import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AtlassianError } from '../../../src/atlassian/errors';
import { discoverFields } from '../../../src/atlassian/fields';
import { JiraClient } from '../../../src/atlassian/jira';
import { and, eq, inList } from '../../../src/atlassian/jql';
import { createHttpTransport } from '../../../src/platform/local/http-transport';
import { createLocalPlatform } from '../../../src/platform/local/index';
import { toFailure } from '../../../src/resolvers/define';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';

// The client against the sandbox's demo organisation, as the CLI and the playground use it.
let sandbox: RunningSandbox;
let admin: JiraClient;
let contractor: JiraClient;
let projectKeys: string[];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seeds: ['demo'], now: new Date('2026-11-25T09:00:00Z') });
  admin = new JiraClient(createHttpTransport({ siteUrl: sandbox.url }));
  contractor = new JiraClient(
    createHttpTransport({ siteUrl: sandbox.url, email: 'alex.contractor@example.com' }),
  );
  projectKeys = (await admin.projects()).map((project) => project.key);
}, 60_000);
afterAll(async () => {
  await sandbox.close();
});

describe('JiraClient against the sandbox', () => {
  it('reads every issue of the demo projects with ids then bulkfetch, in as few requests as paging allows', async () => {
    sandbox.resetStats();
    const { issues, ids } = await admin.searchIssues(and(inList('project', projectKeys)), [
      'summary',
      'status',
      'labels',
    ]);
    expect(issues.length).toBeGreaterThan(1000);
    expect(issues.map((issue) => issue.id)).toEqual(ids);
    expect(Object.keys(issues[0]?.fields ?? {}).sort()).toEqual(['labels', 'status', 'summary']);
    const stats = sandbox.stats().byEndpoint;
    expect(stats['POST /rest/api/3/search/jql']).toBe(Math.ceil(ids.length / 5000));
    expect(stats['POST /rest/api/3/issue/bulkfetch']).toBe(Math.ceil(ids.length / 100));
  });

  it('shows a contractor fewer projects and leaves out the issues they may not browse', async () => {
    const seen = (await contractor.projects()).map((project) => project.key);
    expect(seen.length).toBeLessThan(projectKeys.length);
    const hidden = projectKeys.find((key) => !seen.includes(key)) ?? '';
    const hiddenIds = await admin.searchIds(eq('project', hidden));
    expect(hiddenIds.length).toBeGreaterThan(0);
    expect(await contractor.bulkFetch(hiddenIds.slice(0, 10), ['summary'])).toEqual([]);
    const error = await contractor
      .getIssue(hiddenIds[0] ?? '', ['summary'])
      .catch((caught: unknown) => caught);
    expect((error as AtlassianError).status).toBe(404);
  });

  it('selects nothing with a hostile label rather than everything', async () => {
    const everything = await admin.searchIds(inList('project', projectKeys));
    for (const label of [
      '" OR labels is not EMPTY OR labels = "',
      'x") OR project is not EMPTY OR (labels = "y',
      '\\" OR 1=1 --',
    ]) {
      expect(await admin.searchIds(and(inList('project', projectKeys), eq('labels', label)))).toEqual([]);
    }
    expect(everything.length).toBeGreaterThan(1000);
  });

  it('selects nothing, without an error, for an empty list of projects, keys or versions', async () => {
    for (const field of ['project', 'key', 'fixVersion', 'labels']) {
      expect(await admin.searchIds(and(inList(field, []), inList('project', projectKeys)))).toEqual([]);
    }
  });

  it("turns JQL the sandbox refuses into JQL_REJECTED with Jira's message", async () => {
    const error = await admin.searchIds('project = ').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AtlassianError);
    const failure = toFailure(error);
    expect(failure.ok ? 'ok' : failure.error.code).toBe('JQL_REJECTED');
    expect((error as AtlassianError).messages.length).toBeGreaterThan(0);
  });

  it('finds the demo site’s story points, sprint, team, flagged and acceptance criteria fields', async () => {
    expect(discoverFields(await admin.fields())).toEqual({
      storyPoints: 'customfield_10016',
      sprint: 'customfield_10020',
      team: 'customfield_10001',
      flagged: 'customfield_10021',
      acceptanceCriteria: 'customfield_10050',
    });
  });

  it('reads link types, the acting user and their permissions', async () => {
    const linkTypes = await admin.issueLinkTypes();
    expect(linkTypes.some((type) => type.outward === 'blocks' && type.inward === 'is blocked by')).toBe(true);
    expect((await contractor.myself()).displayName).toBe('Alex Reed (Contractor)');
    const held = await admin.myPermissions(['BROWSE_PROJECTS'], { projectKey: projectKeys[0] ?? '' });
    expect(held.BROWSE_PROJECTS).toBe(true);
  });

  it('writes an issue property and reads it back; a missing one reads as undefined', async () => {
    const [id] = await admin.searchIds(eq('project', projectKeys[0] ?? ''));
    expect(await admin.getIssueProperty(id ?? '', 'vertebra-bench-none')).toBeUndefined();
    await admin.setIssueProperty(id ?? '', 'vertebra-hygiene', { score: 75, rules: ['missing-estimate'] });
    expect(await admin.getIssueProperty(id ?? '', 'vertebra-hygiene')).toEqual({
      score: 75,
      rules: ['missing-estimate'],
    });
  });

  it('sets a property on many issues, each its own value, 100 issues a request; an unknown issue is skipped', async () => {
    const ids = (await admin.searchIds(inList('project', projectKeys))).slice(0, 150);
    expect(ids.length).toBe(150);
    let requests = 0;
    const http = createHttpTransport({ siteUrl: sandbox.url });
    const counted = new JiraClient({
      request: (request) => {
        requests += 1;
        return http.request(request);
      },
    });
    const values = ids.map((issueId, n) => ({ issueId, value: { n } }));
    await counted.setIssuePropertyBulk('vertebra-bulk', [
      ...values,
      { issueId: '99999999', value: { n: -1 } },
    ]);
    expect(requests).toBe(2);
    const read = await admin.bulkFetch(ids, ['summary'], { properties: ['vertebra-bulk'] });
    expect(read.map((issue) => issue.properties?.['vertebra-bulk'])).toEqual(ids.map((_, n) => ({ n })));
  });

  it('acts as a user principal through the local platform', async () => {
    const users = (await (await fetch(`${sandbox.url}/__sandbox/users`)).json()) as {
      accountId: string;
      email: string;
    }[];
    const alex = users.find((user) => user.email === 'alex.contractor@example.com');
    const platform = createLocalPlatform({ siteUrl: sandbox.url });
    const asAlex = new JiraClient(platform.jira({ kind: 'user', accountId: alex?.accountId ?? '' }));
    expect((await asAlex.myself()).accountId).toBe(alex?.accountId);
    expect((await new JiraClient(platform.jira({ kind: 'app' })).myself()).displayName).toBe('Site Admin');
  });
});
