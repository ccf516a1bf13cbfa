import { describe, expect, it } from 'vitest';
import { says, DONE, IN_PROGRESS, status, TO_DO } from '../issues';

describe('assignee-missing', () => {
  it.each([
    [
      'flags an in-progress issue nobody is assigned to',
      { assignee: null },
      { id: 'assignee-missing', params: { status: 'in progress' } },
    ],
    [
      'names the status in the message',
      { assignee: null, status: status('In Review', 'indeterminate') },
      { id: 'assignee-missing', params: { status: 'in review' } },
    ],
    ['accepts an assigned in-progress issue', { status: IN_PROGRESS }, null],
    ['ignores unassigned backlog issues', { assignee: null, status: TO_DO }, null],
    ['ignores unassigned done issues', { assignee: null, status: DONE }, null],
    ['treats an assignee known only by display name as assigned', { assignee: { displayName: 'Bo' } }, null],
  ])('%s', (_name, fields, expected) => {
    expect(says('assignee-missing', fields)).toEqual(expected);
  });
});
