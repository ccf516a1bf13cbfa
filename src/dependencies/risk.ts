/* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loops over typed arrays whose indices are in range by construction; a check per access would cost the 100,000-issue budget */
/**
 * The risk of each blocking pair and the reasons a planner can act on, under the site's risk rules: what makes a
 * blocker risky whatever it blocks (stale, itself blocked, nobody on it, not started) is computed once per issue,
 * then each pair adds what depends on the blocked work's date (planned after it, unscheduled while it is near).
 */
import type { IssueTable } from './intern';
import { RISK_REASONS, type DependencyIssue, type Risk, type RiskReason } from './model';
import type { BlockingPairs } from './pairs';
import { DEFAULT_RISK_RULES, type RiskRules } from './risk-rules';
import { isStaleInProgress } from './stale';

/** Risks by number, in the order the report lists them. */
export const RISK_ORDER: readonly Risk[] = ['conflict', 'at-risk', 'watch', 'hidden', 'ok', 'resolved'];
const CONFLICT_RISK = 0;
const AT_RISK = 1;
const WATCH_RISK = 2;
export const HIDDEN_RISK = 3;
const OK_RISK = 4;
export const RESOLVED_RISK = 5;

const LATE = 1;
const STALE = 2;
const BLOCKED = 4;
const UNSCHEDULED_SOON = 8;
const UNSCHEDULED_LATER = 16;
const UNASSIGNED = 32;
const NOT_STARTED = 64;
const AT_RISK_FLAGS = STALE | BLOCKED | UNSCHEDULED_SOON;
/** Flags of the blocker alone; the others depend on the pair. */
const UNSCHEDULED = 128;

const FLAG_REASONS: readonly (readonly [number, RiskReason])[] = [
  [LATE, 'scheduled-after-blocked'],
  [STALE, 'stale'],
  [BLOCKED, 'blocker-blocked'],
  [UNSCHEDULED_SOON | UNSCHEDULED_LATER, 'unscheduled'],
  [UNASSIGNED, 'unassigned'],
  [NOT_STARTED, 'not-started'],
];
/** The reasons of each combination, one shared array each: 300,000 dependencies do not mean 300,000 arrays. */
const REASON_LISTS: readonly (readonly RiskReason[])[] = Array.from({ length: 128 }, (_, mask) =>
  Object.freeze(
    FLAG_REASONS.filter(([flag]) => (mask & flag) !== 0)
      .map(([, reason]) => reason)
      .sort((a, b) => RISK_REASONS.indexOf(a) - RISK_REASONS.indexOf(b)),
  ),
);

export const NO_REASONS: readonly RiskReason[] = [];

/** The risk number of a combination of reason flags. */
const levelOf = (mask: number): number =>
  mask & LATE ? CONFLICT_RISK : mask & AT_RISK_FLAGS ? AT_RISK : mask !== 0 ? WATCH_RISK : OK_RISK;

/** The reasons of a pair's risk, from its reason flags. */
export function reasonsOf(mask: number): readonly RiskReason[] {
  return REASON_LISTS[mask]!;
}

const DAY_MS = 86_400_000;

/** Whole days since the epoch of each planned date (NaN: none), one parse per distinct date. */
function plannedDays(issues: readonly DependencyIssue[]): Float64Array {
  const days = new Float64Array(issues.length);
  const parsed = new Map<string, number>();
  for (let i = 0; i < issues.length; i++) {
    const date = issues[i]!.plannedDate;
    if (date === null) {
      days[i] = NaN;
      continue;
    }
    let day = parsed.get(date);
    if (day === undefined) {
      day = Math.floor(Date.parse(date) / DAY_MS);
      parsed.set(date, day);
    }
    days[i] = day;
  }
  return days;
}

/** The flags of each blocker whatever it blocks, as the rules turn them on. */
function blockerFlags(
  issues: readonly DependencyIssue[],
  blockedOpen: Uint8Array,
  now: Date,
  rules: RiskRules,
): Uint8Array {
  const flags = new Uint8Array(issues.length);
  const staleDays = rules.stale.days ?? 0;
  issues.forEach((issue, index) => {
    flags[index] =
      (rules.stale.enabled && isStaleInProgress(issue, now, staleDays) ? STALE : 0) |
      (rules['blocker-blocked'].enabled && blockedOpen[index] === 1 ? BLOCKED : 0) |
      (rules.unscheduled.enabled && issue.plannedDate === null ? UNSCHEDULED : 0) |
      (rules.unassigned.enabled && issue.assignee === null ? UNASSIGNED : 0) |
      (rules['not-started'].enabled && issue.statusCategory === 'new' ? NOT_STARTED : 0);
  });
  return flags;
}

