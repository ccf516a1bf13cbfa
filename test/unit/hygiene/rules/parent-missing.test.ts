import { describe, expect, it } from 'vitest';
import { says, DONE, type } from '../issues';

describe('parent-missing', () => {
  it.each([
    [
      'flags a story with no parent epic',
      { parent: null },
      {},
      { id: 'parent-missing', params: { type: 'story' } },
    ],
    [
      'flags a task with no parent',
      { parent: null, issuetype: type('Task') },
      {},
      { id: 'parent-missing', params: { type: 'task' } },
    ],
    ['accepts a story under an epic', {}, {}, null],
    ['ignores bugs by default', { parent: null, issuetype: type('Bug') }, {}, null],
    ['ignores done stories by default', { parent: null, status: DONE }, {}, null],
    [
      'includes done stories when configured',
      { parent: null, status: DONE },
      { includeDone: true },
      { id: 'parent-missing', params: { type: 'story' } },
    ],
  ])('%s', (_name, fields, options, expected) => {
    expect(says('parent-missing', fields, options)).toEqual(expected);
  });
});
