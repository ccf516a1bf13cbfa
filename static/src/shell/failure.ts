import { ERROR_CODES, type ErrorCode } from '@contract/result';

/** The envelope's codes, plus NETWORK when the bridge itself failed (no answer from the resolver at all). */
export type FailureCode = ErrorCode | 'NETWORK';

/** A resolver answered `{ ok: false }` (or could not be reached). Surfaces branch on `code`, flags show it. */
export class ResolverFailure extends Error {
  override readonly name = 'ResolverFailure';
  constructor(
    readonly code: FailureCode,
    message: string,
    readonly resolverKey: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

const knownCodes: ReadonlySet<string> = new Set(ERROR_CODES);

/** Whether a value that crossed the bridge is an object whose fields can be read. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Unwraps a resolver answer: the data of `{ ok: true, data }`, or a thrown `ResolverFailure` for `{ ok: false }`.
 * The answer crossed the bridge as JSON, so its shape is checked rather than trusted.
 */
export function unwrapEnvelope(resolverKey: string, answer: unknown): unknown {
  if (isRecord(answer) && answer.ok === true && 'data' in answer) return answer.data;
  if (isRecord(answer) && answer.ok === false && isRecord(answer.error)) {
    const { code, message, details } = answer.error;
    const known = typeof code === 'string' && knownCodes.has(code);
    throw new ResolverFailure(
      known ? (code as ErrorCode) : 'INTERNAL',
      typeof message === 'string' ? message : 'The resolver failed without a message.',
      resolverKey,
      details,
    );
  }
  throw new ResolverFailure('INTERNAL', `Resolver ${resolverKey} answered an unexpected shape.`, resolverKey);
}

/** Anything thrown while calling a resolver, as a ResolverFailure (a bridge error becomes NETWORK). */
export function asFailure(resolverKey: string, error: unknown): ResolverFailure {
  if (error instanceof ResolverFailure) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ResolverFailure('NETWORK', message, resolverKey);
}