/** The reason flags of one open pair: its blocker's flags, with what the blocked work's date adds. */
function pairFlags(
  flags: number,
  blockerDay: number,
  blockedDay: number,
  today: number,
  rules: RiskRules,
): number {
  let mask = flags & ~UNSCHEDULED;
  const late = rules['scheduled-after-blocked'];
  if (late.enabled && blockerDay - blockedDay > (late.days ?? 0)) mask |= LATE;
  if ((flags & UNSCHEDULED) !== 0)
    mask |= blockedDay - today <= (rules.unscheduled.days ?? 0) ? UNSCHEDULED_SOON : UNSCHEDULED_LATER;
  return mask;
}

export interface PairRisks {
  /** A number of `RISK_ORDER` per pair. */
  readonly risk: Uint8Array;
  /** The reason flags of each open visible pair. */
  readonly mask: Uint8Array;
  /** How many pairs have each risk, by number. */
  readonly counts: Int32Array;
}

/** The risk of every pair; a blocker numbered past the issues is one the user cannot see. */
export function scorePairs(
  pairs: BlockingPairs,
  issues: readonly DependencyIssue[],
  table: IssueTable,
  now: Date,
  rules: RiskRules,
): PairRisks {
  const n = issues.length;
  const { done } = table;
  // An issue waiting on an open blocker (or on one the user cannot see) is itself blocked.
  const blockedOpen = new Uint8Array(n);
  for (let p = 0; p < pairs.count; p++) {
    const blocker = pairs.blocker[p]!;
    if (blocker >= n || done[blocker] === 0) blockedOpen[pairs.blocked[p]!] = 1;
  }
  const flags = blockerFlags(issues, blockedOpen, now, rules);
  const days = plannedDays(issues);
  const today = Math.floor(now.getTime() / DAY_MS);
  const risks = new Uint8Array(pairs.count);
  const masks = new Uint8Array(pairs.count);
  const counts = new Int32Array(RISK_ORDER.length);
  for (let p = 0; p < pairs.count; p++) {
    const blocker = pairs.blocker[p]!;
    const blocked = pairs.blocked[p]!;
    let risk: number;
    if (blocker >= n) risk = HIDDEN_RISK;
    else if (done[blocker] === 1 || done[blocked] === 1) risk = RESOLVED_RISK;
    else {
      const mask = pairFlags(flags[blocker]!, days[blocker]!, days[blocked]!, today, rules);
      masks[p] = mask;
      risk = levelOf(mask);
    }
    risks[p] = risk;
    counts[risk]!++;
  }
  return { risk: risks, mask: masks, counts };
}

/** How many dependencies of each risk, from the counts by number. */
export function riskCounts(counts: Int32Array, extraHidden: number): Record<Risk, number> {
  const byRisk = Object.fromEntries(RISK_ORDER.map((risk, number) => [risk, counts[number]!])) as Record<
    Risk,
    number
  >;
  byRisk.hidden += extraHidden;
  return byRisk;
}

/** Whether a risk number needs action (conflict or at risk), as the matrix counts it. */
export const needsAction = (risk: number): boolean => risk === CONFLICT_RISK || risk === AT_RISK;
export const isConflict = (risk: number): boolean => risk === CONFLICT_RISK;

/**
 * The risk of one visible blocker for the issue it blocks, with the reasons a planner can act on.
 * `blockerBlocked`: whether the blocker waits on an open issue itself (a single pair cannot tell).
 */
export function riskOf(
  blocker: DependencyIssue,
  blocked: DependencyIssue,
  now: Date,
  rules: RiskRules = DEFAULT_RISK_RULES,
  blockerBlocked = false,
): { risk: Risk; reasons: readonly RiskReason[] } {
  if (blocker.statusCategory === 'done' || blocked.statusCategory === 'done')
    return { risk: 'resolved', reasons: NO_REASONS };
  const flags = blockerFlags([blocker], Uint8Array.of(blockerBlocked ? 1 : 0), now, rules)[0]!;
  const days = plannedDays([blocker, blocked]);
  const mask = pairFlags(flags, days[0]!, days[1]!, Math.floor(now.getTime() / DAY_MS), rules);
  return { risk: RISK_ORDER[levelOf(mask)]!, reasons: REASON_LISTS[mask]! };
}
