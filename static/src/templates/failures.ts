import {
  TEMPLATES_ERRORS,
  VARIABLE_PROBLEMS,
  type TemplatesErrorReason,
  type VariableProblemReason,
} from '@contract/templates';
import { asFailure, isRecord, ResolverFailure } from '../shell/failure';
import { paramsOf } from '../shell/failure-flag';
import type { MessageKey, Translate } from '../shell/translate';

/** The UI text of each reason the templates services give (a missing one does not compile). */
const errorKeys: Record<TemplatesErrorReason, MessageKey> = {
  notSignedIn: 'templates.error.notSignedIn',
  noSpace: 'templates.error.noSpace',
  spaceNotFound: 'templates.error.spaceNotFound',
  notSpaceAdmin: 'templates.error.notSpaceAdmin',
  notConfluenceAdmin: 'templates.error.notConfluenceAdmin',
  noHomePage: 'templates.error.noHomePage',
  parentNotInSpace: 'templates.error.parentNotInSpace',
  rootNotInSpace: 'templates.error.rootNotInSpace',
  badVariables: 'templates.error.badVariables',
  bundleNotFound: 'templates.error.bundleNotFound',
  installRunning: 'templates.error.installRunning',
  bundleIdTaken: 'templates.error.bundleIdTaken',
  badBundleFile: 'templates.error.badBundleFile',
  bundleTooLarge: 'templates.error.bundleTooLarge',
  unresolvedConflicts: 'templates.error.unresolvedConflicts',
  unknownConflictBlock: 'templates.error.unknownConflictBlock',
};

const variableKeys: Record<VariableProblemReason, MessageKey> = {
  unknownVariable: 'templates.variable.unknownVariable',
  required: 'templates.variable.required',
  tooLong: 'templates.variable.tooLong',
  notAccountId: 'templates.variable.notAccountId',
  notDate: 'templates.variable.notDate',
  noTeams: 'templates.variable.noTeams',
  tooManyTeams: 'templates.variable.tooManyTeams',
};

export { errorKeys as templatesErrorKeys, variableKeys as templatesVariableKeys };

const isReason = (value: unknown): value is TemplatesErrorReason =>
  typeof value === 'string' && Object.hasOwn(TEMPLATES_ERRORS, value);
const isVariableReason = (value: unknown): value is VariableProblemReason =>
  typeof value === 'string' && Object.hasOwn(VARIABLE_PROBLEMS, value);

/** A refused variable in the user's language, e.g. "startDate doit être une date écrite AAAA-MM-JJ". */
function variableProblemText(
  t: Translate,
  problem: unknown,
  labelOf: (name: string) => string = (name) => name,
): string | undefined {
  if (!isRecord(problem) || typeof problem.variable !== 'string' || !isVariableReason(problem.reason))
    return undefined;
  return t('templates.variable.line', {
    variable: labelOf(problem.variable),
    problem: t(variableKeys[problem.reason], paramsOf(problem.params)),
  });
}

/**
 * The sentence to show for a failed templates call, in the user's language: a known reason from the
 * services is translated from its params; anything else (Atlassian's own wording) is shown as it came.
 */
export function templatesFailureText(
  t: Translate,
  error: unknown,
  labelOf?: (name: string) => string,
): string {
  const failure = asFailure('templates', error);
  const details = failure.details;
  if (!isRecord(details) || !isReason(details.reason)) return failure.message;
  const params = { ...paramsOf(details.params) };
  if (details.reason === 'badVariables' && Array.isArray(details.variables)) {
    const lines = details.variables.flatMap((problem) => variableProblemText(t, problem, labelOf) ?? []);
    if (lines.length > 0) params.problems = lines.join('; ');
  }
  return t(errorKeys[details.reason], params);
}

/** The same failure with its message in the user's language, for the shell's failure flag. */
export function localisedFailure(t: Translate, error: unknown): ResolverFailure {
  const failure = asFailure('templates', error);
  return new ResolverFailure(
    failure.code,
    templatesFailureText(t, failure),
    failure.resolverKey,
    failure.details,
  );
}
