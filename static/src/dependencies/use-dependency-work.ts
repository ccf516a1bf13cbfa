import { useCallback, useEffect, useRef, useState } from 'react';
import type { DependencyWork, Outcome, WorkAction, WorkScope } from '@contract/dependencies';
import { asFailure, ResolverFailure } from '../shell/failure';
import { callResolver } from '../shell/invoke';
import { usePolledJob } from '../shell/use-polled-job';

type Work<A extends WorkAction> = DependencyWork<Outcome<A>>;
type Running<A extends WorkAction> = Extract<Work<A>, { status: 'running' }>;

export interface DependencyWorkState<A extends WorkAction> {
  /** The last finished outcome: it stays on screen while new work runs, or after it failed. */
  readonly outcome: Outcome<A> | undefined;
  readonly running: Running<A> | undefined;
  /** Why the last work failed (refused at once, or a job that ended failed). */
  readonly failure: ResolverFailure | undefined;
  /** Waiting for a resolver's first answer. */
  readonly busy: boolean;
  /** What the work shown (or running) was asked for: a job found again names its own scope. */
  readonly request: WorkScope | undefined;
  /** Starts work: `start` calls the action's resolver. */
  readonly run: (start: () => Promise<Work<A>>) => void;
}

/**
 * Dependency work a page starts and follows: answered at once for a small scope, or a job polled every few
 * seconds (`usePolledJob`) for a larger one. On opening, the user's latest job of `action` on this page (the
 * global page, or `projectKey`'s) is shown again, so leaving the page loses nothing; `initial` starts work when
 * there is none to show. `done` hears each outcome that finishes while the page is open (not one found on opening).
 */
export function useDependencyWork<A extends WorkAction>(
  action: A,
  projectKey: string | undefined,
  options: { initial?: () => Promise<Work<A>>; done?: (outcome: Outcome<A>) => void } = {},
): DependencyWorkState<A> {
  const [current, setCurrent] = useState<Work<A> | undefined>(undefined);
  const [outcome, setOutcome] = useState<Outcome<A> | undefined>(undefined);
  const [failure, setFailure] = useState<ResolverFailure | undefined>(undefined);
  // Kept when later work fails, so that what the user typed for it is not replaced.
  const [request, setRequest] = useState<WorkScope | undefined>(undefined);
  // The latest job is asked for on opening.
  const [busy, setBusy] = useState(true);
  const heard = useRef(options);
  useEffect(() => {
    heard.current = options;
  });
  const key = `dependencies.${action}`;

  const settle = useCallback(
    (work: Work<A>, announce: boolean) => {
      setCurrent(work);
      setRequest(work.request);
      if (work.status === 'done') {
        setOutcome(work.outcome);
        setFailure(undefined);
        if (announce) heard.current.done?.(work.outcome);
      } else if (work.status === 'failed') {
        setFailure(new ResolverFailure(work.code, work.message, key));
      } else setFailure(undefined);
    },
    [key],
  );
  const fail = useCallback(
    (error: unknown) => {
      setCurrent(undefined);
      setFailure(asFailure(key, error));
    },
    [key],
  );

  const settleAnnounced = useCallback(
    (work: Work<A>) => {
      settle(work, true);
    },
    [settle],
  );
  const run = useCallback(
    (start: () => Promise<Work<A>>) => {
      setBusy(true);
      setFailure(undefined);
      start()
        .then(settleAnnounced, fail)
        .finally(() => {
          setBusy(false);
        });
    },
    [settleAnnounced, fail],
  );

  useEffect(() => {
    let cancelled = false;
    const page = projectKey === undefined ? { action } : { action, projectKey };
    callResolver('dependencies.latest', page).then(
      (latest) => {
        if (cancelled) return;
        setBusy(false);
        // A job of the latest request found again; a failed one is not shown again on opening.
        if (latest !== null && latest.status !== 'failed') settle(latest as Work<A>, false);
        else if (heard.current.initial !== undefined) run(heard.current.initial);
      },
      (error: unknown) => {
        if (cancelled) return;
        setBusy(false);
        fail(error);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [action, projectKey, settle, fail, run]);

  const running = current?.status === 'running' ? current : undefined;
  const poll = useCallback(
    // The job was started by this hook for `action`: its outcome is of that action.
    async (job: Running<A>) => (await callResolver('dependencies.job', { jobId: job.jobId })) as Work<A>,
    [],
  );
  usePolledJob(running, poll, settleAnnounced, fail);

  return { outcome, running, failure, busy, request, run };
}
