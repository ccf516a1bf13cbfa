import { describe, expect, it } from 'vitest';
import { catalogues, messageTables, type MessageKey } from '../../../static/src/shell/catalogue';
import { languageOf, translate } from '../../../static/src/shell/translate';

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();

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
    expect(translate('en', 'shell.comingWith.title', { capability: 'Hygiene' })).toBe('Coming with Hygiene');
    expect(translate('fr', 'shell.comingWith.title', { capability: 'Hygiène' })).toBe('Arrive avec Hygiène');
  });

  it('leaves a placeholder visible when its value is missing, so the gap shows in review', () => {
    expect(translate('en', 'shell.comingWith.title')).toBe('Coming with {capability}');
    expect(translate('en', 'shell.comingWith.title', { other: 'x' })).toBe('Coming with {capability}');
  });

  it('writes numbers as given and does not re-read placeholders inside values', () => {
    expect(translate('en', 'shell.unknown.description', { moduleKey: '{capability} 3' })).toBe(
      'This place ({capability} 3) has no Vertebra screen. Here is what the app sees.',
    );
  });
});
