import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, usePlayground } from './harness';

const DEMO_JQL = 'project in (PAY, CHK, GRW, MOB, PLT, DAT)';
const playground = usePlayground({ viewport: { width: 1400, height: 1000 } });

/** Opens the global page on every demo project and waits for the report. */
async function globalReport(page: Page) {
  const frame = await playground.surface(page, '/jira/global/dependencies', 'dependencies-global-page');
  await frame.getByTestId('dependencies-summary').waitFor({ timeout: 60_000 });
  await frame.getByTestId('dependencies-jql').fill(DEMO_JQL);
  await frame.getByTestId('dependencies-run').click();
  await frame.getByText(/^1[0-9]{3} issues read/).waitFor({ timeout: 60_000 });
  return frame;
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
    expect(summary).toMatch(/6 hidden/);
    const matrix = frame.getByTestId('dependencies-matrix');
    const headers = await matrix.locator('thead th').allTextContents();
    expect(headers.slice(1)).toEqual(['CHK', 'DAT', 'GRW', 'MOB', 'PAY', 'PLT']);
    // The heat map is not empty: some team pairs have at-risk dependencies, shown in brackets.
    expect(await matrix.locator('td', { hasText: /\(\d+\)/ }).count()).toBeGreaterThan(3);
    const loops = (await frame.getByTestId('dependencies-cycles').textContent()) ?? '';
    for (const team of ['PAY', 'CHK', 'GRW']) expect(loops).toContain(`${team}-`);
    await screenshot(page, 'dependencies-global-matrix');

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

    await frame.getByRole('tab', { name: 'Graph' }).click();
    const graph = frame.getByTestId('dependencies-graph');
    await graph.waitFor();
    expect(await graph.locator('g[data-cycle="true"]').count()).toBeGreaterThanOrEqual(3);
    expect(await graph.locator('polyline[data-cycle="true"]').count()).toBeGreaterThanOrEqual(3);
    await graph.locator('g[data-cycle="true"]').first().scrollIntoViewIfNeeded();
    await screenshot(page, 'dependencies-global-graph');
  }, 180_000);

  it('exports the list as CSV and publishes the page to Confluence', async () => {
    const page = await playground.page();
    const frame = await globalReport(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      frame.getByTestId('dependencies-csv').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    await frame.getByTestId('dependencies-publish').click();
    await frame.getByTestId('dependencies-space').fill('PROD');
    await screenshot(page, 'dependencies-publish-dialog');
    await frame.getByTestId('dependencies-publish-submit').click();
    await frame.getByText(/Page “Quarterly alignment .+” (created|updated)/).waitFor({ timeout: 30_000 });
    await screenshot(page, 'dependencies-published');
  }, 180_000);

  it('stays readable in the dark theme and in French', async () => {
    const page = await playground.page({ colorMode: 'dark', language: 'fr' });
    const frame = await playground.surface(page, '/jira/global/dependencies', 'dependencies-global-page');
    await frame.getByTestId('dependencies-summary').waitFor({ timeout: 60_000 });
    await frame.getByTestId('dependencies-jql').fill(DEMO_JQL);
    await frame.getByTestId('dependencies-run').click();
    await frame.getByText(/tickets lus/).waitFor();
    expect(await frame.getByText('Alignement trimestriel').count()).toBe(1);
    await screenshot(page, 'dependencies-global-dark-fr');
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
    expect(await panel.getByTestId('dependencies-blocks').textContent()).toMatch(/CHK-\d+/);
    await screenshot(page, 'dependencies-issue-panel');

    // The demo's PAY-250 waits on exactly one issue (PLT-231): the heading speaks in the singular.
    const single = await playground.surface(page, '/jira/issue/PAY-250', 'dependencies-issue-panel');
    await single
      .getByText('Blocked by 1 issue of 1 other team', { exact: true })
      .waitFor({ timeout: 60_000 });
  }, 180_000);
});
