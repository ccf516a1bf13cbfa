/**
 * Snapshots of a report, saved at each review, and what changed since: new dependencies, those resolved since
 * (done, or the link removed), and those still open. Dependencies are matched by issue ids, so a hidden
 * blocker (or blocked issue) compares too without its key ever being stored.
 */
import type { AgreementStatus } from './agreements';
import type { DependencyReport, Risk } from './model';

/** An agreement as a review remembers it: its status and days (a decline's reason is not kept). */
export type AgreementMark = readonly [
  status: AgreementStatus,
  neededBy: string | null,
  committedBy: string | null,
];

/**
 * One dependency as remembered: `[id, blocker key or null, blocked key or null, risk, agreement]`, compact for
 * the store. Reviews saved before agreements existed have no fifth element: nothing had been agreed then.
 */
export type SnapshotEntry = readonly [
  id: string,
  blocker: string | null,
  blocked: string | null,
  risk: Risk,
  agreement?: AgreementMark | null,
];

export interface Snapshot {
  readonly takenAt: string;
  readonly scope: string;
  readonly entries: readonly SnapshotEntry[];
}

export function takeSnapshot(report: DependencyReport, scope: string, now: Date): Snapshot {
  return {
    takenAt: now.toISOString(),
    scope,
    entries: report.dependencies.map((d): SnapshotEntry => {
      const entry = [d.id, d.blocker?.key ?? null, d.blocked?.key ?? null, d.risk] as const;
      const a = d.agreement;
      // Most dependencies have no agreement: their entry keeps four elements, as before agreements existed.
      return a ? [...entry, [a.status, a.neededBy, a.committedBy]] : entry;
    }),
  };
}

/** An agreement in a review's changes. */
export interface SnapshotAgreement {
  readonly status: AgreementStatus;
  readonly neededBy: string | null;
  readonly committedBy: string | null;
}

export interface SnapshotChange {
  readonly id: string;
  readonly blocker: string | null;
  readonly blocked: string | null;
  readonly risk: Risk;
  /** Set in the agreement sections of a comparison. */
  readonly agreement?: SnapshotAgreement;
}

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

const change = ([id, blocker, blocked, risk]: SnapshotEntry): SnapshotChange => ({
  id,
  blocker,
  blocked,
  risk,
});

/** The two issue ids of a dependency id (`<blocker id>><blocked id>`). */
export function dependencyIssueIds(id: string): readonly [blocker: string, blocked: string] {
  const cut = id.indexOf('>');
  return [id.slice(0, cut), id.slice(cut + 1)];
}

/**
 * A saved review as the viewer would have saved it, given the keys of the issues Jira shows the viewer now
 * (issue id → key) and the ids of the dependencies in their own report now. A dependency whose blocked issue
 * they see is kept (`hidden` if they cannot see its blocker), as their report keeps it; one whose blocked issue
 * they cannot see is kept only while their report shows it too (Jira may not even show them the link, so its
 * absence says nothing). Every key comes from `visible`, none from the store, so a key its author could see
 * and the viewer cannot is never shown.
 */
export function snapshotAsSeenBy(
  saved: Snapshot,
  visible: ReadonlyMap<string, string>,
  viewerDependencies: ReadonlySet<string>,
): Snapshot {
  const entries: SnapshotEntry[] = [];
  for (const [id, , , risk, agreement] of saved.entries) {
    const [blockerId, blockedId] = dependencyIssueIds(id);
    const blocker = visible.get(blockerId) ?? null;
    const blocked = visible.get(blockedId) ?? null;
    if (blocked === null && (blocker === null || !viewerDependencies.has(id))) continue;
    const seen = blocker !== null && blocked !== null;
    if (seen && agreement) entries.push([id, blocker, blocked, risk, agreement]);
    else entries.push([id, blocker, blocked, seen ? risk : 'hidden']);
  }
  return { takenAt: saved.takenAt, scope: saved.scope, entries };
}

/** The project key of an issue key ("PAY" of "PAY-12"). */
const projectOf = (key: string): string => key.slice(0, key.lastIndexOf('-'));

/**
 * Compares two snapshots. `added`: open now, absent or resolved before. `resolved`: open before, resolved or
 * gone now (one hidden from the review's author, whose two ends the viewer sees, is left out: what it was then
 * is unknown).
 * `stillOpen`: open in both. With `browsable` (the projects the previous snapshot's author could
 * browse), a dependency open now and absent before is `added` only when its blocked issue is in one of them,
 * else `unseen`: the author could not have seen it.
 */
export function compareSnapshots(
  previous: Snapshot,
  current: Snapshot,
  browsable?: ReadonlySet<string>,
): SnapshotDiff {
  const before = new Map(previous.entries.map((entry) => [entry[0], entry]));
  const now = new Map(current.entries.map((entry) => [entry[0], entry]));
  const open = (entry: SnapshotEntry | undefined): boolean => entry !== undefined && entry[3] !== 'resolved';
  const added: SnapshotChange[] = [];
  const stillOpen: SnapshotChange[] = [];
  const resolved: SnapshotChange[] = [];
  const unseen: SnapshotChange[] = [];
  const authorCouldSee = ([, , blocked]: SnapshotEntry): boolean =>
    browsable === undefined || (blocked !== null && browsable.has(projectOf(blocked)));
  for (const entry of current.entries) {
    if (!open(entry)) continue;
    if (open(before.get(entry[0]))) stillOpen.push(change(entry));
    else (authorCouldSee(entry) ? added : unseen).push(change(entry));
  }
  for (const entry of previous.entries) {
    if (!open(entry)) continue;
    const latest = now.get(entry[0]);
    if (open(latest)) continue;
    // Hidden from the review's author yet named for this viewer: what it was then is unknown (done already, or
    // outside the scope), so it is not claimed as resolved since.
    if (entry[3] === 'hidden' && entry[1] !== null && entry[2] !== null) continue;
    resolved.push(change(latest ?? entry));
  }
  return {
    since: previous.takenAt,
    added,
    resolved,
    stillOpen,
    unseen,
    ...agreementChanges(before, current),
  };
}

/** What the teams agreed since the review: new asks and commitments, and agreements broken since. */
function agreementChanges(
  before: ReadonlyMap<string, SnapshotEntry>,
  current: Snapshot,
): Required<Pick<SnapshotDiff, 'newAsks' | 'newCommitments' | 'brokenCommitments'>> {
  const newAsks: SnapshotChange[] = [];
  const newCommitments: SnapshotChange[] = [];
  const brokenCommitments: SnapshotChange[] = [];
  for (const entry of current.entries) {
    const [id, blocker, blocked, risk, mark] = entry;
    if (risk === 'resolved' || !mark) continue;
    const [status, neededBy, committedBy] = mark;
    const then = before.get(id)?.[4] ?? null;
    const item: SnapshotChange = { id, blocker, blocked, risk, agreement: { status, neededBy, committedBy } };
    if (neededBy !== null && neededBy !== then?.[1]) newAsks.push(item);
    if (committedBy !== null && committedBy !== then?.[2]) newCommitments.push(item);
    if (status === 'broken' && then?.[0] !== 'broken') brokenCommitments.push(item);
  }
  return { newAsks, newCommitments, brokenCommitments };
}
