/**
 * Snapshots of a report kept in the app's key-value store, one per review, so the next review can see what
 * is new, resolved or still open. A value may hold 240 KiB at most: large snapshots are split into parts.
 *
 * A review belongs to its scope, not to a person: the team's baseline is the last review anyone saved for the
 * scope, so whoever runs the next planning meeting compares with the same one. It is saved as its author saw
 * it, with the projects they could browse, and every comparison is computed as the viewer: keys
 * are read from Jira as the viewer (never from the store), a dependency between issues the viewer cannot see
 * is left out, and one the author could not see is not claimed as new (see `SnapshotDiff.unseen`).
 */
import { z } from 'zod';
import type { KeyValueStore } from '../ports';
import {
  AGREEMENT_STATUSES,
  RISKS,
  compareSnapshots,
  dependencyIssueIds,
  snapshotAsSeenBy,
  type Snapshot,
  type SnapshotDiff,
  type SnapshotEntry,
} from '../../dependencies';

const PREFIX = 'dependencies:snapshot:';
/**
 * Entries per stored part: about 80 bytes each keeps a part, with the author's project keys, well under the
 * 240 KiB limit of a value.
 */
const ENTRIES_PER_PART = 2000;

const partSchema = z.object({
  takenAt: z.string(),
  scope: z.string(),
  part: z.number().int().min(0),
  parts: z.number().int().min(1),
  entries: z.array(
    z.tuple([
      z.string(),
      z.string().nullable(),
      z.string().nullable(),
      // Reviews saved before conflicts and watch were told apart hold only ok, at-risk, resolved and hidden.
      z.enum(RISKS),
      // The agreement, absent from reviews saved before agreements existed.
      z
        .tuple([z.enum(AGREEMENT_STATUSES), z.string().nullable(), z.string().nullable()])
        .nullable()
        .optional(),
    ]),
  ),
  /** The projects the author could browse (in part 0); absent from reviews saved before it was kept. */
  browsable: z.array(z.string()).optional(),
});

/** A short, stable name for a scope (JQL + team dimension), usable in a store key. */
function scopeId(scope: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < scope.length; i++) hash = Math.imul(hash ^ scope.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(36);
}

const keyOf = (snapshot: { scope: string; takenAt: string }, part: number): string =>
  `${PREFIX}${scopeId(snapshot.scope)}:${snapshot.takenAt}:${String(part).padStart(4, '0')}`;

/** A saved review: the snapshot, and the projects its author could browse. */
interface SavedReview {
  readonly snapshot: Snapshot;
  readonly browsable: ReadonlySet<string> | undefined;
}

/** Saves a review of the scope as its author saw it, with the keys of the projects they could browse. */
export async function saveSnapshot(
  store: KeyValueStore,
  snapshot: Snapshot,
  browsable: readonly string[],
): Promise<void> {
  const parts = Math.max(1, Math.ceil(snapshot.entries.length / ENTRIES_PER_PART));
  for (let part = 0; part < parts; part++) {
    const entries = snapshot.entries.slice(part * ENTRIES_PER_PART, (part + 1) * ENTRIES_PER_PART);
    await store.set(keyOf(snapshot, part), {
      takenAt: snapshot.takenAt,
      scope: snapshot.scope,
      part,
      parts,
      entries,
      ...(part === 0 ? { browsable } : {}),
    });
  }
}

/** Every complete review saved for this scope, oldest first. */
async function listSnapshots(store: KeyValueStore, scope: string): Promise<SavedReview[]> {
  const stored = await store.list<unknown>(`${PREFIX}${scopeId(scope)}:`);
  const byTime = new Map<string, z.output<typeof partSchema>[]>();
  for (const { value } of stored) {
    const parsed = partSchema.safeParse(value);
    if (!parsed.success || parsed.data.scope !== scope) continue;
    const parts = byTime.get(parsed.data.takenAt) ?? [];
    parts.push(parsed.data);
    byTime.set(parsed.data.takenAt, parts);
  }
  const reviews: SavedReview[] = [];
  for (const [takenAt, parts] of [...byTime].sort(([a], [b]) => a.localeCompare(b))) {
    // A snapshot cut short (a write that failed half-way) is left out rather than compared wrongly.
    if (parts.length !== parts[0]?.parts) continue;
    parts.sort((a, b) => a.part - b.part);
    const entries = parts.flatMap((part) => part.entries as SnapshotEntry[]);
    // A review saved before the author's projects were kept is taken as seeing everything, as it always was.
    const browsable = parts[0].browsable;
    reviews.push({ snapshot: { takenAt, scope, entries }, browsable: browsable && new Set(browsable) });
  }
  return reviews;
}

/**
 * The keys of the issues with these ids that the viewer may see now (id → key); ids Jira does not return to
 * them (not visible, or deleted) are absent.
 */
export type VisibleKeys = (issueIds: readonly string[]) => Promise<ReadonlyMap<string, string>>;

/**
 * What changed, as the viewer sees it, between the scope's last saved review and `current` (the viewer's own
 * snapshot); `null` when none was saved. Issues of the review that `current` does not name are looked up as
 * the viewer through `visibleKeys`.
 */
export async function compareWithLast(
  store: KeyValueStore,
  current: Snapshot,
  visibleKeys: VisibleKeys,
): Promise<SnapshotDiff | null> {
  const previous = (await listSnapshots(store, current.scope))
    .filter((review) => review.snapshot.takenAt <= current.takenAt)
    .at(-1);
  if (!previous) return null;
  // The viewer's own snapshot already tells which issues they see (a key) and which they do not (none).
  const known = new Map<string, string>();
  const invisible = new Set<string>();
  for (const [id, blocker, blocked] of current.entries) {
    const [blockerId, blockedId] = dependencyIssueIds(id);
    if (blocker !== null) known.set(blockerId, blocker);
    else invisible.add(blockerId);
    if (blocked !== null) known.set(blockedId, blocked);
    else invisible.add(blockedId);
  }
  const unknown = new Set<string>();
  for (const [id] of previous.snapshot.entries)
    for (const issueId of dependencyIssueIds(id))
      if (!known.has(issueId) && !invisible.has(issueId)) unknown.add(issueId);
  if (unknown.size > 0) for (const [id, key] of await visibleKeys([...unknown])) known.set(id, key);
  const seen = snapshotAsSeenBy(previous.snapshot, known, new Set(current.entries.map(([id]) => id)));
  return compareSnapshots(seen, current, previous.browsable);
}
