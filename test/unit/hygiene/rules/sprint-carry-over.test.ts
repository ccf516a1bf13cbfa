import { describe, expect, it } from 'vitest';
import { check, DONE } from '../issues';

const sprint = (n: number, state: 'closed' | 'active' | 'future') => ({
  id: n,
  name: `PAY Sprint ${String(n)}`,
  state,
});

describe('sprint-carry-over', () => {
  it.each([
    [
      'flags an issue carried through three closed sprints',
      [sprint(9, 'closed'), sprint(10, 'closed'), sprint(11, 'closed'), sprint(12, 'active')],
      {},
      {},
      'through 3 closed sprints',
    ],
    [
      'accepts two closed sprints',
      [sprint(10, 'closed'), sprint(11, 'closed'), sprint(12, 'active')],
      {},
      {},
      null,
    ],
    [
      'does not count the sprint a done issue was finished in',
      [sprint(9, 'closed'), sprint(10, 'closed'), sprint(11, 'closed')],
      { status: DONE, resolution: { name: 'Done' } },
      {},
      null,
    ],
    [
      'counts every closed sprint of an issue finished in the active sprint',
      [sprint(9, 'closed'), sprint(10, 'closed'), sprint(11, 'closed'), sprint(12, 'active')],
      { status: DONE, resolution: { name: 'Done' } },
      {},
      'through 3 closed sprints',
    ],
    [
      'follows a configured number',
      [sprint(10, 'closed'), sprint(11, 'closed')],
      {},
      { sprints: 2 },
      'limit 2',
    ],
    ['stays silent with no sprint field', null, {}, {}, null],
  ])('%s', (_name, sprints, extra, options, expected) => {
    const message = check('sprint-carry-over', { customfield_10020: sprints, ...extra }, options);
    if (expected === null) expect(message).toBeNull();
    else expect(message).toContain(expected);
  });
});
