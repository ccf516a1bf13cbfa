/**
 * Calendar quarter Q of year Y, by due date, fix version release date or sprint dates. Versions and sprints
 * carry their dates outside JQL, so for those the caller passes the site's lists and gets back the ones that fall
 * in the quarter, to name by id (names repeat across projects: every team may have a "2026-Q4").
 *
 * Rules, so that every version and sprint belongs to at most one quarter:
 * - a version belongs to the quarter holding its release date; a version without a release date belongs to no
 *   quarter (it is counted as undated, never guessed);
 * - a sprint belongs to the quarter holding its end date, so a sprint that spans two quarters (starts on
 *   28 September, ends on 12 October) counts in the quarter it ends in, once; a sprint without an end date
 *   (a future sprint not planned yet) falls back to its start date; with neither it is undated.
 */
export type QuarterBy = 'duedate' | 'fixVersion' | 'sprint';

export const QUARTER_BY: readonly QuarterBy[] = ['duedate', 'fixVersion', 'sprint'];

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

/** "2026-Q4" (the CLI's spelling) → the quarter; undefined when it is not one. */
export function parseQuarter(text: string): Quarter | undefined {
  const match = /^(\d{4})-?Q([1-4])$/i.exec(text.trim());
  return match ? { year: Number(match[1]), quarter: Number(match[2]) } : undefined;
}

export interface DatedVersion {
  readonly id: string;
  readonly name: string;
  readonly releaseDate?: string | null | undefined;
}

export interface DatedSprint {
  readonly id: number;
  readonly name?: string | undefined;
  readonly startDate?: string | null | undefined;
  readonly endDate?: string | null | undefined;
}

/** What a quarter picked among the versions or sprints: the ones in it, and how many had no date at all. */
export interface QuarterPick<T> {
  readonly picked: readonly T[];
  readonly undated: number;
}

const dayOf = (date: string | null | undefined): string | undefined =>
  typeof date === 'string' && /^\d{4}-\d{2}-\d{2}/.test(date) ? date.slice(0, 10) : undefined;

const within = (day: string, range: { from: string; to: string }): boolean =>
  day >= range.from && day <= range.to;

/** The versions released in the quarter (each id once, in release order). */
export function versionsInQuarter(
  versions: readonly DatedVersion[],
  quarter: Quarter,
): QuarterPick<DatedVersion> {
  const range = quarterRange(quarter);
  const byId = new Map<string, DatedVersion>();
  let undated = 0;
  for (const version of versions) {
    const day = dayOf(version.releaseDate);
    if (day === undefined) undated++;
    else if (within(day, range) && !byId.has(version.id)) byId.set(version.id, version);
  }
  const picked = [...byId.values()].sort(
    (a, b) =>
      (dayOf(a.releaseDate) ?? '').localeCompare(dayOf(b.releaseDate) ?? '') || a.id.localeCompare(b.id),
  );
  return { picked, undated };
}

/** The day that places a sprint in a quarter: its end, else its start. */
function sprintDay(sprint: DatedSprint): string | undefined {
  return dayOf(sprint.endDate) ?? dayOf(sprint.startDate);
}

/** The sprints that end in the quarter (or start in it when they have no end date), each id once. */
export function sprintsInQuarter(
  sprints: readonly DatedSprint[],
  quarter: Quarter,
): QuarterPick<DatedSprint> {
  const range = quarterRange(quarter);
  const byId = new Map<number, DatedSprint>();
  let undated = 0;
  const seen = new Set<number>();
  for (const sprint of sprints) {
    // A sprint shared by two boards is listed by both: count it once.
    if (seen.has(sprint.id)) continue;
    seen.add(sprint.id);
    const day = sprintDay(sprint);
    if (day === undefined) undated++;
    else if (within(day, range)) byId.set(sprint.id, sprint);
  }
  const picked = [...byId.values()].sort(
    (a, b) => (sprintDay(a) ?? '').localeCompare(sprintDay(b) ?? '') || a.id - b.id,
  );
  return { picked, undated };
}
