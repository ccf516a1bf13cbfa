import { useEffect } from 'react';

/**
 * How often a page asks for a running job's progress: each ask reads one small stored record, and a few seconds
 * keep a long job well inside Forge's storage budget while the bar still moves.
 */
const POLL_MS = 4000;

/**
 * While `running` is set, asks `poll` for its progress after POLL_MS and hands the answer to `settle` (or the
 * error to `fail`); the caller keeps the answer in state, so a new `running` answer waits POLL_MS again. Pass
 * stable callbacks (`useCallback`): a new one restarts the wait.
 */
export function usePolledJob<R, A>(
  running: R | undefined,
  poll: (running: R) => Promise<A>,
  settle: (answer: A) => void,
  fail: (error: unknown) => void,
): void {
  useEffect(() => {
    if (running === undefined) return;
    const timer = setTimeout(() => {
      poll(running).then(settle, fail);
    }, POLL_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [running, poll, settle, fail]);
}
