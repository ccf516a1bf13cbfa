import { describe, expect, it } from 'vitest';
import { DEFAULT_ORG_CONFIG, effectiveRules } from '../../../src/hygiene/config';
import {
  DEFAULT_BAD_RESOLUTIONS,
  evidenceOf,
  evidenceSaysLess,
  median,
  riskRatio,
  type EvidenceReport,
} from '../../../src/hygiene/evidence';
import { RULE_IDS } from '../../../src/hygiene/rules';
import type { HygieneIssue } from '../../../src/hygiene/view';
import { adf, DONE, FIELD_MAP, h, NOW, p, status, type } from './issues';

describe('the risk ratio with its 95 % interval (log method)', () => {
  // Each row worked by hand: RR = (a/n1) / (c/n0); se = √(1/a − 1/n1 + 1/c − 1/n0); interval exp(ln RR ± 1.96 se).
  it.each([
    // 0.2 / 0.05 = 4; se² = .05 − .01 + .1 − .005 = .135, 1.96 se = .72015; e^(1.38629 ∓ .72015) = 1.947, 8.219.
    ['a rule whose flagged issues end badly four times as often', [20, 100, 10, 200], [4, 1.947, 8.219]],
    // 0.1 / 0.05 = 2; se² = .2 − .02 + .05 − .0025 = .2275, 1.96 se = .93486; e^(.69315 ∓ .93486) = .785, 5.094.
    ['twice as often, but too few to be sure (the interval spans 1)', [5, 50, 20, 400], [2, 0.785, 5.094]],
    // 0.05 / 0.2 = .25; se² = .1 − .005 + .016667 − .003333 = .108333, 1.96 se = .64511;
    // e^(−1.38629 ∓ .64511) = .131, .477.
    ['a quarter as often: the interval lies below 1', [10, 200, 60, 300], [0.25, 0.131, 0.477]],
  ])('%s', (_name, [a, n1, c, n0], [lift, low, high]) => {
    const ratio = riskRatio(a as number, n1 as number, c as number, n0 as number);
    expect(ratio.lift).toBeCloseTo(lift as number, 3);
    expect(ratio.low).toBeCloseTo(low as number, 3);
    expect(ratio.high).toBeCloseTo(high as number, 3);
  });

  it.each([
    ['no lift when no issue is flagged', [0, 0, 3, 10], null],
    ['no lift when every issue is flagged', [3, 10, 0, 0], null],
    ['no lift when no unflagged issue ended badly (division by zero)', [3, 10, 0, 20], null],
  ])('%s', (_name, [a, n1, c, n0], lift) => {
    expect(riskRatio(a as number, n1 as number, c as number, n0 as number)).toEqual({
      lift,
      low: null,
      high: null,
    });
  });

  it('says 0 when no flagged issue ended badly, with no interval (its logarithm needs one)', () => {
    expect(riskRatio(0, 10, 5, 20)).toEqual({ lift: 0, low: null, high: null });
  });
});

describe('the median', () => {
  it.each([
    ['of nothing is null', [], null],
    ['of one value is that value', [3], 3],
    ['of an odd count is the middle value, whatever the order', [5, 1, 3], 3],
    ['of an even count is the mean of the two middle values', [4, 1, 3, 2], 2.5],
  ])('%s', (_name, values, expected) => {
    expect(median([...values])).toBe(expected);
  });
});

const CREATED = '2026-01-01T00:00:00.000+0000';
const after = (days: number) =>
  new Date(Date.parse('2026-01-01T00:00:00Z') + days * 86_400_000).toISOString();

/** A resolved issue: done, created on 1 January, resolved `days` later, with a long description by default. */
function resolved(
  key: string,
  resolution: string | null,
  days: number,
  fields: Record<string, unknown> = {},
): HygieneIssue {
  return {
    key,
    fields: {
      summary: 'Let shoppers save a card at checkout',
      issuetype: type('Story'),
      status: resolution === null ? status('To Do', 'new') : DONE,
      parent: { key: 'PAY-1' },
      created: CREATED,
      resolution: resolution === null ? null : { name: resolution },
      resolutiondate: resolution === null ? null : after(days),
      description: adf(
        p('Returning shoppers type their card number on every purchase and a third of them give up there.'),
      ),
      ...fields,
    },
  };
}

const settings = (badResolutions: readonly string[] = DEFAULT_BAD_RESOLUTIONS) => ({
  rules: effectiveRules(DEFAULT_ORG_CONFIG),
  fieldMap: FIELD_MAP,
  now: NOW,
  badResolutions,
});

const figuresOf = (report: EvidenceReport, rule: string) => report.rules.find((r) => r.rule === rule);

