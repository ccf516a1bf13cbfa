/* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loops over typed arrays whose indices are in range by construction; a check per access would cost the 100,000-issue budget */
/**
 * The issues of an analysis turned into columns of numbers, once: reading a field of 100,000 issue objects
 * scattered in memory, or hashing the same id string again for every link, is what made the analysis slow.
 */
import type { DependencyIssue } from './model';

export interface IssueTable {
  /** The number of the issue with this id, -1 when no issue has it (the last one wins, as in a map). */
  readonly indexOf: (id: string) => number;
  readonly inScope: Uint8Array;
  readonly done: Uint8Array;
  /** Teams numbered in order of first appearance: equal names, equal numbers. */
  readonly team: Int32Array;
  readonly teamNames: readonly string[];
  /** Planned dates ranked in string order (-1: none): comparing ranks compares the dates. */
  readonly dateRank: Int32Array;
  /** Position in key order ("PAY-9" before "PAY-10"). */
  readonly rank: Int32Array;
}

/** Builds the columns in one pass over the issues. */
export function issueTable(issues: readonly DependencyIssue[]): IssueTable {
  const n = issues.length;
  const inScope = new Uint8Array(n);
  const done = new Uint8Array(n);
  const team = new Int32Array(n);
  const dateRank = new Int32Array(n);
  const teamNumbers = new Map<string, number>();
  const teamNames: string[] = [];
  const dateNumbers = new Map<string, number>();
  const dateNames: string[] = [];
  let lastTeam: string | undefined;
  let lastTeamNumber = -1;
  for (let i = 0; i < n; i++) {
    const issue = issues[i]!;
    inScope[i] = issue.inScope ? 1 : 0;
    done[i] = issue.statusCategory === 'done' ? 1 : 0;
    if (issue.team !== lastTeam) {
      lastTeam = issue.team;
      let number = teamNumbers.get(lastTeam);
      if (number === undefined) {
        number = teamNames.length;
        teamNumbers.set(lastTeam, number);
        teamNames.push(lastTeam);
      }
      lastTeamNumber = number;
    }
    team[i] = lastTeamNumber;
    const date = issue.plannedDate;
    if (date === null) dateRank[i] = -1;
    else {
      let number = dateNumbers.get(date);
      if (number === undefined) {
        number = dateNames.length;
        dateNumbers.set(date, number);
        dateNames.push(date);
      }
      dateRank[i] = number;
    }
  }
  // Few distinct dates (one per day): sort those, not the issues.
  const order = dateNames
    .map((_, number) => number)
    .sort((a, b) => compareStrings(dateNames[a]!, dateNames[b]!));
  const rankOfDate = new Int32Array(dateNames.length);
  order.forEach((number, position) => (rankOfDate[number] = position));
  for (let i = 0; i < n; i++) if (dateRank[i] !== -1) dateRank[i] = rankOfDate[dateRank[i]!]!;
  return { indexOf: idIndex(issues), inScope, done, team, teamNames, dateRank, rank: keyRanks(issues) };
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The integer a canonical decimal id stands for ("10042"), -1 for anything else ("010", "id-7", ""). */
function decimalId(id: string): number {
  const length = id.length;
  if (length === 0 || length > 15 || (length > 1 && id.charCodeAt(0) === 48)) return -1;
  let value = 0;
  for (let i = 0; i < length; i++) {
    const digit = id.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Looks ids up. Jira ids are canonical decimals: then an id is found by its number, in a flat table when the
 * ids are dense enough, else in a map of numbers (no string hashing or comparing per link); any other id
 * shape falls back to a map of strings. A link's id that is not canonical cannot equal a canonical one.
 */
function idIndex(issues: readonly DependencyIssue[]): (id: string) => number {
  const n = issues.length;
  const numbers = new Float64Array(n);
  let min = Infinity;
  let max = -Infinity;
  let decimal = true;
  for (let i = 0; i < n && decimal; i++) {
    const value = decimalId(issues[i]!.id);
    if (value === -1) decimal = false;
    numbers[i] = value;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  if (!decimal) {
    const byId = new Map<string, number>();
    for (let i = 0; i < n; i++) byId.set(issues[i]!.id, i);
    return (id) => byId.get(id) ?? -1;
  }
  if (n > 0 && max - min < 4 * n + 1024) {
    const table = new Int32Array(max - min + 1).fill(-1);
    for (let i = 0; i < n; i++) table[numbers[i]! - min] = i;
    return (id) => {
      const value = decimalId(id);
      return value < min || value > max ? -1 : table[value - min]!;
    };
  }
  const byNumber = new Map<number, number>();
  for (let i = 0; i < n; i++) byNumber.set(numbers[i]!, i);
  return (id) => {
    const value = decimalId(id);
    return value === -1 ? -1 : (byNumber.get(value) ?? -1);
  };
}

/**
 * The position of each issue in key order: by project prefix (string order), then by number (a key with no
 * number before numbered ones), ties in input order. Prefixes and numbers are packed into one number per issue
 * so a typed array sorts them without a comparison callback; keys that do not pack are compared one by one.
 */
function keyRanks(issues: readonly DependencyIssue[]): Int32Array {
  const n = issues.length;
  const prefixNumber = new Int32Array(n);
  const number = new Float64Array(n);
  const prefixes = new Map<string, number>();
  const prefixNames: string[] = [];
  let packable = true;
  let maxNumber = 0;
  for (let i = 0; i < n; i++) {
    const key = issues[i]!.key;
    const dash = key.lastIndexOf('-');
    const suffix = Number(key.slice(dash + 1));
    const numbered = dash > 0 && Number.isFinite(suffix);
    const prefix = numbered ? key.slice(0, dash) : key;
    number[i] = numbered ? suffix : -1;
    if (numbered && !(Number.isInteger(suffix) && suffix >= 0)) packable = false;
    else if (suffix > maxNumber) maxNumber = suffix;
    let p = prefixes.get(prefix);
    if (p === undefined) {
      p = prefixNames.length;
      prefixes.set(prefix, p);
      prefixNames.push(prefix);
    }
    prefixNumber[i] = p;
  }
  const prefixOrder = prefixNames
    .map((_, p) => p)
    .sort((a, b) => compareStrings(prefixNames[a]!, prefixNames[b]!));
  const prefixRank = new Int32Array(prefixNames.length);
  prefixOrder.forEach((p, position) => (prefixRank[p] = position));
  const rank = new Int32Array(n);
  const span = maxNumber + 2;
  if (packable && prefixNames.length * span * n < Number.MAX_SAFE_INTEGER) {
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) packed[i] = (prefixRank[prefixNumber[i]!]! * span + number[i]! + 1) * n + i;
    packed.sort();
    for (let position = 0; position < n; position++) rank[packed[position]! % n] = position;
    return rank;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => prefixRank[prefixNumber[a]!]! - prefixRank[prefixNumber[b]!]! || number[a]! - number[b]!,
  );
  order.forEach((issueIndex, position) => (rank[issueIndex] = position));
  return rank;
}
