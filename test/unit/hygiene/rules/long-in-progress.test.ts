import { describe, expect, it } from 'vitest';
import { says, daysAgo, DONE } from '../issues';

describe('long-in-progress', () => {
  it.each([
    [
      'flags 45 days in progress',
      { statuscategorychangedate: daysAgo(45) },
      {},
      { id: 'long-in-progress', params: { days: 45, limit: 30 } },
    ],
    ['accepts 30 days in progress', { statuscategorychangedate: daysAgo(30) }, {}, null],
    [
      'flags one day over a configured limit',
      { statuscategorychangedate: daysAgo(11) },
      { days: 10 },
      { id: 'long-in-progress', params: { days: 11, limit: 10 } },
    ],
    ['ignores done issues', { statuscategorychangedate: daysAgo(90), status: DONE }, {}, null],
    ['stays silent when Jira gives no status change date', { statuscategorychangedate: undefined }, {}, null],
  ])('%s', (_name, fields, options, expected) => {
    expect(says('long-in-progress', fields, options)).toEqual(expected);
  });
});
