import { z } from 'zod';
import type { InvocationContext } from '../contract/context';
import { AppError, fail, ok, type Result } from '../contract/result';
import { AtlassianError } from '../atlassian/errors';

export interface ResolverRequest {
  readonly payload: unknown;
  readonly context: InvocationContext;
}

export type ResolverFn<R> = (request: ResolverRequest) => Promise<Result<R>>;

/**
 * Wraps a resolver body: the payload is parsed with `schema` first (the front end is not trusted), and every
 * failure becomes the typed envelope, never a stack trace in the user's face.
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

/** Maps anything a service threw onto the closed set of error codes. */
export function toFailure(error: unknown): Result<never> {
  if (error instanceof AppError) return { ok: false, error: error.toBody() };
  if (error instanceof AtlassianError) {
    const details = { status: error.status, messages: error.messages };
    if (error.status === 400 && error.path.includes('/search'))
      return fail('JQL_REJECTED', error.message, details);
    if (error.status === 401) return fail('UNAUTHENTICATED', error.message, details);
    if (error.status === 403) return fail('FORBIDDEN', error.message, details);
    if (error.status === 404) return fail('NOT_FOUND', error.message, details);
    if (error.status === 409) return fail('CONFLICT', error.message, details);
    if (error.status === 429) return fail('RATE_LIMITED', error.message, details);
    if (error.status === 400) return fail('INVALID_INPUT', error.message, details);
    return fail('UPSTREAM_ERROR', error.message, details);
  }
  if (error instanceof z.ZodError) return fail('INVALID_INPUT', z.prettifyError(error), error.issues);
  console.error('Unexpected resolver failure', error);
  return fail('INTERNAL', 'Something went wrong on our side. The error was logged; please try again.');
}
