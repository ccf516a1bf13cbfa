import { readFile } from 'node:fs/promises';
import type { FrameLocator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfluenceClient } from '../../src/atlassian/confluence';
import { END_ANCHOR, START_ANCHOR } from '../../src/dependencies';
import { createHttpTransport } from '../../src/platform/local/http-transport';
import { shippedBundle } from '../../src/templates/bundles';
import { screenshot, usePlayground } from './harness';

const DEMO_JQL = 'project in (PAY, CHK, GRW, MOB, PLT, DAT)';
const playground = usePlayground({ viewport: { width: 1400, height: 1000 } });

/** Opens the global page on every demo project and waits for the report. */
async function globalReport(page: Page) {
  const frame = await globalPage(page);
  await frame.getByTestId('dependencies-jql').fill(DEMO_JQL);
  await frame.getByTestId('dependencies-run').click();
  await frame.getByText(/^1[0-9]{3} issues read/).waitFor({ timeout: 60_000 });
  return frame;
}

/**
 * The global page once its first report (the current quarter) is in. The browser's clock is the demo's day,
 * 16 November 2026, so that "the current quarter" is the demo's Q4 2026 whenever the tests run.
 */
async function globalPage(page: Page): Promise<FrameLocator> {
  await page.clock.setFixedTime(new Date('2026-11-16T09:00:00Z'));
  const frame = await playground.surface(page, '/jira/global/dependencies', 'dependencies-global-page');
  await frame.getByTestId('dependencies-summary').waitFor({ timeout: 60_000 });
  return frame;
}

/** Picks an option of an Atlaskit select by typing its label. */
async function pick(frame: FrameLocator, inputId: string, label: string): Promise<void> {
  await frame.locator(`#${inputId}`).fill(label);
  await frame.locator(`#${inputId}`).press('Enter');
}

/**
 * The numbers of the summary line: issues read, dependencies, in conflict, at risk, to watch, cross-team,
 * hidden.
 */
async function summaryOf(frame: FrameLocator): Promise<number[]> {
  const text = (await frame.getByTestId('dependencies-summary').textContent()) ?? '';
  return [...text.matchAll(/\d+/g)].map((match) => Number(match[0]));
}

/** A team's column header in the team matrix. */
const matrixHeader = (frame: FrameLocator, team: string) =>
  frame.getByTestId('dependencies-matrix').locator('thead th', { hasText: team });

/** The headers of the team matrix, blocked teams in order. */
async function matrixTeams(frame: FrameLocator): Promise<string[]> {
  const headers = await frame.getByTestId('dependencies-matrix').locator('thead th').allTextContents();
  return headers.slice(1);
}

/** An issue of the demo's three-team loop, read from the global page. */
async function issueOfTheLoop(page: Page): Promise<string> {
  const frame = await globalReport(page);
  const loop = (await frame.getByTestId('dependencies-cycles').textContent()) ?? '';
  const key = /\b(PAY-\d+)\b/.exec(loop)?.[1];
  if (!key) throw new Error(`no PAY issue in the loops: ${loop}`);
  return key;
}

