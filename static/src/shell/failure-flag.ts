import type { CreateFlagArgs } from '@atlaskit/flag';
import { asFailure, isRecord, type FailureCode, type ResolverFailure } from './failure';
import { isMessageKey, type MessageKey, type MessageParams, type Translate } from './translate';

const titleKeys: Record<FailureCode, MessageKey> = {
  INVALID_INPUT: 'shell.error.INVALID_INPUT',
  UNAUTHENTICATED: 'shell.error.UNAUTHENTICATED',
  FORBIDDEN: 'shell.error.FORBIDDEN',
  NOT_FOUND: 'shell.error.NOT_FOUND',
  JQL_REJECTED: 'shell.error.JQL_REJECTED',
  RATE_LIMITED: 'shell.error.RATE_LIMITED',
  UPSTREAM_ERROR: 'shell.error.UPSTREAM_ERROR',
  CONFLICT: 'shell.error.CONFLICT',
  PRODUCT_UNAVAILABLE: 'shell.error.PRODUCT_UNAVAILABLE',
  INTERNAL: 'shell.error.INTERNAL',
  NETWORK: 'shell.error.NETWORK',
};

/** Warnings for what the user can fix or wait out; errors for the rest. */
const warningCodes: ReadonlySet<FailureCode> = new Set([
  'RATE_LIMITED',
  'CONFLICT',
  'JQL_REJECTED',
  'INVALID_INPUT',
  'PRODUCT_UNAVAILABLE',
]);

/** The translated title of a failure's code ("Jira rejected the search"), for a flag or an inline message. */
export function failureTitle(t: Translate, failure: { readonly code: FailureCode }): string {
  return t(titleKeys[failure.code]);
}

/** The plain values of a refusal's `params`, whatever crossed the bridge. */
export function paramsOf(value: unknown): MessageParams {
  if (!isRecord(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, string | number] =>
        typeof entry[1] === 'string' || typeof entry[1] === 'number',
    ),
  );
}

/**
 * What a failure says, in the reader's language when it carries a reason the catalogues know: the services refuse
 * with `details: { reason, params }` (src/shared/*-errors.ts), shown as `<capability>.error.<reason>` (the
 * capability is the resolver key's namespace) or, for the guards every capability shares, `shell.error.<reason>`.
 * Anything else (Atlassian's own wording, e.g. a JQL error) is shown as it came.
 */
export function failureMessage(t: Translate, failure: ResolverFailure): string {
  const details = failure.details;
  if (!isRecord(details) || typeof details.reason !== 'string') return failure.message;
  const capability = failure.resolverKey.split('.')[0] ?? '';
  for (const key of [`${capability}.error.${details.reason}`, `shell.error.${details.reason}`])
    if (isMessageKey(key)) return t(key, paramsOf(details.params));
  return failure.message;
}

/** The one place an error code becomes a flag: a translated title per code and what the failure says. */
export function failureFlag(t: Translate, error: unknown): CreateFlagArgs {
  const failure = asFailure('unknown', error);
  return {
    id: `${failure.code}:${failure.message}`,
    title: failureTitle(t, failure),
    description: failureMessage(t, failure),
    appearance: warningCodes.has(failure.code) ? 'warning' : 'error',
    isAutoDismiss: failure.code === 'RATE_LIMITED',
  };
}
