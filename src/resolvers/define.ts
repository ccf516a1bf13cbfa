import { z } from 'zod';
import { isForPlatform } from '../atlassian/transport';
import type { InvocationContext } from '../contract/context';
import { AppError, fail, ok, type Result } from '../contract/result';
import { errorBodyOf } from '../services/errors';

export interface ResolverRequest {
  readonly payload: unknown;
  readonly context: InvocationContext;
}

export type ResolverFn<R> = (request: ResolverRequest) => Promise<Result<R>>;

/**
 * Wraps a resolver body: the payload is parsed with `schema` first (the front end is not trusted), and every
 * failure becomes the typed envelope, never a stack trace in the user's face; only a consent request
 * (`toFailure`) leaves as an error.
 */
export function defineResolver<S extends z.ZodType, R>(
  schema: S,
  run: (payload: z.output<S>, context: InvocationContext) => Promise<R>,
): ResolverFn<R> {
  return async ({ payload, context }) => {
    const parsed = schema.safeParse(payload ?? {});
    if (!parsed.success) {
      return fail('INVALID_INPUT', `Invalid request: ${z.prettifyError(parsed.error)}`, parsed.error.issues);
    }
    try {
      return ok(await run(parsed.data, context));
    } catch (error) {
      return toFailure(error);
    }
  };
}

/**
 * Maps anything a service threw onto the closed set of error codes; unforeseen errors are logged. An error for
 * the platform (Forge's consent request) is rethrown: Forge shows its "Allow access" prompt only for an error
 * that leaves the resolver.
 */
export function toFailure(error: unknown): Result<never> {
  if (isForPlatform(error)) throw error;
  const body = errorBodyOf(error);
  if (body.code === 'INTERNAL' && !(error instanceof AppError))
    console.error('Unexpected resolver failure', error);
  return { ok: false, error: body };
}
