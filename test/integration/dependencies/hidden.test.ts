/**
 * Every way a side of a blocking link can be invisible — the blocker hidden, the blocked issue hidden, the
 * linked issue deleted — is counted as hidden, never an error, and never shows the invisible issue's key,
 * summary or team: in the report, its exports, its snapshot and its published page, on the global page, a team
 * page and the issue panel.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JiraClient } from '../../../src/atlassian/jira';
import { analyseDependencies } from '../../../src/dependencies/analyse';
import { toCsv } from '../../../src/contract/dependency-csv';
import { toJson, toMermaid } from '../../../src/dependencies/export';
import type { BlockingLink, DependencyIssue } from '../../../src/dependencies/model';
import { renderAlignmentSection } from '../../../src/dependencies/publish';
import { takeSnapshot } from '../../../src/dependencies/snapshot';
import { createHttpTransport } from '../../../src/platform/local/http-transport';
import { issueDependencies } from '../../../src/services/dependencies/issue';
import { buildDependencyReport } from '../../../src/services/dependencies/report';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';
import { blocks, issue, NOW } from '../../unit/dependencies/fixtures';

/** An issue the user may not see: Jira names it in the link by id and key only. */
const SECRET = { id: '90009', key: 'SEC-9' };
const hiddenLink = (blocker: string, blocked: string): BlockingLink => ({
  linkId: `${blocker}>${blocked}`,
  blockerId: blocker,
  blockedId: blocked,
  typeName: 'Blocks',
});