describe('evidence over resolved issues', () => {
  const noParent = { parent: null };
  const issues = [
    resolved('PAY-1', 'Cannot Reproduce', 10, noParent),
    resolved('PAY-2', 'Fixed', 20, noParent),
    resolved('PAY-3', 'cannot reproduce', 2),
    resolved('PAY-4', 'Fixed', 4),
    resolved('PAY-5', 'Fixed', 6),
    // A bug without a parent: outside parent-missing's population (stories and tasks).
    resolved('PAY-6', 'Fixed', 1, { ...noParent, issuetype: type('Bug') }),
    // Unresolved: no evidence yet.
    resolved('PAY-7', null, 0, noParent),
  ];

  it('counts parent-missing on done stories (its done-skip set aside), with lift and medians by hand', () => {
    const report = evidenceOf(issues, settings());
    expect(report.resolved).toBe(6);
    // Five stories; PAY-1 and PAY-2 have no parent; bad: PAY-1 (flagged), PAY-3 (unflagged, any case).
    // Lift (1/2) / (1/3) = 1.5; se² = 1 − 1/2 + 1 − 1/3 = 1.16667, 1.96 se = 2.11704;
    // e^(.405465 ∓ 2.11704) = .181, 12.460. Days: flagged 10 and 20 → 15; unflagged 2, 4, 6 → 4.
    expect(figuresOf(report, 'parent-missing')).toEqual({
      rule: 'parent-missing',
      population: 5,
      flagged: 2,
      flaggedBad: 1,
      unflaggedBad: 1,
      lift: 1.5,
      liftLow: 0.181,
      liftHigh: 12.46,
      medianDaysFlagged: 15,
      medianDaysUnflagged: 4,
    });
  });

  it('counts the resolutions it is told are bad, and only those', () => {
    const report = evidenceOf(issues, settings(['Fixed']));
    expect(report.badResolutions).toEqual(['Fixed']);
    // Bad now: PAY-2 (flagged) and PAY-4, PAY-5 (unflagged): (1/2) / (2/3) = .75.
    expect(figuresOf(report, 'parent-missing')).toMatchObject({ flaggedBad: 1, unflaggedBad: 2, lift: 0.75 });
  });

  it('names each bad resolution once, without regard to case', () => {
    const report = evidenceOf([], settings(['Incomplete', ' incomplete ', 'Needs more info']));
    expect(report.badResolutions).toEqual(['Incomplete', 'Needs more info']);
  });

  it('lists the rules that cannot speak about a resolved issue apart, and measures the others', () => {
    const report = evidenceOf(issues, settings());
    expect(report.notMeasurable).toEqual([
      'assignee-missing',
      'estimate-missing',
      'stale-in-progress',
      'long-in-progress',
      'due-date-passed',
      'resolution-mismatch',
      'blocked-without-link',
      'blocker-resolved',
      'sprint-carry-over',
      'epic-empty',
    ]);
    expect(report.rules.map((r) => r.rule)).toEqual(
      RULE_IDS.filter((id) => !report.notMeasurable.includes(id)),
    );
  });

  it('leaves empty descriptions to description-missing: too-short compares only descriptions with words', () => {
    const report = evidenceOf(
      [
        resolved('PAY-1', 'Incomplete', 3, { description: null }),
        resolved('PAY-2', 'Fixed', 5, { description: adf(p('Fix it')) }),
        resolved('PAY-3', 'Fixed', 9),
      ],
      settings(),
    );
    expect(figuresOf(report, 'description-missing')).toMatchObject({
      population: 3,
      flagged: 1,
      flaggedBad: 1,
      unflaggedBad: 0,
      lift: null,
      medianDaysFlagged: 3,
      medianDaysUnflagged: 7,
    });
    expect(figuresOf(report, 'description-too-short')).toMatchObject({
      population: 2,
      flagged: 1,
      flaggedBad: 0,
      unflaggedBad: 0,
    });
  });

  it('leaves an issue a rule cannot read out of that rule only', () => {
    const broken = resolved('PAY-9', 'Fixed', 1, {
      description: { type: 'doc', version: 1, content: 'oops' },
    });
    const report = evidenceOf([broken, resolved('PAY-10', 'Fixed', 1)], settings());
    expect(report.resolved).toBe(2);
    expect(figuresOf(report, 'description-missing')?.population).toBe(1);
    expect(figuresOf(report, 'summary-placeholder')?.population).toBe(2);
  });

  it('leaves an issue without both dates out of the medians, not out of the counts', () => {
    const report = evidenceOf(
      [resolved('PAY-1', 'Fixed', 8, { created: null }), resolved('PAY-2', 'Fixed', 2)],
      settings(),
    );
    expect(figuresOf(report, 'summary-placeholder')).toMatchObject({
      population: 2,
      flagged: 0,
      medianDaysUnflagged: 2,
      medianDaysFlagged: null,
    });
  });
});

describe("each rule's population", () => {
  const criteria = adf(p('Shoppers keep a card.'), h(2, 'Acceptance criteria'), p('It should work'));
  it.each([
    [
      'a story without criteria is acceptance-criteria-missing’s, not -vague’s',
      {},
      'acceptance-criteria-missing',
      1,
      1,
    ],
    ['…and outside acceptance-criteria-vague’s', {}, 'acceptance-criteria-vague', 0, 0],
    [
      'a story with vague criteria is in -vague’s, flagged',
      { description: criteria },
      'acceptance-criteria-vague',
      1,
      1,
    ],
    ['a story is outside bug-missing-repro’s', {}, 'bug-missing-repro', 0, 0],
    ['a bug without repro steps is in it, flagged', { issuetype: type('Bug') }, 'bug-missing-repro', 1, 1],
    ['every issue is in summary-placeholder’s', { issuetype: type('Epic') }, 'summary-placeholder', 1, 0],
  ])('%s', (_name, fields, rule, population, flagged) => {
    const report = evidenceOf([resolved('PAY-1', 'Fixed', 1, fields)], settings());
    expect(figuresOf(report, rule)).toMatchObject({ population, flagged });
  });
});

describe('the suggestion to reconsider a rule', () => {
  it.each([
    ['is made when the whole interval lies below 1', 0.477, true],
    ['is not made when the interval reaches 1', 1, false],
    ['is not made without an interval', null, false],
  ])('%s', (_name, liftHigh, suggested) => {
    expect(evidenceSaysLess({ liftHigh })).toBe(suggested);
  });
});
