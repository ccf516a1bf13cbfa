import { describe, expect, it } from 'vitest';
import { as, dataOf, outcomeOf, PRIYA, useDemoResolvers } from './demo-site';

const demo = useDemoResolvers();

const agree = (change: unknown, blockerKey = 'GRW-39', blockedKey = 'PAY-38') =>
  demo.resolvers['dependencies.agree']({
    payload: { blockerKey, blockedKey, change },
    context: as(PRIYA),
  });

describe('dependencies.agree', () => {
  it('asks, and both issue panels and the project report show the agreement', async () => {
    const saved = dataOf(await agree({ kind: 'ask', neededBy: '2026-12-01' }));
    expect(saved).toEqual({
      blocker: 'GRW-39',
      blocked: 'PAY-38',
      agreement: { neededBy: '2026-12-01', committedBy: null, declined: null, status: 'asked' },
    });
    const panel = (key: string) =>
      demo.resolvers['dependencies.issue']({
        payload: { issueKey: key },
        context: as(PRIYA, { issue: { key, id: '1' } }),
      });
    const blockedPanel = dataOf(await panel('PAY-38'));
    expect(blockedPanel.blockedBy.find((d) => d.blocker?.key === 'GRW-39')?.agreement?.status).toBe('asked');
    const blockerPanel = dataOf(await panel('GRW-39'));
    expect(blockerPanel.blocks.find((d) => d.blocked?.key === 'PAY-38')?.agreement?.neededBy).toBe(
      '2026-12-01',
    );
    const report = outcomeOf(
      await demo.resolvers['dependencies.report']({
        payload: { scope: { kind: 'jql', jql: 'project = PAY' }, teamBy: 'project', projectKey: 'PAY' },
        context: as(PRIYA),
      }),
    ).report;
    const dependency = report.dependencies.find(
      (d) => d.blocker?.key === 'GRW-39' && d.blocked?.key === 'PAY-38',
    );
    expect(dependency?.agreement).toEqual(saved.agreement);
  });

  it.each([
    ['a blank reason', { kind: 'decline', reason: ' \n ' }, 'INVALID_INPUT'],
    ['a day that does not exist', { kind: 'commit', committedBy: '2026-02-30' }, 'INVALID_INPUT'],
    ['a day with a time', { kind: 'ask', neededBy: '2026-12-01T10:00' }, 'INVALID_INPUT'],
    ['a change of no known kind', { kind: 'promise', day: '2026-12-01' }, 'INVALID_INPUT'],
  ])('refuses %s as invalid input', async (_name, change, code) => {
    const refused = await agree(change);
    expect(refused).toMatchObject({ ok: false, error: { code } });
  });
});
