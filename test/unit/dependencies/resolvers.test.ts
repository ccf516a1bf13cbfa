import { describe, expect, it } from 'vitest';
import { createConfluenceClient } from '../../../src/atlassian/confluence';
import { createHttpTransport } from '../../../src/platform/local/http-transport';
import { ADMIN, as, CONTRACTOR, PRIYA, useDemoResolvers } from './demo-site';

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
      name: 'refuses, on the CHK page, a JQL that closes its parentheses to read PAY and DAT',
      payload: {
        scope: { kind: 'jql', jql: 'resolution = EMPTY) OR (project in (PAY, DAT)' },
        teamBy: 'project',
        projectKey: 'CHK',
      },
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

  describe('a review saved by the site admin, compared by the contractor', () => {
    const payload = { scope: { kind: 'quarter' as const, year: 2026, quarter: 4 }, teamBy: 'project' };
    const restricted = /\b(PAY|DAT)-\d+/;

    it('shows the contractor no PAY or DAT key, and the same figures as a review of their own', async () => {
      const adminSaved = await demo.resolvers['dependencies.snapshot.save']({ payload, context: as(ADMIN) });
      if (!adminSaved.ok) throw new Error(adminSaved.error.message);
      const adminReport = await demo.resolvers['dependencies.report']({ payload, context: as(ADMIN) });
      if (!adminReport.ok) throw new Error(adminReport.error.message);
      // The admin's review does hold PAY and DAT dependencies, so the test below means something.
      expect(JSON.stringify(adminReport.data.dependencies)).toMatch(restricted);

      const afterAdmin = await demo.resolvers['dependencies.snapshot.compare']({
        payload,
        context: as(CONTRACTOR),
      });
      if (!afterAdmin.ok) throw new Error(afterAdmin.error.message);
      expect(JSON.stringify(afterAdmin.data)).not.toMatch(restricted);

      // Nothing changed in Jira: the contractor is told nothing was resolved, and no more than a review they
      // had saved themselves would tell them.
      const contractorSaved = await demo.resolvers['dependencies.snapshot.save']({
        payload,
        context: as(CONTRACTOR),
      });
      if (!contractorSaved.ok) throw new Error(contractorSaved.error.message);
      expect(contractorSaved.data.dependencies).toBeLessThan(adminSaved.data.dependencies);
      const afterOwn = await demo.resolvers['dependencies.snapshot.compare']({
        payload,
        context: as(CONTRACTOR),
      });
      if (!afterOwn.ok) throw new Error(afterOwn.error.message);
      const ids = (changes: readonly { id: string }[] | undefined) => changes?.map((c) => c.id).sort();
      expect(afterAdmin.data.diff?.resolved).toEqual([]);
      expect(afterAdmin.data.diff?.added).toEqual([]);
      // The links from the contractor's issues to PAY and DAT issues outside the quarter are in their report
      // (hidden), not in the admin's: they are told these were not in the review, not that they are new.
      const open = [...(afterAdmin.data.diff?.stillOpen ?? []), ...(afterAdmin.data.diff?.unseen ?? [])];
      expect(ids(open)).toEqual(ids(afterOwn.data.diff?.stillOpen));
      expect(afterAdmin.data.diff?.unseen.every((c) => c.blocked === null)).toBe(true);
    });

    it('does not make the admin’s PAY and DAT dependencies look new after the contractor saved', async () => {
      const compared = await demo.resolvers['dependencies.snapshot.compare']({ payload, context: as(ADMIN) });
      if (!compared.ok) throw new Error(compared.error.message);
      const diff = compared.data.diff;
      expect(diff?.added).toEqual([]);
      expect(diff?.resolved).toEqual([]);
      // What the contractor could not see is set apart, not counted as new.
      expect(JSON.stringify(diff?.unseen)).toMatch(restricted);
      // The contractor's review could not hold a dependency between two issues they cannot see.
      const restrictedEnd = (key: string | null) => key !== null && restricted.test(key);
      expect(diff?.stillOpen.filter((c) => restrictedEnd(c.blocker) && restrictedEnd(c.blocked))).toEqual([]);
    });
  });

  describe('a page published by the site admin into a space the contractor reads', () => {
    const scope = { kind: 'quarter' as const, year: 2026, quarter: 4 };
    const restrictedKey = /\b(PAY|DAT)-\d+/;
    /** The page as the contractor reads it from Confluence, Jira macros (rendered per reader) left out. */
    async function readAsContractor(title: string): Promise<{ body: string; plain: string }> {
      const confluence = createConfluenceClient(
        createHttpTransport({ siteUrl: demo.sandbox.url, email: 'alex.contractor@example.com' }),
      );
      const space = await confluence.spaceByKey('ENG');
      if (!space) throw new Error('the contractor cannot see ENG');
      const page = await confluence.findPageByTitle(space.id, title);
      if (!page) throw new Error('the contractor cannot read the published page');
      const plain = page.body.replace(/<ac:structured-macro ac:name="jira".*?<\/ac:structured-macro>/g, '');
      return { body: page.body, plain };
    }

    it('writes no PAY or DAT key, summary, team or count as text, and shows their issues only through Jira', async () => {
      const report = await demo.resolvers['dependencies.report']({
        payload: { scope, teamBy: 'project' },
        context: as(ADMIN),
      });
      if (!report.ok) throw new Error(report.error.message);
      const restrictedSummaries = report.data.dependencies
        .flatMap((d) => [d.blocker, d.blocked])
        .filter((issue) => issue !== null && restrictedKey.test(issue.key))
        .map((issue) => issue?.summary ?? '');
      expect(restrictedSummaries.length).toBeGreaterThan(10);

      const title = 'Alignment Q4 2026, shown to contractors';
      const published = await demo.resolvers['dependencies.publish']({
        payload: {
          scope,
          teamBy: 'project',
          spaceKey: 'ENG',
          title,
          shownProjects: ['CHK', 'GRW', 'MOB', 'PLT'],
        },
        context: as(ADMIN),
      });
      if (!published.ok) throw new Error(published.error.message);

      const { body, plain } = await readAsContractor(title);
      expect(plain).not.toMatch(restrictedKey);
      expect(plain).not.toMatch(/<th><p>(PAY|DAT)<\/p><\/th>|<td><p>(PAY|DAT)<\/p><\/td>/);
      for (const summary of restrictedSummaries) expect(body).not.toContain(summary);
      // The teams the admin agreed to show are there, with their counts.
      expect(plain).toContain('<th><p>CHK</p></th>');
      expect(plain).toMatch(/<td><p>\d+( \(\d+\))?<\/p><\/td>/);
      // The PAY and DAT issues are listed by a Jira macro, which shows each reader only what Jira lets them see.
      expect(body).toMatch(/<ac:parameter ac:name="jqlQuery">key in \([^<]*&quot;PAY-\d+&quot;/);
    });

    it('writes a project as plain text once the publisher ticked it', async () => {
      const title = 'Alignment Q4 2026, every project shown';
      const published = await demo.resolvers['dependencies.publish']({
        payload: {
          scope,
          teamBy: 'project',
          spaceKey: 'ENG',
          title,
          shownProjects: ['CHK', 'DAT', 'GRW', 'MOB', 'PAY', 'PLT'],
        },
        context: as(ADMIN),
      });
      if (!published.ok) throw new Error(published.error.message);
      const { plain } = await readAsContractor(title);
      expect(plain).toContain('<th><p>PAY</p></th>');
      expect(plain).not.toMatch(restrictedKey);
    });
  });
});
