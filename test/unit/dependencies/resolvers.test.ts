import { describe, expect, it } from 'vitest';
import { as, PRIYA, useDemoResolvers } from './demo-site';

const demo = useDemoResolvers();

describe('dependencies resolvers', () => {
  it('builds the quarter report by due date as the signed-in user', async () => {
    const result = await demo.resolvers['dependencies.report']({
      payload: { scope: { kind: 'quarter', year: 2026, quarter: 4 }, teamBy: 'project' },
      context: as(PRIYA),
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data.scopeLabel).toBe('Q4 2026');
    expect(result.data.jql).toBe('duedate >= "2026-10-01" AND duedate <= "2026-12-31"');
    expect(result.data.dependencies.length).toBeGreaterThan(0);
    expect(result.data.totalDependencies).toBe(result.data.dependencies.length);
  });

  it('offers the demo site’s Team and Flagged fields as team dimensions, then reads teams from the one picked', async () => {
    const fields = await demo.resolvers['dependencies.fields']({ payload: {}, context: as(PRIYA) });
    if (!fields.ok) throw new Error(fields.error.message);
    // The sandbox's custom fields: Team (team), Flagged (checkboxes); story points, sprint and acceptance
    // criteria (a paragraph) cannot name a team.
    expect(fields.data.fields).toEqual([
      { id: 'customfield_10021', name: 'Flagged' },
      { id: 'customfield_10001', name: 'Team' },
    ]);
    const report = await demo.resolvers['dependencies.report']({
      payload: { scope: { kind: 'jql', jql: 'project in (PAY, CHK)' }, teamBy: 'field:customfield_10001' },
      context: as(PRIYA),
    });
    if (!report.ok) throw new Error(report.error.message);
    // The demo sets the Team field on nine issues in ten: the others are in the bucket, named as such.
    expect(report.data.teams).toContain('Unassigned team');
    expect(report.data.teams).toEqual(expect.arrayContaining(['Payments', 'Checkout']));
  });

  it('keeps one team’s page to what the team waits on and who waits on it', async () => {
    const result = await demo.resolvers['dependencies.report']({
      payload: {
        scope: { kind: 'jql', jql: 'project in (PAY, CHK, GRW, MOB, PLT, DAT)' },
        teamBy: 'project',
        projectKey: 'PAY',
      },
      context: as(PRIYA),
    });
    if (!result.ok) throw new Error(result.error.message);
    const touchesPay = (key: string | undefined): boolean => key?.startsWith('PAY-') === true;
    expect(
      result.data.dependencies.every((d) => touchesPay(d.blocked?.key) || touchesPay(d.blocker?.key)),
    ).toBe(true);
    expect(result.data.dependencies.some((d) => d.blockerTeam === 'PAY' && d.blockedTeam !== 'PAY')).toBe(
      true,
    );
    expect(result.data.dependencies.some((d) => d.blockedTeam === 'PAY' && d.blockerTeam !== 'PAY')).toBe(
      true,
    );
  });

  it.each([
    {
      name: 'refuses a request without a signed-in user',
      payload: { scope: { kind: 'jql', jql: 'project = PAY' }, teamBy: 'project' },
      accountId: undefined,
      code: 'UNAUTHENTICATED',
    },
    {
      name: 'refuses an unknown team dimension',
      payload: { scope: { kind: 'jql', jql: 'project = PAY' }, teamBy: 'squad' },
      accountId: PRIYA,
      code: 'INVALID_INPUT',
    },
    {
      name: 'refuses a fifth quarter',
      payload: { scope: { kind: 'quarter', year: 2026, quarter: 5 }, teamBy: 'project' },
      accountId: PRIYA,
      code: 'INVALID_INPUT',
    },
    {
      name: 'passes on Jira’s refusal of a JQL',
      payload: { scope: { kind: 'jql', jql: 'project = = PAY' }, teamBy: 'project' },
      accountId: PRIYA,
      code: 'JQL_REJECTED',
    },
  ])('$name', async ({ payload, accountId, code }) => {
    const result = await demo.resolvers['dependencies.report']({ payload, context: as(accountId) });
    expect(result.ok ? 'ok' : result.error.code).toBe(code);
  });

  it('answers the issue panel with blockers and the issues waiting on it', async () => {
    const report = await demo.resolvers['dependencies.report']({
      payload: { scope: { kind: 'jql', jql: 'project in (PAY, CHK, GRW)' }, teamBy: 'project' },
      context: as(PRIYA),
    });
    if (!report.ok) throw new Error(report.error.message);
    const key = report.data.cycles[0]?.[0] ?? '';
    const panel = await demo.resolvers['dependencies.issue']({
      payload: { issueKey: key },
      context: as(PRIYA, { issue: { key, id: '1' } }),
    });
    if (!panel.ok) throw new Error(panel.error.message);
    expect(panel.data.key).toBe(key);
    expect(panel.data.openBlockers).toBeGreaterThan(0);
    expect(panel.data.blocks.length).toBeGreaterThan(0);
  });

  it('saves a review and compares the next one with it', async () => {
    const payload = { scope: { kind: 'jql' as const, jql: 'project = GRW' }, teamBy: 'project' };
    const before = await demo.resolvers['dependencies.snapshot.compare']({ payload, context: as(PRIYA) });
    expect(before.ok && before.data.diff).toBeNull();
    const saved = await demo.resolvers['dependencies.snapshot.save']({ payload, context: as(PRIYA) });
    if (!saved.ok) throw new Error(saved.error.message);
    const after = await demo.resolvers['dependencies.snapshot.compare']({ payload, context: as(PRIYA) });
    if (!after.ok) throw new Error(after.error.message);
    // Same data as the saved review: nothing new, nothing resolved, everything open still open.
    expect(after.data.diff).toMatchObject({ added: [], resolved: [] });
    expect(after.data.diff?.stillOpen.length).toBeGreaterThan(0);
  });
});
