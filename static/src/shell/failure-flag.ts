import type { CreateFlagArgs } from '@atlaskit/flag';
import { asFailure, type FailureCode } from './failure';
import type { MessageKey, Translate } from './translate';

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

/**
 * The one place an error code becomes a flag: a translated title per code and the resolver's own message
 * (Atlassian's wording, e.g. a JQL error) as the description.
 */
export function failureFlag(t: Translate, error: unknown): CreateFlagArgs {
  const failure = asFailure('unknown', error);
  return {
    id: `${failure.code}:${failure.message}`,
    title: failureTitle(t, failure),
    description: failure.message,
    appearance: warningCodes.has(failure.code) ? 'warning' : 'error',
    isAutoDismiss: failure.code === 'RATE_LIMITED',
  };
}
