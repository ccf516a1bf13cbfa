import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEFAULT_ORG_CONFIG, effectiveRules } from '../../../src/hygiene/config';
import { evaluateIssues, type IssueResult } from '../../../src/hygiene/evaluate';
import { findingsCsv, summarise } from '../../../src/hygiene/report';
import { FIELD_MAP, healthyFields, NOW } from './issues';

/** Names people can give a team, a label or themselves that have broken plain-object code before. */
const HOSTILE = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '',
  ' ',
  'team-__proto__',
  '\u202Eטלפון\u202C',
  'e\u0301\u0301\u0301',
  'x'.repeat(10_000),
  '=SUM(A1)',
  'a,"b"\r\nc',
];

const hostileName = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 12 }));

const rules = effectiveRules(DEFAULT_ORG_CONFIG);
const options = { rules, fieldMap: FIELD_MAP, context: { now: NOW } };

/** An issue with some findings (no assignee: an error; no parent: info), named by hostile strings. */
const issueArb = fc.record({
  assignee: fc.option(hostileName, { nil: null }),
  team: fc.option(hostileName, { nil: null }),
  parent: fc.boolean(),
});

function issuesOf(drawn: readonly { assignee: string | null; team: string | null; parent: boolean }[]) {
  return drawn.map((issue, index) => ({
    key: `HOS-${String(index + 1)}`,
    fields: {
      ...healthyFields(),
      assignee:
        issue.assignee === null ? null : { accountId: `acc-${String(index)}`, displayName: issue.assignee },
      [FIELD_MAP.team ?? 'customfield_10001']: issue.team === null ? null : { name: issue.team },
      ...(issue.parent ? {} : { parent: null }),
    },
  }));
}

/** The counts the summary should show, recounted with nothing but arrays. */
function recount(results: readonly IssueResult[], pick: (result: IssueResult) => string) {
  const names = [...new Set(results.map(pick))];
  return names
    .map((name) => {
      const mine = results.filter((result) => pick(result) === name);
      const open = mine.flatMap((r) => r.findings).filter((f) => f.kind === 'violation').length;
      const acknowledged = mine.flatMap((r) => r.acknowledged).length;
      return [name, { open, acknowledged }] as const;
    })
    .filter(([, tally]) => tally.open + tally.acknowledged > 0);
}

const sorted = <T extends readonly [string, unknown]>(entries: readonly T[]) =>
  [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** RFC 4180 fields of one CSV text, read by csv-parse (quotes and CRLF inside quotes included). */
const csvRows = (csv: string): string[][] => parse(csv);

const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();
const cleanPrototype = prototypeKeys();

afterEach(() => {
  expect(prototypeKeys()).toEqual(cleanPrototype);
});

describe('hostile team, assignee and label names', () => {
  it('are counted per team and per assignee exactly as a plain recount says', () => {
    fc.assert(
      fc.property(fc.array(issueArb, { minLength: 1, maxLength: 12 }), (drawn) => {
        const results = evaluateIssues(issuesOf(drawn), options);
        const summary = summarise(results);
        expect(sorted(Object.entries(summary.byTeam))).toEqual(
          sorted(recount(results, (r) => r.team ?? '(no team)')),
        );
        expect(sorted(Object.entries(summary.byAssignee))).toEqual(
          sorted(recount(results, (r) => r.assignee ?? '(unassigned)')),
        );
        expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(cleanPrototype);
      }),
      { numRuns: 150 },
    );
  });

  it('leave a strict payload parse working afterwards', () => {
    summarise(
      evaluateIssues(issuesOf([{ assignee: '__proto__', team: '__proto__', parent: false }]), options),
    );
    expect(z.object({ projectKey: z.string() }).strict().safeParse({ projectKey: 'PAY' }).success).toBe(true);
  });

  it('show up under their own name, not as an inherited property', () => {
    const summary = summarise(
      evaluateIssues(issuesOf([{ assignee: 'constructor', team: 'toString', parent: false }]), options),
    );
    expect(Object.entries(summary.byAssignee)).toEqual([['constructor', { open: 1, acknowledged: 0 }]]);
    expect(Object.entries(summary.byTeam)).toEqual([['toString', { open: 1, acknowledged: 0 }]]);
    expect(summary.byTeam.constructor).toBeUndefined();
    expect(JSON.parse(JSON.stringify(summary.byAssignee))).toEqual({
      constructor: { open: 1, acknowledged: 0 },
    });
  });

  it('come back from the CSV as written, formulas defused, one row per finding', () => {
    fc.assert(
      fc.property(fc.array(issueArb, { minLength: 1, maxLength: 8 }), (drawn) => {
        const results = evaluateIssues(issuesOf(drawn), options);
        const rows = csvRows(findingsCsv(results)).slice(1);
        // A leading = + - @ (or tab, CR) gets a quote prefix so that spreadsheets do not run it.
        const defused = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
        const expected = results.flatMap((r) =>
          [...r.findings, ...r.acknowledged].map(() => [
            r.issue,
            defused(r.assignee ?? ''),
            defused(r.team ?? ''),
          ]),
        );
        expect(rows.map((row) => [row[0], row[5], row[6]])).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });
});
