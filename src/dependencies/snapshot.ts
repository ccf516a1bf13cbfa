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

interface SnapshotChange {
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
}

const change = ([id, blocker, blocked, risk]: SnapshotEntry): SnapshotChange => ({
  id,
  blocker,
  blocked,
  risk,
});

/**
 * Compares two snapshots. `added`: open now, absent or resolved before. `resolved`: open before, resolved or
 * gone now. `stillOpen`: open in both.
 */
export function compareSnapshots(previous: Snapshot, current: Snapshot): SnapshotDiff {
  const before = new Map(previous.entries.map((entry) => [entry[0], entry]));
  const now = new Map(current.entries.map((entry) => [entry[0], entry]));
  const open = (entry: SnapshotEntry | undefined): boolean => entry !== undefined && entry[3] !== 'resolved';
  const added: SnapshotChange[] = [];
  const stillOpen: SnapshotChange[] = [];
  const resolved: SnapshotChange[] = [];
  for (const entry of current.entries) {
    if (!open(entry)) continue;
    (open(before.get(entry[0])) ? stillOpen : added).push(change(entry));
  }
  for (const entry of previous.entries) {
    if (!open(entry)) continue;
    const latest = now.get(entry[0]);
    if (!open(latest)) resolved.push(change(latest ?? entry));
  }
  return { since: previous.takenAt, added, resolved, stillOpen };
}
