import { describe, expect, it } from 'vitest';
import { says, DONE } from '../issues';

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
      { id: 'sprint-carry-over', params: { carried: 3, limit: 3 } },
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
      { id: 'sprint-carry-over', params: { carried: 3, limit: 3 } },
    ],
    [
      'follows a configured number',
      [sprint(10, 'closed'), sprint(11, 'closed')],
      {},
      { sprints: 2 },
      { id: 'sprint-carry-over', params: { carried: 2, limit: 2 } },
    ],
    ['stays silent with no sprint field', null, {}, {}, null],
  ])('%s', (_name, sprints, extra, options, expected) => {
    expect(says('sprint-carry-over', { customfield_10020: sprints, ...extra }, options)).toEqual(expected);
  });
});
