import { describe, expect, it } from 'vitest';
import { says, DONE, TO_DO } from '../issues';

// NOW is 2026-11-16T09:00Z.
describe('due-date-passed', () => {
  it.each([
    [
      'flags an unresolved issue due last week',
      { duedate: '2026-11-09' },
      { id: 'due-date-passed', params: { due: '2026-11-09', late: 7 } },
    ],
    ['does not flag an issue due today', { duedate: '2026-11-16' }, null],
    [
      'flags an issue due yesterday',
      { duedate: '2026-11-15' },
      { id: 'due-date-passed', params: { due: '2026-11-15', late: 1 } },
    ],
    ['ignores a future due date', { duedate: '2026-12-01' }, null],
    ['ignores resolved issues', { duedate: '2026-11-01', resolution: { name: 'Done' }, status: DONE }, null],
    [
      'flags a backlog issue too',
      { duedate: '2026-10-16', status: TO_DO },
      { id: 'due-date-passed', params: { due: '2026-10-16', late: 31 } },
    ],
    ['ignores issues with no due date', { duedate: null }, null],
  ])('%s', (_name, fields, expected) => {
    expect(says('due-date-passed', fields)).toEqual(expected);
  });
});
