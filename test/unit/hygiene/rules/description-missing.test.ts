import { describe, expect, it } from 'vitest';
import { adf, check, p, type } from '../issues';

describe('description-missing', () => {
  it.each([
    ['flags an issue with no description at all', { description: null }, {}, 'empty'],
    ['flags a whitespace-only wiki description', { description: '   \n\t  ' }, {}, 'empty'],
    ['flags an ADF document with only empty paragraphs', { description: adf(p(), p('   ')) }, {}, 'empty'],
    ['flags an ADF document holding only a rule line', { description: adf({ type: 'rule' }) }, {}, 'empty'],
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
      'empty',
    ],
    [
      'skips types outside a configured list',
      { description: null, issuetype: type('Epic') },
      { issueTypes: ['Story'] },
      null,
    ],
  ])('%s', (_name, fields, options, expected) => {
    const message = check('description-missing', fields, options);
    if (expected === null) expect(message).toBeNull();
    else expect(message).toContain(expected);
  });
});
