import { describe, expect, it } from 'vitest';
import { check, daysAgo, DONE } from '../issues';

describe('long-in-progress', () => {
  it.each([
    [
      'flags 45 days in progress',
      { statuscategorychangedate: daysAgo(45) },
      {},
      'In progress for 45 days (limit 30 days)',
    ],
    ['accepts 30 days in progress', { statuscategorychangedate: daysAgo(30) }, {}, null],
    [
      'flags one day over a configured limit',
      { statuscategorychangedate: daysAgo(11) },
      { days: 10 },
      '11 days',
    ],
    ['ignores done issues', { statuscategorychangedate: daysAgo(90), status: DONE }, {}, null],
    ['stays silent when Jira gives no status change date', { statuscategorychangedate: undefined }, {}, null],
  ])('%s', (_name, fields, options, expected) => {
    const message = check('long-in-progress', fields, options);
    if (expected === null) expect(message).toBeNull();
    else expect(message).toContain(expected);
  });
});
