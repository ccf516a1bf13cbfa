import { describe, expect, it } from 'vitest';
import { RULES_BY_ID } from '../../../src/hygiene/rules';
import { boundToProject, projectOfKey } from '../../../src/hygiene/project-bound';
import { viewIssue } from '../../../src/hygiene/view';
import { DONE, FIELD_MAP, IN_PROGRESS, NOW, type } from './issues';

const BLOCKS = { name: 'Blocks', inward: 'is blocked by', outward: 'blocks' };
const blockedBy = (key: string) => ({
  type: BLOCKS,
  inwardIssue: { id: '1', key, self: `https://site/rest/api/3/issue/${key}`, fields: { status: DONE } },
});
const issueWith = (...issuelinks: unknown[]) => ({
  key: 'NIT-1',
  fields: { issuetype: type('Story'), status: IN_PROGRESS, issuelinks },
});

/** What `blocker-resolved` says of NIT-1 read as a reader of NIT only: its message, or null. */
function blockersDone(issue: ReturnType<typeof issueWith>): string | null {
  const rule = RULES_BY_ID.get('blocker-resolved');
  if (rule === undefined) throw new Error('no blocker-resolved rule');
  const options = rule.options.parse({});
  const view = viewIssue(boundToProject(issue, 'NIT'), FIELD_MAP);
  const keys = rule.check(view, options, { now: NOW })?.params.keys;
  return keys === undefined ? null : String(keys);
}

describe('an issue read as a reader of its own project only', () => {
  it.each([
    ['a finished blocker of the same project still counts as done', [blockedBy('NIT-3')], 'NIT-3'],
    [
      'a finished blocker of another project reads as unknown, so nothing is claimed',
      [blockedBy('PAY-216')],
      null,
    ],
    ['one blocker elsewhere is enough to claim nothing', [blockedBy('NIT-3'), blockedBy('PAY-216')], null],
    ['a project key with digits is told apart from a longer one', [blockedBy('NIT2-4')], null],
  ])('%s', (_name, links, expected) => {
    expect(blockersDone(issueWith(...links))).toBe(expected);
  });

  it('keeps the key and wording of a link that leaves the project, and nothing of the other issue', () => {
    const bound = boundToProject(issueWith(blockedBy('PAY-216')), 'NIT');
    expect(bound.fields.issuelinks).toEqual([
      {
        type: BLOCKS,
        inwardIssue: { id: '1', key: 'PAY-216', self: 'https://site/rest/api/3/issue/PAY-216' },
      },
    ]);
  });

  it('hands back the very issue when no link leaves the project', () => {
    const issue = issueWith(blockedBy('NIT-3'));
    expect(boundToProject(issue, 'NIT')).toBe(issue);
  });

  it.each([
    ['PAY-216', 'PAY'],
    ['AB_1-7', 'AB_1'],
  ])('reads the project of %s as %s', (key, project) => {
    expect(projectOfKey(key)).toBe(project);
  });
});
