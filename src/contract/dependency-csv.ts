/**
 * The dependencies as CSV for spreadsheets, the same file from the CLI and from the report's download button. A
 * hidden issue, blocker or blocked, stays hidden.
 */
import type { Dependency } from './dependency-report';

const CSV_HEADER = [
  'blocker',
  'blocker summary',
  'blocker team',
  'blocker status',
  'blocker assignee',
  'blocked',
  'blocked summary',
  'blocked team',
  'cross-team',
  'risk',
  'reasons',
  'outside scope',
  'agreement',
  'needed by',
  'committed by',
  'declined because',
] as const;

/** A CSV cell, quoted when needed; a leading = + - @ is defused so a spreadsheet does not run it as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One line per dependency, RFC 4180, with a header; the agreement's columns are empty when there is none. */
export function toCsv(dependencies: readonly Dependency[]): string {
  const rows = dependencies.map((d) => [
    d.blocker?.key ?? '(hidden)',
    d.blocker?.summary ?? '',
    d.blockerTeam ?? '',
    d.blocker?.status ?? '',
    d.blocker?.assignee ?? '',
    d.blocked?.key ?? '(hidden)',
    d.blocked?.summary ?? '',
    d.blockedTeam ?? '',
    d.crossTeam ? 'yes' : 'no',
    d.risk,
    d.reasons.join(' '),
    d.blocker?.outsideScope ? 'yes' : 'no',
    d.agreement?.status ?? '',
    d.agreement?.neededBy ?? '',
    d.agreement?.committedBy ?? '',
    d.agreement?.declined ?? '',
  ]);
  return [CSV_HEADER, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