describe('a blocking link with an invisible side, in the analysis', () => {
  const analyse = (issues: DependencyIssue[], links: BlockingLink[], hidden: string[] = []) =>
    analyseDependencies({ issues, links, hiddenIds: new Set(hidden), now: NOW });

  it.each([
    {
      name: 'a hidden blocker of a scope issue is one hidden dependency with no blocker',
      links: [hiddenLink(SECRET.id, 'id-PAY-1')],
      hidden: [SECRET.id],
      expected: { blocker: null, blockerTeam: null, blockedKey: 'PAY-1', blockedTeam: 'PAY' },
    },
    {
      name: 'a scope issue blocking an issue the user cannot see is one hidden dependency with no blocked issue',
      links: [hiddenLink('id-PAY-1', SECRET.id)],
      hidden: [SECRET.id],
      expected: { blocker: 'PAY-1', blockerTeam: 'PAY', blockedKey: null, blockedTeam: null },
    },
  ])('$name', ({ links, hidden, expected }) => {
    const report = analyse([issue('PAY-1'), issue('CHK-2')], links, hidden);
    expect(report.dependencies).toHaveLength(1);
    const [d] = report.dependencies;
    expect({
      blocker: d?.blocker?.key ?? null,
      blockerTeam: d?.blockerTeam,
      blockedKey: d?.blocked?.key ?? null,
      blockedTeam: d?.blockedTeam,
    }).toEqual(expected);
    expect(d).toMatchObject({ risk: 'hidden', crossTeam: false, reasons: [] });
    expect(report.counts).toMatchObject({ hidden: 1, crossTeam: 0, 'at-risk': 0, ok: 0 });
    // Nobody knows the hidden side's team: it stays out of the matrix, the team list and the graph.
    expect(report.matrix).toEqual([]);
    expect(report.teams).toEqual(['CHK', 'PAY']);
    expect(report.cycles).toEqual([]);
  });

  it('counts a hidden blocked issue once when two links of the scope name it', () => {
    const report = analyse(
      [issue('PAY-1')],
      [hiddenLink('id-PAY-1', SECRET.id), hiddenLink('id-PAY-1', SECRET.id)],
      [SECRET.id],
    );
    expect(report.counts.hidden).toBe(1);
  });

  it('leaves out a blocked issue that is merely outside the scope (visible, not asked for)', () => {
    const report = analyse([issue('PAY-1')], [hiddenLink('id-PAY-1', 'id-CHK-404')]);
    expect(report.dependencies).toEqual([]);
    expect(report.counts.hidden).toBe(0);
  });

  it('leaves out a hidden blocked issue whose blocker is itself outside the scope', () => {
    const report = analyse(
      [issue('PAY-1'), issue('CHK-2', { inScope: false })],
      [hiddenLink('id-CHK-2', SECRET.id)],
      [SECRET.id],
    );
    expect(report.dependencies).toEqual([]);
  });

  it('lists hidden dependencies after those needing attention and before the ok ones, blockers hidden first', () => {
    const report = analyse(
      [issue('PAY-1'), issue('PAY-2', { assignee: null }), issue('CHK-3')],
      [
        blocks('PAY-2', 'CHK-3'),
        blocks('PAY-1', 'CHK-3'),
        hiddenLink('id-PAY-1', SECRET.id),
        hiddenLink('id-X', 'id-CHK-3'),
      ],
      [SECRET.id, 'id-X'],
    );
    expect(report.dependencies.map((d) => [d.blocker?.key ?? '?', d.blocked?.key ?? '?', d.risk])).toEqual([
      ['PAY-2', 'CHK-3', 'watch'],
      ['?', 'CHK-3', 'hidden'],
      ['PAY-1', '?', 'hidden'],
      ['PAY-1', 'CHK-3', 'ok'],
    ]);
  });

  it('never writes the hidden issue’s key in JSON, CSV, Mermaid, a snapshot or the published page', () => {
    const report = analyse(
      [issue('PAY-1'), issue('CHK-2')],
      [hiddenLink('id-PAY-1', SECRET.id), hiddenLink(SECRET.id, 'id-CHK-2'), blocks('PAY-1', 'CHK-2')],
      [SECRET.id],
    );
    const outputs = [
      JSON.stringify(toJson(report)),
      toCsv(report.dependencies),
      toMermaid(report),
      JSON.stringify(takeSnapshot(report, 'Q4', NOW)),
      renderAlignmentSection(report, NOW, undefined, new Set(['PAY', 'CHK'])),
    ];
    // Snapshots keep issue ids (numbers that say nothing) so that reviews match hidden dependencies too.
    for (const output of outputs) expect(output).not.toContain(SECRET.key);
    for (const output of [outputs[0], outputs[1], outputs[2], outputs[4]])
      expect(output).not.toContain(SECRET.id);
    expect(toJson(report).dependencies.filter((d) => d.blocked === null)).toHaveLength(1);
    expect(toCsv(report.dependencies)).toContain(
      'PAY-1,Summary of PAY-1,PAY,In Progress,Ada Lovelace,(hidden),,,no,hidden',
    );
    expect(toMermaid(report).match(/\["hidden issue"\]/g)).toHaveLength(2);
    expect(
      renderAlignmentSection(report, NOW, undefined, new Set(['PAY', 'CHK'])).match(
        /an issue you cannot see/g,
      ),
    ).toHaveLength(2);
  });
});

