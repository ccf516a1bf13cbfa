/**
 * The dependency report as it travels to the surfaces and the CLI's JSON. The core computes its own model
 * (src/dependencies/model.ts); the resolvers' types are checked against these, so a change in the core that
 * would change the wire fails the type check here instead of reaching the screens unnoticed.
 */
export { UNASSIGNED_TEAM } from '../shared/teams';

export type StatusCategory = 'new' | 'indeterminate' | 'done';

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

/** One reason's rule of the site's risk rules; `days` is its threshold, `null` for a reason that has none. */
export interface RiskRule {
  readonly enabled: boolean;
  readonly days: number | null;
}

/** The site's risk rules, keyed by the app's own reason ids. */
export type RiskRules = Readonly<Record<RiskReason, RiskRule>>;

/**
 * Where an agreement between the two teams stands: `asked` (the blocked team gave a needed-by day), `committed`
 * (the blocker's team gave a day), `declined` (with a reason), `broken` (the day that holds, the commitment's
 * else the ask's, has passed and the blocker is not done).
 */
export const AGREEMENT_STATUSES = ['asked', 'committed', 'declined', 'broken'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** An agreement on one dependency, dates as YYYY-MM-DD. */
export interface Agreement {
  readonly neededBy: string | null;
  readonly committedBy: string | null;
  /** Why the blocker's team declined; `null` unless it did. */
  readonly declined: string | null;
  readonly status: AgreementStatus;
}

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

/** A Jira link type by its two wordings. */
export interface LinkTypeWording {
  readonly id: string;
  readonly name: string;
  readonly inward: string;
  readonly outward: string;
}

/**
 * Phrases said by the blocker ("X blocks Y") and by the blocked issue ("X depends on Y"), plus words that mean
 * blocking when a type has the same wording both ways ("Dependency" / "Dependency").
 */
export interface BlockingWords {
  readonly blockerPhrases: readonly string[];
  readonly blockedPhrases: readonly string[];
  readonly symmetricWords: readonly string[];
}

export type BlockingDirection = 'outward-blocks' | 'outward-is-blocker';

/** A link type of the site as the word list reads it. */
export interface LinkTypeReading extends LinkTypeWording {
  /** `null` when the type does not mean blocking. */
  readonly direction: BlockingDirection | null;
  /** True when both wordings are the same word, so the direction is a convention. */
  readonly assumedDirection: boolean;
}

/** A phrase of a word list being edited that cannot be kept, and why. */
export interface WordListProblem {
  readonly list: keyof BlockingWords;
  readonly phrase: string;
  readonly problem: 'empty' | 'too-long' | 'no-letters' | 'in-both-lists' | 'too-many';
}

/** An agreement in a review's changes (a decline's reason is not kept). */
export interface SnapshotAgreement {
  readonly status: AgreementStatus;
  readonly neededBy: string | null;
  readonly committedBy: string | null;
}

/** A dependency as a saved review remembers it (issue keys, `null` when hidden). */
export interface SnapshotChange {
  readonly id: string;
  readonly blocker: string | null;
  readonly blocked: string | null;
  readonly risk: Risk;
  /** Set in the agreement sections of a comparison. */
  readonly agreement?: SnapshotAgreement;
}

/** What changed since the last saved review. */
export interface SnapshotDiff {
  readonly since: string;
  readonly added: readonly SnapshotChange[];
  readonly resolved: readonly SnapshotChange[];
  readonly stillOpen: readonly SnapshotChange[];
  /**
   * Open now, absent from the review, and waiting in a project its author could not browse (or on an issue the
   * viewer cannot see): whether they are new is unknown, so they are not counted as new.
   */
  readonly unseen: readonly SnapshotChange[];
  /** Open dependencies asked for since (a first ask or a new day); absent from comparisons stored before. */
  readonly newAsks?: readonly SnapshotChange[];
  /** Open dependencies committed to since (a first commitment or a new day). */
  readonly newCommitments?: readonly SnapshotChange[];
  /** Open dependencies whose agreement broke since: its day passed and the blocker is not done. */
  readonly brokenCommitments?: readonly SnapshotChange[];
}

/** The project of an issue key ("PAY" of "PAY-12"). */
const projectOf = (key: string): string => key.slice(0, key.lastIndexOf('-'));

/**
 * The projects whose issues the page would write about as plain text (teams, counts, risks): those of the
 * issues of the open dependencies, in key order. The publish dialog names them and asks which to show.
 */
export function publishedProjects(dependencies: readonly Dependency[]): string[] {
  const projects = new Set<string>();
  for (const d of dependencies) {
    if (d.risk === 'resolved') continue;
    if (d.blocker) projects.add(projectOf(d.blocker.key));
    if (d.blocked) projects.add(projectOf(d.blocked.key));
  }
  return [...projects].sort();
}
