import { makeResolver, type Handlers } from '@forge/resolver';
import type { Defs } from '../../contract';
import { createResolvers } from '../../resolvers';
import { ownKeysOnly } from '../../resolvers/own-keys';
import { toInvocationContext } from './context';
import { forgePlatform } from './index';

const resolvers = createResolvers(forgePlatform);

/**
 * The Custom UI resolver of every module (manifest.yml's `resolver` function). Each key of the contract is
 * bound to the app's resolver with Forge's context mapped to `InvocationContext`.
 */
export const resolver = ownKeysOnly(
  resolvers,
  makeResolver<Defs>(
    Object.fromEntries(
      Object.entries(resolvers).map(([key, run]) => [
        key,
        (request: { payload: unknown; context: unknown }) =>
          run({ payload: request.payload, context: toInvocationContext(request.context) }),
      ]),
    ) as unknown as Handlers<Defs>,
  ),
);
