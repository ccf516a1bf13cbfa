/**
 * Snapshots of a report kept in the app's key-value store, one per review, so the next review can see what
 * is new, resolved or still open. A value may hold 240 KiB at most: large snapshots are split into parts.
 */
import { z } from 'zod';
import type { KeyValueStore } from '../ports';
import { compareSnapshots, type Snapshot, type SnapshotDiff, type SnapshotEntry } from '../../dependencies';

const PREFIX = 'dependencies:snapshot:';
/** Entries per stored part: about 80 bytes each keeps a part well under the 240 KiB limit. */
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
      z.enum(['ok', 'at-risk', 'resolved', 'hidden']),
    ]),
  ),
});

/** A short, stable name for a scope (JQL + team dimension), usable in a store key. */
function scopeId(scope: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < scope.length; i++) hash = Math.imul(hash ^ scope.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(36);
}

const keyOf = (snapshot: { scope: string; takenAt: string }, part: number): string =>
  `${PREFIX}${scopeId(snapshot.scope)}:${snapshot.takenAt}:${String(part).padStart(4, '0')}`;

export async function saveSnapshot(store: KeyValueStore, snapshot: Snapshot): Promise<void> {
  const parts = Math.max(1, Math.ceil(snapshot.entries.length / ENTRIES_PER_PART));
  for (let part = 0; part < parts; part++) {
    const entries = snapshot.entries.slice(part * ENTRIES_PER_PART, (part + 1) * ENTRIES_PER_PART);
    await store.set(keyOf(snapshot, part), {
      takenAt: snapshot.takenAt,
      scope: snapshot.scope,
      part,
      parts,
      entries,
    });
  }
}

/** Every complete snapshot saved for this scope, oldest first. */
async function listSnapshots(store: KeyValueStore, scope: string): Promise<Snapshot[]> {
  const stored = await store.list<unknown>(`${PREFIX}${scopeId(scope)}:`);
  const byTime = new Map<string, z.output<typeof partSchema>[]>();
  for (const { value } of stored) {
    const parsed = partSchema.safeParse(value);
    if (!parsed.success || parsed.data.scope !== scope) continue;
    const parts = byTime.get(parsed.data.takenAt) ?? [];
    parts.push(parsed.data);
    byTime.set(parsed.data.takenAt, parts);
  }
  const snapshots: Snapshot[] = [];
  for (const [takenAt, parts] of [...byTime].sort(([a], [b]) => a.localeCompare(b))) {
    // A snapshot cut short (a write that failed half-way) is left out rather than compared wrongly.
    if (parts.length !== parts[0]?.parts) continue;
    parts.sort((a, b) => a.part - b.part);
    snapshots.push({ takenAt, scope, entries: parts.flatMap((part) => part.entries as SnapshotEntry[]) });
  }
  return snapshots;
}

/** What changed between the last saved snapshot of the scope and `current`; `null` when none was saved. */
export async function compareWithLast(store: KeyValueStore, current: Snapshot): Promise<SnapshotDiff | null> {
  const previous = (await listSnapshots(store, current.scope))
    .filter((s) => s.takenAt <= current.takenAt)
    .at(-1);
  return previous ? compareSnapshots(previous, current) : null;
}