describe('invisible issues in the sandbox', () => {
  const TIDEV = path.resolve(
    import.meta.dirname,
    '../../../..',
    'shared',
    'data',
    'tidev',
    'issues.jsonl.gz',
  );
  let demo: RunningSandbox;
  let tidev: RunningSandbox;
  let admin: JiraClient;
  // Alex Reed, a contractor, may not browse PAY nor DAT.
  let contractor: JiraClient;

  beforeAll(async () => {
    [demo, tidev] = await Promise.all([
      startSandbox({ port: 0, seeds: ['demo'], now: NOW }),
      startSandbox({ port: 0, seeds: [TIDEV] }),
    ]);
    admin = new JiraClient(createHttpTransport({ siteUrl: demo.url }));
    contractor = new JiraClient(
      createHttpTransport({ siteUrl: demo.url, actAs: 'alex.contractor@example.com' }),
    );
  }, 120_000);
  afterAll(async () => {
    await Promise.all([demo.close(), tidev.close()]);
  });

  /** What the admin sees: the CHK issues blocking PAY or DAT issues, which the contractor cannot see. */
  async function chkBlockingRestricted(): Promise<{ blocker: string; blocked: string }[]> {
    const { report } = await buildDependencyReport(admin, {
      jql: 'project = CHK',
      teamBy: { kind: 'project' },
      now: NOW,
      includeWaitingIssues: true,
    });
    return report.dependencies
      .filter((d) => d.blocker?.key.startsWith('CHK-') && /^(PAY|DAT)-/.test(d.blocked?.key ?? ''))
      .map((d) => ({ blocker: d.blocker?.key ?? '', blocked: d.blocked?.key ?? '' }));
  }

  it('counts, on a team page, the restricted issues waiting on the team without naming them', async () => {
    const seenByAdmin = await chkBlockingRestricted();
    expect(seenByAdmin.length).toBeGreaterThan(0);
    const { report } = await buildDependencyReport(contractor, {
      jql: 'project = CHK',
      teamBy: { kind: 'project' },
      now: NOW,
      includeWaitingIssues: true,
    });
    const hiddenWaiting = report.dependencies.filter((d) => d.blocked === null);
    expect(hiddenWaiting.map((d) => d.blocker?.key).sort()).toEqual(seenByAdmin.map((s) => s.blocker).sort());
    expect(hiddenWaiting.every((d) => d.risk === 'hidden' && d.blockedTeam === null)).toBe(true);
    expect(JSON.stringify(report)).not.toMatch(/\b(PAY|DAT)-\d+/);
  });

  it('counts them on the global page too, from the link alone, without fetching them', async () => {
    const seenByAdmin = await chkBlockingRestricted();
    const { report } = await buildDependencyReport(contractor, {
      jql: 'project in (CHK, GRW, MOB, PLT)',
      teamBy: { kind: 'project' },
      now: NOW,
    });
    const fromChk = report.dependencies.filter(
      (d) => d.blocked === null && d.blocker?.key.startsWith('CHK-'),
    );
    expect(fromChk).toHaveLength(seenByAdmin.length);
    expect(JSON.stringify(toJson(report))).not.toMatch(/\b(PAY|DAT)-\d+/);
  });

  it('shows on the issue panel what an issue blocks, a restricted issue as “hidden”', async () => {
    const [first] = await chkBlockingRestricted();
    const panel = await issueDependencies(contractor, first?.blocker ?? '', { kind: 'project' }, NOW);
    const hidden = panel.blocks.filter((d) => d.blocked === null);
    expect(hidden.length).toBeGreaterThanOrEqual(1);
    expect(hidden.every((d) => d.risk === 'hidden')).toBe(true);
    expect(JSON.stringify(panel)).not.toMatch(/\b(PAY|DAT)-\d+/);
    const adminPanel = await issueDependencies(admin, first?.blocker ?? '', { kind: 'project' }, NOW);
    expect(adminPanel.blocks.map((d) => d.blocked?.key)).toContain(first?.blocked);
  });

  it('counts a link to a deleted issue as hidden on the issue panel (a real Appcelerator issue)', async () => {
    const jira = new JiraClient(createHttpTransport({ siteUrl: tidev.url }));
    const { report } = await buildDependencyReport(jira, {
      jql: 'project = ALOY',
      teamBy: { kind: 'project' },
      now: NOW,
    });
    const toDeleted = report.dependencies.find((d) => d.blocked === null);
    expect(toDeleted?.blocker?.key).toMatch(/^ALOY-\d+$/);
    const panel = await issueDependencies(jira, toDeleted?.blocker?.key ?? '', { kind: 'project' }, NOW);
    expect(panel.blocks.some((d) => d.blocked === null && d.risk === 'hidden')).toBe(true);
  });
});
