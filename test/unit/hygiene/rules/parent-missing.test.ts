import { describe, expect, it } from 'vitest';
import { check, DONE, type } from '../issues';

describe('parent-missing', () => {
  it.each([
    ['flags a story with no parent epic', { parent: null }, {}, 'This story has no parent epic'],
    ['flags a task with no parent', { parent: null, issuetype: type('Task') }, {}, 'This task'],
    ['accepts a story under an epic', {}, {}, null],
    ['ignores bugs by default', { parent: null, issuetype: type('Bug') }, {}, null],
    ['ignores done stories by default', { parent: null, status: DONE }, {}, null],
    [
      'includes done stories when configured',
      { parent: null, status: DONE },
      { includeDone: true },
      'no parent',
    ],
  ])('%s', (_name, fields, options, expected) => {
    const message = check('parent-missing', fields, options);
    if (expected === null) expect(message).toBeNull();
    else expect(message).toContain(expected);
  });
});
