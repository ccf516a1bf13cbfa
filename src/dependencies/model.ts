/** The plain data the dependency analysis reads and produces. No I/O here: services gather, the core computes. */

import type { Agreement, AgreementsProblem, StoredAgreement } from './agreements';

export type StatusCategory = 'new' | 'indeterminate' | 'done';

export { UNASSIGNED_TEAM } from '../shared/teams';

/** One issue the user may see, reduced to what the analysis needs. */
export interface DependencyIssue {
  readonly id: string;
  readonly key: string;
  readonly summary: string;
  readonly projectKey: string;
  /** `UNASSIGNED_TEAM` when the team dimension has no value on this issue. */
  readonly team: string;
  readonly status: string;
  readonly statusCategory: StatusCategory;
  readonly assignee: string | null;
  /** When the work is planned to finish (YYYY-MM-DD): the earliest of due date, sprint end, fix version release. */
  readonly plannedDate: string | null;
  readonly storyPoints: number | null;
  /** Last update (ISO); with the status, tells whether work in progress went stale. */
  readonly updated: string | null;
  /** False for blockers fetched from outside the JQL ("outside the scope"). */
  readonly inScope: boolean;
  /** The agreements kept on this issue as a blocker; absent when it has none. */
  readonly agreements?: readonly StoredAgreement[];
  /** Set when its agreements property could not be read: the report goes on without them. */
  readonly agreementsProblem?: AgreementsProblem;
}

/** One blocking relation read from an issue link, already oriented. */
export interface BlockingLink {
  readonly linkId: string;
  readonly blockerId: string;
  readonly blockedId: string;
  readonly typeName: string;
}

/**
 * How much a dependency needs attention, most urgent first: `conflict` (the blocker is planned after the work it
 * blocks), `at-risk` (stale, itself blocked, or unscheduled while the blocked work is near), `watch` (nobody on
 * it or not started: normal before a quarter), `ok`; `resolved` when either side is done, `hidden` when the user
 * may not see one side.
 */
export const RISKS = ['conflict', 'at-risk', 'watch', 'ok', 'resolved', 'hidden'] as const;
export type Risk = (typeof RISKS)[number];

/** Why a dependency is not ok; which ones apply, and their thresholds, are the site's risk rules. */
export const RISK_REASONS = [
  'scheduled-after-blocked',
  'stale',
  'blocker-blocked',
  'unscheduled',
  'unassigned',
  'not-started',
] as const;
export type RiskReason = (typeof RISK_REASONS)[number];

/** An issue as a report shows it. */
export interface IssueSummary {
  readonly key: string;
  readonly summary: string;
  readonly team: string;
  readonly status: string;
  readonly statusCategory: StatusCategory;
  readonly assignee: string | null;
  readonly plannedDate: string | null;
  readonly storyPoints: number | null;
  readonly outsideScope: boolean;
}

export interface Dependency {
  /** Stable across reviews: `<blocker issue id>><blocked issue id>` (ids, not keys, so hidden ones compare too). */
  readonly id: string;
  /** `null` when the user may not see the blocker: its key and summary are never shown. */
  readonly blocker: IssueSummary | null;
  /**
   * `null` when a visible issue of the scope blocks an issue the user may not see (or one that was deleted):
   * counted as hidden, never named.
   */
  readonly blocked: IssueSummary | null;
  readonly blockerTeam: string | null;
  readonly blockedTeam: string | null;
  readonly crossTeam: boolean;
  readonly risk: Risk;
  readonly reasons: readonly RiskReason[];
  readonly linkTypes: readonly string[];
  /**
   * What the two teams agreed on, `null` when nothing was asked or either side is hidden; absent from reports
   * stored before agreements existed.
   */
  readonly agreement?: Agreement | null;
}

export interface BlastRadius {
  readonly key: string;
  readonly team: string;
  /** Issues transitively waiting on this one (through blockers not yet done). */
  readonly issues: number;
  readonly storyPoints: number;
}

/** One cell of the team × team matrix: visible dependencies where the first team blocks the second. */
export interface TeamCell {
  readonly blockerTeam: string;
  readonly blockedTeam: string;
  readonly count: number;
  /** Those needing action: in conflict or at risk. */
  readonly atRisk: number;
  /** Those in conflict (also counted in `atRisk`); absent from reports stored before conflicts were told apart. */
  readonly conflict?: number;
}

export interface DependencyReport {
  /** Issues of the JQL that were read. */
  readonly scanned: number;
  readonly teams: readonly string[];
  readonly dependencies: readonly Dependency[];
  /**
   * Groups of issues blocking each other in a loop (keys), largest first. A loop may pass through issues outside
   * the scope that the user may see: their keys are in `outsideLoopKeys`.
   */
  readonly cycles: readonly (readonly string[])[];
  /** Keys of loop members outside the scope; absent from reports stored before loops left the scope. */
  readonly outsideLoopKeys?: readonly string[];
  /**
   * The team × team matrix, one cell per pair of teams with a visible dependency. A list, not an object keyed by
   * team: team names are what people typed (`__proto__` is a fine label), and a list survives JSON both ways.
   */
  readonly matrix: readonly TeamCell[];
  /** Longest chains of open blockers, blocker first (keys). */
  readonly chains: readonly (readonly string[])[];
  /** Open issues of the scope that had blockers and whose blockers are all done. */
  readonly readyNext: readonly string[];
  readonly blastRadius: readonly BlastRadius[];
  readonly counts: Readonly<Record<Risk, number>> & {
    readonly crossTeam: number;
    readonly outsideScope: number;
  };
  /** Keys of issues whose agreements property could not be read (malformed or too large); absent when none. */
  readonly unreadableAgreements?: readonly string[];
}

/** What one issue waits on and what waits on it (the issue panel). */
export interface IssueDependencies {
  readonly key: string;
  readonly team: string;
  /** Everything this issue waits on, open blockers first; hidden ones have `blocker: null`. */
  readonly blockedBy: readonly Dependency[];
  /** Everything waiting on this issue. */
  readonly blocks: readonly Dependency[];
  /** Open blockers (not done), hidden ones included. */
  readonly openBlockers: number;
  /** Teams other than this issue's among its open visible blockers. */
  readonly otherTeams: number;
}
