import { z } from 'zod';

/** The event Jira sends the apps on an issue view when the issue is updated or commented on. */
export const ISSUE_CHANGED_EVENT = 'JIRA_ISSUE_CHANGED';

/** How long to wait for the burst of events one edit can cause (each field saved sends its own) before reloading. */
const ISSUE_CHANGE_SETTLE_MS = 500;

/**
 * The part of Jira's payload we read (`{ issueId, projectId, changes: [{ changeType, atlassianId }] }`); ids are
 * strings in Jira's docs, numbers are accepted in case a host sends them raw.
 */
const issueChangeSchema = z.object({ issueId: z.union([z.string(), z.number()]).transform(String) });

/** What `events.on` of `@forge/bridge` gives: a promise of a subscription. */
export type Listen = (
  event: string,
  callback: (payload?: unknown) => void,
) => Promise<{ unsubscribe: () => void }>;

interface Timers {
  readonly setTimeout: (run: () => void, ms: number) => unknown;
  readonly clearTimeout: (handle: unknown) => void;
}

const realTimers: Timers = {
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => {
    globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>);
  },
};

/**
 * Calls `onChange` once the issue `issueId` has changed and its events have settled for `settleMs`; events for
 * other issues, or with a payload we cannot read, are ignored. Returns the stop function, which also works
 * before the bridge has answered the subscription (an unmount during the first render).
 */
export function watchIssueChanges(
  listen: Listen,
  issueId: string,
  onChange: () => void,
  settleMs: number = ISSUE_CHANGE_SETTLE_MS,
  timers: Timers = realTimers,
): () => void {
  let stopped = false;
  let pending: unknown;
  let unsubscribe: (() => void) | undefined;

  const changed = (payload: unknown): void => {
    const change = issueChangeSchema.safeParse(payload);
    if (stopped || !change.success || change.data.issueId !== issueId) return;
    if (pending !== undefined) timers.clearTimeout(pending);
    pending = timers.setTimeout(() => {
      pending = undefined;
      if (!stopped) onChange();
    }, settleMs);
  };

  listen(ISSUE_CHANGED_EVENT, changed).then(
    (subscription) => {
      if (stopped) subscription.unsubscribe();
      else
        unsubscribe = () => {
          subscription.unsubscribe();
        };
    },
    // Outside Jira's issue view (or in an older host) there is no such event: the findings just do not refresh.
    () => undefined,
  );

  return () => {
    stopped = true;
    if (pending !== undefined) timers.clearTimeout(pending);
    unsubscribe?.();
  };
}
