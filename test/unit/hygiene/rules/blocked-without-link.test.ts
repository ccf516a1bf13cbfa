import { describe, expect, it } from 'vitest';
import { DONE, says, status } from '../issues';

const blocks = { name: 'Blocks', inward: 'is blocked by', outward: 'blocks' };
const dependency = { name: 'Dependency', inward: 'is depended on by', outward: 'depends on' };
const relates = { name: 'Relates', inward: 'relates to', outward: 'relates to' };
const other = (key: string) => ({
  key,
  fields: { status: { name: 'To Do', statusCategory: { key: 'new' } } },
});

describe('blocked-without-link', () => {
  it.each([
    [
      'flags a flagged issue with no link',
      { customfield_10021: [{ value: 'Impediment' }] },
      { id: 'blocked-without-link.flagged', params: {} },
    ],
    [
      'flags an issue labelled blocked',
      { labels: ['Blocked'] },
      { id: 'blocked-without-link.label', params: { label: 'Blocked' } },
    ],
    [
      'flags an issue in a Blocked status',
      { status: status('Blocked', 'indeterminate') },
      { id: 'blocked-without-link.status', params: { status: 'Blocked' } },
    ],
    [
      'flags a status that says blocked among other words, in French too',
      { status: status('Bloquée (fournisseur)', 'indeterminate') },
      { id: 'blocked-without-link.status', params: { status: 'Bloquée (fournisseur)' } },
    ],
    ['accepts an "Unblocked" status', { status: status('Unblocked', 'indeterminate') }, null],
    ['accepts a "Débloqué" status', { status: status('Débloqué', 'indeterminate') }, null],
    [
      'accepts a flagged issue that is blocked by another',
      {
        customfield_10021: [{ value: 'Impediment' }],
        issuelinks: [{ type: blocks, inwardIssue: other('CHK-7') }],
      },
      null,
    ],
    [
      'accepts a "depends on" link as a blocker',
      { labels: ['blocked'], issuelinks: [{ type: dependency, outwardIssue: other('PLT-3') }] },
      null,
    ],
    [
      'does not count "blocks" (the other direction)',
      { labels: ['blocked'], issuelinks: [{ type: blocks, outwardIssue: other('CHK-8') }] },
      { id: 'blocked-without-link.label', params: { label: 'blocked' } },
    ],
    [
      'does not count unrelated links',
      { labels: ['blocked'], issuelinks: [{ type: relates, outwardIssue: other('CHK-9') }] },
      { id: 'blocked-without-link.label', params: { label: 'blocked' } },
    ],
    ['ignores done issues', { labels: ['blocked'], status: DONE }, null],
    ['reads the v2 "False" flag as not flagged', { customfield_10021: 'False' }, null],
  ])('%s', (_name, fields, expected) => {
    expect(says('blocked-without-link', fields)).toEqual(expected);
  });

  it('follows a site-specific blocking wording', () => {
    const fields = {
      labels: ['blocked'],
      issuelinks: [
        {
          type: { name: 'Gantt', inward: 'has to be done after', outward: 'has to be done before' },
          inwardIssue: other('X-1'),
        },
      ],
    };
    expect(says('blocked-without-link', fields, { blockedByPhrases: ['is blocked by'] })).toEqual({
      id: 'blocked-without-link.label',
      params: { label: 'blocked' },
    });
    expect(says('blocked-without-link', fields)).toBeNull();
  });
});
