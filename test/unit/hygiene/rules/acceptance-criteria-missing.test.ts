import { describe, expect, it } from 'vitest';
import { adf, bold, bullets, says, h, lines, p, type } from '../issues';

const intro = p('Shoppers want to pay with a saved card so that checkout takes one tap on mobile.');

describe('acceptance-criteria-missing', () => {
  it.each([
    [
      'flags a story whose description has no criteria heading',
      { description: adf(intro) },
      {},
      { id: 'acceptance-criteria-missing', params: {} },
    ],
    [
      'accepts criteria under a level-3 heading',
      { description: adf(intro, h(3, 'Acceptance Criteria'), bullets('Card saved')) },
      {},
      null,
    ],
    [
      'accepts a French heading',
      { description: adf(intro, h(2, "Critères d'acceptation"), bullets('La carte est enregistrée')) },
      {},
      null,
    ],
    [
      'accepts a bold label paragraph as heading',
      { description: adf(intro, bold('Acceptance criteria:'), bullets('Card saved')) },
      {},
      null,
    ],
    [
      'accepts a wiki-markup heading',
      { description: 'Context.\nh4. Acceptance criteria\n# card saved\n# card deleted' },
      {},
      null,
    ],
    [
      'accepts "Acceptance criteria:" on the line right after the prose (wiki)',
      { description: 'Shoppers pay with a saved card.\nAcceptance criteria:\n* card saved\n* card deleted' },
      {},
      null,
    ],
    [
      'accepts criteria on the same line after a hard break (ADF)',
      { description: adf(lines('Shoppers pay with a saved card.', 'Acceptance criteria: one tap pays')) },
      {},
      null,
    ],
    [
      'flags a labelled line with nothing after it nor under it',
      { description: adf(lines('Shoppers pay with a saved card.', 'Acceptance criteria:')) },
      {},
      { id: 'acceptance-criteria-missing.empty-heading', params: { heading: 'Acceptance criteria:' } },
    ],
    [
      'flags a heading with nothing under it',
      { description: adf(intro, h(2, 'Acceptance criteria'), h(2, 'Notes'), p('later')) },
      {},
      { id: 'acceptance-criteria-missing.empty-heading', params: { heading: 'Acceptance criteria' } },
    ],
    [
      'accepts criteria in the custom field',
      {
        description: adf(intro),
        customfield_10050: adf(p('Given a saved card when I pay then no form shows')),
      },
      {},
      null,
    ],
    [
      'ignores an empty custom field and still reads the description',
      { description: adf(intro), customfield_10050: adf(p(' ')) },
      {},
      { id: 'acceptance-criteria-missing', params: {} },
    ],
    ['does not apply to bugs by default', { description: adf(intro), issuetype: type('Bug') }, {}, null],
    [
      'applies to configured types',
      { description: adf(intro), issuetype: type('Task') },
      { issueTypes: ['task'] },
      { id: 'acceptance-criteria-missing', params: {} },
    ],
    [
      'uses configured heading wordings',
      { description: adf(intro, h(2, 'Done when'), bullets('x')) },
      { headings: ['Done when'] },
      null,
    ],
  ])('%s', (_name, fields, options, expected) => {
    expect(says('acceptance-criteria-missing', fields, options)).toEqual(expected);
  });
});
