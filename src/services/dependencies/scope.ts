/** Turns a report scope picked on screen or on the command line into JQL and a label people recognise. */
import { and, eq, inList } from '../../atlassian/jql';
import { quarterJql, quarterLabel } from '../../dependencies';

export type ReportScope =
  | {
      readonly kind: 'quarter';
      readonly year: number;
      readonly quarter: number;
      readonly projectKeys?: readonly string[] | undefined;
    }
  | { readonly kind: 'jql'; readonly jql: string };

/** The JQL of a scope, narrowed to one project when a team page asks. */
export function scopeJql(scope: ReportScope, projectKey?: string): string {
  const base =
    scope.kind === 'quarter'
      ? quarterJql({
          year: scope.year,
          quarter: scope.quarter,
          by: 'duedate',
          ...(scope.projectKeys ? { projectKeys: scope.projectKeys } : {}),
        })
      : scope.jql;
  return projectKey ? and(base, eq('project', projectKey)) : base;
}

/** "Q4 2026" or the JQL itself; also the identity of the scope for snapshots. */
export function scopeLabel(scope: ReportScope): string {
  if (scope.kind === 'jql') return scope.jql;
  const label = quarterLabel(scope);
  return scope.projectKeys && scope.projectKeys.length > 0
    ? `${label} (${inList('project', scope.projectKeys)})`
    : label;
}
