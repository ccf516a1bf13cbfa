import { describe, expect, it } from 'vitest';
import { analyseDependencies } from '../../../src/dependencies/analyse';
import { outcomeItems, outcomeOf } from '../../../src/services/dependencies/outcome';
import { blocks, issue, NOW } from './fixtures';

/** A report of three dependencies, as a job stores it: its head, then one item per dependency. */
function storedReport() {
  const report = analyseDependencies({
    issues: [issue('PLT-1'), issue('PAY-2'), issue('CHK-3'), issue('MOB-4')],
    links: [blocks('PLT-1', 'PAY-2'), blocks('PAY-2', 'CHK-3'), blocks('CHK-3', 'MOB-4')],
    now: NOW,
  });
  const view = { ...report, jql: 'project = PLT', scopeLabel: 'Q4 2026', totalDependencies: 3 };
  return { report: view, items: outcomeItems({ action: 'report', report: view }) };
}

describe('a dependency report read back from a job', () => {
  it('comes back as it was stored, its dependencies and counts included', () => {
    const { report, items } = storedReport();
    expect(outcomeOf(JSON.parse(JSON.stringify(items)) as unknown[])).toEqual({ action: 'report', report });
  });

  it('counts no conflict and nothing to watch for a report stored before those levels existed', () => {
    const { report, items } = storedReport();
    // The counts of the previous version: ok, at-risk, resolved, hidden, crossTeam and outsideScope only.
    const [head, ...rest] = JSON.parse(JSON.stringify(items)) as [
      { report: { counts: Record<string, number> } },
      ...unknown[],
    ];
    const { conflict: _conflict, watch: _watch, ...before } = head.report.counts;
    head.report.counts = before;
    const read = outcomeOf([head, ...rest]);
    if (read.action !== 'report') throw new Error('not a report');
    expect(read.report.counts).toEqual({ ...report.counts, ...before, conflict: 0, watch: 0 });
    expect(read.report.dependencies).toHaveLength(3);
  });
});
