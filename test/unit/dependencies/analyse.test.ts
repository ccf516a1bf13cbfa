import { describe, expect, it } from 'vitest';
import { analyseDependencies, riskOf } from '../../../src/dependencies/analyse';
import { UNASSIGNED_TEAM, type DependencyIssue } from '../../../src/dependencies/model';
import { blocks, done, issue, NOW } from './fixtures';

const analyse = (issues: DependencyIssue[], links: ReturnType<typeof blocks>[]) =>
  analyseDependencies({ issues, links, now: NOW });

describe('blocking edges', () => {
  it('counts a link once when it is read from both of its issues', () => {
    const report = analyse(
      [issue('PAY-1'), issue('CHK-2')],
      [blocks('PAY-1', 'CHK-2'), blocks('PAY-1', 'CHK-2')],
    );
    expect(report.dependencies).toHaveLength(1);
    expect(report.matrix).toEqual([
      { blockerTeam: 'PAY', blockedTeam: 'CHK', count: 1, atRisk: 0, conflict: 0 },
    ]);
  });

  it('counts a pair once when two link types join it, keeping both type names', () => {
    const report = analyse(
      [issue('PAY-1'), issue('CHK-2')],
      [blocks('PAY-1', 'CHK-2'), blocks('PAY-1', 'CHK-2', 'Depends')],
    );
    expect(report.dependencies).toHaveLength(1);
    expect(report.dependencies[0]?.linkTypes).toEqual(['Blocks', 'Depends']);
  });

  it('keeps only dependencies whose blocked issue is in the scope', () => {
    const report = analyse(
      [issue('PAY-1'), issue('CHK-2', { inScope: false })],
      [blocks('PAY-1', 'CHK-2'), blocks('CHK-2', 'PAY-1')],
    );
    expect(report.dependencies.map((d) => `${d.blocker?.key}>${d.blocked?.key}`)).toEqual(['CHK-2>PAY-1']);
    expect(report.dependencies[0]?.blocker?.outsideScope).toBe(true);
    expect(report.counts.outsideScope).toBe(1);
    expect(report.scanned).toBe(1);
  });

  it('shows a blocker the user cannot see as hidden: counted, no key, out of the matrix', () => {
    const link = { linkId: '1', blockerId: '777', blockedId: 'id-PAY-1', typeName: 'Blocks' };
    const report = analyse([issue('PAY-1')], [link]);
    expect(report.dependencies).toEqual([
      expect.objectContaining({ blocker: null, blockerTeam: null, risk: 'hidden', crossTeam: false }),
    ]);
    expect(report.teams).toEqual(['PAY']);
    expect(report.counts.hidden).toBe(1);
    expect(report.matrix).toEqual([]);
  });

  it('puts issues with no team value in the unassigned team bucket', () => {
    const report = analyse(
      [issue('PAY-1', { team: UNASSIGNED_TEAM }), issue('CHK-2')],
      [blocks('PAY-1', 'CHK-2')],
    );
    expect(report.teams).toEqual(['CHK', UNASSIGNED_TEAM]);
    expect(report.dependencies[0]).toMatchObject({ blockerTeam: UNASSIGNED_TEAM, crossTeam: true });
  });

  it('marks dependencies inside one team as not cross-team', () => {
    const report = analyse(
      [issue('PAY-1'), issue('PAY-2'), issue('CHK-3')],
      [blocks('PAY-1', 'PAY-2'), blocks('PAY-1', 'CHK-3')],
    );
    expect(report.dependencies.map((d) => d.crossTeam).sort()).toEqual([false, true]);
    expect(report.counts.crossTeam).toBe(1);
  });
});

