import { makeResolver, type Handlers } from '@forge/resolver';
import type { Defs } from '../../contract';
import { createResolvers } from '../../resolvers';
import { ownKeysOnly } from '../../resolvers/own-keys';
import type { Platform } from '../../services/ports';
import { toInvocationContext } from './context';

/**
 * The app's resolvers on `platform` as `@forge/resolver` serves them: each key of the contract bound with
 * Forge's context mapped to `InvocationContext`, answered for own keys only. Forge's handler and the
 * playground's host both serve this one binding.
 */
export function bindResolvers(platform: Platform): ReturnType<typeof makeResolver<Defs>> {
  const resolvers = createResolvers(platform);
  return ownKeysOnly(
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
}
