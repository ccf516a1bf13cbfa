/**
 * Refusals of the hygiene and dependencies services and of the guards every capability shares reach the screens in the reader's
 * language: each carries a reason and its params in `details`, the CLI keeps the English message, and the flag
 * says the same thing in English or French.
 */
import { describe, expect, it } from 'vitest';
import type { InvocationContext } from '../../../src/contract/context';
import { DEFAULT_BLOCKING_WORDS } from '../../../src/dependencies';
import { createResolvers } from '../../../src/resolvers';
import { APP_ERRORS } from '../../../src/shared/app-errors';
import { DEPENDENCIES_ERRORS } from '../../../src/shared/dependencies-errors';
import { HYGIENE_ERRORS } from '../../../src/shared/hygiene-errors';
import { messageTables } from '../../../static/src/catalogue';
import { ResolverFailure } from '../../../static/src/shell/failure';
import { failureMessage } from '../../../static/src/shell/failure-flag';
import { isMessageKey, translate } from '../../../static/src/shell/translate';
import { useDemoSite } from '../helpers/demo-site';

const MARCUS = '712020:a0000000-0000-4000-8000-000000000003';
const as = (accountId: string | undefined): InvocationContext => ({
  accountId,
  locale: 'fr-FR',
  extension: {},
});
const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)(?:, [^{}]*)?\}/g)].map((match) => match[1] ?? '').sort();

const site = useDemoSite(createResolvers);

describe('the text of each reason', () => {
  const reasons = [
    ...Object.entries(APP_ERRORS).map(([reason, english]) => [`shell.error.${reason}`, english] as const),
    ...Object.entries(HYGIENE_ERRORS).map(
      ([reason, english]) => [`hygiene.error.${reason}`, english] as const,
    ),
    ...Object.entries(DEPENDENCIES_ERRORS).map(
      ([reason, english]) => [`dependencies.error.${reason}`, english] as const,
    ),
  ];
  it.each(reasons)(
    'says %s on screen in English as the CLI does, and in French with the same values',
    (key, english) => {
      expect(isMessageKey(key)).toBe(true);
      if (!isMessageKey(key)) return;
      expect(messageTables.en[key]).toBe(english);
      expect(messageTables.fr[key]).not.toBe(english);
      expect(placeholders(messageTables.fr[key])).toEqual(placeholders(english));
    },
  );
});

/** A resolver's refusal as the UI receives it, and what the flag says in French. */
async function refused(
  key: 'hygiene.saveOrgConfig' | 'hygiene.acknowledge' | 'hygiene.trend' | 'dependencies.settings.save',
  payload: never,
  accountId: string | undefined,
): Promise<{ code: string; message: string; french: string }> {
  const result = await site.resolvers[key]({ payload, context: as(accountId) });
  if (result.ok) throw new Error('expected a refusal');
  const failure = new ResolverFailure(result.error.code, result.error.message, key, result.error.details);
  return {
    code: result.error.code,
    message: result.error.message,
    french: failureMessage((messageKey, params) => translate('fr', messageKey, params), failure),
  };
}

describe('refusals in French on screen, in English for the CLI', () => {
  it.each([
    [
      'someone who is not a Jira administrator saving the organisation rules',
      'hygiene.saveOrgConfig',
      { config: {} },
      MARCUS,
      'FORBIDDEN',
      'Only Jira administrators can change the organisation rules.',
      'Seuls les administrateurs Jira peuvent modifier les règles de l’organisation.',
    ],
    [
      'an acknowledgement meant to last two years',
      'hygiene.acknowledge',
      { issueKey: 'PAY-1', rule: 'description-missing', reason: 'Known and planned', expires: '2028-12-31' },
      MARCUS,
      'INVALID_INPUT',
      'An acknowledgement may last at most 180 days.',
      'Une prise en compte dure au plus 180 jours.',
    ],
    [
      'someone who is not a Jira administrator changing what reads as blocking',
      'dependencies.settings.save',
      { words: DEFAULT_BLOCKING_WORDS },
      MARCUS,
      'FORBIDDEN',
      'Only Jira administrators can change what reads as blocking.',
      'Seuls les administrateurs Jira peuvent modifier ce qui se lit comme bloquant.',
    ],
    [
      'a reader who is not signed in',
      'hygiene.trend',
      { projectKey: 'PAY' },
      undefined,
      'UNAUTHENTICATED',
      'Sign in to Jira to use Vertebra.',
      'Connectez-vous à Jira pour utiliser Vertebra.',
    ],
  ] as const)('refuses %s', async (_name, key, payload, accountId, code, english, french) => {
    expect(await refused(key, payload as never, accountId)).toEqual({ code, message: english, french });
  });

  it('shows a failure without a known reason (Atlassian’s own wording) as it came', () => {
    const failure = new ResolverFailure(
      'JQL_REJECTED',
      "Field 'foo' does not exist.",
      'hygiene.projectReport',
      {
        reason: 'somethingElse',
      },
    );
    expect(failureMessage((messageKey, params) => translate('fr', messageKey, params), failure)).toBe(
      "Field 'foo' does not exist.",
    );
  });
});
