import { AppError, type ErrorCode } from '../contract/result';
import { APP_ERRORS } from '../shared/app-errors';
import { DEPENDENCIES_ERRORS } from '../shared/dependencies-errors';
import { HYGIENE_ERRORS } from '../shared/hygiene-errors';
import { formatMessage, type MessageValues } from '../shared/format';

/** A refusal of a catalogue: its code, reason and parameters; `extra` joins them in `details`. */
export type Refusal<R extends string> = (
  code: ErrorCode,
  reason: R,
  params?: MessageValues,
  extra?: Readonly<Record<string, unknown>>,
) => AppError;

/**
 * The refusals of one catalogue of reasons (`src/shared/*-errors.ts`): an AppError whose message is the English
 * text (what the CLI prints) and whose `details` carry `{ reason, params }`, for a screen to say it in the
 * reader's language.
 */
export function refusalsOf<R extends string>(catalogue: Readonly<Record<R, string>>): Refusal<R> {
  return (code, reason, params = {}, extra = {}) =>
    new AppError(code, formatMessage('en', catalogue[reason], params), { ...extra, reason, params });
}

/** The guards' refusals, shared by every capability. */
export const appRefusal = refusalsOf(APP_ERRORS);

export const hygieneRefusal = refusalsOf(HYGIENE_ERRORS);

export const dependenciesRefusal = refusalsOf(DEPENDENCIES_ERRORS);
