import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ORG_CONFIG, effectiveRules } from '../../../src/hygiene/config';
import { activeAcknowledgements, evaluateIssue, evaluateIssues } from '../../../src/hygiene/evaluate';
import { findingsCsv, summarise } from '../../../src/hygiene/report';
import type { HygieneIssue } from '../../../src/hygiene/view';
import { adf, daysAgo, FIELD_MAP, healthyFields, NOW, p, type } from './issues';

const rules = effectiveRules(DEFAULT_ORG_CONFIG);
const options = { rules, fieldMap: FIELD_MAP, context: { now: NOW } };
const story = (key: string, fields: Record<string, unknown> = {}): HygieneIssue => ({
  key,
  fields: { ...healthyFields(), ...fields },
});

describe('evaluating an issue', () => {
  it('gives a healthy story no findings and a full score', () => {
    const result = evaluateIssue(story('PAY-1'), options);
    expect(result.findings).toEqual([]);
    expect(result.score).toBe(100);
  });

  it('lists findings most severe first and scores 100 − 20 per error − 10 per warning − 3 per info', () => {
    // assignee-missing (error), stale-in-progress (warning), parent-missing (info)
    const result = evaluateIssue(
      story('PAY-2', { assignee: null, updated: daysAgo(30), parent: null }),
      options,
    );
    expect(result.findings.map((f) => [f.rule, f.severity])).toEqual([
      ['assignee-missing', 'error'],
      ['stale-in-progress', 'warning'],
      ['parent-missing', 'info'],
    ]);
    expect(result.score).toBe(67);
  });

  it('runs a rule only on the issue types its configuration names, whatever their case', () => {
    const typed = effectiveRules({
      ...DEFAULT_ORG_CONFIG,
      rules: { 'description-missing': { options: { issueTypes: ['Bug', ' TASK '] } } },
    });
    const withTypes = { rules: typed, fieldMap: FIELD_MAP, context: { now: NOW } };
    const noDescription = (key: string, name: string): HygieneIssue =>
      story(key, { description: null, issuetype: { name, subtask: false } });
    const flagged = (issue: HygieneIssue, settings: typeof options) =>
      evaluateIssue(issue, settings).findings.some((f) => f.rule === 'description-missing');
    expect(flagged(noDescription('PAY-3', 'Bug'), withTypes)).toBe(true);
    expect(flagged(noDescription('PAY-4', 'Task'), withTypes)).toBe(true);
    expect(flagged(noDescription('PAY-5', 'Story'), withTypes)).toBe(false);
    // By default the rule applies to every type.
    expect(flagged(noDescription('PAY-6', 'Story'), options)).toBe(true);
  });

  it.each([
    [
      'fields all null',
      { summary: null, issuetype: null, status: null, description: null, issuelinks: null, labels: null },
    ],
    ['a description of an unexpected type', { description: 42 }],
    [
      'an ADF document with unknown nodes',
      {
        description: adf(p('Steps'), {
          type: 'futureWidget',
          attrs: { x: 1 },
          content: [{ type: 'text', text: 'hello' }],
        }),
      },
    ],
    ['a huge description', { description: 'word '.repeat(200_000) }],
    ['links of the wrong shape', { issuelinks: [null, 1, { type: 'Blocks' }, { inwardIssue: { key: 7 } }] }],
  ])('never crashes on %s', (_name, fields) => {
    expect(() => evaluateIssue(story('ODD-1', fields), options)).not.toThrow();
  });

  it('reports "could not evaluate" for rules that needed an unreadable description, and goes on with the rest', () => {
    const result = evaluateIssue(story('ODD-2', { description: 42, assignee: null }), options);
    const notEvaluated = result.findings.filter((f) => f.kind === 'not-evaluated').map((f) => f.rule);
    expect(notEvaluated).toEqual(
      expect.arrayContaining(['description-missing', 'description-too-short', 'acceptance-criteria-missing']),
    );
    expect(result.findings.find((f) => f.rule === 'assignee-missing')?.kind).toBe('violation');
    expect(result.findings.find((f) => f.rule === 'description-missing')?.message).toMatch(
      /^Could not evaluate/,
    );
  });

  it('survives arbitrary JSON in every field', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(
            'summary',
            'status',
            'issuetype',
            'description',
            'issuelinks',
            'customfield_10020',
            'customfield_10016',
            'duedate',
            'labels',
            'assignee',
          ),
          fc.jsonValue(),
        ),
        (fields) => {
          const result = evaluateIssue({ key: 'FUZ-1', fields }, options);
          expect(result.score).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('acknowledgements', () => {
  const ack = (expires: string) => ({
    issue: 'PAY-3',
    rule: 'parent-missing',
    reason: 'Spike, no epic on purpose',
    expires,
  });
  const issue = story('PAY-3', { parent: null });

  it('moves an acknowledged finding apart and does not charge it to the score', () => {
    const result = evaluateIssue(issue, {
      ...options,
      acknowledgements: activeAcknowledgements([ack('2026-12-01')], NOW),
    });
    expect(result.findings).toEqual([]);
    expect(result.acknowledged.map((f) => [f.rule, f.acknowledgement?.reason])).toEqual([
      ['parent-missing', 'Spike, no epic on purpose'],
    ]);
    expect(result.score).toBe(100);
  });

  it('lets an expired acknowledgement lapse', () => {
    const result = evaluateIssue(issue, {
      ...options,
      acknowledgements: activeAcknowledgements([ack('2026-11-01')], NOW),
    });
    expect(result.findings.map((f) => f.rule)).toEqual(['parent-missing']);
    expect(result.acknowledged).toEqual([]);
  });
});

describe('the project summary', () => {
  const results = evaluateIssues(
    [
      story('PAY-1'),
      story('PAY-2', { assignee: null, customfield_10001: { name: 'Checkout' } }),
      story('PAY-3', { parent: null, assignee: { accountId: 'acc-bo', displayName: 'Bo Chen' } }),
      story('PAY-4', {
        issuetype: type('Bug'),
        description: adf(p('Total is wrong =SUM(A1) "quoted"')),
        customfield_10001: null,
      }),
    ],
    {
      ...options,
      acknowledgements: activeAcknowledgements(
        [{ issue: 'PAY-3', rule: 'parent-missing', reason: 'spike', expires: '2027-01-01' }],
        NOW,
      ),
    },
  );
  const summary = summarise(results);

  it('counts open findings per rule, with acknowledged ones apart', () => {
    expect(summary.scanned).toBe(4);
    expect(summary.byRule['assignee-missing']).toEqual({ open: 1, acknowledged: 0 });
    expect(summary.byRule['parent-missing']).toEqual({ open: 0, acknowledged: 1 });
    expect(summary.byRule['bug-missing-repro']).toEqual({ open: 1, acknowledged: 0 });
  });

  it('counts per assignee and per team, naming the unassigned and team-less', () => {
    expect(summary.byAssignee['(unassigned)']).toEqual({ open: 1, acknowledged: 0 });
    expect(summary.byAssignee['Bo Chen']).toEqual({ open: 0, acknowledged: 1 });
    expect(summary.byTeam.Checkout).toEqual({ open: 1, acknowledged: 0 });
    // PAY-4, a bug with no team: description too short + no reproduction steps.
    expect(summary.byTeam['(no team)']).toEqual({ open: 2, acknowledged: 0 });
  });

  it('scores the project as the mean of issue scores', () => {
    // PAY-1 100, PAY-2 80 (one error), PAY-3 100 (acknowledged), PAY-4 80 (two warnings).
    expect(results.map((r) => r.score)).toEqual([100, 80, 100, 80]);
    expect(summary.score).toBe(90);
  });

  it('exports one CSV line per finding, formulas defused and quotes escaped', () => {
    const csv = findingsCsv(results);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'issue,rule,severity,status,message,assignee,team,acknowledged_reason,acknowledged_until',
    );
    expect(
      lines.some(
        (l) => l.startsWith('PAY-3,parent-missing,info,acknowledged,') && l.endsWith(',spike,2027-01-01'),
      ),
    ).toBe(true);
    expect(csv).not.toMatch(/,=SUM/);
  });
});
