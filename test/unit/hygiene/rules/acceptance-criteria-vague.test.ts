import { describe, expect, it } from 'vitest';
import { adf, bullets, checklist, h, numbered, p, says } from '../issues';

const intro = p('Shoppers want to pay with a saved card so that checkout takes one tap on mobile.');
const criteria = (...blocks: unknown[]) => ({
  description: adf(intro, h(2, 'Acceptance criteria'), ...blocks),
});

describe('acceptance-criteria-vague', () => {
  it.each([
    [
      'accepts a checklist of precise items',
      criteria(checklist('Last four digits shown', 'Delete asks to confirm')),
      null,
    ],
    [
      'accepts numbered items',
      criteria(numbered('Card saved after payment', 'Card listed in profile')),
      null,
    ],
    [
      'accepts Given / When / Then prose',
      criteria(p('Given a saved card, when I pay, then no card form is shown.')),
      null,
    ],
    [
      'flags prose without structure',
      criteria(p('The card is saved and shown in the profile page afterwards.')),
      { id: 'acceptance-criteria-vague.prose', params: {} },
    ],
    [
      'flags a single bullet of prose',
      criteria(bullets('The card is saved and shown in the profile afterwards')),
      { id: 'acceptance-criteria-vague.prose', params: {} },
    ],
    [
      'flags vague words even in a checklist',
      criteria(checklist('Saving should work', 'The page is fast')),
      { id: 'acceptance-criteria-vague.words', params: { words: '"should work", "fast"' } },
    ],
    [
      'flags "etc." in a list',
      criteria(numbered('Visa, Mastercard, etc.', 'Card listed')),
      { id: 'acceptance-criteria-vague.words', params: { words: '"etc"' } },
    ],
    [
      'flags vague French wording',
      criteria(numbered('La page doit être rapide', 'La carte est listée')),
      { id: 'acceptance-criteria-vague.words', params: { words: '"rapide"' } },
    ],
    ['stays silent when there are no criteria (the missing rule speaks)', { description: adf(intro) }, null],
    [
      'reads wiki markup criteria',
      { description: 'h3. Acceptance criteria\nIt should work on all browsers etc.' },
      { id: 'acceptance-criteria-vague.words', params: { words: '"etc", "should work"' } },
    ],
    [
      'reads the custom field first',
      { customfield_10050: adf(p('Must be user-friendly')) },
      { id: 'acceptance-criteria-vague.words', params: { words: '"user-friendly"' } },
    ],
  ])('%s', (_name, fields, expected) => {
    expect(says('acceptance-criteria-vague', fields)).toEqual(expected);
  });

  it('uses a configured list of vague words', () => {
    const fields = criteria(numbered('Works seamlessly', 'Card listed'));
    expect(says('acceptance-criteria-vague', fields, { vagueWords: ['seamlessly'] })).toEqual({
      id: 'acceptance-criteria-vague.words',
      params: { words: '"seamlessly"' },
    });
  });
});
