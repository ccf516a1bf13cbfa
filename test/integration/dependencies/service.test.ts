import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfluenceClient } from '../../../src/atlassian/confluence';
import { JiraClient } from '../../../src/atlassian/jira';
import { END_ANCHOR, START_ANCHOR, takeSnapshot, toJson } from '../../../src/dependencies';
import { shippedBundle } from '../../../src/templates/bundles';
import { createHttpTransport } from '../../../src/platform/local/http-transport';
import { createMemoryStore } from '../../../src/platform/local/memory-store';
import { issueDependencies } from '../../../src/services/dependencies/issue';
import { publishAlignmentPage } from '../../../src/services/dependencies/publish';
import { buildDependencyReport } from '../../../src/services/dependencies/report';
import { compareWithLast, saveSnapshot } from '../../../src/services/dependencies/snapshots';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';

const NOW = new Date('2026-11-16T09:00:00Z');
const DEMO_JQL = 'project in (PAY, CHK, GRW, MOB, PLT, DAT)';
let sandbox: RunningSandbox;
let admin: JiraClient;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seeds: ['demo'], now: NOW });
  admin = new JiraClient(createHttpTransport({ siteUrl: sandbox.url }));
}, 60_000);
afterAll(async () => {
  await sandbox.close();
});

describe('dependency report of the demo organisation', () => {
  it('finds the three-team loop, at-risk blockers and the security issues nobody may see', async () => {
    const { report } = await buildDependencyReport(admin, {
      jql: DEMO_JQL,
      teamBy: { kind: 'project' },
      now: NOW,
    });
    expect(report.scanned).toBeGreaterThan(1000);
    expect(report.teams).toEqual(['CHK', 'DAT', 'GRW', 'MOB', 'PAY', 'PLT']);
    const loop = report.cycles.find((cycle) =>
      ['PAY', 'CHK', 'GRW'].every((team) => cycle.some((key) => key.startsWith(`${team}-`))),
    );
    expect(loop).toBeDefined();
    expect(report.counts['at-risk']).toBeGreaterThan(10);
    expect(report.counts.crossTeam).toBeGreaterThan(100);
    const hidden = report.dependencies.filter((d) => d.risk === 'hidden');
    expect(hidden).toHaveLength(6);
    expect(JSON.stringify(toJson(report))).not.toContain('SEC-');
  });

  it('answers a JQL Jira refuses with Jira’s own message', async () => {
    await expect(
      buildDependencyReport(admin, { jql: 'project = = PAY', teamBy: { kind: 'project' }, now: NOW }),
    ).rejects.toMatchObject({ status: 400 });
  });

  it('fetches blockers outside the scope in bulk and marks them so', async () => {
    sandbox.resetStats();
    const { report, outside } = await buildDependencyReport(admin, {
      jql: 'project = PAY',
      teamBy: { kind: 'project' },
      now: NOW,
    });
    const fromOutside = report.dependencies.filter((d) => d.blocker?.outsideScope);
    expect(fromOutside.length).toBeGreaterThan(5);
    expect(
      fromOutside.every((d) => d.blocked?.key.startsWith('PAY-') && !d.blocker?.key.startsWith('PAY-')),
    ).toBe(true);
    expect(outside.requested - outside.fetched).toBeGreaterThanOrEqual(1);
    expect(sandbox.stats().byEndpoint['POST /rest/api/3/issue/bulkfetch']).toBe(
      Math.ceil(report.scanned / 100) +
        Math.ceil(outside.requested / 100) +
        Math.ceil(outside.loopBack / 100),
    );
  });

  it('shows one team who waits on it when asked', async () => {
    const { report } = await buildDependencyReport(admin, {
      jql: 'project = PAY',
      teamBy: { kind: 'project' },
      now: NOW,
      includeWaitingIssues: true,
    });
    expect(report.dependencies.some((d) => d.blockerTeam === 'PAY' && d.blockedTeam !== 'PAY')).toBe(true);
  });
});

describe('issue panel', () => {
  it('says what an issue of the loop waits on and what waits on it', async () => {
    const { report } = await buildDependencyReport(admin, {
      jql: DEMO_JQL,
      teamBy: { kind: 'project' },
      now: NOW,
    });
    const key = report.cycles[0]?.[0] ?? '';
    const panel = await issueDependencies(admin, key, { kind: 'project' }, NOW);
    expect(panel.blockedBy.length).toBeGreaterThan(0);
    expect(panel.blocks.length).toBeGreaterThan(0);
    expect(panel.otherTeams).toBeGreaterThanOrEqual(1);
  });
});

