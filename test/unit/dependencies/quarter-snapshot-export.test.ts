import { describe, expect, it } from 'vitest';
import { analyseDependencies } from '../../../src/dependencies/analyse';
import { csvCell, toCsv, toJson, toMermaid } from '../../../src/dependencies/export';
import { UNASSIGNED_TEAM } from '../../../src/dependencies/model';
import { publishWordsFor, renderAlignmentSection } from '../../../src/dependencies/publish';
import { compareSnapshots, takeSnapshot, type Snapshot } from '../../../src/dependencies/snapshot';
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
      issue('PAY-1', { summary: '=HYPERLINK("evil")', assignee: null }),
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
      ['PAY-1', 'CHK-2', 'at-risk'],
      [null, 'CHK-2', 'hidden'],
      ['GRW-3', 'CHK-2', 'resolved'],
    ]);
    expect(json.matrix).toEqual({ PAY: { CHK: 1 }, GRW: { CHK: 1 } });
    expect(json.dependencies[0]).toMatchObject({
      blockerTeam: 'PAY',
      blockedTeam: 'CHK',
      crossTeam: true,
      reasons: ['unassigned'],
    });
  });

  it('writes CSV a spreadsheet opens safely: quoted commas and quotes, formulas defused', () => {
    expect(csvCell('Pay, then "ship"')).toBe('"Pay, then ""ship"""');
    expect(csvCell('=1+1')).toBe("'=1+1");
    const lines = toCsv(report.dependencies).trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(`PAY-1,"'=HYPERLINK(""evil"")",PAY`);
    expect(lines[2]?.startsWith('(hidden),,,')).toBe(true);
  });

  it('draws open dependencies in Mermaid, at-risk ones dashed, leaving done ones out', () => {
    const mermaid = toMermaid(report);
    expect(mermaid).toContain('PAY_1 -.-> CHK_2');
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
    renderAlignmentSection(report, NOW, publishWordsFor(locale)).replace(/<[^>]+>/g, ' ');

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