describe('cycles, chains, ready next, blast radius', () => {
  it('finds teams waiting on each other in a loop', () => {
    const report = analyse(
      [issue('PAY-1'), issue('CHK-2'), issue('GRW-3'), issue('MOB-4')],
      [
        blocks('PAY-1', 'CHK-2'),
        blocks('CHK-2', 'GRW-3'),
        blocks('GRW-3', 'PAY-1'),
        blocks('GRW-3', 'MOB-4'),
      ],
    );
    expect(report.cycles).toEqual([['CHK-2', 'GRW-3', 'PAY-1']]);
  });

  it('does not report a loop broken by a blocker that is done', () => {
    const report = analyse(
      [issue('PAY-1', done), issue('CHK-2'), issue('GRW-3')],
      [blocks('PAY-1', 'CHK-2'), blocks('CHK-2', 'GRW-3'), blocks('GRW-3', 'PAY-1')],
    );
    expect(report.cycles).toEqual([]);
  });

  it('lists the longest chain of open blockers, blocker first', () => {
    const report = analyse(
      [issue('A-1'), issue('B-2'), issue('C-3'), issue('D-4'), issue('E-5')],
      [blocks('A-1', 'B-2'), blocks('B-2', 'C-3'), blocks('C-3', 'D-4'), blocks('E-5', 'D-4')],
    );
    expect(report.chains[0]).toEqual(['A-1', 'B-2', 'C-3', 'D-4']);
    expect(report.chains[1]).toEqual(['E-5', 'D-4']);
  });

  it('says which issues are ready next: every blocker done, and no hidden one', () => {
    const report = analyse(
      [issue('A-1', done), issue('A-2', done), issue('B-1'), issue('B-2'), issue('B-3'), issue('B-4')],
      [
        blocks('A-1', 'B-1'),
        blocks('A-2', 'B-1'),
        blocks('A-1', 'B-2'),
        blocks('B-4', 'B-2'),
        blocks('A-1', 'B-3'),
        blocks('HIDDEN-1', 'B-3'),
      ],
    );
    expect(report.readyNext).toEqual(['B-1']);
  });

  it('measures how much work waits, transitively, on each open blocker', () => {
    const report = analyse(
      [
        issue('PLT-1', { storyPoints: 8 }),
        issue('PAY-2', { storyPoints: 5 }),
        issue('CHK-3', { storyPoints: 3 }),
        issue('MOB-4', { storyPoints: null }),
        issue('DAT-5', { ...done, storyPoints: 13 }),
      ],
      [
        blocks('PLT-1', 'PAY-2'),
        blocks('PLT-1', 'CHK-3'),
        blocks('PAY-2', 'MOB-4'),
        blocks('CHK-3', 'MOB-4'),
        blocks('MOB-4', 'DAT-5'),
      ],
    );
    expect(report.blastRadius).toEqual([
      { key: 'PLT-1', team: 'PLT', issues: 3, storyPoints: 8 },
      { key: 'CHK-3', team: 'CHK', issues: 1, storyPoints: 0 },
      { key: 'PAY-2', team: 'PAY', issues: 1, storyPoints: 0 },
    ]);
  });

  it('gives every member of a loop the whole loop and what follows it as waiting work', () => {
    const report = analyse(
      [issue('A-1', { storyPoints: 1 }), issue('B-2', { storyPoints: 2 }), issue('C-3', { storyPoints: 4 })],
      [blocks('A-1', 'B-2'), blocks('B-2', 'A-1'), blocks('B-2', 'C-3')],
    );
    expect(report.blastRadius).toEqual([
      { key: 'A-1', team: 'A', issues: 2, storyPoints: 6 },
      { key: 'B-2', team: 'B', issues: 2, storyPoints: 5 },
    ]);
  });

  it('handles a chain of 100,000 blockers without running out of stack', () => {
    const count = 100_000;
    const issues = Array.from({ length: count }, (_, i) => issue(`L-${i}`));
    const links = issues.slice(1).map((_, i) => blocks(`L-${i}`, `L-${i + 1}`));
    links.push(blocks(`L-${count - 1}`, 'L-0'));
    const report = analyse(issues, links);
    expect(report.cycles).toHaveLength(1);
    expect(report.cycles[0]).toHaveLength(count);
    expect(report.blastRadius[0]?.issues).toBe(count - 1);
  });
});

describe('stale blockers, counted as hygiene counts them', () => {
  it.each([
    {
      name: 'fourteen and a half days idle: not yet stale (whole days count)',
      updated: '2026-11-01T21:00:00Z',
      stale: false,
    },
    { name: 'fifteen days idle: stale', updated: '2026-11-01T09:00:00Z', stale: true },
  ])('$name', ({ updated, stale }) => {
    expect(riskOf(issue('PAY-1', { updated }), issue('CHK-2'), NOW).reasons.includes('stale')).toBe(stale);
  });
});
