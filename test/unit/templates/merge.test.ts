import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeConflicts, mergeStorage, resolveMerge, storageBlocks } from '../../../src/templates/merge';

const SAMPLES = path.resolve(
  import.meta.dirname,
  '../../../..',
  'shared',
  'data',
  'confluence-storage-samples',
);

function sample(name: string): string {
  return readFileSync(path.join(SAMPLES, name), 'utf8');
}

/**
 * Storage as Confluence reads it: whitespace between tags does not count, and an empty element is the same
 * whether written `<x></x>`, `<x />` or `<x/>`.
 */
const flat = (storage: string): string =>
  storage
    .replace(/>\s+</g, '><')
    .replace(/\s+/g, ' ')
    .replace(/\s*\/>/g, '/>')
    .replace(/<([\w:-]+)([^<>]*)(?<!\/)><\/\1>/g, '<$1$2/>')
    .trim();

/** `source` with `from` replaced once; fails loudly when the sample no longer holds it. */
function edit(source: string, from: string, to: string): string {
  if (!source.includes(from)) throw new Error(`sample lost ${from}`);
  return source.replace(from, to);
}

const sections = sample('md2conf/sections.xml');
const table = sample('md2conf/table.xml');
const tasks = sample('md2conf/tasklist.xml');

const NEW_SECTION = '<h2>Section 4</h2><p>Added by the new bundle version.</p>';
const LAST_PARAGRAPH_END = 'Quisque id faucibus massa.</p>';

describe('mergeStorage on real storage samples merges changes that do not overlap', () => {
  const cases: { name: string; base: string; ours: string; theirs: string; expected: string }[] = [
    {
      name: 'a section appended upstream and a paragraph people rewrote are both kept',
      base: sections,
      ours: sections + NEW_SECTION,
      theirs: edit(sections, 'Quisque id faucibus massa.', 'Our team writes its own words here.'),
      expected:
        edit(sections, 'Quisque id faucibus massa.', 'Our team writes its own words here.') + NEW_SECTION,
    },
    {
      name: 'a section inserted right after the paragraph people rewrote lands after their text',
      base: sections,
      ours: edit(sections, LAST_PARAGRAPH_END, LAST_PARAGRAPH_END + NEW_SECTION),
      theirs: edit(sections, 'Quisque id faucibus massa.', 'Ours now.'),
      expected: edit(sections, LAST_PARAGRAPH_END, `Ours now.</p>${NEW_SECTION}`).replace(
        'Quisque id faucibus massa.</p>',
        '',
      ),
    },
    {
      name: 'a table row added upstream and a cell people corrected are both kept',
      base: table,
      ours: edit(table, '<td><p>5</p></td>', '<td><p>4</p></td><td><p>IV</p></td></tr><tr><td><p>5</p></td>'),
      theirs: edit(table, '<td><p>10</p></td>', '<td><p>ten</p></td>'),
      expected: edit(
        edit(table, '<td><p>5</p></td>', '<td><p>4</p></td><td><p>IV</p></td></tr><tr><td><p>5</p></td>'),
        '<td><p>10</p></td>',
        '<td><p>ten</p></td>',
      ),
    },
    {
      name: 'a task people ticked stays ticked while a task added upstream arrives',
      base: tasks,
      ours: edit(
        tasks,
        '</ac:task-list>',
        '<ac:task><ac:task-id>9</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body>Review the runbook</ac:task-body></ac:task></ac:task-list>',
      ),
      theirs: edit(
        tasks,
        '<ac:task-status>incomplete</ac:task-status>\n    <ac:task-body><strong>Unfinished</strong>',
        '<ac:task-status>complete</ac:task-status>\n    <ac:task-body><strong>Unfinished</strong>',
      ),
      expected: edit(
        edit(
          tasks,
          '</ac:task-list>',
          '<ac:task><ac:task-id>9</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body>Review the runbook</ac:task-body></ac:task></ac:task-list>',
        ),
        '<ac:task-status>incomplete</ac:task-status>\n    <ac:task-body><strong>Unfinished</strong>',
        '<ac:task-status>complete</ac:task-status>\n    <ac:task-body><strong>Unfinished</strong>',
      ),
    },
    {
      name: 'a section people deleted stays deleted while upstream adds another elsewhere',
      base: sections,
      ours: sections + NEW_SECTION,
      theirs: edit(sections, '<h2>Section 1</h2>', ''),
      expected: edit(sections, '<h2>Section 1</h2>', '') + NEW_SECTION,
    },
  ];

  it.each(cases)('$name', ({ base, ours, theirs, expected }) => {
    const result = mergeStorage(base, ours, theirs);
    expect(result.kind).toBe('clean');
    if (result.kind !== 'clean') return;
    expect(result.source).toBe('merged');
    expect(flat(result.body)).toBe(flat(expected));
  });
});

