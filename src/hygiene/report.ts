import type { IssueResult } from './evaluate';
import type { Finding, Severity } from './types';

/** Counts for one rule, assignee or team: open findings, and acknowledged ones apart. */
export interface Tally {
  readonly open: number;
  readonly acknowledged: number;
}

export interface HygieneSummary {
  readonly scanned: number;
  /** Mean of the issue scores, 0–100; 100 for an empty scope. */
  readonly score: number;
  readonly bySeverity: Readonly<Record<Severity, number>>;
  readonly byRule: Readonly<Record<string, Tally>>;
  readonly byAssignee: Readonly<Record<string, Tally>>;
  readonly byTeam: Readonly<Record<string, Tally>>;
  readonly notEvaluated: number;
  readonly issuesWithFindings: number;
}

/** Shown for issues nobody is assigned to / in no team. */
const UNASSIGNED = '(unassigned)';
const NO_TEAM = '(no team)';

type Tallies = Map<string, { open: number; acknowledged: number }>;

// Rule ids, assignee names and team names are people's text: a label `team-__proto__` used as a plain-object
// key would write onto Object.prototype, so counts live in a Map until they leave as a prototype-less record.
function bump(table: Tallies, key: string, field: keyof Tally): void {
  let tally = table.get(key);
  if (tally === undefined) table.set(key, (tally = { open: 0, acknowledged: 0 }));
  tally[field] += 1;
}

/** A record without a prototype, so `constructor` or `__proto__` are names like any other (and JSON-ready). */
function recordOf(table: Tallies): Readonly<Record<string, Tally>> {
  const record = Object.create(null) as Record<string, Tally>;
  for (const [key, tally] of table)
    Object.defineProperty(record, key, {
      value: tally,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return record;
}

/** Aggregates issue results into the counts of the project report. */
export function summarise(results: readonly IssueResult[]): HygieneSummary {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const byRule: Tallies = new Map();
  const byAssignee: Tallies = new Map();
  const byTeam: Tallies = new Map();
  let total = 0;
  let notEvaluated = 0;
  let issuesWithFindings = 0;
  for (const result of results) {
    total += result.score;
    let counted = false;
    for (const finding of result.findings) {
      if (finding.kind === 'not-evaluated') {
        notEvaluated += 1;
        continue;
      }
      counted = true;
      bySeverity[finding.severity] += 1;
      bump(byRule, finding.rule, 'open');
      bump(byAssignee, result.assignee ?? UNASSIGNED, 'open');
      bump(byTeam, result.team ?? NO_TEAM, 'open');
    }
    for (const finding of result.acknowledged) {
      bump(byRule, finding.rule, 'acknowledged');
      bump(byAssignee, result.assignee ?? UNASSIGNED, 'acknowledged');
      bump(byTeam, result.team ?? NO_TEAM, 'acknowledged');
    }
    if (counted) issuesWithFindings += 1;
  }
  const score = results.length === 0 ? 100 : Math.round((total / results.length) * 10) / 10;
  return {
    scanned: results.length,
    score,
    bySeverity,
    byRule: recordOf(byRule),
    byAssignee: recordOf(byAssignee),
    byTeam: recordOf(byTeam),
    notEvaluated,
    issuesWithFindings,
  };
}

function csvCell(value: string): string {
  // Leading = + - @ make spreadsheets run formulas; a quote prefix keeps the text inert.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const CSV_HEADER = [
  'issue',
  'rule',
  'severity',
  'status',
  'message',
  'assignee',
  'team',
  'acknowledged_reason',
  'acknowledged_until',
];

/** One CSV line per finding, acknowledged ones included and marked, RFC 4180 quoting. */
export function findingsCsv(results: readonly IssueResult[]): string {
  const lines = [CSV_HEADER.join(',')];
  const row = (result: IssueResult, finding: Finding, status: string): void => {
    lines.push(
      [
        result.issue,
        finding.rule,
        finding.severity,
        status,
        finding.message,
        result.assignee ?? '',
        result.team ?? '',
        finding.acknowledgement?.reason ?? '',
        finding.acknowledgement?.expires ?? '',
      ]
        .map(csvCell)
        .join(','),
    );
  };
  for (const result of results) {
    for (const finding of result.findings)
      row(result, finding, finding.kind === 'violation' ? 'open' : 'not-evaluated');
    for (const finding of result.acknowledged) row(result, finding, 'acknowledged');
  }
  return `${lines.join('\r\n')}\r\n`;
}
