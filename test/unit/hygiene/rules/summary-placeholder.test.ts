import { describe, expect, it } from 'vitest';
import { check } from '../issues';

describe('summary-placeholder', () => {
  it.each([
    ['flags "TBD"', 'TBD', 'too short'],
    ['flags "todo"', 'todo ', 'too short'],
    ['flags "test" with a number, as real trackers hold', 'testing-2', 'is a placeholder'],
    ['flags "Placeholder"', 'Placeholder', 'is a placeholder'],
    ['flags copied issues', 'Copy of Checkout redesign', 'starts with "copy of"'],
    ['flags Jira clones', 'CLONE - Login fails on Safari', 'starts with "clone -"'],
    ['accepts a summary starting with the verb "clone"', 'Clone repositories in parallel', null],
    ['flags a French copy, accents and case aside', 'COPIE DE la page de paiement', 'starts with "copie de"'],
    ['accepts a word that merely starts like a prefix', 'Copy offline maps to the device', null],
    ['flags a shouting summary', 'LOGIN BROKEN ON SAFARI', 'in capitals'],
    ['accepts an acronym-heavy but normal summary', 'Add SSO to the API gateway', null],
    ['accepts a plain outcome', 'Let shoppers save a card at checkout', null],
    ['accepts a summary that merely contains "test"', 'Add contract test for bulkfetch', null],
    ['flags an empty summary', '', 'too short'],
  ])('%s', (_name, summary, expected) => {
    const message = check('summary-placeholder', { summary });
    if (expected === null) expect(message).toBeNull();
    else expect(message).toContain(expected);
  });
});
