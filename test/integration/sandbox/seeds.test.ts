import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';
import { DEMO_ANCHOR } from '../../../sandbox/seed/demo';
import type { IssueRecord } from '../../../sandbox/jira/model';

const TIDEV = path.resolve(import.meta.dirname, '../../../..', 'shared', 'data', 'tidev', 'issues.jsonl.gz');

async function getJson(sandbox: RunningSandbox, route: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${sandbox.url}${route}`);
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

describe('the sandbox seeded with the real tidev issues (Jira REST v2)', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seeds: [TIDEV] });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('holds all 6,686 issues of the four projects', async () => {
    expect(sandbox.jira.issueCount()).toBe(6686);
    const page = (
      await getJson(
        sandbox,
        `/rest/api/3/search/jql?jql=${encodeURIComponent('project in (AC, ALOY, DAEMON, MOD)')}&maxResults=5000`,
      )
    ).body as { issues: unknown[]; isLast: boolean };
    expect(page.issues).toHaveLength(5000);
    expect(page.isLast).toBe(false);
  });

  it('serves wiki-markup descriptions as ADF documents', async () => {
    const issue = [...sandbox.jira.allIssues()].find((entry) =>
      entry.wiki.get('description')?.includes('{code'),
    );
    expect(issue).toBeDefined();
    const body = (await getJson(sandbox, `/rest/api/3/issue/${issue?.key ?? ''}?fields=description`))
      .body as {
      fields: { description: { type: string; version: number; content: { type: string }[] } };
    };
    expect(body.fields.description.type).toBe('doc');
    expect(body.fields.description.version).toBe(1);
    expect(body.fields.description.content.some((node) => node.type === 'codeBlock')).toBe(true);
  });

  it('turns v2 users into stable account ids and v2 sprints and epics into the sprint and parent fields', async () => {
    const body = (
      await getJson(
        sandbox,
        '/rest/api/3/search/jql?jql=' +
          encodeURIComponent('parent = ALOY-974') +
          '&fields=parent,assignee&maxResults=1',
      )
    ).body as {
      issues: { fields: { parent: { key: string }; assignee: { accountId: string } | null } }[];
    };
    expect(body.issues[0]?.fields.parent.key).toBe('ALOY-974');
    const sprinted = [...sandbox.jira.allIssues()].find((issue) => issue.facts.sprints.length > 0);
    expect(sprinted?.facts.sprints[0]?.state).toBe('closed');
    const assigned = [...sandbox.jira.allIssues()].find((issue) => issue.facts.assignee);
    expect(assigned?.facts.assignee).toMatch(/^557058:[0-9a-f-]{36}$/);
  });

  it('keeps links to issues that are not in the file, as links to invisible issues', async () => {
    const holder = [...sandbox.jira.allIssues()].find((issue) =>
      issue.links.some((link) => !sandbox.jira.findIssue(link.otherKey)),
    );
    const missing = holder?.links.find((link) => !sandbox.jira.findIssue(link.otherKey));
    expect(missing).toBeDefined();
    const body = (await getJson(sandbox, `/rest/api/3/issue/${holder?.key ?? ''}?fields=issuelinks`))
      .body as {
      fields: { issuelinks: Record<string, { key: string; fields?: unknown }>[] };
    };
    const shown = body.fields.issuelinks
      .map((link) => link.inwardIssue ?? link.outwardIssue)
      .find((issue) => issue?.key === missing?.otherKey);
    expect(shown).toEqual({
      id: missing?.otherId,
      key: missing?.otherKey,
      self: expect.any(String) as unknown,
    });
    expect((await getJson(sandbox, `/rest/api/3/issue/${missing?.otherKey ?? ''}`)).status).toBe(404);
  });

  it('offers the link types found in the file', async () => {
    const body = (await getJson(sandbox, '/rest/api/3/issueLinkType')).body as {
      issueLinkTypes: { name: string }[];
    };
    expect(body.issueLinkTypes.map((type) => type.name)).toEqual(
      expect.arrayContaining(['Blocks', 'Duplicate', 'Relates']),
    );
  });
});

describe('the demo organisation', () => {
  let sandbox: RunningSandbox;
  let issues: IssueRecord[];
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    issues = [...sandbox.jira.allIssues()];
  });
  afterAll(async () => {
    await sandbox.close();
  });

  const share = (
    predicate: (issue: IssueRecord) => boolean,
    among: (issue: IssueRecord) => boolean = () => true,
  ): number =>
    issues.filter((issue) => among(issue) && predicate(issue)).length / issues.filter(among).length;
  const inProgress = (issue: IssueRecord): boolean =>
    issue.facts.status === 'in progress' && issue.facts.issueType !== 'epic';

  it('has six teams of 250 issues, all created and updated before the anchor', () => {
    expect([...sandbox.jira.projects.keys()]).toEqual(['PAY', 'CHK', 'GRW', 'MOB', 'PLT', 'DAT']);
    expect(issues).toHaveLength(1500);
    expect(issues.every((issue) => issue.facts.updated < DEMO_ANCHOR.getTime())).toBe(true);
    expect(issues.every((issue) => issue.facts.created >= Date.parse('2026-07-01T00:00:00Z'))).toBe(true);
  });

  it('is the same organisation for the same seed number and another for another', async () => {
    const again = await startSandbox({ port: 0, seedNumber: 42 });
    const other = await startSandbox({ port: 0, seedNumber: 7 });
    try {
      const summaries = (sandbox2: RunningSandbox): string[] =>
        [...sandbox2.jira.allIssues()].map((issue) => issue.facts.summary);
      expect(summaries(again)).toEqual(summaries(sandbox));
      expect(summaries(other)).not.toEqual(summaries(sandbox));
    } finally {
      await again.close();
      await other.close();
    }
  });

  it.each([
    [
      'issues without a description',
      (issue: IssueRecord) => issue.fields.description === null,
      undefined,
      0.08,
      0.16,
    ],
    [
      'in-progress work left unassigned',
      (issue: IssueRecord) => !issue.facts.assignee,
      inProgress,
      0.02,
      0.25,
    ],
    [
      'in-progress work untouched for 14 days',
      (issue: IssueRecord) => issue.facts.updated < DEMO_ANCHOR.getTime() - 14 * 86_400_000,
      inProgress,
      0.08,
      0.35,
    ],
    [
      'done work without a resolution',
      (issue: IssueRecord) => !issue.facts.resolution,
      (issue: IssueRecord) => issue.facts.status === 'done',
      0.01,
      0.1,
    ],
    ['carried-over sprints', (issue: IssueRecord) => issue.facts.sprints.length > 1, undefined, 0.03, 0.2],
  ])('has hygiene problems in realistic proportions: %s', (_name, predicate, among, low, high) => {
    const value = share(predicate, among);
    expect(value).toBeGreaterThan(low);
    expect(value).toBeLessThan(high);
  });

  it('links teams with about 150 Blocks and Dependency links, including a cycle across three teams', () => {
    const crossTeam = issues.flatMap((issue) =>
      issue.links
        .filter(
          (link) => link.direction === 'outward' && (link.typeId === '10000' || link.typeId === '10004'),
        )
        .filter((link) => !link.otherKey.startsWith(issue.projectKey + '-') && !issue.key.startsWith('SEC-'))
        .map((link) => ({ from: issue.key, to: link.otherKey, typeId: link.typeId })),
    );
    expect(crossTeam.length).toBeGreaterThan(130);
    expect(crossTeam.length).toBeLessThan(180);
    expect(new Set(crossTeam.map((link) => link.typeId))).toEqual(new Set(['10000', '10004']));
    // "X blocks Y" edges: Blocks outward, Dependency inward ("Y depends on X").
    const blocks = new Map<string, string[]>();
    for (const issue of issues) {
      for (const link of issue.links) {
        const blocker =
          (link.typeId === '10000' && link.direction === 'outward') ||
          (link.typeId === '10004' && link.direction === 'inward');
        if (blocker) blocks.set(issue.key, [...(blocks.get(issue.key) ?? []), link.otherKey]);
      }
    }
    const teamCycle = [...blocks.entries()].some(([a, afterA]) =>
      afterA.some((b) =>
        (blocks.get(b) ?? []).some(
          (c) =>
            (blocks.get(c) ?? []).includes(a) &&
            new Set([a, b, c].map((key) => key.split('-')[0])).size === 3,
        ),
      ),
    );
    expect(teamCycle).toBe(true);
  });

  it('has an epic without children and stories with acceptance criteria written well', () => {
    const epics = issues.filter((issue) => issue.facts.issueType === 'epic');
    expect(epics.some((epic) => sandbox.jira.childrenOf(epic.key).length === 0)).toBe(true);
    const wellWritten = issues.filter((issue) =>
      JSON.stringify(issue.fields.description ?? '').includes('Acceptance criteria'),
    );
    expect(wellWritten.length).toBeGreaterThan(100);
  });
});

describe('a v3 issue file combined with the demo seed', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'vertebra-seed-'));
  const file = path.join(folder, 'issues.json');
  const description = {
    version: 1,
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hello' }] }],
  };
  writeFileSync(
    file,
    JSON.stringify({
      issues: [
        {
          id: '90001',
          key: 'EXT-1',
          fields: {
            summary: 'Imported in v3 shape',
            description,
            issuetype: { name: 'Story' },
            status: { name: 'In Progress' },
            assignee: { accountId: '5b10ac8d82e05b22cc7d4ef5', displayName: 'Imported Person' },
            created: '2026-10-01T10:00:00.000+0000',
            updated: '2026-10-02T10:00:00.000+0000',
            project: { id: '90000', key: 'EXT', name: 'External' },
            issuelinks: [
              {
                id: '1',
                type: { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
                outwardIssue: { id: '10101', key: 'PAY-2' },
              },
            ],
          },
        },
      ],
    }),
  );
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seeds: ['demo', file] });
  });
  afterAll(async () => {
    await sandbox.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('holds the demo issues and the file issues side by side', () => {
    expect(sandbox.jira.issueCount()).toBe(1501);
    expect(sandbox.jira.projects.get('EXT')?.name).toBe('External');
  });

  it('keeps the v3 ADF description, account ids and the link to a demo issue', async () => {
    const body = (
      await getJson(sandbox, '/rest/api/3/issue/EXT-1?fields=description,assignee,issuelinks,status')
    ).body as {
      fields: {
        description: unknown;
        assignee: { accountId: string };
        status: { statusCategory: { key: string } };
        issuelinks: { outwardIssue: { key: string; fields?: { summary: string } } }[];
      };
    };
    expect(body.fields.description).toEqual(description);
    expect(body.fields.assignee.accountId).toBe('5b10ac8d82e05b22cc7d4ef5');
    expect(body.fields.status.statusCategory.key).toBe('indeterminate');
    expect(body.fields.issuelinks[0]?.outwardIssue.key).toBe('PAY-2');
    expect(body.fields.issuelinks[0]?.outwardIssue.fields?.summary).toBe(
      sandbox.jira.findIssue('PAY-2')?.facts.summary,
    );
    const reverse = sandbox.jira.findIssue('PAY-2')?.links.find((link) => link.otherKey === 'EXT-1');
    expect(reverse).toMatchObject({ direction: 'inward', typeId: '10000' });
  });
});
