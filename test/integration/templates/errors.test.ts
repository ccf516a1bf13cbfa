/**
 * Refusals of the templates services reach the screens in the user's language: each carries a reason and its
 * params in `details`, the CLI keeps the English message, and the UI says the same thing in English or French.
 */
import { describe, expect, it } from 'vitest';
import type { InvocationContext } from '../../../src/contract/context';
import { templatesResolvers } from '../../../src/resolvers/templates';
import {
  fillPlaceholders,
  TEMPLATES_ERRORS,
  VARIABLE_PROBLEMS,
  type TemplatesErrorReason,
  type VariableProblemReason,
} from '../../../src/shared/templates-errors';
import { useDemoSite } from '../helpers/demo-site';
import { messageTables } from '../../../static/src/catalogue';
import { translate, type MessageKey } from '../../../static/src/shell/translate';
import {
  templatesErrorKeys,
  templatesFailureText,
  templatesVariableKeys,
} from '../../../static/src/templates/failures';
import { ResolverFailure } from '../../../static/src/shell/failure';

const PRIYA = '712020:a0000000-0000-4000-8000-000000000002';

const inSpace = (key: string): InvocationContext => ({
  accountId: PRIYA,
  locale: 'en-US',
  extension: { space: { key } },
});
const variables = { orgName: 'Acme', opsLead: PRIYA, teams: 'Payments', quarterStart: '2027-01-04' };
const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)(?:, [^{}]*)?\}/g)].map((match) => match[1] ?? '').sort();

const site = useDemoSite(templatesResolvers);

describe('the text of each reason', () => {
  const reasons = [
    ...Object.keys(TEMPLATES_ERRORS).map(
      (reason) =>
        [
          reason,
          TEMPLATES_ERRORS[reason as TemplatesErrorReason],
          templatesErrorKeys[reason as TemplatesErrorReason],
        ] as const,
    ),
    ...Object.keys(VARIABLE_PROBLEMS).map(
      (reason) =>
        [
          reason,
          VARIABLE_PROBLEMS[reason as VariableProblemReason],
          templatesVariableKeys[reason as VariableProblemReason],
        ] as const,
    ),
  ];
  it.each(reasons)(
    'says %s on screen in English as the CLI does, and in French with the same values',
    (_reason, english, key: MessageKey) => {
      expect(messageTables.en[key]).toBe(english);
      expect(messageTables.fr[key]).not.toBe(english);
      expect(placeholders(messageTables.fr[key])).toEqual(placeholders(english));
    },
  );

  it('fills the values in, and leaves a missing one visible', () => {
    expect(fillPlaceholders(TEMPLATES_ERRORS.parentNotInSpace, { page: '42' })).toBe(
      'Page 42 is not a current page of space {space}; pick a parent page in this space.',
    );
  });
});

/** The resolver's failure as the UI receives it, and the sentence it shows in French. */
async function refusal(
  key: 'templates.plan' | 'templates.install' | 'templates.export',
  payload: Record<string, unknown>,
  space = 'OPS',
): Promise<{ code: string; message: string; details?: unknown; french: string }> {
  const result = await site.resolvers[key]({ payload, context: inSpace(space) });
  if (result.ok) throw new Error('expected a refusal');
  const failure = new ResolverFailure(result.error.code, result.error.message, key, result.error.details);
  const labels: Record<string, string> = { quarterStart: 'Premier jour du trimestre', teams: 'Équipes' };
  const french = templatesFailureText(
    (messageKey, params) => translate('fr', messageKey, params),
    failure,
    (name) => labels[name] ?? name,
  );
  return { ...result.error, french };
}

describe('refusals of the services, in French on screen', () => {
  it.each([
    [
      'a space the user does not administer',
      'templates.plan',
      { bundleId: 'product-ops', variables },
      'ENG',
      'FORBIDDEN',
      'Only administrators of space ENG can install, upgrade or uninstall bundles. Ask one of them, or ask for space admin rights.',
      "Seuls les administrateurs de l'espace ENG peuvent installer, mettre à jour ou désinstaller des bundles. Demandez à l'un d'eux, ou demandez les droits d'administration de l'espace.",
    ],
    [
      'a space that does not exist',
      'templates.install',
      { spaceKey: 'NOPE', bundleId: 'product-ops', variables },
      'OPS',
      'NOT_FOUND',
      'Space NOPE does not exist, or you do not have permission to see it.',
      "L'espace NOPE n'existe pas, ou vous n'avez pas l'autorisation de le voir.",
    ],
    [
      'a parent page in another space',
      'templates.plan',
      { bundleId: 'product-ops', variables, parentId: 'ENG-HOME' },
      'OPS',
      'INVALID_INPUT',
      'Page ENG-HOME is not a current page of space OPS; pick a parent page in this space.',
      "La page ENG-HOME n'est pas une page active de l'espace OPS ; choisissez une page parente dans cet espace.",
    ],
    [
      'a bundle that does not exist',
      'templates.plan',
      { bundleId: 'nothing-here', variables: {} },
      'OPS',
      'NOT_FOUND',
      'There is no bundle "nothing-here".',
      "Il n'existe pas de bundle « nothing-here ».",
    ],
    [
      'values of the wrong type',
      'templates.plan',
      { bundleId: 'product-ops', variables: { ...variables, quarterStart: '04/01/2027', teams: ',' } },
      'OPS',
      'INVALID_INPUT',
      'Some values are not right: teams must name at least one team, separated by commas; quarterStart must be a date written YYYY-MM-DD.',
      'Certaines valeurs ne conviennent pas : Équipes doit nommer au moins une équipe, séparées par des virgules; Premier jour du trimestre doit être une date écrite AAAA-MM-JJ.',
    ],
  ] as const)('refuses %s', async (_name, key, payload, space, code, english, french) => {
    const engHome = site.sandbox.confluence.state.spaceByKey('ENG')?.homepageId ?? '';
    const withParent = 'parentId' in payload ? { ...payload, parentId: engHome } : payload;
    const result = await refusal(key, withParent, space);
    expect(result.code).toBe(code);
    expect(result.message).toBe(english.replace('ENG-HOME', engHome));
    expect(result.french).toBe(french.replace('ENG-HOME', engHome));
  });

  it('shows an Atlassian failure with no known reason as it came', () => {
    const failure = new ResolverFailure('UPSTREAM_ERROR', 'Confluence answered 502', 'templates.plan');
    expect(templatesFailureText((key, params) => translate('fr', key, params), failure)).toBe(
      'Confluence answered 502',
    );
  });
});
