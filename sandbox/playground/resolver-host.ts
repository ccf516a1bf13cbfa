import { z } from 'zod';
import { bindResolvers } from '../../src/platform/forge/bind';
import {
  ForgeLimitError,
  jsonBytes,
  limitsOf,
  withinSeconds,
  type ForgeLimits,
} from '../../src/platform/local/limits';
import type { TwinObserver } from '../../src/platform/local/meter';
import type { Platform } from '../../src/services/ports';

/** The body the bridge shim posts for `invoke(functionKey, payload)`: the framed context travels with it. */
const invokeRequest = z.object({
  functionKey: z.string().min(1),
  payload: z.unknown().optional(),
  context: z.record(z.string(), z.unknown()),
});

export type InvokeAnswer =
  | { readonly status: 200; readonly body: unknown }
  | {
      readonly status: 400 | 500;
      readonly body: { readonly message: string; readonly limit?: keyof ForgeLimits };
    };

/** The answer for an invoke Forge refuses at one of its limits: the limit named, as Forge's error names it. */
function refused(status: 400 | 500, limit: keyof ForgeLimits, message: string): InvokeAnswer {
  return { status, body: { message, limit } };
}

/**
 * Runs resolver calls the way Forge does: `makeResolver` over the app's resolvers, called with the call and the
 * frame's context, and the principal as the backend runtime payload (Forge takes `accountId` from there, not
 * from the front end). The same binding as src/platform/forge/handlers.ts, on a local platform.
 */
export function createResolverHost(
  platform: Platform,
  options: { limits?: Partial<ForgeLimits> | undefined; observer?: TwinObserver | undefined } = {},
): (body: unknown) => Promise<InvokeAnswer> {
  const limits = limitsOf(options);
  const definitions = bindResolvers(platform);

  return async (body) => {
    const parsed = invokeRequest.safeParse(body);
    if (!parsed.success) return { status: 400, body: { message: z.prettifyError(parsed.error) } };
    const { functionKey, payload, context } = parsed.data;
    const accountId = typeof context.accountId === 'string' ? context.accountId : undefined;
    // Refused as Forge refuses them, so a screen that only works locally is caught here, not after deploy.
    const payloadBytes = jsonBytes(payload);
    if (payloadBytes > limits.invokePayloadBytes)
      return refused(
        400,
        'invokePayloadBytes',
        `The invoke payload of ${functionKey} is ${String(payloadBytes)} bytes, over Forge's 500 KB limit (${String(limits.invokePayloadBytes)} bytes).`,
      );
    const started = performance.now();
    try {
      const answer = await withinSeconds(
        definitions(
          { call: { functionKey, payload: payload ?? {} }, context },
          { principal: accountId ? { accountId } : undefined },
        ),
        limits.resolverSeconds,
        'resolverSeconds',
        `The resolver ${functionKey}`,
      );
      const answerBytes = jsonBytes(answer);
      if (answerBytes > limits.invokeResponseBytes)
        return refused(
          500,
          'invokeResponseBytes',
          `The response of ${functionKey} is ${String(answerBytes)} bytes, over Forge's 5 MB limit (${String(limits.invokeResponseBytes)} bytes).`,
        );
      return { status: 200, body: answer ?? null };
    } catch (error) {
      if (error instanceof ForgeLimitError) options.observer?.refused(error);
      if (error instanceof ForgeLimitError && error.limit === 'resolverSeconds')
        return refused(500, 'resolverSeconds', error.message);
      // Forge rejects the front end's invoke() when the resolver itself throws (e.g. an unknown key).
      return { status: 500, body: { message: error instanceof Error ? error.message : String(error) } };
    } finally {
      options.observer?.invocation('resolver', functionKey, performance.now() - started);
    }
  };
}
