/**
 * The JQL of "calendar quarter Q of year Y", by due date, fix version release date or sprint end. Versions and
 * sprints carry their dates outside JQL, so for those the caller passes the site's list and the JQL names the
 * ones that end in the quarter.
 */
import { and, inList, jqlString } from '../atlassian/jql';

export type QuarterBy = 'duedate' | 'fixVersion' | 'sprint';

export interface Quarter {
  readonly year: number;
  /** 1 to 4. */
  readonly quarter: number;
}

/** First and last day of the quarter, as YYYY-MM-DD. */
export function quarterRange({ year, quarter }: Quarter): { from: string; to: string } {
  if (!Number.isInteger(year) || !Number.isInteger(quarter) || quarter < 1 || quarter > 4) {
    throw new RangeError(`Not a calendar quarter: Q${quarter} ${year}`);
  }
  const firstMonth = (quarter - 1) * 3;
  const from = new Date(Date.UTC(year, firstMonth, 1));
  const to = new Date(Date.UTC(year, firstMonth + 3, 0));
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}

/** The quarter a date falls in. */
export function quarterOf(date: Date): Quarter {
  return { year: date.getUTCFullYear(), quarter: Math.floor(date.getUTCMonth() / 3) + 1 };
}

/** "Q4 2026". */
export function quarterLabel({ year, quarter }: Quarter): string {
  return `Q${quarter} ${year}`;
}

export interface DatedVersion {
  readonly name: string;
  readonly releaseDate?: string | null | undefined;
}

export interface DatedSprint {
  readonly id: number;
  readonly endDate?: string | null | undefined;
}

export interface QuarterJqlOptions extends Quarter {
  readonly by: QuarterBy;
  /** Narrows the scope to these projects. */
  readonly projectKeys?: readonly string[];
  /** For `fixVersion`: the versions of the projects, with their release dates. */
  readonly versions?: readonly DatedVersion[];
  /** For `sprint`: the sprints of the boards, with their end dates. */
  readonly sprints?: readonly DatedSprint[];
}

const inRange = (date: string | null | undefined, range: { from: string; to: string }): boolean =>
  typeof date === 'string' && date.slice(0, 10) >= range.from && date.slice(0, 10) <= range.to;

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
    case 'fixVersion': {
      const names = [
        ...new Set((options.versions ?? []).filter((v) => inRange(v.releaseDate, range)).map((v) => v.name)),
      ];
      period = inList('fixVersion', names.sort());
      break;
    }
    case 'sprint': {
      const ids = (options.sprints ?? []).filter((s) => inRange(s.endDate, range)).map((s) => s.id);
      // Sprint ids are numbers in JQL; an empty list selects nothing rather than failing.
      period =
        ids.length === 0
          ? 'sprint in (-1)'
          : `sprint in (${[...new Set(ids)].sort((a, b) => a - b).join(', ')})`;
      break;
    }
  }
  return and(projects, period);
}
