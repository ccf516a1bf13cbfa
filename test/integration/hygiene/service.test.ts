import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';
import { DEMO_USERS } from '../../../sandbox/users';
import { createLocalPlatform, createVirtualClock, type LocalPlatform } from '../../../src/platform/local';
import { createResolvers } from '../../../src/resolvers';
import { queueConsumer } from '../../../src/services/consumer';
import { hygieneBadge, hygieneNightly, hygieneNightlyFanOut } from '../../../src/services/hygiene/handlers';
import { projectReport } from '../../../src/services/hygiene/report';
import { KEYS } from '../../../src/services/hygiene/store';
import { discardOldJobs, JOB_STALL_MS } from '../../../src/services/jobs/jobs';
import { readOutput } from '../../../src/services/jobs/outputs';
import { csvPieces } from '../../../src/services/hygiene/report-job';
import { findingsCsv } from '../../../src/hygiene/report';
import type { IssueResult } from '../../../src/hygiene/evaluate';
import type { ScanRunning } from '../../../src/contract/hygiene';
import type { Platform, QueuedJob } from '../../../src/services/ports';
import { refusingBulkFetch } from '../helpers/refusing-jira';

const NOW = new Date('2026-11-16T09:00:00Z');
const admin = DEMO_USERS.find((u) => u.isSiteAdmin);
const plainUser = DEMO_USERS.find((u) => !u.isSiteAdmin && !u.groups.includes('product-ops'));
const contractor = DEMO_USERS.find((u) => u.groups.includes('contractors'));
const asContractor = { accountId: contractor?.accountId, extension: {} };

let sandbox: RunningSandbox;
let platform: LocalPlatform;
let resolvers: ReturnType<typeof createResolvers>;
const asAdmin = { accountId: admin?.accountId, extension: {} };

async function call<K extends keyof typeof resolvers>(key: K, payload: unknown, context: object = asAdmin) {
  return resolvers[key]({ payload, context: { extension: {}, ...context } });
}

/** Keys of the issues a JQL selects on the sandbox, as Jira's search answers them. */
async function searchKeys(jql: string): Promise<string[]> {
  const response = await fetch(`${sandbox.url}/rest/api/3/search/jql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jql, fields: ['id'], maxResults: 5000 }),
  });
  if (!response.ok) throw new Error(`${jql}: ${String(response.status)} ${await response.text()}`);
  return ((await response.json()) as { issues: { key: string }[] }).issues.map((issue) => issue.key);
}

/** Keys of a project's issues that have a link to an issue of another project, as the admin reads them. */
async function linkingOutOf(projectKey: string): Promise<Set<string>> {
  const out = new Set<string>();
  let nextPageToken: string | undefined;
  do {
    const response = await fetch(`${sandbox.url}/rest/api/3/search/jql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jql: `project = ${projectKey}`, fields: ['issuelinks'], nextPageToken }),
    });
    const page = (await response.json()) as {
      issues: {
        key: string;
        fields: { issuelinks?: { inwardIssue?: { key: string }; outwardIssue?: { key: string } }[] };
      }[];
      nextPageToken?: string;
    };
    for (const issue of page.issues)
      for (const link of issue.fields.issuelinks ?? []) {
        const other = link.inwardIssue ?? link.outwardIssue;
        if (other !== undefined && !other.key.startsWith(`${projectKey}-`)) out.add(issue.key);
      }
    nextPageToken = page.nextPageToken;
  } while (nextPageToken !== undefined);
  return out;
}

/**
 * A report of `projectKey` (over 10 issues, so queued) started by `accountId` (the site admin) on `on`; fails
 * unless it was queued.
 */
