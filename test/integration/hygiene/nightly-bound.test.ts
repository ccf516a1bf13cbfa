import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';
import { DEMO_USERS } from '../../../sandbox/users';
import { createLocalPlatform, type LocalPlatform } from '../../../src/platform/local';
import { hygieneNightly } from '../../../src/services/hygiene/handlers';
import { projectReport, trend } from '../../../src/services/hygiene/report';
import { snapshotOf } from '../../../src/services/hygiene/store';

/**
 * The nightly run acts as the app, which browses every project; its trend is shown to anyone who browses the
 * project. NIT (open to everyone) has one issue blocked by a finished PAY issue, which the contractor may not
 * browse, and one blocked by a finished NIT issue; and NIE holds an epic whose one child is a PAY issue.
 */
const NOW = new Date('2026-11-16T09:00:00Z');
const admin = DEMO_USERS.find((user) => user.isSiteAdmin);
const contractor = DEMO_USERS.find((user) => user.groups.includes('contractors'));

const BLOCKS = { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' };
const DONE_FIELDS = {
  issuetype: { name: 'Story' },
  status: { name: 'Done' },
  resolution: { name: 'Done' },
  resolutiondate: '2026-11-02T10:00:00.000+0000',
  created: '2026-10-01T10:00:00.000+0000',
  updated: '2026-11-02T10:00:00.000+0000',
};
const openBlockedBy = (id: string, key: string, blocker: { id: string; key: string }) => ({
  id,
  key,
  fields: {
    summary: `${key} waits on ${blocker.key}`,
    issuetype: { name: 'Story' },
    status: { name: 'In Progress' },
    created: '2026-11-01T10:00:00.000+0000',
    updated: '2026-11-15T10:00:00.000+0000',
    project: { id: '99000', key: 'NIT', name: 'Night' },
    issuelinks: [{ id: `l${id}`, type: BLOCKS, inwardIssue: blocker }],
  },
});
const HIDDEN_BLOCKER = { id: '99010', key: 'PAY-9001' };
const SAME_PROJECT_BLOCKER = { id: '99003', key: 'NIT-3' };
const ISSUES = [
  { ...HIDDEN_BLOCKER, fields: { ...DONE_FIELDS, summary: 'Settlement ledger cut-over' } },
  {
    ...SAME_PROJECT_BLOCKER,
    fields: { ...DONE_FIELDS, summary: 'Night schema', project: { id: '99000', key: 'NIT', name: 'Night' } },
  },
  openBlockedBy('99001', 'NIT-1', HIDDEN_BLOCKER),
  openBlockedBy('99002', 'NIT-2', SAME_PROJECT_BLOCKER),
  {
    id: '99005',
    key: 'NIE-1',
    fields: {
      summary: 'Night shift',
      issuetype: { name: 'Epic' },
      status: { name: 'To Do' },
      created: '2026-11-01T10:00:00.000+0000',
      updated: '2026-11-15T10:00:00.000+0000',
    },
  },
  {
    id: '99011',
    key: 'PAY-9002',
    fields: {
      summary: 'Night settlement batch',
      issuetype: { name: 'Story' },
      status: { name: 'To Do' },
      parent: { id: '99005', key: 'NIE-1', fields: { summary: 'Night shift', issuetype: { name: 'Epic' } } },
      created: '2026-11-01T10:00:00.000+0000',
      updated: '2026-11-15T10:00:00.000+0000',
    },
  },
];

let folder: string;
let sandbox: RunningSandbox;
let platform: LocalPlatform;

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'vertebra-nightly-'));
  const file = path.join(folder, 'night.json');
  writeFileSync(file, JSON.stringify({ issues: ISSUES }));
  sandbox = await startSandbox({ port: 0, seeds: ['demo', file], now: NOW });
  platform = createLocalPlatform({ siteUrl: sandbox.url, now: NOW });
}, 60_000);
afterAll(async () => {
  await sandbox.close();
  rmSync(folder, { recursive: true, force: true });
});

/** A project's report as `accountId` sees it on the project page: which issues `rule` flags, and the summary. */
async function reportAs(accountId: string | undefined, projectKey: string, rule = 'blocker-resolved') {
  const report = await projectReport(platform, { kind: 'user', accountId: accountId ?? '' }, { projectKey });
  if (report.status !== 'done') throw new Error('the report was queued');
  const flagged = report.rows
    .filter((row) => row.findings.some((f) => f.rule === rule && f.kind === 'violation'))
    .map((row) => row.issue)
    .sort();
  return { summary: report.summary, flagged };
}

async function searchKeys(jql: string): Promise<string[]> {
  const response = await fetch(`${sandbox.url}/rest/api/3/search/jql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jql, fields: ['key'], maxResults: 100 }),
  });
  return ((await response.json()) as { issues: { key: string }[] }).issues.map((issue) => issue.key).sort();
}

describe('the nightly trend counts only what anyone who browses the project can see', () => {
  it.each([
    [
      'NIT-1’s blockers are done only to whoever sees PAY',
      'NIT',
      'blocker-resolved',
      ['NIT-1', 'NIT-2'],
      ['NIT-2'],
    ],
    ['NIE-1 is empty to whoever cannot see its PAY child', 'NIE', 'epic-empty', [], ['NIE-1']],
  ])(
    'is a case where the app and the contractor differ: %s',
    async (_name, projectKey, rule, byAdmin, byContractor) => {
      expect((await reportAs(admin?.accountId, projectKey, rule)).flagged).toEqual(byAdmin);
      expect((await reportAs(contractor?.accountId, projectKey, rule)).flagged).toEqual(byContractor);
    },
  );

  it.each([
    ['one "blockers all done" fewer than the app sees', 'NIT', -1],
    ['one "empty epic" more than the app sees', 'NIE', 1],
  ])('counts in the snapshot what the contractor counts: %s', async (_name, projectKey, infoMore) => {
    await hygieneNightly(platform, { projectKeys: [projectKey] });
    const [snapshot] = await trend(platform, projectKey);
    const seenByContractor = await reportAs(contractor?.accountId, projectKey);
    const seenByAdmin = await reportAs(admin?.accountId, projectKey);
    expect(snapshot).toEqual(snapshotOf('2026-11-16', seenByContractor.summary));
    expect(snapshot?.scanned).toBe(seenByAdmin.summary.scanned);
    expect(snapshot?.bySeverity).toEqual({
      ...seenByAdmin.summary.bySeverity,
      info: seenByAdmin.summary.bySeverity.info + infoMore,
    });
  });

  it.each([
    ['only NIT-2, blocked in its own project, has its blockers done', 'NIT', 'blocker-resolved', ['NIT-2']],
    ['the epic whose only child is in PAY is empty', 'NIE', 'epic-empty', ['NIE-1']],
  ])('writes the score property the same way: %s', async (_name, projectKey, rule, keys) => {
    await hygieneNightly(platform, { projectKeys: [projectKey] });
    expect(await searchKeys(`project = ${projectKey} AND hygiene.rules = ${rule}`)).toEqual(keys);
  });
});
