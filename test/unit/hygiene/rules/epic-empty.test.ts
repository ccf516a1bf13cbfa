import { describe, expect, it } from 'vitest';
import { check, DONE, type } from '../issues';

const children: Record<string, number> = { 'PAY-42': 0 };
const epic = { issuetype: type('Epic') };

describe('epic-empty', () => {
  it.each([
    [
      'flags an epic the scan found no children for',
      epic,
      { childCount: (key: string) => children[key] },
      'no child issues',
    ],
    ['accepts an epic with children', epic, { childCount: () => 4 }, null],
    ['stays silent when children are unknown (issue panel)', epic, {}, null],
    ['ignores stories', {}, { childCount: () => 0 }, null],
    ['ignores done epics', { ...epic, status: DONE }, { childCount: () => 0 }, null],
  ])('%s', (_name, fields, context, expected) => {
    const message = check('epic-empty', fields, {}, context);
    if (expected === null) expect(message).toBeNull();
    else expect(message).toContain(expected);
  });
});
