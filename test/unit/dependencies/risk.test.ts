import { describe, expect, it } from 'vitest';
import { analyseDependencies, riskOf } from '../../../src/dependencies/analyse';
import type { DependencyIssue, Risk, RiskReason } from '../../../src/dependencies/model';
import { checkRiskRules, DEFAULT_RISK_RULES, type RiskRules } from '../../../src/dependencies/risk-rules';
import { blocks, done, issue, NOW } from './fixtures';

/** The default rules with some reasons changed. */
const rules = (
  changes: Partial<Record<RiskReason, { enabled?: boolean; days?: number | null }>>,
): RiskRules =>
  Object.fromEntries(
    Object.entries(DEFAULT_RISK_RULES).map(([reason, rule]) => [
      reason,
      { ...rule, ...changes[reason as RiskReason] },
    ]),
  ) as RiskRules;

// NOW is 2026-11-16; the blocked work is planned for 2026-12-01, 15 days later.
const blocked = issue('CHK-2', { plannedDate: '2026-12-01' });
const toDo = { statusCategory: 'new', status: 'To Do' } as const;

interface Case {
  readonly name: string;
  readonly blocker: Partial<DependencyIssue>;
  readonly blocked?: DependencyIssue;
  readonly rules?: RiskRules;
  readonly blockerBlocked?: boolean;
  readonly risk: Risk;
  readonly reasons: readonly RiskReason[];
}

