import type { InvocationContext } from '../../../src/contract/context';
import type { DependencyOutcome, DependencyWork } from '../../../src/contract/dependencies';
import type { Result } from '../../../src/contract/result';
import type { LocalPlatform } from '../../../src/platform/local/index';
import { dependenciesResolvers } from '../../../src/resolvers/dependencies';
import { queueConsumer } from '../../../src/services/consumer';
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

type Resolvers = ReturnType<typeof dependenciesResolvers>;

/**
 * The demo sandbox and the dependencies resolvers over it (see `useDemoSite`), with the app's queue consumer
 * registered as in the playground; `small` are the same resolvers with every scope of more than 20 issues run
 * as a job, and `platform` drains the queue.
 */
export function useDemoResolvers(): {
  readonly resolvers: Resolvers;
  readonly small: Resolvers;
  readonly platform: LocalPlatform;
  readonly sandbox: RunningSandbox;
} {
  const site = useDemoSite((platform) => {
    platform.queue.setConsumer((delivery) => queueConsumer(platform, delivery));
    return {
      platform,
      resolvers: dependenciesResolvers(platform),
      small: dependenciesResolvers(platform, { inlineLimit: 20 }),
    };
  });
  return {
    get resolvers() {
      return site.resolvers.resolvers;
    },
    get small() {
      return site.resolvers.small;
    },
    get platform() {
      return site.resolvers.platform;
    },
    get sandbox() {
      return site.sandbox;
    },
  };
}

/** The data of a resolver's answer; throws with its message when it failed. */
export function dataOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

/** The outcome of work the resolver answered at once; throws when it failed or runs as a job. */
export function outcomeOf<O extends DependencyOutcome>(result: Result<DependencyWork<O>>): O {
  const work = dataOf(result);
  if (work.status !== 'done') throw new Error(`the work is ${work.status}, not done at once`);
  return work.outcome;
}
