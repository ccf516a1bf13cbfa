/**
 * Snapshots of a report, saved at each review, and what changed since: new dependencies, those resolved since
 * (done, or the link removed), and those still open. Dependencies are matched by issue ids, so a hidden
 * blocker (or blocked issue) compares too without its key ever being stored.
 */
import type { DependencyReport, Risk } from './model';

/** One dependency as remembered: `[id, blocker key or null, blocked key or null, risk]`, compact for the store. */
export type SnapshotEntry = readonly [id: string, blocker: string | null, blocked: string | null, risk: Risk];

export interface Snapshot {
  readonly takenAt: string;
  readonly scope: string;
  readonly entries: readonly SnapshotEntry[];
}

export function takeSnapshot(report: DependencyReport, scope: string, now: Date): Snapshot {
  return {
    takenAt: now.toISOString(),
    scope,
    entries: report.dependencies.map(
      (d) => [d.id, d.blocker?.key ?? null, d.blocked?.key ?? null, d.risk] as const,
    ),
  };
}

export interface SnapshotChange {
  readonly id: string;
  readonly blocker: string | null;
  readonly blocked: string | null;
  readonly risk: Risk;
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
  for (const [id, , , risk] of saved.entries) {
    const [blockerId, blockedId] = dependencyIssueIds(id);
    const blocker = visible.get(blockerId) ?? null;
    const blocked = visible.get(blockedId) ?? null;
    if (blocked === null && (blocker === null || !viewerDependencies.has(id))) continue;
    entries.push([id, blocker, blocked, blocker === null || blocked === null ? 'hidden' : risk]);
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
  return { since: previous.takenAt, added, resolved, stillOpen, unseen };
}
