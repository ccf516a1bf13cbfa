import { AppError, type ErrorCode } from '../../contract/result';
import {
  fillPlaceholders,
  TEMPLATES_ERRORS,
  type MessageParams,
  type TemplatesErrorReason,
} from '../../shared/templates-errors';

/** What `details` of a templates failure holds, for the UI to say it in the user's language. */
interface TemplatesErrorDetails {
  readonly reason: TemplatesErrorReason;
  readonly params: MessageParams;
}

/** A user-facing refusal of the templates services: English message, and reason + params in details. */
export function templatesError(
  code: ErrorCode,
  reason: TemplatesErrorReason,
  params: MessageParams = {},
  extra: Readonly<Record<string, unknown>> = {},
): AppError {
  const details: TemplatesErrorDetails & Record<string, unknown> = { ...extra, reason, params };
  return new AppError(code, fillPlaceholders(TEMPLATES_ERRORS[reason], params), details);
}
