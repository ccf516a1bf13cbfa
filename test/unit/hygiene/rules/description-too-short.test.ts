import { describe, expect, it } from 'vitest';
import { adf, says, p } from '../issues';

describe('description-too-short', () => {
  it.each([
    [
      'flags a four-word ADF description',
      { description: adf(p('Fix the login page')) },
      {},
      { id: 'description-too-short', params: { words: 4, minimum: 15 } },
    ],
    [
      'flags a one-word wiki description with singular wording',
      { description: '*Broken*' },
      {},
      { id: 'description-too-short', params: { words: 1, minimum: 15 } },
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
      { id: 'description-too-short', params: { words: 6, minimum: 8 } },
    ],
  ])('%s', (_name, fields, options, expected) => {
    expect(says('description-too-short', fields, options)).toEqual(expected);
  });
});