describe('snapshots and publishing', () => {
  it('compares a review with the last one saved', async () => {
    const store = createMemoryStore();
    const { report } = await buildDependencyReport(admin, {
      jql: 'project = CHK',
      teamBy: { kind: 'project' },
      now: NOW,
    });
    const first = takeSnapshot(report, 'project = CHK', NOW);
    const visibleKeys = async (ids: readonly string[]) =>
      new Map((await admin.bulkFetch(ids, ['project'])).map((issue) => [issue.id, issue.key]));
    expect(await compareWithLast(store, first, visibleKeys)).toBeNull();
    await saveSnapshot(store, { ...first, entries: first.entries.slice(1) }, ['CHK']);
    const later = takeSnapshot(report, 'project = CHK', new Date('2026-11-30T09:00:00Z'));
    const diff = await compareWithLast(store, later, visibleKeys);
    const openCount = first.entries.filter((e) => e[3] !== 'resolved').length;
    expect((diff?.added.length ?? 0) + (diff?.stillOpen.length ?? 0)).toBe(openCount);
  });

  it('writes the alignment page, then updates only its generated section', async () => {
    const confluence = new ConfluenceClient(createHttpTransport({ siteUrl: sandbox.url }));
    const spaceKey = await firstSpaceKey(confluence);
    const { report } = await buildDependencyReport(admin, {
      jql: DEMO_JQL,
      teamBy: { kind: 'project' },
      now: NOW,
    });
    const title = 'Quarterly alignment Q4 2026';
    const first = await publishAlignmentPage(confluence, { spaceKey, title, report, now: NOW });
    expect(first.created).toBe(true);
    const spaceId = (await confluence.spaceByKey(spaceKey))?.id ?? '';
    const readPage = async () => {
      const found = await confluence.findPageByTitle(spaceId, title);
      if (!found) throw new Error('the published page is missing');
      return found;
    };
    const page = await readPage();
    expect(page.id).toBe(first.pageId);
    expect(page.body).toContain(START_ANCHOR);
    const edited = `<p>Decision: PAY ships the card vault first.</p>${page.body}<p>Follow-up in two weeks.</p>`;
    await confluence.updatePage({ id: page.id, title, body: edited, version: page.version });
    const second = await publishAlignmentPage(confluence, {
      spaceKey,
      title,
      report,
      now: new Date('2026-11-20T09:00:00Z'),
    });
    expect(second).toMatchObject({ created: false, pageId: first.pageId });
    const after = (await readPage()).body;
    expect(after).toContain('Decision: PAY ships the card vault first.');
    expect(after).toContain('Follow-up in two weeks.');
    expect(after).toContain('2026-11-20 09:00');
    expect(after).not.toContain('2026-11-16 09:00');
  });
});

describe('publishing into the template capability’s quarterly alignment page', () => {
  it('starts a new page from the space’s template, the report in its dependencies section, and keeps what people fill in', async () => {
    const confluence = new ConfluenceClient(createHttpTransport({ siteUrl: sandbox.url }));
    const spaceKey = 'ENG';
    // The template as the product-ops bundle installs it (it has no variables).
    const shipped = shippedBundle('product-ops')?.templates.find((t) => t.key === 'quarterly-alignment');
    if (!shipped) throw new Error('the product-ops bundle has no quarterly alignment template');
    await confluence.createTemplate({
      spaceKey,
      name: shipped.name,
      description: shipped.description,
      body: shipped.body,
      labels: shipped.labels,
    });
    const { report } = await buildDependencyReport(admin, {
      jql: DEMO_JQL,
      teamBy: { kind: 'project' },
      now: NOW,
    });
    const title = 'Quarterly alignment Q4 2026 (engineering)';
    const first = await publishAlignmentPage(confluence, { spaceKey, title, report, now: NOW });
    expect(first.created).toBe(true);
    const spaceId = (await confluence.spaceByKey(spaceKey))?.id ?? '';
    const page = await confluence.findPageByTitle(spaceId, title);
    if (!page) throw new Error('the published page is missing');
    const body = page.body;
    // The template's sections are there, in order, with the report in place of its "publish here" panel.
    const at = (text: string): number => body.indexOf(text);
    expect(at('Goals per team')).toBeGreaterThan(-1);
    expect(at('Goals per team')).toBeLessThan(at(START_ANCHOR));
    expect(at(START_ANCHOR)).toBeLessThan(at('Which team blocks which'));
    expect(at('Which team blocks which')).toBeLessThan(at(END_ANCHOR));
    expect(at(END_ANCHOR)).toBeLessThan(at('From team'));
    expect(at('From team')).toBeLessThan(at('Risks'));
    expect(body).not.toContain('From the dependency report');
    expect(body.split('<h2>Cross-team dependencies</h2>')).toHaveLength(2);
    // Pages made from a template carry its labels: the template's adoption counts this one.
    const labels = await fetch(`${sandbox.url}/wiki/rest/api/content/${first.pageId}/label`).then(
      (answer) => answer.json() as Promise<{ results: { name: string }[] }>,
    );
    expect(labels.results.map((label) => label.name)).toEqual(
      expect.arrayContaining(['quarterly-alignment', 'vertebra-dependencies']),
    );

    // The team fills the agreements table; the next publish rewrites the report only.
    const filled = body.replace(
      '<td></td><td></td><td></td>',
      '<td>PAY</td><td>Card vault API</td><td>PLT</td>',
    );
    expect(filled).not.toBe(body);
    await confluence.updatePage({ id: page.id, title, body: filled, version: page.version });
    await publishAlignmentPage(confluence, {
      spaceKey,
      title,
      report,
      now: new Date('2026-11-23T09:00:00Z'),
    });
    const after = (await confluence.findPageByTitle(spaceId, title))?.body ?? '';
    expect(after).toContain('<td>PAY</td><td>Card vault API</td><td>PLT</td>');
    expect(after).toContain('2026-11-23 09:00');
    expect(after.split(START_ANCHOR)).toHaveLength(2);
  });
});

async function firstSpaceKey(confluence: ConfluenceClient): Promise<string> {
  for (const key of ['PO', 'ENG', 'DEMO', 'PROD', 'TEAM']) if (await confluence.spaceByKey(key)) return key;
  throw new Error('no known demo space');
}
