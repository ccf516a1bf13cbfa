import { makeResolver, type Handlers } from '@forge/resolver';
import { z } from 'zod';
import type { Defs } from '../../src/contract';
import { toInvocationContext } from '../../src/platform/forge/context';
import { createResolvers } from '../../src/resolvers';
import { ownKeysOnly } from '../../src/resolvers/own-keys';
import type { Platform } from '../../src/services/ports';

/** The body the bridge shim posts for `invoke(functionKey, payload)`: the framed context travels with it. */
const invokeRequest = z.object({
  functionKey: z.string().min(1),
  payload: z.unknown().optional(),
  context: z.record(z.string(), z.unknown()),
});

/** Forge's limits on `invoke`: 500 KB of payload in, 5 MB of response out (DESIGN.md, Forge facts). */
const INVOKE_LIMITS = { payloadBytes: 500 * 1024, responseBytes: 5 * 1024 * 1024 } as const;

const byteLength = (value: unknown): number => Buffer.byteLength(JSON.stringify(value ?? null), 'utf8');

export type InvokeAnswer =
  | { readonly status: 200; readonly body: unknown }
  | { readonly status: 400 | 500; readonly body: { readonly message: string } };

/**
 * Runs resolver calls the way Forge does: `makeResolver` over the app's resolvers, called with the call and the
 * frame's context, and the principal as the backend runtime payload (Forge takes `accountId` from there, not
 * from the front end). The same binding as src/platform/forge/handlers.ts, on a local platform.
 */
export function createResolverHost(platform: Platform): (body: unknown) => Promise<InvokeAnswer> {
  const resolvers = createResolvers(platform);
  const definitions = ownKeysOnly(
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

  return async (body) => {
    const parsed = invokeRequest.safeParse(body);
    if (!parsed.success) return { status: 400, body: { message: z.prettifyError(parsed.error) } };
    const { functionKey, payload, context } = parsed.data;
    const accountId = typeof context.accountId === 'string' ? context.accountId : undefined;
    // Refused as Forge refuses them, so a screen that only works locally is caught here, not after deploy.
    if (byteLength(payload) > INVOKE_LIMITS.payloadBytes) {
      return {
        status: 400,
        body: { message: `The invoke payload of ${functionKey} is over Forge's 500 KB limit.` },
      };
    }
    try {
      const answer = await definitions(
        { call: { functionKey, payload: payload ?? {} }, context },
        { principal: accountId ? { accountId } : undefined },
      );
      if (byteLength(answer) > INVOKE_LIMITS.responseBytes) {
        return {
          status: 500,
          body: { message: `The response of ${functionKey} is over Forge's 5 MB limit.` },
        };
      }
      return { status: 200, body: answer ?? null };
    } catch (error) {
      // Forge rejects the front end's invoke() when the resolver itself throws (e.g. an unknown key).
      return { status: 500, body: { message: error instanceof Error ? error.message : String(error) } };
    }
  };
}
