/**
 * Team names are what people typed (labels, components, field values, display names). Whatever they are, the
 * report, its matrix, its JSON and its CSV must count them as any other name, and nothing may write onto
 * Object.prototype: one label `team-__proto__` used to break every strict payload parse of the process.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { analyseDependencies } from '../../../src/dependencies/analyse';
import { toCsv } from '../../../src/contract/dependency-csv';
import { toJson } from '../../../src/dependencies/export';
import { UNASSIGNED_TEAM, type BlockingLink } from '../../../src/dependencies/model';
import { renderAlignmentSection } from '../../../src/dependencies/publish';
import { readIssue } from '../../../src/dependencies/read';
import { teamOf } from '../../../src/dependencies/teams';
import { NOW } from './fixtures';

const HOSTILE = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'prototype',
  '__defineGetter__',
  '',
  '\u202Eyap-kcehc',
  'فريق الدفع',
  'e\u0301\u0301\u0301\u0308',
  'x'.repeat(10_240),
  'a,"b"\r\nc',
  '=cmd|calc',
] as const;

const teamName = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
);

/** Issues labelled `team-<name>` as Jira returns them, and blocking links between them. */
const site = fc.array(teamName, { minLength: 1, maxLength: 12 }).chain((teams) =>
  fc.record({
    teams: fc.constant(teams),
    links: fc.array(
      fc.record({
        from: fc.nat({ max: teams.length - 1 }),
        to: fc.nat({ max: teams.length - 1 }),
        done: fc.boolean(),
      }),
      { maxLength: 30 },
    ),
  }),
);

/** The team a label names: what follows the prefix, or the bucket when nothing does. */
const expectedTeam = (name: string): string => (name === '' ? UNASSIGNED_TEAM : name);

function reportOf(teams: readonly string[], links: readonly { from: number; to: number; done: boolean }[]) {
  const doneIssues = new Set(links.filter((link) => link.done).map((link) => link.from));
  const issues = teams.map((name, index) =>
    readIssue(
      {
        id: String(10_000 + index),
        key: `T-${index + 1}`,
        fields: {
          summary: `Issue ${index + 1}`,
          labels: [`team-${name}`],
          status: { name: 'Open', statusCategory: { key: doneIssues.has(index) ? 'done' : 'new' } },
          duedate: '2026-12-01',
          assignee: { displayName: name },
        },
      },
      { teamBy: { kind: 'label', prefix: 'team-' }, fieldIds: {} },
      true,
    ),
  );
  const blocking: BlockingLink[] = links.map((link, index) => ({
    linkId: String(index),
    blockerId: String(10_000 + link.from),
    blockedId: String(10_000 + link.to),
    typeName: 'Blocks',
  }));
  return analyseDependencies({ issues, links: blocking, now: NOW });
}

/** Counts by (blocker team, blocked team) recounted from the dependency list, in a Map. */
function recount(
  dependencies: readonly { blockerTeam: string | null; blockedTeam: string | null; risk: string }[],
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of dependencies) {
    if (d.blockerTeam === null || d.blockedTeam === null) continue;
    const key = JSON.stringify([d.blockerTeam, d.blockedTeam]);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

const prototypeNames = (): string[] => Object.getOwnPropertyNames(Object.prototype).sort();

describe('team names people typed, however hostile', () => {
  const before = prototypeNames();

  it('reads a label `team-__proto__` as the team "__proto__", and a field id `__proto__` as no value', () => {
    expect(teamOf({ labels: ['team-__proto__'] }, { kind: 'label', prefix: 'team-' }, 'T-1')).toBe(
      '__proto__',
    );
    expect(teamOf({}, { kind: 'field', fieldId: '__proto__' }, 'T-1')).toBeNull();
    expect(teamOf({}, { kind: 'field', fieldId: 'constructor' }, 'T-1')).toBeNull();
    // JSON.parse makes "__proto__" an ordinary own key: a field really named so is read.
    const fields = JSON.parse('{"__proto__": {"value": "Payments"}}') as Record<string, unknown>;
    expect(teamOf(fields, { kind: 'field', fieldId: '__proto__' }, 'T-1')).toBe('Payments');
  });

  it('counts every team in the matrix as a plain recount of the dependencies does', () => {
    fc.assert(
      fc.property(site, ({ teams, links }) => {
        const report = reportOf(teams, links);
        const fromMatrix = new Map(
          report.matrix.map((cell) => [JSON.stringify([cell.blockerTeam, cell.blockedTeam]), cell.count]),
        );
        expect(fromMatrix).toEqual(recount(report.dependencies));
        for (const d of report.dependencies) {
          expect(d.blockerTeam).toBe(expectedTeam(teams[Number(d.blocker?.key.slice(2)) - 1] ?? ''));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('writes the same counts in the JSON, read back as own keys after a round trip', () => {
    fc.assert(
      fc.property(site, ({ teams, links }) => {
        const report = reportOf(teams, links);
        const json = JSON.parse(JSON.stringify(toJson(report))) as {
          matrix: Record<string, Record<string, number>>;
        };
        const fromJson = new Map<string, number>();
        for (const [blocker, row] of Object.entries(json.matrix))
          for (const [blocked, count] of Object.entries(row))
            fromJson.set(JSON.stringify([blocker, blocked]), count);
        expect(fromJson).toEqual(recount(report.dependencies));
      }),
      { numRuns: 150 },
    );
  });

  it('writes one CSV row per dependency, with each team name as it was typed', () => {
    fc.assert(
      fc.property(site, ({ teams, links }) => {
        const report = reportOf(teams, links);
        const rows = parseCsv<Record<string, string>>(toCsv(report.dependencies), { columns: true });
        // A leading = + - @ is defused with a quote, as spreadsheets need.
        const defused = (name: string) => (/^[=+\-@\t\r]/.test(name) ? `'${name}` : name);
        const fromCsv = recount(
          rows.map((row) => ({
            blockerTeam: row['blocker team'] ?? null,
            blockedTeam: row['blocked team'] ?? null,
            risk: row.risk ?? '',
          })),
        );
        const expected = new Map(
          [...recount(report.dependencies)].map(([key, count]) => {
            const [blocker, blocked] = JSON.parse(key) as [string, string];
            return [JSON.stringify([defused(blocker), defused(blocked)]), count];
          }),
        );
        expect(rows).toHaveLength(report.dependencies.length);
        expect(fromCsv).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('publishes the matrix with the same counts', () => {
    fc.assert(
      fc.property(site, ({ teams, links }) => {
        const report = reportOf(teams, links);
        const section = renderAlignmentSection(report, NOW, undefined, new Set(['T']));
        const open = report.dependencies.filter((d) => d.risk !== 'resolved');
        // The matrix table only: a team may be named "1", and the list below writes team names in cells too.
        const matrixTable = section.slice(0, section.indexOf('</table>'));
        const cellsWritten = [...matrixTable.matchAll(/<td><p>(\d+)(?: \(\d+\))?<\/p><\/td>/g)];
        const total = cellsWritten.reduce((sum, match) => sum + Number(match[1]), 0);
        expect(total).toBe(open.length);
      }),
      { numRuns: 100 },
    );
  });

  it('leaves Object.prototype as it was, and strict payload parses working', () => {
    for (const name of HOSTILE) reportOf([name, `${name}!`], [{ from: 0, to: 1, done: false }]);
    expect(prototypeNames()).toEqual(before);
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(z.object({ open: z.boolean() }).strict().safeParse({ open: true }).success).toBe(true);
  });
});
