import { describe, expect, it } from 'vitest';
import { says, DONE } from '../issues';

const blocks = { name: 'Blocks', inward: 'is blocked by', outward: 'blocks' };
const issue = (key: string, category: 'new' | 'indeterminate' | 'done') => ({
  key,
  fields: { status: { name: category, statusCategory: { key: category } } },
});

describe('blocker-resolved', () => {
  it.each([
    [
      'flags an issue whose only blocker is done',
      [{ type: blocks, inwardIssue: issue('PLT-9', 'done') }],
      {},
      { id: 'blocker-resolved', params: { keys: 'PLT-9' } },
    ],
    [
      'flags when all of several blockers are done',
      [
        { type: blocks, inwardIssue: issue('PLT-9', 'done') },
        { type: blocks, inwardIssue: issue('DAT-2', 'done') },
      ],
      {},
      { id: 'blocker-resolved', params: { keys: 'PLT-9, DAT-2' } },
    ],
    [
      'stays silent while one blocker is still open',
      [
        { type: blocks, inwardIssue: issue('PLT-9', 'done') },
        { type: blocks, inwardIssue: issue('DAT-2', 'indeterminate') },
      ],
      {},
      null,
    ],
    ['ignores issues this one blocks', [{ type: blocks, outwardIssue: issue('GRW-1', 'done') }], {}, null],
    ['stays silent with no links', [], {}, null],
    ['ignores done issues', [{ type: blocks, inwardIssue: issue('PLT-9', 'done') }], { status: DONE }, null],
  ])('%s', (_name, issuelinks, extra, expected) => {
    expect(says('blocker-resolved', { issuelinks, ...extra })).toEqual(expected);
  });
});