describe('mergeStorage settles pages one side did not change without merging', () => {
  it.each([
    {
      name: 'an untouched page (only re-indented by Confluence) takes the new version whole',
      base: sections,
      ours: sections + NEW_SECTION,
      theirs: flat(sections),
      body: sections + NEW_SECTION,
      source: 'ours',
    },
    {
      name: 'an edited page the new version does not change keeps people’s text',
      base: sections,
      ours: sections,
      theirs: edit(sections, 'Quisque', 'Edited'),
      body: edit(sections, 'Quisque', 'Edited'),
      source: 'theirs',
    },
    {
      name: 'a page people already changed the way the new version does is left as it is',
      base: sections,
      ours: sections + NEW_SECTION,
      theirs: sections + NEW_SECTION,
      body: sections + NEW_SECTION,
      source: 'theirs',
    },
  ])('$name', ({ base, ours, theirs, body, source }) => {
    expect(mergeStorage(base, ours, theirs)).toEqual({ kind: 'clean', body, source });
  });
});

describe('mergeStorage is stable once a merge is written', () => {
  it('a page that already holds the merge (a run cut before its marker) is given back unchanged', () => {
    const ours = sections + NEW_SECTION;
    const merged = edit(sections, 'Quisque id faucibus massa.', 'Our words.') + NEW_SECTION;
    const result = mergeStorage(sections, ours, merged);
    expect(result.kind).toBe('clean');
    if (result.kind === 'clean') expect(flat(result.body)).toBe(flat(merged));
  });

  it('the same section added on both sides next to a paragraph people rewrote lands once', () => {
    const base = '<h1>Runbook</h1><p>Call ops.</p>';
    const result = mergeStorage(
      base,
      '<h1>Runbook</h1><p>Call ops.</p><h2>Escalation</h2>',
      '<h1>Runbook</h1><p>Call Sam.</p><h2>Escalation</h2>',
    );
    expect(result).toEqual({
      kind: 'clean',
      body: '<h1>Runbook</h1><p>Call Sam.</p><h2>Escalation</h2>',
      source: 'merged',
    });
  });
});

describe('mergeStorage reports true conflicts with their three versions and chooses nothing', () => {
  it('the same paragraph edited on both sides is one conflict holding base, ours and theirs', () => {
    const ours = edit(sections, 'Quisque id faucibus massa.', 'Upstream wording.');
    const theirs = edit(sections, 'Quisque id faucibus massa.', 'Team wording.');
    const result = mergeStorage(sections + NEW_SECTION, ours + NEW_SECTION, theirs + NEW_SECTION);
    expect(result.kind).toBe('conflict');
    if (result.kind !== 'conflict') return;
    expect(mergeConflicts(result.parts)).toEqual([
      {
        kind: 'conflict',
        base: '<p>Quisque id faucibus massa.</p>',
        ours: '<p>Upstream wording.</p>',
        theirs: '<p>Team wording.</p>',
      },
    ]);
  });

  it('two different sections inserted at the same place are a conflict (their order is a guess)', () => {
    const result = mergeStorage(sections, sections + '<h2>Upstream</h2>', sections + '<h2>Ours</h2>');
    expect(result.kind).toBe('conflict');
    if (result.kind !== 'conflict') return;
    expect(mergeConflicts(result.parts)).toEqual([
      { kind: 'conflict', base: '', ours: '<h2>Upstream</h2>', theirs: '<h2>Ours</h2>' },
    ]);
  });

  it('a paragraph people deleted that upstream rewrote is a conflict, not a silent loss', () => {
    const result = mergeStorage(
      sections,
      edit(sections, 'Quisque id faucibus massa.', 'Rewritten upstream.'),
      edit(sections, '<p>Quisque id faucibus massa.</p>', ''),
    );
    expect(result.kind).toBe('conflict');
    if (result.kind !== 'conflict') return;
    expect(mergeConflicts(result.parts)).toEqual([
      {
        kind: 'conflict',
        base: '<p>Quisque id faucibus massa.</p>',
        ours: '<p>Rewritten upstream.</p>',
        theirs: '',
      },
    ]);
  });

  it('a body that is not well-formed storage is one conflict of the whole page', () => {
    const result = mergeStorage('<p>base', '<p>ours</p>', '<p>theirs</p>');
    expect(result).toEqual({
      kind: 'conflict',
      parts: [{ kind: 'conflict', base: '<p>base', ours: '<p>ours</p>', theirs: '<p>theirs</p>' }],
    });
  });
});

