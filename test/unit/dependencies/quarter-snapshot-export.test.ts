import { describe, expect, it } from 'vitest';
import { analyseDependencies } from '../../../src/dependencies/analyse';
import { csvCell, toCsv } from '../../../src/contract/dependency-csv';
import { publishedProjects } from '../../../src/contract/dependency-report';
import { toJson, toMermaid } from '../../../src/dependencies/export';
import { UNASSIGNED_TEAM } from '../../../src/dependencies/model';
import { publishWordsFor, renderAlignmentSection } from '../../../src/dependencies/publish';
import {
  compareSnapshots,
  snapshotAsSeenBy,
  takeSnapshot,
  type Snapshot,
} from '../../../src/dependencies/snapshot';
import { blocks, done, issue, NOW } from './fixtures';

describe('snapshots between reviews', () => {
  const snapshot = (entries: Snapshot['entries']): Snapshot => ({
    takenAt: '2026-11-01T00:00:00.000Z',
    scope: 'Q4',
    entries,
  });
  it('tells new, resolved and still-open dependencies apart', () => {
    const before = snapshot([
      ['1>2', 'A-1', 'B-2', 'ok'],
      ['3>4', 'A-3', 'B-4', 'at-risk'],
      ['5>6', 'A-5', 'B-6', 'ok'],
      ['7>8', 'A-7', 'B-8', 'resolved'],
    ]);
    const after = snapshot([
      ['1>2', 'A-1', 'B-2', 'at-risk'],
      ['3>4', 'A-3', 'B-4', 'resolved'],
      ['9>6', null, 'B-6', 'hidden'],
      ['7>8', 'A-7', 'B-8', 'ok'],
    ]);
    const diff = compareSnapshots(before, after);
    expect(diff.stillOpen.map((c) => c.id)).toEqual(['1>2']);
    expect(diff.added.map((c) => c.id)).toEqual(['9>6', '7>8']);
    expect(diff.resolved.map((c) => [c.id, c.risk])).toEqual([
      ['3>4', 'resolved'],
      ['5>6', 'ok'],
    ]);
  });

  describe('a review saved by someone who sees more, compared by someone who sees less', () => {
    // Saved by an admin: PAY-1 blocks CHK-2, DAT-3 blocks PAY-4 (both restricted), GRW-5 blocks PAY-6.
    const saved = snapshot([
      ['1>2', 'PAY-1', 'CHK-2', 'at-risk'],
      ['3>4', 'DAT-3', 'PAY-4', 'ok'],
      ['5>6', 'GRW-5', 'PAY-6', 'resolved'],
    ]);
    // The viewer sees CHK and GRW only; their own report does not show the link from GRW-5 to PAY-6.
    const visible = new Map([
      ['2', 'CHK-2'],
      ['5', 'GRW-5'],
    ]);
    const viewerDependencies = new Set(['1>2']);
    it.each([
      {
        name: 'leaves out a dependency between two issues the viewer cannot see',
        id: '3>4',
        expected: undefined,
      },
      {
        name: 'keeps the visible end of a half-visible dependency, hidden as in the viewer’s own report',
        id: '1>2',
        expected: ['1>2', null, 'CHK-2', 'hidden'],
      },
      {
        name: 'leaves out what a visible issue blocked that the viewer cannot see and their report does not show',
        id: '5>6',
        expected: undefined,
      },
    ])('$name', ({ id, expected }) => {
      expect(
        snapshotAsSeenBy(saved, visible, viewerDependencies).entries.find((entry) => entry[0] === id),
      ).toEqual(expected);
    });

    it('does not tell the viewer that a restricted issue was done', () => {
      const inScope = snapshotAsSeenBy(saved, visible, new Set(['1>2', '5>6']));
      expect(inScope.entries.find((entry) => entry[0] === '5>6')).toEqual(['5>6', 'GRW-5', null, 'hidden']);
    });

    it('takes every key from what the viewer sees now, none from the stored review', () => {
      const renamed = new Map([
        ['1', 'NEW-1'],
        ['2', 'CHK-2'],
      ]);
      expect(snapshotAsSeenBy(saved, renamed, viewerDependencies).entries).toEqual([
        ['1>2', 'NEW-1', 'CHK-2', 'at-risk'],
      ]);
    });
  });

  it('does not call new what the review’s author could not see, and still calls new what they could', () => {
    const before = snapshot([['1>2', 'GRW-1', 'GRW-2', 'ok']]);
    const after = snapshot([
      ['1>2', 'GRW-1', 'GRW-2', 'ok'],
      ['3>2', 'PAY-3', 'GRW-2', 'ok'],
      ['7>8', 'GRW-7', 'PAY-8', 'at-risk'],
      ['9>10', 'GRW-9', null, 'hidden'],
    ]);
    // The author could browse GRW only: what waits in PAY, or on an issue nobody here can name, was out of sight.
    const diff = compareSnapshots(before, after, new Set(['GRW']));
    expect(diff.added.map((c) => c.id)).toEqual(['3>2']);
    expect(diff.unseen.map((c) => c.id)).toEqual(['7>8', '9>10']);
    expect(diff.stillOpen.map((c) => c.id)).toEqual(['1>2']);
  });

  it('does not claim as resolved since the review what its author could not see and the viewer can', () => {
    // As the viewer sees the review: PAY-1 and PAY-5 were hidden from its author, 3 still is from the viewer.
    const before = snapshot([
      ['1>2', 'PAY-1', 'GRW-2', 'hidden'],
      ['3>4', null, 'GRW-4', 'hidden'],
      ['6>5', 'GRW-6', 'PAY-5', 'hidden'],
    ]);
    const after = snapshot([['1>2', 'PAY-1', 'GRW-2', 'resolved']]);
    // PAY-1 may have been done before the review, PAY-5 outside its scope; the link from 3 to GRW-4 is gone.
    expect(compareSnapshots(before, after).resolved.map((c) => c.id)).toEqual(['3>4']);
  });

  it('remembers a hidden blocker without its key', () => {
    const report = analyseDependencies({
      issues: [issue('PAY-1')],
      links: [{ linkId: '1', blockerId: '555', blockedId: 'id-PAY-1', typeName: 'Blocks' }],
      now: NOW,
    });
    expect(takeSnapshot(report, 'Q4', NOW).entries).toEqual([['555>id-PAY-1', null, 'PAY-1', 'hidden']]);
  });
});

