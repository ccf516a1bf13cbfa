import { describe, expect, it } from 'vitest';
import { CqlError, parseCql } from '../../../sandbox/confluence/cql';
import { createConfluenceState } from '../../../sandbox/confluence/state';

function world() {
  const state = createConfluenceState();
  const ops = state.addSpace(
    {
      key: 'OPS',
      name: 'Ops',
      description: '',
      authorId: 'a',
      viewGroups: [],
      adminUsers: [],
      adminGroups: [],
    },
    '<p>home</p>',
  );
  const eng = state.addSpace(
    {
      key: 'ENG',
      name: 'Eng',
      description: '',
      authorId: 'a',
      viewGroups: [],
      adminUsers: [],
      adminGroups: [],
    },
    '<p>home</p>',
  );
  const parent = state.addPage({
    spaceId: ops.id,
    title: 'Working agreements',
    parentId: ops.homepageId,
    body: '',
    authorId: 'a',
  });
  const child = state.addPage({
    spaceId: ops.id,
    title: 'Definition of Done',
    parentId: parent.id,
    body: '',
    authorId: 'a',
  });
  child.labels.push('dod');
  state.addPage({ spaceId: eng.id, title: 'Runbook', parentId: eng.homepageId, body: '', authorId: 'a' });
  return { state, parent, child };
}

const titles = (query: string): string[] => {
  const { state } = world();
  const keep = parseCql(query, state);
  return [...state.pages.values()].filter(keep).map((page) => page.title);
};

describe('the emulator reads the CQL the app sends', () => {
  it.each([
    [
      'pages of a space',
      'space = "OPS" and type = page',
      ['Ops Home', 'Working agreements', 'Definition of Done'],
    ],
    ['a title, case-insensitively', 'space = OPS and title = "definition of done"', ['Definition of Done']],
    ['titles from a list', 'title in ("Runbook", "Working agreements")', ['Working agreements', 'Runbook']],
    ['a label', 'label = dod', ['Definition of Done']],
    [
      'or inside parentheses',
      'space = "ENG" or (space = "OPS" and label = "dod")',
      ['Eng Home', 'Definition of Done', 'Runbook'],
    ],
    ['negation', 'space = "OPS" and title != "Ops Home"', ['Working agreements', 'Definition of Done']],
  ])('%s', (_name, query, expected) => {
    expect(titles(query)).toEqual(expected);
  });

  it('finds the tree under a page with ancestor', () => {
    const { state, parent } = world();
    const keep = parseCql(`ancestor = "${parent.id}"`, state);
    expect([...state.pages.values()].filter(keep).map((page) => page.title)).toEqual(['Definition of Done']);
  });

  it.each(['space ~ OPS', 'space = "OPS" and', 'creator = me', 'space = "OPS" garbage'])(
    'refuses %s',
    (query) => {
      expect(() => parseCql(query, world().state)).toThrow(CqlError);
    },
  );
});
