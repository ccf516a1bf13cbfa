import { describe, expect, it } from 'vitest';
import { catalogues, messageTables } from '../../../static/src/catalogue';
import type { MessageKey } from '../../../static/src/shell/catalogue';
import { languageOf, translate } from '../../../static/src/shell/translate';

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)(?:, [^{}]*)?\}/g)].map((match) => match[1] ?? '').sort();

describe('the message catalogue', () => {
  const keys = Object.keys(messageTables.en) as MessageKey[];

  it('has a French text for every English key, and no French key without English', () => {
    expect(Object.keys(messageTables.fr).sort()).toEqual([...keys].sort());
  });

  it.each(keys)('%s has the same {placeholders} in French as in English, and no empty text', (key) => {
    expect(placeholders(messageTables.fr[key])).toEqual(placeholders(messageTables.en[key]));
    expect(messageTables.en[key].trim()).not.toBe('');
    expect(messageTables.fr[key].trim()).not.toBe('');
  });

  it.each(Object.entries(catalogues))(
    'catalogue "%s" keeps its keys under its own name',
    (name, catalogue) => {
      for (const key of Object.keys(catalogue.en)) expect(key.startsWith(`${name}.`)).toBe(true);
    },
  );
});

describe('choosing the language from the Jira / Confluence locale', () => {
  it.each([
    ['fr-FR', 'fr'],
    ['fr_CA', 'fr'],
    ['FR', 'fr'],
    ['en-US', 'en'],
    ['de-DE', 'en'],
    [undefined, 'en'],
    ['', 'en'],
  ] as const)('%s reads in %s', (locale, language) => {
    expect(languageOf(locale)).toBe(language);
  });
});

describe('translating a message', () => {
  it('fills a placeholder with the given value in the chosen language', () => {
    expect(translate('en', 'shell.crash.description', { message: 'boom' })).toBe(
      'Reload the page. If it happens again, tell your Jira administrator: boom',
    );
    expect(translate('fr', 'shell.crash.description', { message: 'boom' })).toBe(
      'Rechargez la page. Si cela se reproduit, prévenez votre administrateur Jira : boom',
    );
  });

  it('leaves a placeholder visible when its value is missing, so the gap shows in review', () => {
    expect(translate('en', 'shell.unknown.description')).toBe(
      'This place ({moduleKey}) has no Vertebra screen. Here is what the app sees.',
    );
    expect(translate('en', 'shell.unknown.description', { other: 'x' })).toContain('({moduleKey})');
  });

  it('writes numbers as given and does not re-read placeholders inside values', () => {
    expect(translate('en', 'shell.unknown.description', { moduleKey: '{message} 3' })).toBe(
      'This place ({message} 3) has no Vertebra screen. Here is what the app sees.',
    );
    expect(translate('fr', 'shell.crash.description', { message: 42 })).toContain('Jira : 42');
  });

  it.each([
    ['en', 1, 0, '1 page archived; 0 edited pages kept.'],
    ['en', 2, 1, '2 pages archived; 1 edited page kept.'],
    // French counts 0 and 1 as singular.
    ['fr', 0, 1, '0 page archivée ; 1 page modifiée conservée.'],
    ['fr', 3, 2, '3 pages archivées ; 2 pages modifiées conservées.'],
  ] as const)(
    'agrees the words with the number (%s: %i archived, %i kept)',
    (language, archived, kept, text) => {
      expect(translate(language, 'templates.uninstalled.summary', { archived, kept })).toBe(text);
    },
  );

  it.each([
    ['en', 1, 1, 'PAY-14 (Payments): 1 issue, 1 point waiting'],
    ['en', 4, 13, 'PAY-14 (Payments): 4 issues, 13 points waiting'],
    ['fr', 1, 0, 'PAY-14 (Payments) : 1 ticket, 0 point en attente'],
    ['fr', 2, 5, 'PAY-14 (Payments) : 2 tickets, 5 points en attente'],
  ] as const)(
    'says what waits on a blocker in the right number (%s: %i issues, %i points)',
    (language, issues, points, text) => {
      expect(
        translate(language, 'dependencies.blast.item', { key: 'PAY-14', team: 'Payments', issues, points }),
      ).toBe(text);
    },
  );
});
