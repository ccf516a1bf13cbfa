import { describe, expect, it } from 'vitest';
import { ConfluenceClient } from '../../../src/atlassian/confluence';
import { createHttpTransport } from '../../../src/platform/local/http-transport';
import { ADMIN, as, CONTRACTOR, dataOf, outcomeOf, PRIYA, useDemoResolvers } from './demo-site';

const demo = useDemoResolvers();

describe('dependencies resolvers', () => {
  it('builds the quarter report by due date as the signed-in user', async () => {
    const result = await demo.resolvers['dependencies.report']({
      payload: { scope: { kind: 'quarter', year: 2026, quarter: 4 }, teamBy: 'project' },
      context: as(PRIYA),
    });
    expect(outcomeOf(result).report.scopeLabel).toBe('Q4 2026');
    expect(outcomeOf(result).report.jql).toBe('duedate >= "2026-10-01" AND duedate <= "2026-12-31"');
    expect(outcomeOf(result).report.dependencies.length).toBeGreaterThan(0);
    expect(outcomeOf(result).report.totalDependencies).toBe(outcomeOf(result).report.dependencies.length);
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
    // The demo sets the Team field on nine issues in ten: the others are in the bucket, named as such.
    expect(outcomeOf(report).report.teams).toContain('Unassigned team');
    expect(outcomeOf(report).report.teams).toEqual(expect.arrayContaining(['Payments', 'Checkout']));
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
    const touchesPay = (key: string | undefined): boolean => key?.startsWith('PAY-') === true;
    expect(
      outcomeOf(result).report.dependencies.every(
        (d) => touchesPay(d.blocked?.key) || touchesPay(d.blocker?.key),
      ),
    ).toBe(true);
    expect(
      outcomeOf(result).report.dependencies.some((d) => d.blockerTeam === 'PAY' && d.blockedTeam !== 'PAY'),
    ).toBe(true);
    expect(
      outcomeOf(result).report.dependencies.some((d) => d.blockedTeam === 'PAY' && d.blockerTeam !== 'PAY'),
    ).toBe(true);
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
    const key = outcomeOf(report).report.cycles[0]?.[0] ?? '';
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
    expect(outcomeOf(before).comparison.diff).toBeNull();
    const saved = await demo.resolvers['dependencies.snapshot.save']({ payload, context: as(PRIYA) });
    expect(outcomeOf(saved).saved.dependencies).toBeGreaterThan(0);
    const after = await demo.resolvers['dependencies.snapshot.compare']({ payload, context: as(PRIYA) });
    // Same data as the saved review: nothing new, nothing resolved, everything open still open.
    expect(outcomeOf(after).comparison.diff).toMatchObject({ added: [], resolved: [] });
    expect(outcomeOf(after).comparison.diff?.stillOpen.length).toBeGreaterThan(0);
  });

  describe('a review saved by the site admin, compared by the contractor', () => {
    const payload = { scope: { kind: 'quarter' as const, year: 2026, quarter: 4 }, teamBy: 'project' };
    const restricted = /\b(PAY|DAT)-\d+/;

    it('shows the contractor no PAY or DAT key, and the same figures as a review of their own', async () => {
      const adminSaved = await demo.resolvers['dependencies.snapshot.save']({ payload, context: as(ADMIN) });
      const adminReport = await demo.resolvers['dependencies.report']({ payload, context: as(ADMIN) });
      // The admin's review does hold PAY and DAT dependencies, so the test below means something.
      expect(JSON.stringify(outcomeOf(adminReport).report.dependencies)).toMatch(restricted);

      const afterAdmin = await demo.resolvers['dependencies.snapshot.compare']({
        payload,
        context: as(CONTRACTOR),
      });
      expect(JSON.stringify(outcomeOf(afterAdmin))).not.toMatch(restricted);

      // Nothing changed in Jira: the contractor is told nothing was resolved, and no more than a review they
      // had saved themselves would tell them.
      const contractorSaved = await demo.resolvers['dependencies.snapshot.save']({
        payload,
        context: as(CONTRACTOR),
      });
      expect(outcomeOf(contractorSaved).saved.dependencies).toBeLessThan(
        outcomeOf(adminSaved).saved.dependencies,
      );
      const afterOwn = await demo.resolvers['dependencies.snapshot.compare']({
        payload,
        context: as(CONTRACTOR),
      });
      const ids = (changes: readonly { id: string }[] | undefined) => changes?.map((c) => c.id).sort();
      expect(outcomeOf(afterAdmin).comparison.diff?.resolved).toEqual([]);
      expect(outcomeOf(afterAdmin).comparison.diff?.added).toEqual([]);
      // The links from the contractor's issues to PAY and DAT issues outside the quarter are in their report
      // (hidden), not in the admin's: they are told these were not in the review, not that they are new.
      const open = [
        ...(outcomeOf(afterAdmin).comparison.diff?.stillOpen ?? []),
        ...(outcomeOf(afterAdmin).comparison.diff?.unseen ?? []),
      ];
      expect(ids(open)).toEqual(ids(outcomeOf(afterOwn).comparison.diff?.stillOpen));
      expect(outcomeOf(afterAdmin).comparison.diff?.unseen.every((c) => c.blocked === null)).toBe(true);
    });

    it('does not make the admin’s PAY and DAT dependencies look new after the contractor saved', async () => {
      const compared = await demo.resolvers['dependencies.snapshot.compare']({ payload, context: as(ADMIN) });
      const diff = outcomeOf(compared).comparison.diff;
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
      const confluence = new ConfluenceClient(
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
      const restrictedSummaries = outcomeOf(report)
        .report.dependencies.flatMap((d) => [d.blocker, d.blocked])
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
      expect(outcomeOf(published).page.title).toBe(title);

      const { body, plain } = await readAsContractor(title);
      expect(plain).not.toMatch(restrictedKey);
      expect(plain).not.toMatch(/<th><p>(PAY|DAT)<\/p><\/th>|<td><p>(PAY|DAT)<\/p><\/td>/);
      for (const summary of restrictedSummaries) expect(body).not.toContain(summary);
      // The teams the admin agreed to show are there, with their counts.
      expect(plain).toContain('<th><p>CHK</p></th>');
      expect(plain).toMatch(/<td><p>\d+( \(\d+\))?<\/p><\/td>/);
      // Not even the page's storage names a PAY or DAT issue: readers are sent to the app in Jira instead.
      expect(body).not.toMatch(restrictedKey);
      expect(body).toContain('open Quarterly alignment in Jira (Apps)');
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
      expect(outcomeOf(published).page.title).toBe(title);
      const { plain } = await readAsContractor(title);
      expect(plain).toContain('<th><p>PAY</p></th>');
      expect(plain).not.toMatch(restrictedKey);
    });
  });
});

describe('dependency work too large for one invocation', () => {
  const demo = useDemoResolvers();
  const payload = { scope: { kind: 'jql' as const, jql: 'project in (CHK, GRW, MOB)' }, teamBy: 'project' };

  /** Lets the queue run every event pushed so far, then asks for the job as the page polls it. */
  async function settled(jobId: string, accountId = PRIYA) {
    await demo.platform.queue.drain();
    return dataOf(await demo.small['dependencies.job']({ payload: { jobId }, context: as(accountId) }));
  }

  it('runs the report as a job, found again after leaving the page, with the figures of a report at once', async () => {
    const started = dataOf(await demo.small['dependencies.report']({ payload, context: as(PRIYA) }));
    if (started.status !== 'running') throw new Error(`expected a job, got ${started.status}`);
    expect(started.scopeLabel).toBe('project in (CHK, GRW, MOB)');
    // The page was left; opened again, it asks for the user's latest report and finds the job.
    const latest = async () =>
      dataOf(await demo.small['dependencies.latest']({ payload: { action: 'report' }, context: as(PRIYA) }));
    expect(await latest()).toMatchObject({ jobId: started.jobId });
    const done = await settled(started.jobId);
    expect(await latest()).toEqual(done);
    if (done.status !== 'done' || done.outcome.action !== 'report') throw new Error('the job did not finish');
    const atOnce = outcomeOf(await demo.resolvers['dependencies.report']({ payload, context: as(PRIYA) }));
    expect(done.outcome.report.scanned).toBeGreaterThan(20);
    expect(done.outcome.report).toEqual(atOnce.report);
  });

  it('answers another user NOT_FOUND for the job, as for a job that never was, and no latest report', async () => {
    const started = dataOf(await demo.small['dependencies.report']({ payload, context: as(PRIYA) }));
    if (started.status !== 'running') throw new Error(`expected a job, got ${started.status}`);
    await demo.platform.queue.drain();
    const asked = await demo.small['dependencies.job']({
      payload: { jobId: started.jobId },
      context: as(CONTRACTOR),
    });
    const never = await demo.small['dependencies.job']({
      payload: { jobId: '00000000-0000-4000-8000-000000000000' },
      context: as(CONTRACTOR),
    });
    expect(asked).toEqual(never);
    expect(asked.ok ? 'ok' : asked.error.code).toBe('NOT_FOUND');
    const latest = await demo.small['dependencies.latest']({
      payload: { action: 'report' },
      context: as(CONTRACTOR),
    });
    expect(dataOf(latest)).toBeNull();
  });

  it('lists every board’s sprints of a site-wide quarter by sprint in the job, not in the resolver', async () => {
    const scope = { kind: 'quarter' as const, year: 2026, quarter: 4, by: 'sprint' as const };
    const started = dataOf(
      await demo.resolvers['dependencies.report']({
        payload: { scope, teamBy: 'project' },
        context: as(ADMIN),
      }),
    );
    if (started.status !== 'running') throw new Error(`expected a job, got ${started.status}`);
    const done = await settled(started.jobId, ADMIN);
    if (done.status !== 'done' || done.outcome.action !== 'report') throw new Error('the job did not finish');
    // Sprints 7 to 12 of the six demo boards (see quarter.test.ts).
    expect(done.outcome.report.plan?.picked).toHaveLength(36);
  });

  it('answers one team’s quarter by sprint at once: its own boards are few', async () => {
    const scope = { kind: 'quarter' as const, year: 2026, quarter: 4, by: 'sprint' as const };
    const { report } = outcomeOf(
      await demo.resolvers['dependencies.report']({
        payload: { scope, teamBy: 'project', projectKey: 'CHK' },
        context: as(ADMIN),
      }),
    );
    // CHK's board ends sprints 7 to 12 in Q4.
    expect(report.plan?.picked).toHaveLength(6);
    expect(report.jql).toMatch(/ AND project = "CHK"$/);
  });

  it('saves a review and compares with it as jobs', async () => {
    const saving = dataOf(await demo.small['dependencies.snapshot.save']({ payload, context: as(PRIYA) }));
    if (saving.status !== 'running') throw new Error(`expected a job, got ${saving.status}`);
    const saved = await settled(saving.jobId);
    if (saved.status !== 'done' || saved.outcome.action !== 'snapshot') throw new Error('not saved');
    expect(saved.outcome.saved.dependencies).toBeGreaterThan(0);
    const comparing = dataOf(
      await demo.small['dependencies.snapshot.compare']({ payload, context: as(PRIYA) }),
    );
    if (comparing.status !== 'running') throw new Error(`expected a job, got ${comparing.status}`);
    const compared = await settled(comparing.jobId);
    if (compared.status !== 'done' || compared.outcome.action !== 'compare') throw new Error('not compared');
    const diff = compared.outcome.comparison.diff;
    expect(diff).toMatchObject({ since: saved.outcome.saved.takenAt, added: [], resolved: [] });
    expect(diff?.stillOpen.length).toBeGreaterThan(0);
  });

  it('publishes as a job, writing the page once', async () => {
    const publishing = dataOf(
      await demo.small['dependencies.publish']({
        payload: {
          ...payload,
          spaceKey: 'ENG',
          title: 'Alignment, published by a job',
          shownProjects: ['CHK'],
        },
        context: as(ADMIN),
      }),
    );
    if (publishing.status !== 'running') throw new Error(`expected a job, got ${publishing.status}`);
    const published = await settled(publishing.jobId, ADMIN);
    if (published.status !== 'done' || published.outcome.action !== 'publish')
      throw new Error('not published');
    expect(published.outcome.page).toMatchObject({ created: true, version: 1, spaceKey: 'ENG' });
  });
});