describe('the risk of a blocker, level by level and reason by reason', () => {
  const cases: Case[] = [
    { name: 'scheduled before, assigned and moving: ok', blocker: {}, risk: 'ok', reasons: [] },
    {
      name: 'done: resolved, whatever else is wrong',
      blocker: { ...done, plannedDate: null, assignee: null },
      risk: 'resolved',
      reasons: [],
    },
    // Conflict: planned after the blocked work, beyond a grace of `days`.
    {
      name: 'planned two weeks after the blocked work: conflict',
      blocker: { plannedDate: '2026-12-15' },
      risk: 'conflict',
      reasons: ['scheduled-after-blocked'],
    },
    { name: 'planned the same day: ok', blocker: { plannedDate: '2026-12-01' }, risk: 'ok', reasons: [] },
    {
      name: 'planned 14 days after, with a grace of 14 days: ok',
      blocker: { plannedDate: '2026-12-15' },
      rules: rules({ 'scheduled-after-blocked': { days: 14 } }),
      risk: 'ok',
      reasons: [],
    },
    {
      name: 'planned 15 days after, with a grace of 14 days: conflict',
      blocker: { plannedDate: '2026-12-16' },
      rules: rules({ 'scheduled-after-blocked': { days: 14 } }),
      risk: 'conflict',
      reasons: ['scheduled-after-blocked'],
    },
    {
      name: 'planned after, with the conflict rule off: ok',
      blocker: { plannedDate: '2026-12-15' },
      rules: rules({ 'scheduled-after-blocked': { enabled: false } }),
      risk: 'ok',
      reasons: [],
    },
    {
      name: 'planned after a blocked issue with no date: ok (nothing to compare)',
      blocker: { plannedDate: '2027-06-01' },
      blocked: issue('CHK-2', { plannedDate: null }),
      risk: 'ok',
      reasons: [],
    },
    // At risk: stale.
    {
      name: 'in progress, untouched for three weeks: at risk, stale',
      blocker: { updated: '2026-10-20T09:00:00Z' },
      risk: 'at-risk',
      reasons: ['stale'],
    },
    {
      name: 'untouched for three weeks, stale only after 30 days: ok',
      blocker: { updated: '2026-10-20T09:00:00Z' },
      rules: rules({ stale: { days: 30 } }),
      risk: 'ok',
      reasons: [],
    },
    {
      name: 'untouched for three weeks, the stale rule off: ok',
      blocker: { updated: '2026-10-20T09:00:00Z' },
      rules: rules({ stale: { enabled: false } }),
      risk: 'ok',
      reasons: [],
    },
    // At risk: itself blocked.
    {
      name: 'waiting on an open issue itself: at risk, itself blocked',
      blocker: {},
      blockerBlocked: true,
      risk: 'at-risk',
      reasons: ['blocker-blocked'],
    },
    {
      name: 'waiting on an open issue, the rule off: ok',
      blocker: {},
      blockerBlocked: true,
      rules: rules({ 'blocker-blocked': { enabled: false } }),
      risk: 'ok',
      reasons: [],
    },
    // Unscheduled: at risk while the blocked work is near, to watch further off.
    {
      name: 'no date while the blocked work is due in 15 days (within 90): at risk',
      blocker: { plannedDate: null },
      risk: 'at-risk',
      reasons: ['unscheduled'],
    },
    {
      name: 'no date while the blocked work is due in 15 days, near meaning 10 days: watch',
      blocker: { plannedDate: null },
      rules: rules({ unscheduled: { days: 10 } }),
      risk: 'watch',
      reasons: ['unscheduled'],
    },
    {
      name: 'no date while the blocked work has none either: watch',
      blocker: { plannedDate: null },
      blocked: issue('CHK-2', { plannedDate: null }),
      risk: 'watch',
      reasons: ['unscheduled'],
    },
    {
      name: 'no date while the blocked work is overdue: at risk',
      blocker: { plannedDate: null },
      blocked: issue('CHK-2', { plannedDate: '2026-11-01' }),
      risk: 'at-risk',
      reasons: ['unscheduled'],
    },
    {
      name: 'no date, the rule off: ok',
      blocker: { plannedDate: null },
      rules: rules({ unscheduled: { enabled: false } }),
      risk: 'ok',
      reasons: [],
    },
    // Watch: nobody on it, not started.
    { name: 'nobody assigned: watch', blocker: { assignee: null }, risk: 'watch', reasons: ['unassigned'] },
    {
      name: 'nobody assigned, the rule off: ok',
      blocker: { assignee: null },
      rules: rules({ unassigned: { enabled: false } }),
      risk: 'ok',
      reasons: [],
    },
    {
      name: 'to do and untouched for weeks: watch, not started (not stale)',
      blocker: { ...toDo, updated: '2026-10-01T09:00:00Z' },
      risk: 'watch',
      reasons: ['not-started'],
    },
    {
      name: 'to do, the rule off: ok',
      blocker: toDo,
      rules: rules({ 'not-started': { enabled: false } }),
      risk: 'ok',
      reasons: [],
    },
    // The most urgent level wins; every reason is listed.
    {
      name: 'planned after, stale and unassigned: conflict, with every reason',
      blocker: { plannedDate: '2026-12-15', assignee: null, updated: '2026-09-01T00:00:00Z' },
      risk: 'conflict',
      reasons: ['scheduled-after-blocked', 'stale', 'unassigned'],
    },
    {
      name: 'no date, unassigned and not started: at risk, with every reason',
      blocker: { ...toDo, plannedDate: null, assignee: null },
      risk: 'at-risk',
      reasons: ['unscheduled', 'unassigned', 'not-started'],
    },
  ];
  it.each(cases)('$name', (c) => {
    expect(
      riskOf(issue('PAY-1', c.blocker), c.blocked ?? blocked, NOW, c.rules, c.blockerBlocked ?? false),
    ).toEqual({ risk: c.risk, reasons: c.reasons });
  });
});

