import { describe, expect, it } from 'vitest';
import { says, daysAgo, TO_DO } from '../issues';

describe('stale-in-progress', () => {
  it.each([
    [
      'flags an in-progress issue untouched for 20 days',
      { updated: daysAgo(20) },
      {},
      { id: 'stale-in-progress', params: { idle: 20, limit: 14 } },
    ],
    ['accepts exactly 14 idle days', { updated: daysAgo(14) }, {}, null],
    [
      'flags 15 idle days',
      { updated: daysAgo(15) },
      {},
      { id: 'stale-in-progress', params: { idle: 15, limit: 14 } },
    ],
    ['ignores backlog issues however old', { updated: daysAgo(400), status: TO_DO }, {}, null],
    [
      'follows a configured limit',
      { updated: daysAgo(8) },
      { days: 7 },
      { id: 'stale-in-progress', params: { idle: 8, limit: 7 } },
    ],
    ['stays silent without an updated date', { updated: null }, {}, null],
    [
      'reads Jira v2 dates with a +0000 offset',
      { updated: '2026-10-01T10:00:00.000+0000' },
      {},
      { id: 'stale-in-progress', params: { idle: 45, limit: 14 } },
    ],
  ])('%s', (_name, fields, options, expected) => {
    expect(says('stale-in-progress', fields, options)).toEqual(expected);
  });
});
