import { z } from 'zod';
import { AtlassianError, ProductUnavailableError } from '../atlassian/errors';
import { JqlSyntaxError } from '../atlassian/jql';
import { isForPlatform } from '../atlassian/transport';
import { AppError, type AppErrorBody } from '../contract/result';
import { isBusy } from './ports';

/** What a user is told of a failure we did not foresee; the error itself goes to the log. */
const INTERNAL_MESSAGE = 'Something went wrong on our side. The error was logged; please try again.';

/**
 * Anything a service threw, on the closed set of error codes: resolvers answer it, a queued scan stores it for
 * the page that polls it. An unforeseen error says only INTERNAL_MESSAGE: its text is for the log, not a user.
 */
export function errorBodyOf(error: unknown): AppErrorBody {
  if (error instanceof AppError) return error.toBody();
  // Resolvers let a consent request go to Forge (toFailure); one met in a queued job, which runs as the person
  // who started it, cannot show them a prompt: the job fails saying why.
  if (isForPlatform(error))
    return {
      code: 'UNAUTHENTICATED',
      message:
        'The person who started this has not allowed Vertebra to read Jira and Confluence for them. ' +
        'Open any Vertebra screen, allow access, and start it again.',
    };
  if (isBusy(error))
    return {
      code: 'RATE_LIMITED',
      message:
        'Vertebra has used all the storage or queue requests Forge allows this site in a minute. ' +
        'Nothing was lost; please try again in a minute.',
    };
  if (error instanceof ProductUnavailableError) {
    const name = error.product === 'jira' ? 'Jira' : 'Confluence';
    return {
      code: 'PRODUCT_UNAVAILABLE',
      message:
        `This needs ${name}, which is not installed on this site or not connected to Vertebra. ` +
        `A site administrator can connect ${name} to Vertebra; everything else keeps working.`,
      details: { product: error.product, reason: error.reason },
    };
  }
  if (error instanceof AtlassianError) {
    const details = { status: error.status, messages: error.messages };
    const body = (code: AppErrorBody['code']): AppErrorBody => ({ code, message: error.message, details });
    if (error.status === 400 && error.path.includes('/search')) return body('JQL_REJECTED');
    if (error.status === 401) return body('UNAUTHENTICATED');
    if (error.status === 403) return body('FORBIDDEN');
    if (error.status === 404) return body('NOT_FOUND');
    if (error.status === 409) return body('CONFLICT');
    if (error.status === 429) return body('RATE_LIMITED');
    if (error.status === 400) return body('INVALID_INPUT');
    return body('UPSTREAM_ERROR');
  }
  if (error instanceof JqlSyntaxError)
    return { code: 'INVALID_INPUT', message: error.message, details: { problems: error.problems } };
  if (error instanceof z.ZodError)
    return { code: 'INVALID_INPUT', message: z.prettifyError(error), details: error.issues };
  return { code: 'INTERNAL', message: INTERNAL_MESSAGE };
}
