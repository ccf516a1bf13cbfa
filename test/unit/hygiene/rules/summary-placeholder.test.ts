import { describe, expect, it } from 'vitest';
import { says } from '../issues';

describe('summary-placeholder', () => {
  it.each([
    ['flags "TBD"', 'TBD', { id: 'summary-placeholder.too-short', params: { summary: 'TBD' } }],
    ['flags "todo"', 'todo ', { id: 'summary-placeholder.too-short', params: { summary: 'todo' } }],
    [
      'flags "test" with a number, as real trackers hold',
      'testing-2',
      { id: 'summary-placeholder.placeholder', params: { summary: 'testing-2' } },
    ],
    [
      'flags "Placeholder"',
      'Placeholder',
      { id: 'summary-placeholder.placeholder', params: { summary: 'Placeholder' } },
    ],
    [
      'flags copied issues',
      'Copy of Checkout redesign',
      { id: 'summary-placeholder.copied', params: { prefix: 'copy of' } },
    ],
    [
      'flags Jira clones',
      'CLONE - Login fails on Safari',
      { id: 'summary-placeholder.copied', params: { prefix: 'clone -' } },
    ],
    ['accepts a summary starting with the verb "clone"', 'Clone repositories in parallel', null],
    [
      'flags a French copy, accents and case aside',
      'COPIE DE la page de paiement',
      { id: 'summary-placeholder.copied', params: { prefix: 'copie de' } },
    ],
    ['accepts a word that merely starts like a prefix', 'Copy offline maps to the device', null],
    [
      'flags a shouting summary',
      'LOGIN BROKEN ON SAFARI',
      { id: 'summary-placeholder.capitals', params: {} },
    ],
    ['accepts an acronym-heavy but normal summary', 'Add SSO to the API gateway', null],
    ['accepts a plain outcome', 'Let shoppers save a card at checkout', null],
    ['accepts a summary that merely contains "test"', 'Add contract test for bulkfetch', null],
    ['flags an empty summary', '', { id: 'summary-placeholder.too-short', params: { summary: '' } }],
  ])('%s', (_name, summary, expected) => {
    expect(says('summary-placeholder', { summary })).toEqual(expected);
  });
});
