/**
 * Whether work in progress has gone stale: in progress and untouched for longer than the threshold. The
 * hygiene capability has its own rule for the same idea; this is the plain-data version the dependency risk
 * needs (a blocker nobody touches is a risk to the team waiting on it).
 */
export const DEFAULT_STALE_DAYS = 14;

const DAY_MS = 86_400_000;

/** True when the issue is in progress and its last update is more than `staleDays` days before `now`. */
export function isStaleInProgress(
  issue: { readonly statusCategory: string; readonly updated: string | null },
  now: Date,
  staleDays: number = DEFAULT_STALE_DAYS,
): boolean {
  if (issue.statusCategory !== 'indeterminate' || issue.updated === null) return false;
  const updated = Date.parse(issue.updated);
  return Number.isFinite(updated) && now.getTime() - updated > staleDays * DAY_MS;
}
