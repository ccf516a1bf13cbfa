import { describe, expect, it } from 'vitest';
import { adf, check, p } from '../issues';

describe('description-too-short', () => {
  it.each([
    ['flags a four-word ADF description', { description: adf(p('Fix the login page')) }, {}, 'has 4 words'],
    [
      'flags a one-word wiki description with singular wording',
      { description: '*Broken*' },
      {},
      'has 1 word;',
    ],
    [
      'accepts exactly fifteen words',
      {
        description: adf(
          p('one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen'),
        ),
      },
      {},
      null,
    ],
    [
      'counts words across paragraphs and lists',
      {
        description:
          'Users cannot log in.\n\n* on Safari 17\n* with SSO enabled after the upgrade of last week',
      },
      {},
      null,
    ],
    ['leaves an empty description to description-missing', { description: null }, {}, null],
    [
      'follows a lower configured threshold',
      { description: adf(p('Fix the login page')) },
      { minWords: 3 },
      null,
    ],
    [
      'follows a higher configured threshold',
      { description: adf(p('Fix the login page now please')) },
      { minWords: 8 },
      'at least 8',
    ],
  ])('%s', (_name, fields, options, expected) => {
    const message = check('description-too-short', fields, options);
    if (expected === null) expect(message).toBeNull();
    else expect(message).toContain(expected);
  });
});
