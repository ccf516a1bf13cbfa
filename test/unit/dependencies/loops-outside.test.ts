import { describe, expect, it } from 'vitest';
import { analyseDependencies } from '../../../src/dependencies/analyse';
import type { BlockingLink, DependencyIssue } from '../../../src/dependencies/model';
import { blocks, done, issue, NOW } from './fixtures';

const outside = (key: string, overrides: Partial<DependencyIssue> = {}): DependencyIssue =>
  issue(key, { inScope: false, ...overrides });

const analyse = (issues: DependencyIssue[], links: BlockingLink[]) =>
  analyseDependencies({ issues, links, now: NOW });

/** The demo's loop: CHK-5 blocks GRW-5 blocks PAY-14 blocks CHK-5. */
const loop = (): BlockingLink[] => [
  blocks('CHK-5', 'GRW-5'),
  blocks('GRW-5', 'PAY-14'),
  blocks('PAY-14', 'CHK-5'),
];

describe('loops that leave the scope', () => {
  it.each([
    {
      name: 'finds a loop whose way back goes through one blocker outside the scope',
      issues: [outside('CHK-5'), issue('GRW-5'), issue('PAY-14')],
      cycles: [['CHK-5', 'GRW-5', 'PAY-14']],
      outsideKeys: ['CHK-5'],
    },
    {
      name: 'finds a loop that leaves the scope through two issues in a row',
      issues: [outside('CHK-5'), issue('GRW-5'), outside('PAY-14')],
      cycles: [['CHK-5', 'GRW-5', 'PAY-14']],
      outsideKeys: ['CHK-5', 'PAY-14'],
    },
    {
      name: 'finds nothing through an outside issue the user may not see',
      issues: [issue('GRW-5'), outside('PAY-14')],
      cycles: [],
      outsideKeys: [],
    },
    {
      name: 'finds nothing when the outside issue on the way back is done',
      issues: [outside('CHK-5', done), issue('GRW-5'), issue('PAY-14')],
      cycles: [],
      outsideKeys: [],
    },
    {
      name: 'marks no key as outside for a loop wholly inside the scope',
      issues: [issue('CHK-5'), issue('GRW-5'), issue('PAY-14')],
      cycles: [['CHK-5', 'GRW-5', 'PAY-14']],
      outsideKeys: [],
    },
  ])('$name', ({ issues, cycles, outsideKeys }) => {
    const report = analyse(issues, loop());
    expect(report.cycles).toEqual(cycles);
    expect(report.outsideLoopKeys).toEqual(outsideKeys);
  });

  it('shows the loop as one group in the chain that runs through it', () => {
    const report = analyse(
      [issue('PLT-68'), outside('CHK-5'), issue('GRW-5'), issue('PAY-14'), issue('DAT-195')],
      [...loop(), blocks('PLT-68', 'PAY-14'), blocks('PAY-14', 'DAT-195')],
    );
    expect(report.chains[0]).toEqual(['PLT-68', 'CHK-5', 'GRW-5', 'PAY-14', 'DAT-195']);
  });

  it('lists no dependency on the outside issue: the loop adds to neither the list nor the counts', () => {
    const scopeOnly = analyse([outside('CHK-5'), issue('GRW-5'), issue('PAY-14')], loop().slice(0, 2));
    const withWayBack = analyse([outside('CHK-5'), issue('GRW-5'), issue('PAY-14')], loop());
    expect(withWayBack.dependencies).toEqual(scopeOnly.dependencies);
    expect(withWayBack.counts).toEqual(scopeOnly.counts);
  });

  it('leaves chains and blast radii as they were when the outside issue closes no loop', () => {
    const issues = [issue('A-1'), outside('X-9'), issue('B-2'), issue('C-3')];
    const scopeLinks = [blocks('X-9', 'B-2'), blocks('B-2', 'C-3')];
    const without = analyse(issues, scopeLinks);
    const withDeadEnd = analyse(issues, [...scopeLinks, blocks('A-1', 'X-9')]);
    expect(withDeadEnd.cycles).toEqual([]);
    expect(withDeadEnd.chains).toEqual(without.chains);
    expect(withDeadEnd.blastRadius).toEqual(without.blastRadius);
  });
});
