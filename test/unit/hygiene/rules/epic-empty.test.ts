import { describe, expect, it } from 'vitest';
import { says, DONE, type } from '../issues';

const children: Record<string, number> = { 'PAY-42': 0 };
const epic = { issuetype: type('Epic') };

describe('epic-empty', () => {
  it.each([
    [
      'flags an epic the scan found no children for',
      epic,
      { childCount: (key: string) => children[key] },
      { id: 'epic-empty', params: {} },
    ],
    ['accepts an epic with children', epic, { childCount: () => 4 }, null],
    ['stays silent when children are unknown (issue panel)', epic, {}, null],
    ['ignores stories', {}, { childCount: () => 0 }, null],
    ['ignores done epics', { ...epic, status: DONE }, { childCount: () => 0 }, null],
  ])('%s', (_name, fields, context, expected) => {
    expect(says('epic-empty', fields, {}, context)).toEqual(expected);
  });
});
