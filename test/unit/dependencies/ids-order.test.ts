import { describe, expect, it } from 'vitest';
import { analyseDependencies } from '../../../src/dependencies/analyse';
import type { BlockingLink } from '../../../src/dependencies/model';
import { issue, NOW } from './fixtures';

/** Jira ids are decimal numbers: the analysis looks those up by number, and must still match them exactly. */
const link = (blockerId: string, blockedId: string): BlockingLink => ({
  linkId: `${blockerId}>${blockedId}`,
  blockerId,
  blockedId,
  typeName: 'Blocks',
});

describe('issues named by Jira ids', () => {
  it.each([
    { name: 'close ids (a flat table)', first: '10041', second: '10042' },
    { name: 'far-apart ids (a map of numbers)', first: '7', second: '90000000' },
  ])('finds the blocker by its id with $name', ({ first, second }) => {
    const report = analyseDependencies({
      issues: [issue('PAY-1', { id: first }), issue('CHK-2', { id: second })],
      links: [link(first, second)],
      now: NOW,
    });
    expect(report.dependencies.map((d) => `${d.blocker?.key}>${d.blocked?.key}`)).toEqual(['PAY-1>CHK-2']);
  });

  it('does not take "010042" for issue 10042: such a blocker is hidden', () => {
    const report = analyseDependencies({
      issues: [issue('PAY-1', { id: '10041' }), issue('CHK-2', { id: '10042' })],
      links: [link('010041', '10042')],
      now: NOW,
    });
    expect(report.dependencies).toEqual([expect.objectContaining({ blocker: null, risk: 'hidden' })]);
  });
});

describe('key order', () => {
  it('lists ready issues by project, then by number ("PAY-9" before "PAY-10"), then keys without a number first', () => {
    const done = { status: 'Done', statusCategory: 'done' } as const;
    const keys = ['PAY-10', 'CHK-3', 'PAY-9', 'PAY', 'CHK-20'];
    const issues = [issue('DONE-1', done), ...keys.map((key) => issue(key))];
    const links = keys.map((key) => ({
      linkId: key,
      blockerId: 'id-DONE-1',
      blockedId: `id-${key}`,
      typeName: 'Blocks',
    }));
    const report = analyseDependencies({ issues, links, now: NOW });
    expect(report.readyNext).toEqual(['CHK-3', 'CHK-20', 'PAY', 'PAY-9', 'PAY-10']);
  });

  it('sums fractional story points of waiting work', () => {
    const report = analyseDependencies({
      issues: [
        issue('A-1', { storyPoints: 0.1 }),
        issue('A-2', { storyPoints: 0.2 }),
        issue('A-3', { storyPoints: 0.3 }),
      ],
      links: [link('id-A-1', 'id-A-2'), link('id-A-2', 'id-A-3')],
      now: NOW,
    });
    expect(report.blastRadius.map((b) => b.key)).toEqual(['A-1', 'A-2']);
    expect(report.blastRadius[0]?.storyPoints).toBeCloseTo(0.5);
    expect(report.blastRadius[1]?.storyPoints).toBeCloseTo(0.3);
  });
});