describe('dependencies in the playground', () => {
  it('shows the quarterly alignment: heat map, the three-team loop, at-risk blockers, hidden ones counted', async () => {
    const page = await playground.page();
    const frame = await globalReport(page);
    const summary = (await frame.getByTestId('dependencies-summary').textContent()) ?? '';
    const atRisk = Number(/(\d+) at risk/.exec(summary)?.[1]);
    expect(atRisk).toBeGreaterThan(5);
    // Conflicts told apart from the rest, and the colours explained beside them.
    expect(Number(/(\d+) in conflict/.exec(summary)?.[1])).toBeGreaterThan(0);
    const legend = (await frame.getByTestId('dependencies-legend').first().textContent()) ?? '';
    expect(legend).toContain('conflictthe blocker is planned after the work it blocks');
    expect(legend).toContain('at riskthe blocker is stale, itself blocked');
    expect(legend).toContain('watchnobody on the blocker, or not started yet');
    expect(summary).toMatch(/6 hidden/);
    const matrix = frame.getByTestId('dependencies-matrix');
    const headers = await matrix.locator('thead th').allTextContents();
    expect(headers.slice(1)).toEqual(['CHK', 'DAT', 'GRW', 'MOB', 'PAY', 'PLT']);
    // The heat map is not empty: some team pairs have dependencies in conflict or at risk, shown in brackets.
    expect(await matrix.locator('td', { hasText: /\(\d+\)/ }).count()).toBeGreaterThan(3);
    const loops = (await frame.getByTestId('dependencies-cycles').textContent()) ?? '';
    for (const team of ['PAY', 'CHK', 'GRW']) expect(loops).toContain(`${team}-`);
    await screenshot(page, 'dependencies-global-matrix');
    // PLT's dependencies in conflict or at risk by the heat map: the brackets of its row (PLT blocks) and
    // column (PLT waits).
    const atRiskOf = (cell: string): number => Number(/\((\d+)\)/.exec(cell)?.[1] ?? 0);
    let pltAtRisk = 0;
    const columns = await matrix.locator('thead th').allTextContents();
    for (const row of await matrix.locator('tbody tr').all()) {
      const [team = '', ...cells] = await row.locator('th, td').allTextContents();
      cells.forEach((cell, index) => {
        if (team === 'PLT' || columns[index + 1] === 'PLT') pltAtRisk += atRiskOf(cell);
      });
    }
    expect(pltAtRisk).toBeGreaterThan(0);

    await frame.getByRole('tab', { name: 'Dependencies' }).click();
    const list = frame.getByTestId('dependencies-list--table');
    await list.waitFor();
    expect(await list.textContent()).toContain('at risk');
    await screenshot(page, 'dependencies-global-list');
    // Only the hidden ones: six links to the security project nobody in the demo may see, never named.
    await frame.locator('#dependencies-list-risk').fill('hidden');
    await frame.locator('#dependencies-list-risk').press('Enter');
    await frame.getByText('An issue you cannot see').first().waitFor();
    expect(await frame.getByText('An issue you cannot see').count()).toBe(6);
    expect(await list.textContent()).not.toContain('SEC-');
    await screenshot(page, 'dependencies-global-list-hidden');
    // A hidden dependency has a side with no team, so it is never cross-team: that filter leaves none.
    await frame.locator('label[for="dependencies-list-cross"]').click();
    await expect.poll(() => frame.getByText('An issue you cannot see').count()).toBe(0);
    await frame.locator('label[for="dependencies-list-cross"]').click();
    // One team's dependencies in conflict and at risk, blocking or blocked: as many as the heat map says.
    await pick(frame, 'dependencies-list-team', 'PLT');
    let pltListed = 0;
    for (const risk of ['conflict', 'at risk']) {
      await pick(frame, 'dependencies-list-risk', risk);
      await expect
        .poll(async () =>
          (await list.locator('tbody tr').allTextContents()).every((row) => row.includes(risk)),
        )
        .toBe(true);
      for (const row of await list.locator('tbody tr').all()) {
        const cells = await row.locator('td').allTextContents();
        expect([cells[1], cells[5]]).toContain('PLT');
        pltListed++;
      }
    }
    expect(pltListed).toBe(pltAtRisk);

    await frame.getByRole('tab', { name: 'Graph' }).click();
    const graph = frame.getByTestId('dependencies-graph');
    await graph.waitFor();
    expect(await graph.locator('g[data-cycle="true"]').count()).toBeGreaterThanOrEqual(3);
    expect(await graph.locator('polyline[data-cycle="true"]').count()).toBeGreaterThanOrEqual(3);
    await graph.locator('g[data-cycle="true"]').first().scrollIntoViewIfNeeded();
    await screenshot(page, 'dependencies-global-graph');
  }, 180_000);

  it('exports the list as CSV, every dependency once, hidden issues unnamed', async () => {
    const page = await playground.page();
    const frame = await globalReport(page);
    const [, total, , , , , hidden] = await summaryOf(frame);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      frame.getByTestId('dependencies-csv').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    const [header, ...rows] = csv.trimEnd().split('\r\n');
    expect(header?.startsWith('blocker,blocker summary,blocker team')).toBe(true);
    // One line per dependency of the summary, the hidden ones as "(hidden)", never a SEC key.
    expect(rows).toHaveLength(total ?? -1);
    expect(rows.filter((row) => row.startsWith('(hidden),'))).toHaveLength(hidden ?? -1);
    expect(csv).not.toContain('SEC-');
  }, 180_000);

  it('publishes the page into the space’s alignment template, and a second publish keeps what the team wrote', async () => {
    // The template capability's quarterly alignment template, installed in OPS as the product-ops bundle does.
    const confluence = new ConfluenceClient(createHttpTransport({ siteUrl: playground.url }));
    const template = shippedBundle('product-ops')?.templates.find((t) => t.key === 'quarterly-alignment');
    if (!template) throw new Error('no quarterly alignment template in the product-ops bundle');
    await confluence.createTemplate({ spaceKey: 'OPS', ...template });
    const page = await playground.page();
    const frame = await globalReport(page);
    const publish = async (): Promise<void> => {
      await frame.getByTestId('dependencies-publish').click();
      await frame.getByTestId('dependencies-space').fill('OPS');
      await frame.getByTestId('dependencies-title').fill('Quarterly alignment Q4 2026');
      // The dialog names the projects whose teams, counts and risks every reader of OPS would read: all agreed.
      const projects = frame.getByTestId('dependencies-publish-projects').getByRole('checkbox');
      expect(await projects.count()).toBe(6);
      for (const project of await projects.all()) await project.check();
    };
    await publish();
    await screenshot(page, 'dependencies-publish-dialog');
    await frame.getByTestId('dependencies-publish-submit').click();
    await frame.getByText('Page “Quarterly alignment Q4 2026” created').waitFor({ timeout: 30_000 });
    await screenshot(page, 'dependencies-published');

    const spaceId = (await confluence.spaceByKey('OPS'))?.id ?? '';
    const read = async () => {
      const found = await confluence.findPageByTitle(spaceId, 'Quarterly alignment Q4 2026');
      if (!found) throw new Error('the alignment page is missing');
      return found;
    };
    const created = await read();
    // The template's goals come first, the report sits in its dependencies section.
    expect(created.body.indexOf('Goals per team')).toBeGreaterThan(-1);
    expect(created.body.indexOf('Goals per team')).toBeLessThan(created.body.indexOf(START_ANCHOR));
    // The loop's issues show through Jira's issue macro, so each reader sees them as Jira lets them.
    const issueMacro = (key: string) =>
      `<ac:structured-macro ac:name="jira" ac:schema-version="1"><ac:parameter ac:name="key">${key}</ac:parameter></ac:structured-macro>`;
    expect(created.body).toContain(['CHK-5', 'GRW-5', 'PAY-14'].map(issueMacro).join(', '));
    // The team writes its decisions on the page, before and after the report.
    const decided = created.body
      .replace('<td></td><td></td><td></td>', '<td>Payments</td><td>Card vault first</td><td>Platform</td>')
      .concat('<p>Decision: the checkout loop is broken by shipping CHK-5 alone.</p>');
    await confluence.updatePage({
      id: created.id,
      title: 'Quarterly alignment Q4 2026',
      body: decided,
      version: created.version,
    });

    await publish();
    await frame.getByTestId('dependencies-publish-submit').click();
    await frame.getByText('Page “Quarterly alignment Q4 2026” updated').waitFor({ timeout: 30_000 });
    const updated = (await read()).body;
    expect(updated).toContain('<td>Payments</td><td>Card vault first</td><td>Platform</td>');
    expect(updated).toContain('Decision: the checkout loop is broken by shipping CHK-5 alone.');
    expect(updated.split(START_ANCHOR)).toHaveLength(2);
    expect(updated.split(END_ANCHOR)).toHaveLength(2);
  }, 180_000);

  it('saves a review of the quarter, then compares the next one with it', async () => {
    const page = await playground.page();
    const frame = await globalReport(page);
    await frame.getByRole('tab', { name: 'Review' }).click();
    const review = frame.getByTestId('dependencies-review');
    await review.getByRole('button', { name: 'Compare with the last review' }).click();
    await review.getByText('No review saved yet for this scope.').waitFor({ timeout: 60_000 });
    await review.getByRole('button', { name: 'Save this review' }).click();
    await frame.getByText(/^Review saved \(151 dependencies\)$/).waitFor({ timeout: 60_000 });
    await review.getByRole('button', { name: 'Compare with the last review' }).click();
    // Nothing moved since: nothing new, nothing resolved, every open dependency still open.
    await review.getByText(/^Since the review of 20\d\d-/).waitFor({ timeout: 60_000 });
    expect(await review.getByText('New (0)').count()).toBe(1);
    expect(await review.getByText('Resolved (0)').count()).toBe(1);
    const stillOpen = Number(/Still open \((\d+)\)/.exec((await review.textContent()) ?? '')?.[1]);
    // Still open: every dependency of the exported list that is not resolved.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      frame.getByTestId('dependencies-csv').click(),
    ]);
    const risks = (await readFile(await download.path(), 'utf8'))
      .trimEnd()
      .split('\r\n')
      .slice(1)
      // risk, reasons, outside scope, then the agreement's four columns (status, needed by, committed by, declined).
      .map(
        (row) =>
          /,(conflict|at-risk|watch|ok|hidden|resolved),[a-z -]*,(?:yes|no),[a-z]*,[0-9-]*,[0-9-]*,(?:"(?:[^"]|"")*"|[^,"]*)$/.exec(
            row,
          )?.[1],
      );
    expect(risks.every((risk) => risk !== undefined)).toBe(true);
    expect(stillOpen).toBe(risks.filter((risk) => risk !== 'resolved').length);
    await screenshot(page, 'dependencies-global-review');
  }, 180_000);

  it('reads the quarter by sprint, picked on the page, and says which sprints it took', async () => {
    const page = await playground.page();
    const frame = await globalPage(page);
    await pick(frame, 'dependencies-by', 'Sprint');
    await frame.getByTestId('dependencies-run').click();
    const plan = frame.getByTestId('dependencies-plan');
    await plan.waitFor({ timeout: 60_000 });
    // The demo's six teams each end sprints 7 to 12 in Q4 2026 (sprint 7 runs 28 September → 12 October).
    expect(await plan.textContent()).toMatch(/^Q4 2026 by sprint: 36 sprints ending in the quarter \(.*\)/);
    const [scanned, total] = await summaryOf(frame);
    expect(scanned).toBeGreaterThan(100);
    expect(total).toBeGreaterThan(0);
    await screenshot(page, 'dependencies-global-sprint');

    await pick(frame, 'dependencies-by', 'Fix version');
    await frame.getByTestId('dependencies-run').click();
    // Each team's "2026-Q4" version, released on 31 December.
    await frame.getByText(/^Q4 2026 by fix version: 6 fix versions released in the quarter/).waitFor();
  }, 180_000);

  it('reads a site-wide quarter by sprint as a job, and shows it again after leaving the page', async () => {
    const page = await playground.page();
    const frame = await globalPage(page);
    await pick(frame, 'dependencies-by', 'Sprint');
    await frame.getByTestId('dependencies-run').click();
    // Every board's sprints are listed by a job on the queue, not in the resolver: the page follows it.
    await frame.getByTestId('dependencies-progress').waitFor({ timeout: 30_000 });
    expect(await frame.getByTestId('dependencies-progress').textContent()).toMatch(/^Q4 2026 by sprint: /);
    await screenshot(page, 'dependencies-global-job');

    // Leave for a team's page, then open the global page again: the job's report is there, not the default.
    await playground.surface(page, '/jira/project/CHK/dependencies', 'dependencies-project-page');
    const back = await globalPage(page);
    await back.getByTestId('dependencies-plan').waitFor({ timeout: 60_000 });
    expect(await back.getByTestId('dependencies-plan').textContent()).toMatch(
      /^Q4 2026 by sprint: 36 sprints ending in the quarter/,
    );
    expect(await back.getByTestId('dependencies-progress').count()).toBe(0);
    // The pickers show the scope the report was run for, so running it again reads the same.
    expect(await back.getByText('Sprint', { exact: true }).count()).toBe(1);
  }, 180_000);

  it('groups teams by the Team field or any custom field, issues without one as “Unassigned team”', async () => {
    const page = await playground.page();
    const frame = await globalPage(page);
    await frame.getByTestId('dependencies-jql').fill(DEMO_JQL);
    await pick(frame, 'dependencies-team-by', 'Team field');
    await frame.getByTestId('dependencies-run').click();
    await matrixHeader(frame, 'Payments').waitFor({ timeout: 60_000 });
    // The demo leaves the Team field empty on one issue in ten: those are counted, in a bucket named as such.
    const byTeamField = await matrixTeams(frame);
    expect(byTeamField).toEqual([
      'Checkout',
      'Data',
      'Growth',
      'Mobile',
      'Payments',
      'Platform',
      'Unassigned team',
    ]);
    await screenshot(page, 'dependencies-global-team-field');

    await pick(frame, 'dependencies-team-by', 'Custom field');
    await pick(frame, 'dependencies-field', 'Flagged');
    await frame.getByTestId('dependencies-run').click();
    // Flagged ("Impediment" on 3% of issues) as the team: nearly every issue lands in the bucket.
    await matrixHeader(frame, 'Impediment').waitFor({ timeout: 60_000 });
    expect(await matrixTeams(frame)).toEqual(['Impediment', 'Unassigned team']);
  }, 180_000);

  it('shows Jira’s own message for a JQL it refuses, where the report would be', async () => {
    const page = await playground.page();
    const frame = await globalPage(page);
    const jql = 'project = = PAY';
    await frame.getByTestId('dependencies-jql').fill(jql);
    await frame.getByTestId('dependencies-run').click();
    const failure = frame.getByTestId('dependencies-failure');
    await failure.waitFor({ timeout: 60_000 });
    const answer = await fetch(`${playground.url}/rest/api/3/search/jql?jql=${encodeURIComponent(jql)}`);
    const { errorMessages } = z
      .object({ errorMessages: z.array(z.string()).min(1) })
      .parse(await answer.json());
    const shown = (await failure.textContent()) ?? '';
    expect(shown).toContain('Jira rejected the search');
    for (const message of errorMessages) expect(shown).toContain(message);
    expect(await frame.getByTestId('dependencies-summary').count()).toBe(0);
    await screenshot(page, 'dependencies-global-jql-refused');

    // Fixing the query brings the report back and the message goes.
    await frame.getByTestId('dependencies-jql').fill('project = PAY');
    await frame.getByTestId('dependencies-run').click();
    await frame.getByTestId('dependencies-summary').waitFor({ timeout: 60_000 });
    expect(await failure.count()).toBe(0);
  }, 180_000);

  it('lets an administrator change what reads as blocking, and every report follows', async () => {
    const page = await playground.page();
    const frame = await globalReport(page);
    const [, before] = await summaryOf(frame);
    await frame.getByRole('tab', { name: 'Settings' }).click();
    const count = frame.getByTestId('dependencies-settings-count');
    await count.getByText('2 of 5 link types read as blocking').waitFor({ timeout: 60_000 });
    const blockerPhrases = frame.getByTestId('dependencies-words-blockerPhrases');
    const builtIn = await blockerPhrases.inputValue();
    // This site says "relates to" where it means "blocks".
    await blockerPhrases.fill(`${builtIn}\nrelates to`);
    await count.getByText('3 of 5 link types read as blocking').waitFor();
    const relates = frame
      .getByTestId('dependencies-settings-types--table')
      .locator('tr', { hasText: 'Relates' });
    expect(await relates.textContent()).toContain('Blocking: the issue holding the link blocks the other');
    await screenshot(page, 'dependencies-settings');
    await frame.getByTestId('dependencies-settings-save').click();
    await frame.getByText('Word list saved: every report of the site now uses it').waitFor();

    await frame.getByTestId('dependencies-run').click();
    await frame
      .getByTestId('dependencies-summary')
      .getByText(/dependencies/)
      .waitFor();
    await expect.poll(async () => (await summaryOf(frame))[1]).toBeGreaterThan(before ?? 0);

    // Back to the built-in list: the report is as it was.
    await frame.getByRole('tab', { name: 'Settings' }).click();
    await frame.getByRole('button', { name: 'Back to the built-in list' }).click();
    await count.getByText('2 of 5 link types read as blocking').waitFor();
    await frame.getByTestId('dependencies-settings-save').click();
    await frame.getByText('Word list saved: every report of the site now uses it').last().waitFor();
    await frame.getByTestId('dependencies-run').click();
    await expect.poll(async () => (await summaryOf(frame))[1], { timeout: 30_000 }).toBe(before);
  }, 180_000);

  it('stays readable in the dark theme and in French', async () => {
    const page = await playground.page({ colorMode: 'dark', language: 'fr' });
    const frame = await globalPage(page);
    await frame.getByTestId('dependencies-jql').fill(DEMO_JQL);
    await pick(frame, 'dependencies-team-by', 'Champ Équipe');
    await frame.getByTestId('dependencies-run').click();
    await matrixHeader(frame, 'Sans équipe').waitFor({ timeout: 60_000 });
    expect(await frame.getByText('Alignement trimestriel').count()).toBe(1);
    expect(await matrixTeams(frame)).toContain('Sans équipe');
    await screenshot(page, 'dependencies-global-dark-fr');
    await frame.getByRole('tab', { name: 'Graphe' }).click();
    await frame.getByTestId('dependencies-graph').waitFor();
    await screenshot(page, 'dependencies-global-graph-dark-fr');
  }, 180_000);

  it('shows one team what it waits on and who waits on it', async () => {
    const page = await playground.page();
    const frame = await playground.surface(page, '/jira/project/PAY/dependencies', 'vertebra-project-page');
    const waitOn = frame.getByTestId('dependencies-wait-on');
    await waitOn.getByText(/What we wait on \(\d+\)/).waitFor({ timeout: 60_000 });
    const waitCount = Number(
      /\((\d+)\)/.exec((await waitOn.getByText(/What we wait on/).textContent()) ?? '')?.[1],
    );
    const waitingCount = Number(
      /\((\d+)\)/.exec((await frame.getByText(/Who waits on us/).textContent()) ?? '')?.[1],
    );
    expect(waitCount).toBeGreaterThan(0);
    expect(waitingCount).toBeGreaterThan(0);
    await screenshot(page, 'dependencies-project-page');
  }, 180_000);

  it('shows on an issue of the loop who blocks it, from which teams, and what it blocks', async () => {
    const page = await playground.page();
    const key = await issueOfTheLoop(page);
    const panel = await playground.surface(page, `/jira/issue/${key}`, 'dependencies-issue-panel');
    const heading = panel.getByText(/Blocked by \d+ issues? of \d+ other teams?/);
    await heading.waitFor({ timeout: 60_000 });
    const [, issues, teams] =
      /Blocked by (\d+) issues? of (\d+) other teams?/.exec((await heading.textContent()) ?? '') ?? [];
    expect(Number(issues)).toBeGreaterThanOrEqual(1);
    expect(Number(teams)).toBeGreaterThanOrEqual(1);
    expect(await panel.getByText(/This issue blocks \(\d+\)/).count()).toBe(1);
    const blocks = (await panel.getByTestId('dependencies-blocks').textContent()) ?? '';
    expect(blocks).toMatch(/CHK-\d+/);
    // What makes this issue a risk for those waiting on it is said of this issue, not of theirs.
    expect(blocks).toMatch(/(conflict|at risk)this issue: /);
    expect(await panel.getByTestId('dependencies-legend').textContent()).toContain(
      'the blocker is planned after the work it blocks',
    );
    await screenshot(page, 'dependencies-issue-panel');

    // The demo's PAY-250 waits on exactly one issue (PLT-231): the heading speaks in the singular.
    const single = await playground.surface(page, '/jira/issue/PAY-250', 'dependencies-issue-panel');
    await single
      .getByText('Blocked by 1 issue of 1 other team', { exact: true })
      .waitFor({ timeout: 60_000 });
  }, 180_000);
});