async function queuedScan(
  on: Platform = platform,
  { projectKey = 'GRW', accountId = admin?.accountId ?? '', jql = undefined as string | undefined } = {},
): Promise<ScanRunning> {
  const started = await projectReport(on, { kind: 'user', accountId }, { projectKey, jql, inlineLimit: 10 });
  if (started.status !== 'running') throw new Error('not queued');
  return started;
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seeds: ['demo'], now: NOW });
  // Failing parts are retried as Forge retries them; the virtual clock skips the waits between retries.
  platform = createLocalPlatform({ siteUrl: sandbox.url, now: NOW, twinClock: createVirtualClock() });
  platform.queue.setConsumer((event) => queueConsumer(platform, event));
  resolvers = createResolvers(platform);
});
afterAll(async () => {
  await sandbox.close();
});

describe('hygiene against the demo sandbox', () => {
  it('shows an issue its findings in exactly one Jira request once the field map is cached', async () => {
    const report = await call('hygiene.projectReport', { projectKey: 'PAY' });
    if (!report.ok || report.data.status !== 'done') throw new Error(JSON.stringify(report));
    const worst = report.data.rows[0];
    expect(worst?.findings.length).toBeGreaterThan(0);
    sandbox.resetStats();
    const findings = await call('hygiene.issueFindings', { issueKey: worst?.issue });
    expect(sandbox.stats().total).toBe(1);
    if (!findings.ok) throw new Error(findings.error.message);
    expect(findings.data.findings.map((f) => f.rule).sort()).toEqual(
      worst?.findings.map((f) => f.rule).sort(),
    );
    expect(findings.data.findings[0]?.rationale.length).toBeGreaterThan(10);
  });

  it('reports a project with counts per rule, a score, and the empty epic the demo holds', async () => {
    const report = await call('hygiene.projectReport', { projectKey: 'PAY', jql: 'issuetype = Epic' });
    if (!report.ok || report.data.status !== 'done') throw new Error(JSON.stringify(report));
    expect(report.data.jql).toContain('project = "PAY"');
    expect(report.data.summary.score).toBeGreaterThanOrEqual(0);
  });

  it('tells an empty epic in its panel, with one more request than other issues, and leaves epics with children be', async () => {
    const report = await call('hygiene.projectReport', { projectKey: 'PAY', jql: 'issuetype = Epic' });
    if (!report.ok || report.data.status !== 'done') throw new Error(JSON.stringify(report));
    const empty = report.data.rows.filter((row) => row.findings.some((f) => f.rule === 'epic-empty'));
    expect(empty.length).toBeGreaterThan(0);
    for (const row of empty) {
      sandbox.resetStats();
      const panel = await call('hygiene.issueFindings', { issueKey: row.issue });
      if (!panel.ok) throw new Error(panel.error.message);
      expect(panel.data.findings.map((f) => f.rule)).toContain('epic-empty');
      expect(panel.data.score).toBe(row.score);
      expect(sandbox.stats().total).toBe(2);
    }
    const keys = await searchKeys('project = PAY AND issuetype = Epic AND resolution = EMPTY');
    const withChildren = keys.filter((key) => !empty.some((row) => row.issue === key));
    expect(withChildren.length).toBeGreaterThan(0);
    for (const key of withChildren) {
      const panel = await call('hygiene.issueFindings', { issueKey: key });
      if (!panel.ok) throw new Error(panel.error.message);
      expect(panel.data.findings.map((f) => f.rule)).not.toContain('epic-empty');
    }
  });

  it('accepts a JQL typed with ORDER BY: the report is still narrowed to the project', async () => {
    const ordered = await call('hygiene.projectReport', {
      projectKey: 'PAY',
      jql: 'resolution = EMPTY ORDER BY created DESC',
    });
    const plain = await call('hygiene.projectReport', { projectKey: 'PAY' });
    if (!ordered.ok || ordered.data.status !== 'done') throw new Error(JSON.stringify(ordered));
    if (!plain.ok || plain.data.status !== 'done') throw new Error(JSON.stringify(plain));
    expect(ordered.data.jql).toBe('project = "PAY" AND resolution = empty');
    expect(ordered.data.summary.scanned).toBe(plain.data.summary.scanned);
  });

  it.each([
    ['closes the project narrowing with ) OR (', 'resolution = EMPTY) OR (project in (PAY, DAT)'],
    ['does not parse at all', 'status = = nonsense('],
  ])('refuses a typed JQL that %s as invalid input, reporting nothing', async (_name, jql) => {
    const report = await call('hygiene.projectReport', { projectKey: 'CHK', jql });
    expect(report.ok ? report.data : report.error.code).toBe('INVALID_INPUT');
    if (!report.ok) expect(report.error.message).toMatch(/^This JQL does not parse: /);
    const csv = await call('hygiene.exportCsv', { projectKey: 'CHK', jql });
    expect(csv.ok ? csv.data.csv : csv.error.code).toBe('INVALID_INPUT');
  });

  it("keeps a typed OR inside the project: a CHK report of 'OR project in (PAY, DAT)' holds CHK issues only", async () => {
    const report = await call('hygiene.projectReport', {
      projectKey: 'CHK',
      jql: 'resolution = EMPTY OR project in (PAY, DAT)',
    });
    if (!report.ok || report.data.status !== 'done') throw new Error(JSON.stringify(report));
    expect(report.data.rows.length).toBeGreaterThan(0);
    expect(report.data.rows.filter((row) => !row.issue.startsWith('CHK-'))).toEqual([]);
  });

  it("shows Jira's own message when Jira refuses a JQL that parses", async () => {
    const report = await call('hygiene.projectReport', { projectKey: 'PAY', jql: 'nosuchfield = 3' });
    expect(report.ok).toBe(false);
    if (!report.ok) expect(report.error.code).toBe('JQL_REJECTED');
  });

  it('acknowledges a finding: it moves apart until the expiry, and can be withdrawn', async () => {
    const report = await call('hygiene.projectReport', { projectKey: 'CHK' });
    if (!report.ok || report.data.status !== 'done') throw new Error('no report');
    const row = report.data.rows.find((r) => r.findings.some((f) => f.kind === 'violation'));
    const rule = row?.findings.find((f) => f.kind === 'violation')?.rule;
    const acked = await call('hygiene.acknowledge', {
      issueKey: row?.issue,
      rule,
      reason: 'Agreed with the PM',
      expires: '2026-12-01',
    });
    if (!acked.ok) throw new Error(acked.error.message);
    expect(acked.data.acknowledged.map((f) => [f.rule, f.acknowledgement?.reason])).toEqual([
      [rule, 'Agreed with the PM'],
    ]);
    expect(acked.data.findings.map((f) => f.rule)).not.toContain(rule);
    // "Until 1 December" holds through that day.
    expect(acked.data.acknowledged[0]?.acknowledgement?.expires).toBe('2026-12-01T23:59:59.999Z');
    const withdrawn = await call('hygiene.withdrawAcknowledgement', { issueKey: row?.issue, rule });
    if (!withdrawn.ok) throw new Error(withdrawn.error.message);
    expect(withdrawn.data.findings.map((f) => f.rule)).toContain(rule);
  });

  it('refuses an acknowledgement without a reason or with a past expiry', async () => {
    const noReason = await call('hygiene.acknowledge', {
      issueKey: 'PAY-1',
      rule: 'parent-missing',
      reason: '',
      expires: '2026-12-01',
    });
    const past = await call('hygiene.acknowledge', {
      issueKey: 'PAY-1',
      rule: 'parent-missing',
      reason: 'because',
      expires: '2026-01-01',
    });
    expect([noReason.ok, past.ok]).toEqual([false, false]);
  });

  it('refuses to acknowledge a rule the app does not have, and stores nothing', async () => {
    const refused = await call('hygiene.acknowledge', {
      issueKey: 'CHK-1',
      rule: 'no-such-rule',
      reason: 'Agreed with the PM',
      expires: '2026-12-01',
    });
    expect(refused.ok ? 'stored' : refused.error.code).toBe('INVALID_INPUT');
    expect(await platform.store.get(KEYS.acks('CHK-1'))).toBeUndefined();
  });

  it('refuses a bad org config naming rule and option, and keeps the previous one', async () => {
    const good = await call('hygiene.saveOrgConfig', {
      config: { rules: { 'stale-in-progress': { options: { days: 10 } } } },
    });
    expect(good.ok).toBe(true);
    const bad = await call('hygiene.saveOrgConfig', {
      config: { rules: { 'stale-in-progress': { options: { days: -1 } }, nope: {} } },
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.message).toContain('rule "stale-in-progress", option "days"');
      expect(bad.error.message).toContain('rule "nope": unknown rule');
    }
    const view = await call('hygiene.orgConfig', {});
    if (!view.ok) throw new Error(view.error.message);
    expect(view.data.rules.find((r) => r.id === 'stale-in-progress')?.options).toEqual({ days: 10 });
    await platform.store.delete(KEYS.org);
  });

  it('lets only Jira administrators change the organisation rules', async () => {
    const denied = await call('hygiene.saveOrgConfig', { config: {} }, { accountId: plainUser?.accountId });
    expect(denied.ok ? 'ok' : denied.error.code).toBe('FORBIDDEN');
  });

  it('runs a large scope as a job: the resolver lists one page, the job the rest, then the merged report', async () => {
    const inline = await call('hygiene.projectReport', { projectKey: 'GRW' });
    if (!inline.ok || inline.data.status !== 'done') throw new Error('no inline report');
    sandbox.resetStats();
    const started = await queuedScan();
    // One search of at most 10 ids told the scope is large; the listing itself is the job's first step.
    expect(sandbox.stats().total).toBe(1);
    expect(started).toMatchObject({ status: 'running', done: 0, total: 0, totalKnown: false });
    await platform.queue.drain();
    const merged = await call('hygiene.scanProgress', { scanId: started.scanId });
    if (!merged.ok || merged.data.status !== 'done') throw new Error(JSON.stringify(merged));
    expect(merged.data.summary.scanned).toBe(inline.data.summary.scanned);
    // Every rule counts the same, epic-empty included: a part's epics whose children lie in other parts are
    // looked up, not reported empty.
    expect(merged.data.summary.byRule).toEqual(inline.data.summary.byRule);
    expect(merged.data.summary.byRule['epic-empty']?.open).toBeGreaterThan(0);
    expect(merged.data.rows).toEqual(inline.data.rows);

    // Its CSV is what the job built from the stored parts, the same lines as the scope read again.
    const stored = await call('hygiene.exportCsv', { projectKey: 'GRW', scanId: started.scanId });
    const again = await call('hygiene.exportCsv', { projectKey: 'GRW' });
    if (!stored.ok || !again.ok) throw new Error('no CSV');
    expect(stored.data.nextPiece).toBeUndefined();
    expect(stored.data.csv.split('\r\n').length).toBeGreaterThan(10);
    expect(stored.data.csv.split('\r\n').sort()).toEqual(again.data.csv.split('\r\n').sort());
    // Cut into small pieces, the CSV is the same text: the header once, each piece under its size.
    const results = (await readOutput(platform, started.scanId, 'part-')) as IssueResult[];
    const pieces = csvPieces(results, 2_000);
    expect(pieces.length).toBeGreaterThan(5);
    expect(pieces.join('')).toBe(findingsCsv(results));
    expect(pieces.filter((piece) => piece.startsWith('issue,')).length).toBe(1);
    for (const piece of pieces) expect(Buffer.byteLength(piece)).toBeLessThanOrEqual(2_000);
    const elsewhere = await call('hygiene.exportCsv', { projectKey: 'PAY', scanId: started.scanId });
    expect(elsewhere.ok ? 'ok' : elsewhere.error.code).toBe('NOT_FOUND');

    // Leaving the page and coming back finds the same scan, done.
    const back = await call('hygiene.latestScan', { projectKey: 'GRW' });
    expect(back.ok && back.data?.status === 'done' ? back.data.scanId : back).toBe(started.scanId);

    // A day later the nightly run lets the job go, and the page starts afresh.
    const later = {
      ...platform,
      clock: { ...platform.clock, now: () => new Date(NOW.getTime() + 25 * 3_600_000) },
    };
    expect(await discardOldJobs(later)).toBeGreaterThanOrEqual(1);
    expect(await platform.store.list(`jobs:out:${started.scanId}:`)).toEqual([]);
    const gone = await call('hygiene.scanProgress', { scanId: started.scanId });
    expect(gone.ok ? 'ok' : gone.error.code).toBe('NOT_FOUND');
    const none = await call('hygiene.latestScan', { projectKey: 'GRW' });
    expect(none.ok ? none.data : none).toBeNull();
  });

  it('answers a failed scan with the error of a part Jira refused, at once and without retries', async () => {
    // Jira refuses the job's bulk fetches; the listing goes through.
    const refusing = refusingBulkFetch(platform);
    let parts = 0;
    platform.queue.setConsumer((event) => {
      if (event.body.step === 'part') parts += 1;
      return queueConsumer(refusing, event);
    });
    try {
      const started = await queuedScan();
      await platform.queue.drain();
      const answer = await call('hygiene.scanProgress', { scanId: started.scanId });
      if (!answer.ok) throw new Error(answer.error.message);
      expect(answer.data).toEqual({
        status: 'failed',
        scanId: started.scanId,
        projectKey: 'GRW',
        jql: started.jql,
        code: 'FORBIDDEN',
        message:
          'Jira answered 403 to POST /rest/api/3/issue/bulkfetch: The app may no longer read this project.',
      });
      // A refusal is not retried: each part ran once.
      const keys = await searchKeys('project = GRW AND resolution = EMPTY');
      expect(parts).toBe(Math.ceil(keys.length / 200));
      const csv = await call('hygiene.exportCsv', { projectKey: 'GRW', scanId: started.scanId });
      expect(csv.ok ? 'ok' : csv.error.code).toBe('CONFLICT');
    } finally {
      platform.queue.setConsumer((event) => queueConsumer(platform, event));
    }
  });

  it.each(['GRW', 'CHK'])(
    "evaluates a contractor's queued scan of %s as the contractor: the inline findings, no PAY or DAT issue named",
    async (projectKey) => {
      const inline = await call('hygiene.projectReport', { projectKey }, asContractor);
      if (!inline.ok || inline.data.status !== 'done') throw new Error(JSON.stringify(inline));
      const started = await queuedScan(platform, { projectKey, accountId: contractor?.accountId ?? '' });
      await platform.queue.drain();
      const merged = await call('hygiene.scanProgress', { scanId: started.scanId }, asContractor);
      if (!merged.ok || merged.data.status !== 'done') throw new Error(JSON.stringify(merged));
      expect(merged.data.rows).toEqual(inline.data.rows);
      expect(JSON.stringify(merged.data)).not.toMatch(/\b(PAY|DAT)-\d+/);
    },
  );

  it("answers another user's scan id exactly as a missing scan, for its progress and its CSV", async () => {
    const started = await queuedScan();
    await platform.queue.drain();
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const [key, payload] of [
      ['hygiene.scanProgress', { scanId: started.scanId }],
      ['hygiene.exportCsv', { projectKey: 'GRW', scanId: started.scanId }],
    ] as const) {
      const foreign = await call(key, payload, asContractor);
      const absent = await call(key, { ...payload, scanId: missing }, asContractor);
      expect(foreign.ok ? foreign.data : foreign.error).toEqual(absent.ok ? absent.data : absent.error);
      expect(foreign.ok ? 'ok' : foreign.error.code).toBe('NOT_FOUND');
    }
    const owner = await call('hygiene.scanProgress', { scanId: started.scanId });
    expect(owner.ok ? owner.data.status : owner.error.code).toBe('done');
  });

  it('answers a scan whose events were lost running until the stall time, then failed', async () => {
    // A queue that loses every event, as an invocation Forge kills would: nothing is ever done.
    const losing = { ...platform, queue: { push: () => Promise.resolve() } };
    const started = await queuedScan(losing);
    const progressAt = async (elapsedMs: number) => {
      const later = {
        ...platform,
        clock: { ...platform.clock, now: () => new Date(NOW.getTime() + elapsedMs) },
      };
      const answer = await createResolvers(later)['hygiene.scanProgress']({
        payload: { scanId: started.scanId },
        context: asAdmin,
      });
      if (!answer.ok) throw new Error(answer.error.message);
      return answer.data;
    };
    expect(await progressAt(JOB_STALL_MS - 60_000)).toEqual(started);
    expect(await progressAt(JOB_STALL_MS + 60_000)).toMatchObject({
      status: 'failed',
      scanId: started.scanId,
      code: 'INTERNAL',
      message: 'The work stopped: nothing more was done for 60 minutes.',
    });
  });

  it("links each finding to its section of the product-ops bundle's Jira hygiene page once installed", async () => {
    const before = await call('hygiene.issueFindings', { issueKey: 'PAY-1' });
    if (!before.ok) throw new Error(before.error.message);
    expect(before.data.findings.length).toBeGreaterThan(0);
    expect(before.data.findings.filter((f) => f.processUrl !== null)).toEqual([]);

    const variables = {
      orgName: 'Acme',
      opsLead: admin?.accountId,
      teams: 'Payments',
      quarterStart: '2027-01-04',
    };
    const installed = await call('templates.install', {
      bundleId: 'product-ops',
      variables,
      spaceKey: 'OPS',
    });
    if (!installed.ok) throw new Error(installed.error.message);
    const hygienePage = installed.data.pages.find((page) => page.key === 'jira-hygiene')?.id;

    const after = await call('hygiene.issueFindings', { issueKey: 'PAY-1' });
    if (!after.ok) throw new Error(after.error.message);
    expect(after.data.findings.length).toBeGreaterThan(0);
    for (const finding of after.data.findings)
      expect(finding.processUrl).toBe(`/wiki/spaces/OPS/pages/${String(hygienePage)}#rule-${finding.rule}`);
    // The anchors are there on the page: `rule-<id>` for every rule the panel links to.
    const page = (await (
      await fetch(`${sandbox.url}/wiki/api/v2/pages/${String(hygienePage)}?body-format=storage`)
    ).json()) as { body: { storage: { value: string } } };
    for (const finding of after.data.findings)
      expect(page.body.storage.value).toContain(
        `<ac:parameter ac:name="">rule-${finding.rule}</ac:parameter>`,
      );

    // A process page the admin set wins over the bundle's.
    const rule = after.data.findings[0]?.rule ?? '';
    const own = 'https://acme.example/handbook#estimates';
    const saved = await call('hygiene.saveOrgConfig', { config: { rules: { [rule]: { processUrl: own } } } });
    if (!saved.ok) throw new Error(saved.error.message);
    const configured = await call('hygiene.issueFindings', { issueKey: 'PAY-1' });
    if (!configured.ok) throw new Error(configured.error.message);
    expect(configured.data.findings.find((f) => f.rule === rule)?.processUrl).toBe(own);
    await platform.store.delete(KEYS.org);
  });

  it('writes the score property and a snapshot nightly, and the badge counts findings', async () => {
    const outcome = await hygieneNightly(platform, { projectKeys: ['MOB'] });
    // Every unresolved issue, and those resolved this week (their property must not keep an open issue's score).
    const resolved = await searchKeys('project = MOB AND resolution != EMPTY AND resolved >= -7d');
    expect(resolved.length).toBeGreaterThan(0);
    expect(outcome.projects[0]?.propertiesWritten).toBe(
      (outcome.projects[0]?.scanned ?? 0) + resolved.length,
    );
    const again = await hygieneNightly(platform, { projectKeys: ['MOB'] });
    expect(again.projects[0]?.propertiesWritten).toBe(0);
    const trend = await call('hygiene.trend', { projectKey: 'MOB' });
    if (!trend.ok) throw new Error(trend.error.message);
    expect(trend.data.map((s) => s.day)).toEqual(['2026-11-16']);
    const report = await call('hygiene.projectReport', { projectKey: 'MOB' });
    if (!report.ok || report.data.status !== 'done') throw new Error('no report');
    const row = report.data.rows.find((r) => r.findings.filter((f) => f.kind === 'violation').length >= 2);
    const badge = await hygieneBadge(platform, {
      context: { accountId: admin?.accountId, extension: { issue: { key: row?.issue } } },
    });
    const count = row?.findings.filter((f) => f.kind === 'violation').length ?? 0;
    expect(badge.label).toBe(`${String(count)} hygiene warnings`);
    // An anonymous viewer gets the panel's title, no count judged as the app.
    const anonymous = await hygieneBadge(platform, {
      context: { extension: { issue: { key: row?.issue } } },
    });
    expect(anonymous).toEqual({ title: 'Hygiene', label: 'Hygiene' });
  });

  it('lets people search the nightly scores and rules with JQL, resolved issues at their latest score', async () => {
    await hygieneNightly(platform, { projectKeys: ['MOB'] });
    const report = await call('hygiene.projectReport', { projectKey: 'MOB' });
    if (!report.ok || report.data.status !== 'done') throw new Error('no report');
    const scores = new Map(report.data.rows.map((row) => [row.issue, row.score]));
    const stale = report.data.rows
      .filter((row) => row.findings.some((f) => f.rule === 'stale-in-progress' && f.kind === 'violation'))
      .map((row) => row.issue);
    for (const key of await searchKeys('project = MOB AND resolution != EMPTY AND resolved >= -7d')) {
      const panel = await call('hygiene.issueFindings', { issueKey: key });
      if (!panel.ok) throw new Error(panel.error.message);
      scores.set(key, panel.data.score);
    }
    // The nightly judges MOB on MOB's issues alone (a link to another project reads as one the reader cannot
    // open), while the admin's report reads every project: both agree on the issues that link nowhere else.
    const linkingOut = await linkingOutOf('MOB');
    expect(linkingOut.size).toBeGreaterThan(0);
    const low = [...scores].filter(([key, score]) => score < 80 && !linkingOut.has(key)).map(([key]) => key);
    expect(low.length).toBeGreaterThan(0);
    const searched = await searchKeys('project = MOB AND hygiene.score < 80');
    expect(searched.filter((key) => !linkingOut.has(key)).sort()).toEqual(low.sort());
    expect(stale.length).toBeGreaterThan(0);
    expect((await searchKeys('project = MOB AND hygiene.rules = stale-in-progress')).sort()).toEqual(
      stale.sort(),
    );
  });

  it('runs the scheduled nightly as one queue event per project, each project getting its snapshot and scores', async () => {
    const pushes: (readonly QueuedJob[])[] = [];
    const counting = {
      ...platform,
      queue: {
        push: async (events: readonly QueuedJob[]) => {
          pushes.push(events);
          await platform.queue.push(events);
        },
      },
    };
    const failuresBefore = platform.queue.failures.length;
    const projects = await hygieneNightlyFanOut(counting);
    await platform.queue.drain();
    expect(platform.queue.failures.length).toBe(failuresBefore);
    // Every project of the site, each in its own event.
    const site = (await (await fetch(`${sandbox.url}/rest/api/3/project/search?maxResults=100`)).json()) as {
      values: { key: string }[];
    };
    expect([...projects].sort()).toEqual(site.values.map((project) => project.key).sort());
    expect(pushes.flat().map((job) => job.body)).toEqual(
      projects.map((projectKey) => ({ kind: 'nightly-project', projectKey })),
    );
    for (const projectKey of projects) {
      const trend = await call('hygiene.trend', { projectKey });
      if (!trend.ok) throw new Error(trend.error.message);
      expect(
        trend.data.map((snapshot) => snapshot.day),
        projectKey,
      ).toEqual(['2026-11-16']);
    }
    // The scores of a project no test ran the nightly on before are searchable now.
    expect((await searchKeys('project = GRW AND hygiene.score >= 0')).length).toBeGreaterThan(0);
  });
});
