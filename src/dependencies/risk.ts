/* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loops over typed arrays whose indices are in range by construction; a check per access would cost the 100,000-issue budget */
/**
 * The risk of each blocking pair and the reasons a planner can act on: what makes a blocker risky whatever it
 * blocks (no date, nobody on it, stale) is computed once per issue, then each pair adds whether its blocker is
 * planned after the work it blocks.
 */
import type { IssueTable } from './intern';
import type { DependencyIssue, Risk, RiskReason } from './model';
import type { BlockingPairs } from './pairs';
import { DEFAULT_STALE_DAYS, isStaleInProgress } from './stale';

/** Risks by number, in the order the report lists them. */
export const RISK_ORDER: readonly Risk[] = ['at-risk', 'hidden', 'ok', 'resolved'];
export const AT_RISK = 0;
export const HIDDEN_RISK = 1;
export const OK_RISK = 2;
export const RESOLVED_RISK = 3;

const UNSCHEDULED = 1;
const LATE = 2;
const UNASSIGNED = 4;
const STALE = 8;
/** The reasons of each combination, one shared array each: 300,000 dependencies do not mean 300,000 arrays. */
const REASON_LISTS: readonly (readonly RiskReason[])[] = Array.from({ length: 16 }, (_, mask) => {
  const reasons: RiskReason[] = [];
  if (mask & UNSCHEDULED) reasons.push('unscheduled');
  if (mask & LATE) reasons.push('scheduled-after-blocked');
  if (mask & UNASSIGNED) reasons.push('unassigned');
  if (mask & STALE) reasons.push('stale');
  return Object.freeze(reasons);
});

export const NO_REASONS: readonly RiskReason[] = [];

/** The reasons of a pair's risk, from its number and its reason flags. */
export function reasonsOf(risk: number, mask: number): readonly RiskReason[] {
  return risk === AT_RISK ? REASON_LISTS[mask]! : NO_REASONS;
}

/** What makes each blocker risky whatever it blocks (no date, nobody on it, stale), computed once per issue. */
function blockerReasons(
  issues: readonly DependencyIssue[],
  now: Date,
  staleDays: number,
): (index: number) => number {
  const flags = new Uint8Array(issues.length);
  issues.forEach((issue, index) => {
    flags[index] =
      (issue.plannedDate === null ? UNSCHEDULED : 0) |
      (issue.assignee === null ? UNASSIGNED : 0) |
      (isStaleInProgress(issue, now, staleDays) ? STALE : 0);
  });
  return (index) => flags[index] ?? 0;
}

export interface PairRisks {
  /** A number of `RISK_ORDER` per pair. */
  readonly risk: Uint8Array;
  /** The reason flags of each at-risk pair. */
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
  staleDays: number,
): PairRisks {
  const n = issues.length;
  const { done, dateRank } = table;
  const flagsOf = blockerReasons(issues, now, staleDays);
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
      const late = dateRank[blocker]! > dateRank[blocked]! && dateRank[blocked] !== -1;
      const mask = flagsOf(blocker) | (late ? LATE : 0);
      masks[p] = mask;
      risk = mask === 0 ? OK_RISK : AT_RISK;
    }
    risks[p] = risk;
    counts[risk]!++;
  }
  return { risk: risks, mask: masks, counts };
}

/** The risk of one visible blocker for the issue it blocks, with the reasons a planner can act on. */
export function riskOf(
  blocker: DependencyIssue,
  blocked: DependencyIssue,
  now: Date,
  staleDays: number = DEFAULT_STALE_DAYS,
): { risk: Risk; reasons: readonly RiskReason[] } {
  if (blocker.statusCategory === 'done' || blocked.statusCategory === 'done') return RESOLVED;
  const late =
    blocker.plannedDate !== null && blocked.plannedDate !== null && blocker.plannedDate > blocked.plannedDate;
  const mask = blockerReasons([blocker], now, staleDays)(0) | (late ? LATE : 0);
  return mask === 0 ? OK : { risk: 'at-risk', reasons: REASON_LISTS[mask]! };
}

const RESOLVED = { risk: 'resolved', reasons: NO_REASONS } as const satisfies {
  risk: Risk;
  reasons: readonly RiskReason[];
};
const OK = { risk: 'ok', reasons: NO_REASONS } as const satisfies {
  risk: Risk;
  reasons: readonly RiskReason[];
};
