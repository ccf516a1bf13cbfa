import { and, inList, jqlField, jqlString } from '../../atlassian/jql';
import {
  quarterRange,
  sprintsInQuarter,
  versionsInQuarter,
  type DatedSprint,
  type DatedVersion,
  type Quarter,
  type QuarterBy,
} from '../../dependencies/quarter';

// The core picks the quarter's versions and sprints; writing them as JQL is the service's part, since the core
// imports no client code and JQL is built with the Jira client's tree builder.

/**
 * `field in (10001, 10002)`: ids as JQL numbers, which Jira reads as ids and never as names. Anything but
 * digits is refused rather than pasted; an empty list selects nothing.
 */
export function idList(field: string, ids: readonly (string | number)[]): string {
  const unique = [...new Set(ids.map(String))];
  for (const id of unique) {
    if (!/^\d{1,18}$/.test(id)) throw new RangeError(`Not an id: ${jqlString(id)}`);
  }
  if (unique.length === 0) return inList(field, []);
  return `${jqlField(field)} in (${unique.sort((a, b) => Number(a) - Number(b)).join(', ')})`;
}

export interface QuarterJqlOptions extends Quarter {
  readonly by: QuarterBy;
  /** Narrows the scope to these projects. */
  readonly projectKeys?: readonly string[];
  /** For `fixVersion`: the versions of the projects, with their release dates. */
  readonly versions?: readonly DatedVersion[];
  /** For `sprint`: the sprints of the boards, with their dates. */
  readonly sprints?: readonly DatedSprint[];
}

/** The JQL of the issues planned for the quarter. With no version or sprint in it, the JQL selects nothing. */
export function quarterJql(options: QuarterJqlOptions): string {
  const range = quarterRange(options);
  const projects =
    options.projectKeys && options.projectKeys.length > 0
      ? inList('project', options.projectKeys)
      : undefined;
  let period: string;
  switch (options.by) {
    case 'duedate':
      period = `duedate >= ${jqlString(range.from)} AND duedate <= ${jqlString(range.to)}`;
      break;
    case 'fixVersion':
      period = idList(
        'fixVersion',
        versionsInQuarter(options.versions ?? [], options).picked.map((v) => v.id),
      );
      break;
    case 'sprint':
      period = idList(
        'sprint',
        sprintsInQuarter(options.sprints ?? [], options).picked.map((s) => s.id),
      );
      break;
  }
  return and(projects, period);
}