describe('exports', () => {
  const report = analyseDependencies({
    issues: [
      // Unassigned and planned after CHK-2 (2026-12-01): in conflict.
      issue('PAY-1', { summary: '=HYPERLINK("evil")', assignee: null, plannedDate: '2026-12-20' }),
      issue('CHK-2', { summary: 'Pay, then "ship"' }),
      issue('GRW-3', done),
    ],
    links: [
      blocks('PAY-1', 'CHK-2'),
      blocks('GRW-3', 'CHK-2'),
      { linkId: 'x', blockerId: '999', blockedId: 'id-CHK-2', typeName: 'Blocks' },
    ],
    now: NOW,
  });

  it('gives the CLI JSON with a null blocker for a hidden one and counts per team pair', () => {
    const json = toJson(report);
    expect(json.scanned).toBe(3);
    expect(json.dependencies.map((d) => [d.blocker, d.blocked, d.risk])).toEqual([
      ['PAY-1', 'CHK-2', 'conflict'],
      [null, 'CHK-2', 'hidden'],
      ['GRW-3', 'CHK-2', 'resolved'],
    ]);
    expect(json.matrix).toEqual({ PAY: { CHK: 1 }, GRW: { CHK: 1 } });
    expect(json.dependencies[0]).toMatchObject({
      blockerTeam: 'PAY',
      blockedTeam: 'CHK',
      crossTeam: true,
      reasons: ['scheduled-after-blocked', 'unassigned'],
    });
    expect(json.atRiskMatrix).toEqual({ PAY: { CHK: 1 }, GRW: { CHK: 0 } });
    expect(json.conflictMatrix).toEqual({ PAY: { CHK: 1 }, GRW: { CHK: 0 } });
  });

  it('writes CSV a spreadsheet opens safely: quoted commas and quotes, formulas defused', () => {
    expect(csvCell('Pay, then "ship"')).toBe('"Pay, then ""ship"""');
    expect(csvCell('=1+1')).toBe("'=1+1");
    const lines = toCsv(report.dependencies).trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(`PAY-1,"'=HYPERLINK(""evil"")",PAY`);
    expect(lines[2]?.startsWith('(hidden),,,')).toBe(true);
  });

  it('draws open dependencies in Mermaid, a conflict dashed and red, leaving done ones out', () => {
    const mermaid = toMermaid(report);
    expect(mermaid).toContain('PAY_1 -.-> CHK_2');
    // The conflict is the first link drawn.
    expect(mermaid).toContain('linkStyle 0 stroke:#c9372c');
    expect(mermaid).toContain('hidden1 --> CHK_2');
    expect(mermaid).not.toContain('GRW_3');
  });
});

