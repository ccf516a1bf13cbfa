import { describe, expect, it } from 'vitest';
import { adf, says, p, type } from '../issues';

describe('description-missing', () => {
  it.each([
    [
      'flags an issue with no description at all',
      { description: null },
      {},
      { id: 'description-missing', params: {} },
    ],
    [
      'flags a whitespace-only wiki description',
      { description: '   \n\t  ' },
      {},
      { id: 'description-missing', params: {} },
    ],
    [
      'flags an ADF document with only empty paragraphs',
      { description: adf(p(), p('   ')) },
      {},
      { id: 'description-missing', params: {} },
    ],
    [
      'flags an ADF document holding only a rule line',
      { description: adf({ type: 'rule' }) },
      {},
      { id: 'description-missing', params: {} },
    ],
    [
      'accepts a one-word description (too-short is another rule)',
      { description: adf(p('Crash')) },
      {},
      null,
    ],
    ['accepts a wiki-markup description', { description: 'h3. Context\nThe export times out.' }, {}, null],
    [
      'applies to bugs as well as stories by default',
      { description: null, issuetype: type('Bug') },
      {},
      { id: 'description-missing', params: {} },
    ],
    [
      'skips types outside a configured list',
      { description: null, issuetype: type('Epic') },
      { issueTypes: ['Story'] },
      null,
    ],
  ])('%s', (_name, fields, options, expected) => {
    expect(says('description-missing', fields, options)).toEqual(expected);
  });
});