describe('resolveMerge writes the page a person chose', () => {
  const base = '<h1>Runbook</h1><p>Call ops.</p><p>Escalate after 1 hour.</p>';
  const ours = '<h1>Runbook</h1><p>Call the on-call engineer.</p><p>Escalate after 1 hour.</p><h2>New</h2>';
  const theirs = '<h1>Runbook</h1><p>Call Sam on 555.</p><p>Escalate after 1 hour.</p>';
  const result = mergeStorage(base, ours, theirs);
  const parts = result.kind === 'conflict' ? result.parts : [];

  it.each([
    {
      name: 'keep theirs keeps the team’s line and still brings the new section',
      choice: 'theirs' as const,
      body: '<h1>Runbook</h1><p>Call Sam on 555.</p><p>Escalate after 1 hour.</p><h2>New</h2>',
    },
    {
      name: 'take ours replaces the team’s line with the new one',
      choice: 'ours' as const,
      body: ours,
    },
    {
      name: 'keep both keeps the team’s line followed by the new one',
      choice: 'both' as const,
      body: '<h1>Runbook</h1><p>Call Sam on 555.</p><p>Call the on-call engineer.</p><p>Escalate after 1 hour.</p><h2>New</h2>',
    },
  ])('$name', ({ choice, body }) => {
    expect(result.kind).toBe('conflict');
    expect(resolveMerge(parts, [choice])).toBe(body);
  });

  it('refuses to write a page while a conflict has no choice', () => {
    expect(() => resolveMerge(parts, [])).toThrow(RangeError);
  });

  it('applies each choice to its own conflict, in page order, keeping what both agree on between them', () => {
    const twoBase = '<p>Call ops.</p><p>Shared line.</p><p>Escalate after 1 hour.</p>';
    const twoOurs = '<p>Call the on-call engineer.</p><p>Shared line.</p><p>Escalate after 30 minutes.</p>';
    const twoTheirs = '<p>Call Sam on 555.</p><p>Shared line.</p><p>Escalate after 2 hours.</p>';
    const two = mergeStorage(twoBase, twoOurs, twoTheirs);
    const twoParts = two.kind === 'conflict' ? two.parts : [];
    expect(mergeConflicts(twoParts)).toHaveLength(2);
    expect(resolveMerge(twoParts, ['both', 'theirs'])).toBe(
      '<p>Call Sam on 555.</p><p>Call the on-call engineer.</p><p>Shared line.</p><p>Escalate after 2 hours.</p>',
    );
    expect(resolveMerge(twoParts, ['theirs', 'ours'])).toBe(
      '<p>Call Sam on 555.</p><p>Shared line.</p><p>Escalate after 30 minutes.</p>',
    );
  });
});

describe('storageBlocks', () => {
  const files = ['mark', 'md2conf'].flatMap((folder) =>
    readdirSync(path.join(SAMPLES, folder))
      .filter((file) => /\.(xml|html)$/.test(file))
      .map((file) => `${folder}/${file}`),
  );

  it.each(files)('gives back the whole of %s when its blocks are put together again', (file) => {
    const body = sample(file);
    const blocks = storageBlocks(body);
    expect(blocks).not.toBeNull();
    expect(flat((blocks ?? []).join(''))).toBe(flat(body));
  });

  it('splits tables into rows and lists into items, so each can change on its own', () => {
    expect(
      storageBlocks(
        '<h2>A</h2><ul><li>one</li><li>two</li></ul><table><tbody><tr><td>x</td></tr></tbody></table>',
      ),
    ).toEqual([
      '<h2>A</h2>',
      '<ul>',
      '<li>one</li>',
      '<li>two</li>',
      '</ul>',
      '<table>',
      '<tbody>',
      '<tr><td>x</td></tr>',
      '</tbody>',
      '</table>',
    ]);
  });
});