describe('risks in the report', () => {
  it('calls a blocker itself blocked when an open or hidden issue blocks it, not a done one', () => {
    const report = analyseDependencies({
      issues: [
        issue('PLT-1'),
        issue('PAY-2'),
        issue('CHK-3'),
        issue('DAT-4', done),
        issue('DAT-5'),
        issue('MOB-6'),
      ],
      links: [
        blocks('PLT-1', 'PAY-2'),
        blocks('PAY-2', 'CHK-3'),
        blocks('DAT-4', 'DAT-5'),
        blocks('DAT-5', 'MOB-6'),
        { linkId: 'h', blockerId: 'unseen', blockedId: 'id-MOB-6', typeName: 'Blocks' },
        blocks('MOB-6', 'CHK-3'),
      ],
      now: NOW,
    });
    const riskOfPair = (blocker: string, blockedKey: string) =>
      report.dependencies.find((d) => d.blocker?.key === blocker && d.blocked?.key === blockedKey);
    expect(riskOfPair('PAY-2', 'CHK-3')).toMatchObject({ risk: 'at-risk', reasons: ['blocker-blocked'] });
    expect(riskOfPair('DAT-5', 'MOB-6')).toMatchObject({ risk: 'ok', reasons: [] });
    expect(riskOfPair('MOB-6', 'CHK-3')).toMatchObject({ risk: 'at-risk', reasons: ['blocker-blocked'] });
  });

  it('lists conflicts first, then at risk, watch, hidden, ok and resolved, and counts each', () => {
    const report = analyseDependencies({
      issues: [
        issue('A-1', { plannedDate: '2027-01-15' }),
        issue('A-2', { updated: '2026-09-01T00:00:00Z' }),
        issue('A-3', { assignee: null }),
        issue('A-4'),
        issue('A-5', done),
        issue('B-1'),
      ],
      links: ['A-1', 'A-2', 'A-3', 'A-4', 'A-5', 'HIDDEN-9'].map((blocker) => blocks(blocker, 'B-1')),
      now: NOW,
    });
    expect(report.dependencies.map((d) => d.risk)).toEqual([
      'conflict',
      'at-risk',
      'watch',
      'hidden',
      'ok',
      'resolved',
    ]);
    expect(report.counts).toMatchObject({
      conflict: 1,
      'at-risk': 1,
      watch: 1,
      hidden: 1,
      ok: 1,
      resolved: 1,
    });
    // Conflict and at risk need action: both in brackets; the conflict told apart for the red.
    expect(report.matrix).toEqual([{ blockerTeam: 'A', blockedTeam: 'B', count: 5, atRisk: 2, conflict: 1 }]);
  });

  it('reads the site rules: with every reason off, nothing open is more than ok', () => {
    const off = rules(
      Object.fromEntries(Object.keys(DEFAULT_RISK_RULES).map((reason) => [reason, { enabled: false }])),
    );
    const report = analyseDependencies({
      issues: [issue('A-1', { plannedDate: null, assignee: null, ...toDo }), issue('B-1')],
      links: [blocks('A-1', 'B-1')],
      now: NOW,
      rules: off,
    });
    expect(report.dependencies.map((d) => [d.risk, d.reasons])).toEqual([['ok', []]]);
  });
});

describe('checking the risk rules', () => {
  it.each([
    { name: 'accepts the built-in rules', change: {}, problems: [] },
    {
      name: 'refuses a threshold past a year',
      change: { stale: { days: 400 } },
      problems: [{ reason: 'stale', problem: 'out-of-range' }],
    },
    {
      name: 'refuses a negative grace',
      change: { 'scheduled-after-blocked': { days: -1 } },
      problems: [{ reason: 'scheduled-after-blocked', problem: 'out-of-range' }],
    },
    {
      name: 'refuses part of a day',
      change: { unscheduled: { days: 1.5 } },
      problems: [{ reason: 'unscheduled', problem: 'not-whole-days' }],
    },
    {
      name: 'refuses a threshold missing where one is needed',
      change: { stale: { days: null } },
      problems: [{ reason: 'stale', problem: 'not-whole-days' }],
    },
    {
      name: 'refuses a threshold for a reason that takes none',
      change: { unassigned: { days: 3 } },
      problems: [{ reason: 'unassigned', problem: 'no-threshold' }],
    },
  ])('$name', ({ change, problems }) => {
    expect(checkRiskRules(rules(change))).toEqual(problems);
  });
});
