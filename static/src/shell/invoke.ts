import { makeInvoke } from '@forge/bridge';
import { useCallback, useEffect, useState } from 'react';
import type { Defs } from '@contract';
import { asFailure, ResolverFailure, unwrapEnvelope } from './failure';
import { useFailureFlag } from './flags';

export { ResolverFailure } from './failure';

/**
 * The ONE gateway from the UI to the resolvers (no other file calls `invoke`). `Defs` comes from src/contract, so
 * a wrong key or payload is a compile error here and the resolver parses the payload again at run time.
 */
const invoke = makeInvoke<Defs>();

export type ResolverKey = Extract<keyof Defs, string>;
export type PayloadOf<K extends ResolverKey> = Parameters<Defs[K]>[0];
/** What the resolver's `{ ok: true, data }` carries. */
export type DataOf<K extends ResolverKey> =
  ReturnType<Defs[K]> extends { readonly ok: true; readonly data: infer T } | { readonly ok: false }
    ? T
    : never;

/** Calls a resolver and returns its data; throws `ResolverFailure` (with the envelope's `code`) when it fails. */
export async function callResolver<K extends ResolverKey>(key: K, payload: PayloadOf<K>): Promise<DataOf<K>> {
  let answer: unknown;
  try {
    answer = await (invoke as (key: string, payload: unknown) => Promise<unknown>)(key, payload);
  } catch (error) {
    throw asFailure(key, error);
  }
  return unwrapEnvelope(key, answer) as DataOf<K>;
}

export interface ResolverState<T> {
  /** The last answer; kept while a reload runs so the screen does not flash empty. */
  readonly data: T | undefined;
  readonly error: ResolverFailure | undefined;
  readonly loading: boolean;
  /** Calls the resolver again (after an edit, or from a "Try again" button). */
  readonly reload: () => void;
}

export interface UseResolverOptions {
  /** Show failures as a flag (default true); turn off when the surface renders the error itself. */
  readonly flag?: boolean;
}

interface Settled<T> {
  readonly request: string;
  readonly data: T | undefined;
  readonly error: ResolverFailure | undefined;
}

/**
 * Loads a resolver's data for a surface. It calls again when the payload's content or `deps` change (compared
 * by value, so an inline `{ issueKey }` object does not loop), and ignores answers that arrive after a newer call.
 */
export function useResolver<K extends ResolverKey>(
  key: K,
  payload: PayloadOf<K>,
  deps: readonly unknown[] = [],
  options: UseResolverOptions = {},
): ResolverState<DataOf<K>> {
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<Settled<DataOf<K>> | undefined>(undefined);
  const showFailure = useFailureFlag();
  const flag = options.flag ?? true;
  // The payload crosses the bridge as JSON anyway, so its JSON is both the change detector and the value sent.
  const request = JSON.stringify({ key, payload, deps, attempt });

  useEffect(() => {
    let current = true;
    const sent = (JSON.parse(request) as { payload: PayloadOf<K> }).payload;
    callResolver(key, sent).then(
      (data) => {
        if (current) setSettled({ request, data, error: undefined });
      },
      (error: unknown) => {
        if (!current) return;
        const failure = asFailure(key, error);
        setSettled({ request, data: undefined, error: failure });
        if (flag) showFailure(failure);
      },
    );
    return () => {
      current = false;
    };
  }, [key, request, flag, showFailure]);

  const reload = useCallback(() => {
    setAttempt((count) => count + 1);
  }, []);
  const loading = settled?.request !== request;
  return { data: settled?.data, error: loading ? undefined : settled.error, loading, reload };
}
