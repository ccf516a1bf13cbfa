import type { InvocationContext } from '../../../src/contract/context';
import { dependenciesResolvers } from '../../../src/resolvers/dependencies';
import type { RunningSandbox } from '../../../sandbox/server';
import { useDemoSite } from '../helpers/demo-site';

export const ADMIN = '712020:a0000000-0000-4000-8000-000000000001';
export const PRIYA = '712020:a0000000-0000-4000-8000-000000000002';
/** Alex Reed, the contractor: may not browse PAY or DAT. */
export const CONTRACTOR = '712020:a0000000-0000-4000-8000-00000000000c';

/** A user's invocation context in English on a module of `extension`. */
export const as = (
  accountId: string | undefined,
  extension: InvocationContext['extension'] = {},
): InvocationContext => ({ accountId, locale: 'en-US', extension });

/** The demo sandbox and the dependencies resolvers over it (see `useDemoSite`). */
export function useDemoResolvers(): {
  readonly resolvers: ReturnType<typeof dependenciesResolvers>;
  readonly sandbox: RunningSandbox;
} {
  return useDemoSite(dependenciesResolvers);
}