describe('the published section, in the reader’s language', () => {
  const report = analyseDependencies({
    issues: [issue('PAY-1', { assignee: null }), issue('CHK-2', { team: UNASSIGNED_TEAM })],
    links: [blocks('PAY-1', 'CHK-2')],
    now: NOW,
  });
  /** The text of the storage-format section, tags dropped. */
  const text = (locale: string | undefined): string =>
    renderAlignmentSection(report, NOW, publishWordsFor(locale), new Set(['PAY', 'CHK'])).replace(
      /<[^>]+>/g,
      ' ',
    );

  it.each([
    { locale: 'en-US', words: ['Cross-team dependencies', 'at risk', 'nobody assigned', 'Unassigned team'] },
    { locale: undefined, words: ['Cross-team dependencies', 'nobody assigned'] },
    {
      locale: 'fr-FR',
      words: ['Dépendances entre équipes', 'à risque', 'personne d’assigné', 'Sans équipe'],
    },
  ])('writes the headings, risks, reasons and the team-less bucket in $locale', ({ locale, words }) => {
    const section = text(locale);
    for (const word of words) expect(section).toContain(word);
    // Reasons are words, never the report's codes.
    expect(section).not.toMatch(/(^|\s)unassigned(\s|$)/);
  });
});

describe('the published section, for every reader of the space', () => {
  // PAY-1 (restricted) blocks CHK-2; GRW-3 blocks CHK-2; CHK-2 blocks GRW-4.
  const report = analyseDependencies({
    issues: [
      issue('PAY-1', { summary: 'Rotate the card vault keys', assignee: 'Dana Secret' }),
      issue('CHK-2'),
      issue('GRW-3'),
      issue('GRW-4'),
    ],
    links: [blocks('PAY-1', 'CHK-2'), blocks('GRW-3', 'CHK-2'), blocks('CHK-2', 'GRW-4')],
    now: NOW,
  });
  const section = renderAlignmentSection(report, NOW, undefined, new Set(['CHK', 'GRW']));
  const plain = section.replace(/<ac:structured-macro ac:name="jira".*?<\/ac:structured-macro>/g, '');

  it('names the projects it would write about, for the dialog to ask', () => {
    expect(publishedProjects(report.dependencies)).toEqual(['CHK', 'GRW', 'PAY']);
  });

  it.each([
    { name: 'writes no summary, even of a shown project', absent: 'Summary of GRW-3' },
    { name: 'writes no summary of an issue in a project not shown', absent: 'Rotate the card vault keys' },
    { name: 'writes no assignee', absent: 'Dana Secret' },
    { name: 'writes no key as text', absent: 'PAY-1' },
    { name: 'makes no matrix row or column of a project not shown', absent: '<th><p>PAY</p></th>' },
  ])('$name', ({ absent }) => {
    expect(plain).not.toContain(absent);
  });

  it('shows the issues of shown projects through the Jira issue macro, with counts between their teams', () => {
    expect(section).toContain(
      '<ac:structured-macro ac:name="jira" ac:schema-version="1"><ac:parameter ac:name="key">GRW-3</ac:parameter></ac:structured-macro>',
    );
    // GRW blocks CHK once, CHK blocks GRW once; PAY's dependency is not counted. CHK-2 waits on open blockers
    // itself, so what it blocks is at risk (in brackets).
    expect(plain).toContain('<tr><th><p>CHK</p></th><td><p></p></td><td><p>1 (1)</p></td></tr>');
    expect(plain).toContain('<tr><th><p>GRW</p></th><td><p>1</p></td><td><p></p></td></tr>');
  });

  it('names no issue of a project not shown, not even in a macro, and says where to find them', () => {
    expect(section).not.toContain('PAY-1');
    expect(section).toContain('open Quarterly alignment in Jira (Apps) to see those you may see');
  });
});
