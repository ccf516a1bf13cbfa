import { describe, expect, it } from 'vitest';
import { check, daysAgo, TO_DO } from '../issues';

describe('stale-in-progress', () => {
  it.each([
    [
      'flags an in-progress issue untouched for 20 days',
      { updated: daysAgo(20) },
      {},
      'not updated for 20 days (limit 14 days)',
    ],
    ['accepts exactly 14 idle days', { updated: daysAgo(14) }, {}, null],
    ['flags 15 idle days', { updated: daysAgo(15) }, {}, '15 days'],
    ['ignores backlog issues however old', { updated: daysAgo(400), status: TO_DO }, {}, null],
    ['follows a configured limit', { updated: daysAgo(8) }, { days: 7 }, 'limit 7 days'],
    ['stays silent without an updated date', { updated: null }, {}, null],
    ['reads Jira v2 dates with a +0000 offset', { updated: '2026-10-01T10:00:00.000+0000' }, {}, '45 days'],
  ])('%s', (_name, fields, options, expected) => {
    const message = check('stale-in-progress', fields, options);
    if (expected === null) expect(message).toBeNull();
    else expect(message).toContain(expected);
  });
});
