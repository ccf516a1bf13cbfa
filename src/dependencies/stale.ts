/**
 * Whether a blocker's work in progress has gone stale, with the very rule hygiene applies
 * (`src/hygiene/rules/stale-in-progress.ts`): in progress, and more whole days since its last update than the
 * threshold (14 by default). A blocker nobody touches is a risk for the team waiting on it.
 */
import { daysBetween } from '../hygiene/dates';

export const DEFAULT_STALE_DAYS = 14;

/** True when the issue is in progress and was last updated more than `staleDays` whole days before `now`. */
export function isStaleInProgress(
  issue: { readonly statusCategory: string; readonly updated: string | null },
  now: Date,
  staleDays: number = DEFAULT_STALE_DAYS,
): boolean {
  if (issue.statusCategory !== 'indeterminate' || issue.updated === null) return false;
  const updated = Date.parse(issue.updated);
  return Number.isFinite(updated) && daysBetween(updated, now.getTime()) > staleDays;
}
