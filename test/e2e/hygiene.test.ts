import path from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createResolvers } from '../../src/resolvers';
import { queueConsumer } from '../../src/services/consumer';
import { hygieneNightly } from '../../src/services/hygiene/handlers';
import { RULES_BY_ID } from '../../src/hygiene/rules';
import { appFrame, screenshot, usePlayground } from './harness';
import { refusingBulkFetch } from '../integration/helpers/refusing-jira';

const playground = usePlayground({ viewport: { width: 1280, height: 1000 } });

/** Rules whose default severity is "error" (src/hygiene/rules/*.ts). */
const ERROR_RULES = new Set([
  'description-missing',
  'acceptance-criteria-missing',
  'assignee-missing',
  'due-date-passed',
  'resolution-mismatch',
]);

/** The rules of `finding` lozenges (each shows the rule's title and carries its id), in order. */
async function rulesOf(findings: Locator): Promise<string[]> {
  return Promise.all(
    (await findings.all()).map(async (finding) => (await finding.getAttribute('data-rule')) ?? ''),
  );
}

/** The title of a rule as the screens show it in `language`. */
const titleOf = (rule: string, language: 'en' | 'fr' = 'en'): string =>
  RULES_BY_ID.get(rule)?.words[language].title ?? rule;

/** The rule lozenges of each issue row on the current page of the report's table, keyed by issue. */
async function visibleRows(frame: FrameLocator): Promise<Map<string, string[]>> {
  const rows = frame.locator('[data-testid^="hygiene-report-issues--row-"]');
  const found = new Map<string, string[]>();
  for (const row of await rows.all()) {
    const key = ((await row.locator('td').first().textContent()) ?? '').trim();
    // Open findings only: acknowledged ones are apart and stay whatever the filter.
    const lozenges = await rulesOf(row.getByTestId('hygiene-report-finding'));
    found.set(key, lozenges);
  }
  return found;
}

/** How long a check waits for the screen to follow a choice (the machine is shared and can be slow). */
const POLL = { timeout: 15_000 };

/** The distinct rules shown across `rows`, sorted. */
function rulesShown(rows: ReadonlyMap<string, readonly string[]>): string[] {
  return [...new Set([...rows.values()].flat())].sort();
}

/** Picks `value` in the report's react-select filter `inputId` (typing it, then Enter, as a user does). */
async function pickFilter(page: Page, frame: FrameLocator, inputId: string, value: string): Promise<void> {
  await frame.locator(`#${inputId}`).click();
  await frame.locator(`#${inputId}`).pressSequentially(value);
  await page.keyboard.press('Enter');
}

/** The open count of `rule` in the report's "By rule" tab. */
async function openCountOf(frame: FrameLocator, rule: string): Promise<number> {
  const row = frame.getByTestId(`hygiene-report-by-rule--row-${rule}`);
  return Number(((await row.locator('td').nth(1).textContent()) ?? '').trim());
}

/** An issue of the demo with hygiene findings: the worst row of PAY's report, read through the report screen. */
async function worstIssue(page: Page): Promise<string> {
  const frame = await playground.surface(page, '/jira/project/PAY/hygiene', 'vertebra-project-page');
  const firstRow = frame
    .getByTestId('hygiene-report-issues--row-0')
    .or(frame.locator('[data-testid^="hygiene-report-issues--row"]').first());
  await firstRow.first().waitFor({ timeout: 60_000 });
  const text = (await firstRow.first().locator('td').first().textContent()) ?? '';
  return text.trim();
}

describe('hygiene in the playground', () => {
  it('shows the project report with score, the issues worst first and counts per rule', async () => {
    const page = await playground.page();
    const frame = await playground.surface(page, '/jira/project/PAY/hygiene', 'vertebra-project-page');
    await frame.getByTestId('hygiene-report-score').waitFor({ timeout: 60_000 });
    const score = Number(await frame.getByTestId('hygiene-report-score').textContent());
    expect(score).toBeGreaterThanOrEqual(0);
    expect(score).toBeLessThan(100);
    expect(await frame.getByTestId('hygiene-report-scanned').textContent()).toMatch(
      /\d+ issues checked, \d+ with findings/,
    );
    await screenshot(page, 'hygiene-report');

    // Each issue key links to the issue: Jira's `/browse/KEY` on the site, the issue's page in the playground.
    const firstKey = frame
      .locator('[data-testid^="hygiene-report-issues--row-"]')
      .first()
      .locator('td')
      .first();
    const issueKey = ((await firstKey.textContent()) ?? '').trim();
    const link = firstKey.getByRole('link', { name: issueKey });
    expect(await link.getAttribute('href')).toBe(`${playground.running.sandbox.url}/browse/${issueKey}`);
    const [opened] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
    await opened.waitForLoadState();
    expect(new URL(opened.url()).pathname).toBe(`/jira/issue/${issueKey}`);
    await appFrame(opened, 'hygiene-issue-panel')
      .getByTestId('hygiene-findings')
      .waitFor({ timeout: 30_000 });
    await opened.close();

    await frame.getByRole('tab', { name: 'By rule' }).click();
    const byRule = frame.locator('[data-testid^="hygiene-report-by-rule"]').first();
    await byRule.waitFor();
    // Rules by their names with their counts, e.g. "Stale in progress12", never by their ids.
    const byRuleText = (await byRule.textContent()) ?? '';
    expect(byRuleText).toMatch(new RegExp(`${titleOf('stale-in-progress')}\\d+`));
    expect(byRuleText).not.toContain('stale-in-progress');
    await screenshot(page, 'hygiene-report-by-rule');
  }, 120_000);

  it('shows the panel grouped by severity with why and how, and acknowledges a finding', async () => {
    const page = await playground.page();
    const issueKey = await worstIssue(page);
    const panel = await playground.surface(page, `/jira/issue/${issueKey}`, 'hygiene-issue-panel');
    await panel.getByTestId('hygiene-findings').waitFor({ timeout: 30_000 });
    const groups = await panel.locator('[data-testid^="hygiene-group-"]').count();
    expect(groups).toBeGreaterThan(0);
    expect(await panel.getByTestId('hygiene-findings').textContent()).toContain('Why it matters');
    await screenshot(page, 'hygiene-issue-panel');

    const button = panel.locator('[data-testid^="hygiene-ack-"]').first();
    const rule = ((await button.getAttribute('data-testid')) ?? '').replace('hygiene-ack-', '');
    await button.click();
    await panel.getByTestId('hygiene-ack-reason').fill('Agreed with the PM at refinement');
    await panel.getByTestId('hygiene-ack-submit').click();
    await panel.getByTestId('hygiene-acknowledged').waitFor({ timeout: 15_000 });
    expect(await panel.getByTestId('hygiene-acknowledged').textContent()).toContain(
      'Agreed with the PM at refinement',
    );
    expect(await panel.getByTestId(`hygiene-finding-${rule}`).count()).toBe(0);
    await screenshot(page, 'hygiene-issue-panel-acknowledged');
  }, 120_000);

  it('shows the issue context collapsed with its count, and the details once opened', async () => {
    const page = await playground.page();
    const issueKey = await worstIssue(page);
    await page.goto(`${playground.url}/jira/issue/${issueKey}`);
    const toggle = page.locator('button[data-glance="hygiene-issue-context"]');
    // Collapsed, as in Jira: the label and badge of the dynamic properties, no app frame loaded yet.
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    const count = Number(await toggle.locator('.glance-badge').textContent());
    expect(count).toBeGreaterThan(1);
    expect(await toggle.locator('.glance-label').textContent()).toBe(`${String(count)} hygiene warnings`);
    const frame = page.locator('iframe[data-module-key="hygiene-issue-context"]');
    expect(await frame.isVisible()).toBe(false);
    expect(await frame.getAttribute('src')).toBeNull();
    await screenshot(page, 'hygiene-issue-context-collapsed');

    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const context = appFrame(page, 'hygiene-issue-context');
    await context.getByTestId('hygiene-badge-label').waitFor({ timeout: 30_000 });
    // The details say the same count as the collapsed badge.
    expect(Number(await context.getByTestId('hygiene-badge').textContent())).toBe(count);
    expect(await context.getByTestId('hygiene-badge-label').textContent()).toBe(
      `${String(count)} hygiene warnings`,
    );
    await context.getByTestId('hygiene-findings').waitFor();
    await screenshot(page, 'hygiene-issue-context-expanded');

    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await frame.isVisible()).toBe(false);
  }, 120_000);

  it('shows the context badge with the count of findings, in French and dark mode too', async () => {
    const page = await playground.page({ language: 'fr', colorMode: 'dark' });
    const issueKey = await worstIssue(page);
    await page.goto(`${playground.url}/jira/issue/${issueKey}`);
    await page.locator('button[data-glance="hygiene-issue-context"]').click();
    const context = appFrame(page, 'hygiene-issue-context');
    await context.getByTestId('hygiene-badge-label').waitFor({ timeout: 30_000 });
    const count = Number(await context.getByTestId('hygiene-badge').textContent());
    const label = (await context.getByTestId('hygiene-badge-label').textContent()) ?? '';
    expect(label).toMatch(
      count === 1
        ? /^1 alerte d’hygiène$/
        : count === 0
          ? /^Aucune/
          : new RegExp(`^${String(count)} alertes d’hygiène$`),
    );
    await screenshot(page, 'hygiene-issue-context-fr-dark');
  }, 120_000);

  it('shows the admin page with every rule', async () => {
    const page = await playground.page();
    const frame = await playground.surface(page, '/jira/admin/hygiene', 'hygiene-admin-page');
    await frame.getByTestId('hygiene-admin-page').waitFor({ timeout: 60_000 });
    await frame.locator('[data-testid^="hygiene-rule-enabled-"]').first().waitFor({ timeout: 30_000 });
    expect(await frame.locator('[data-testid^="hygiene-rule-enabled-"]').count()).toBeGreaterThanOrEqual(17);
    await screenshot(page, 'hygiene-admin-page');
  }, 120_000);

  it('filters the report by rule and by severity, the rows following each choice', async () => {
    const page = await playground.page();
    const frame = await playground.surface(page, '/jira/project/PAY/hygiene', 'vertebra-project-page');
    await frame.locator('[data-testid^="hygiene-report-issues--row-"]').first().waitFor({ timeout: 60_000 });
    const unfiltered = await visibleRows(frame);
    // The first page mixes rules, as a real portfolio does.
    expect(rulesShown(unfiltered).length).toBeGreaterThan(3);

    await frame.getByRole('tab', { name: 'By rule' }).click();
    const stale = await openCountOf(frame, 'stale-in-progress');
    expect(stale).toBeGreaterThan(0);
    await frame.getByRole('tab', { name: 'Issues' }).click();

    await pickFilter(page, frame, 'hygiene-filter-rule', titleOf('stale-in-progress'));
    // Every row left has that finding, and shows only it; as many rows as the rule counts (25 a page).
    await expect.poll(async () => rulesShown(await visibleRows(frame)), POLL).toEqual(['stale-in-progress']);
    const byRule = await visibleRows(frame);
    expect(byRule.size).toBe(Math.min(stale, 25));
    for (const [issue, lozenges] of byRule) expect(lozenges, issue).toEqual(['stale-in-progress']);
    await screenshot(page, 'hygiene-report-filtered-by-rule');

    // A warning rule filtered to errors leaves nothing.
    await pickFilter(page, frame, 'hygiene-filter-severity', 'error');
    await frame.getByText('No findings in this scope.').waitFor();
    expect((await visibleRows(frame)).size).toBe(0);

    await pickFilter(page, frame, 'hygiene-filter-rule', 'All');
    await expect.poll(async () => (await visibleRows(frame)).size, POLL).toBeGreaterThan(0);
    const errors = await visibleRows(frame);
    for (const [issue, lozenges] of errors) {
      expect(lozenges.length, issue).toBeGreaterThan(0);
      for (const rule of lozenges) expect(ERROR_RULES.has(rule), `${issue} ${rule}`).toBe(true);
    }
    await screenshot(page, 'hygiene-report-filtered-by-severity');

    await pickFilter(page, frame, 'hygiene-filter-severity', 'All');
    await expect
      .poll(async () => [...(await visibleRows(frame)).keys()], POLL)
      .toEqual([...unfiltered.keys()]);
  }, 120_000);

  it('says what a finding found in French in the issue panel', async () => {
    const page = await playground.page({ language: 'fr' });
    const report = await playground.surface(page, '/jira/project/PAY/hygiene', 'vertebra-project-page');
    await report.locator('[data-testid^="hygiene-report-issues--row-"]').first().waitFor({ timeout: 60_000 });
    // The table's header is French too, its score column included.
    expect(
      (await report.getByTestId('hygiene-report-issues--head--cell').allTextContents()).map((text) =>
        text.trim(),
      ),
    ).toEqual(['Ticket', 'Résumé', 'Responsable', 'Score', 'Constats']);
    await pickFilter(page, report, 'hygiene-filter-rule', titleOf('stale-in-progress', 'fr'));
    const row = report.locator('[data-testid^="hygiene-report-issues--row-"]').first();
    await expect
      .poll(async () => rulesOf(row.getByTestId('hygiene-report-finding')), POLL)
      .toEqual(['stale-in-progress']);
    // The lozenge names the rule in French.
    expect(await row.getByTestId('hygiene-report-finding').allTextContents()).toEqual([
      'En cours mais à l’arrêt',
    ]);
    // The report says it too, on hovering the rule.
    expect(await row.getByTestId('hygiene-report-finding').getAttribute('title')).toMatch(
      /^En cours et sans mise à jour depuis \d+ jours \(limite 14 jours\)\.$/,
    );
    const issueKey = ((await row.locator('td').first().textContent()) ?? '').trim();

    const panel = await playground.surface(page, `/jira/issue/${issueKey}`, 'hygiene-issue-panel');
    const message = panel.getByTestId('hygiene-finding-stale-in-progress-message');
    await message.waitFor({ timeout: 30_000 });
    expect(await message.textContent()).toMatch(
      /^En cours et sans mise à jour depuis \d+ jours \(limite 14 jours\)\.$/,
    );
    expect(await panel.getByTestId('hygiene-findings').textContent()).not.toContain('not updated');
    await screenshot(page, 'hygiene-issue-panel-fr');
  }, 120_000);
});

describe('a large hygiene scan in the playground', () => {
  // The shared real issues: project AC holds 4,503, more than one invocation scans (1,500).
  const tidev = path.resolve(import.meta.dirname, '../../..', 'shared', 'data', 'tidev', 'issues.jsonl.gz');
  const large = usePlayground({
    viewport: { width: 1280, height: 1000 },
    playground: { seeds: ['demo', tidev] },
  });

  it('shows the progress bar while the scan runs across queue events, then the counts', async () => {
    const page = await large.page();
    const frame = await large.surface(page, '/jira/project/AC/hygiene', 'vertebra-project-page');
    // The default scope (unresolved issues) is small and scanned at once.
    await frame.getByTestId('hygiene-report-score').waitFor({ timeout: 60_000 });

    await frame.getByTestId('hygiene-report-jql').fill('created >= "2000-01-01"');
    await frame.getByTestId('hygiene-report-run').click();
    const progress = frame.getByTestId('hygiene-report-progress');
    await progress.waitFor({ timeout: 60_000 });
    // The job lists the scope first, then scans it.
    expect(await progress.textContent()).toMatch(
      /^(Listing the issues of the scope… \d+ so far|Scanning \d+ of \d+ issues…)/,
    );
    expect(await progress.getByRole('progressbar').count()).toBe(1);
    await expect
      .poll(async () => progress.textContent(), { timeout: 60_000 })
      .toMatch(/^Scanning \d+ of 4503 issues…/);
    await screenshot(page, 'hygiene-report-progress');

    // Leaving the page and coming back: the same scan, still running or done, not a new report.
    await page.context().close();
    const back = await large.page();
    const again = await large.surface(back, '/jira/project/AC/hygiene', 'vertebra-project-page');
    await expect
      .poll(async () => again.getByTestId('hygiene-report-scanned').textContent(), { timeout: 120_000 })
      .toMatch(/^4503 issues checked, \d+ with findings$/);
    expect(await again.getByTestId('hygiene-report-progress').count()).toBe(0);
    await screenshot(back, 'hygiene-report-large-done');
    await back.context().close();
  }, 240_000);

  it('says why a scan whose part failed stopped, and runs it again from there', async () => {
    const { platform } = large.running;
    // Jira refuses the scan its bulk fetches: the job fails at once, with Jira's reason.
    const refusing = refusingBulkFetch(platform);
    const scans = new Set<unknown>();
    platform.queue.setConsumer((event) => {
      scans.add(event.body.jobId);
      return queueConsumer(refusing, event);
    });
    try {
      const page = await large.page();
      const frame = await large.surface(page, '/jira/project/AC/hygiene', 'vertebra-project-page');
      await frame.getByTestId('hygiene-report-score').waitFor({ timeout: 60_000 });
      await frame.getByTestId('hygiene-report-jql').fill('created >= "2000-01-01"');
      await frame.getByTestId('hygiene-report-run').click();

      const failed = frame.getByTestId('hygiene-report-failed');
      await failed.waitFor({ timeout: 60_000 });
      expect(await failed.textContent()).toContain('The scan could not finish');
      expect(await failed.textContent()).toContain(
        'Jira answered 403 to POST /rest/api/3/issue/bulkfetch: The app may no longer read this project.',
      );
      // No progress bar left turning, and the report can be run again.
      expect(await frame.getByTestId('hygiene-report-progress').count()).toBe(0);
      expect(await frame.getByTestId('hygiene-report-run').isEnabled()).toBe(true);
      await screenshot(page, 'hygiene-report-scan-failed');

      expect(scans.size).toBe(1);
      await frame.getByTestId('hygiene-report-run-again').click();
      // A new scan, which fails the same way.
      await expect.poll(() => scans.size, POLL).toBe(2);
      await failed.waitFor({ timeout: 60_000 });
      expect(await failed.textContent()).toContain('The app may no longer read this project.');
      await page.context().close();
    } finally {
      platform.queue.setConsumer((event) => queueConsumer(platform, event));
    }
  }, 240_000);
});

describe('the hygiene trend in the playground', () => {
  // A playground of its own: the nightly snapshots and the installed bundle below must not reach the others.
  const trend = usePlayground({ viewport: { width: 1280, height: 1000 } });

  it('draws one point per nightly snapshot, each at the score that night found', async () => {
    const site = trend.running;
    // Two nights a week apart, run as the scheduled trigger runs them (as the app), each on its own clock.
    const nights: { day: string; score: number }[] = [];
    for (const day of ['2026-11-09', '2026-11-16']) {
      const at = new Date(`${day}T02:00:00Z`);
      const outcome = await hygieneNightly(
        { ...site.platform, clock: { ...site.platform.clock, now: () => new Date(at) } },
        { projectKeys: ['PAY'] },
      );
      const pay = outcome.projects.find((project) => project.projectKey === 'PAY');
      if (pay === undefined) throw new Error('the nightly did not scan PAY');
      expect(pay.scanned).toBeGreaterThan(0);
      nights.push({ day, score: pay.score });
    }
    // A week earlier fewer tickets are stale or late: the scores differ, so the line has a slope to show.
    expect(nights[0]?.score).not.toBe(nights[1]?.score);

    const page = await trend.page();
    const frame = await trend.surface(page, '/jira/project/PAY/hygiene', 'vertebra-project-page');
    const chart = frame.getByTestId('hygiene-trend');
    await chart.waitFor({ timeout: 60_000 });
    expect(await chart.getByRole('img').getAttribute('aria-label')).toBe('Hygiene score by day');
    // Each point says its day and score on hover (an SVG <title>), in the order of the nights.
    expect(await chart.locator('circle title').allTextContents()).toEqual(
      nights.map((night) => `${night.day}: ${String(night.score)}`),
    );
    await chart.scrollIntoViewIfNeeded();
    await screenshot(page, 'hygiene-report-trend');
    await page.context().close();
  }, 180_000);

  it('shows the all-clear in the panel and the badge of an issue with no finding', async () => {
    const site = trend.running;
    const admin = site.sandbox.users.admin.accountId;
    const report = await createResolvers(site.platform)['hygiene.projectReport']({
      payload: { projectKey: 'PAY' },
      context: { accountId: admin, extension: {} },
    });
    if (!report.ok || report.data.status !== 'done') throw new Error('no report');
    const flagged = new Set(report.data.rows.map((row) => row.issue));
    const search = await fetch(`${site.sandbox.url}/rest/api/3/search/jql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jql: 'project = PAY AND resolution = EMPTY', fields: ['id'], maxResults: 500 }),
    });
    const keys = ((await search.json()) as { issues: { key: string }[] }).issues.map((issue) => issue.key);
    const clean = keys.find((key) => !flagged.has(key));
    if (clean === undefined) throw new Error('every PAY issue has findings');

    const page = await trend.page();
    const panel = await trend.surface(page, `/jira/issue/${clean}`, 'hygiene-issue-panel');
    await panel.getByTestId('hygiene-all-clear').waitFor({ timeout: 60_000 });
    expect(await panel.locator('[data-testid^="hygiene-finding-"]').count()).toBe(0);
    expect(await page.getByText('Hygiene: all clear').count()).toBeGreaterThan(0);
    await screenshot(page, 'hygiene-issue-panel-all-clear');
    await page.context().close();
  }, 180_000);

  it("takes a finding's process link to its rule on the installed product-ops Jira hygiene page", async () => {
    const site = trend.running;
    // Product ops installed their bundle in OPS (as the templates screen does, through the same resolver).
    const admin = site.sandbox.users.admin.accountId;
    const installed = await createResolvers(site.platform)['templates.install']({
      payload: {
        bundleId: 'product-ops',
        spaceKey: 'OPS',
        variables: { orgName: 'Acme', opsLead: admin, teams: 'Payments', quarterStart: '2027-01-04' },
      },
      context: { accountId: admin, extension: {} },
    });
    if (!installed.ok) throw new Error(installed.error.message);
    const hygienePage = installed.data.pages.find((page) => page.key === 'jira-hygiene')?.id ?? '';

    const page = await trend.page();
    const context = page.context();
    const panel = await trend.surface(page, '/jira/issue/PAY-1', 'hygiene-issue-panel');
    const card = panel.locator('[data-testid^="hygiene-finding-"]').first();
    await card.waitFor({ timeout: 60_000 });
    const rule = ((await card.getAttribute('data-testid')) ?? '').replace('hygiene-finding-', '');
    const link = card.getByRole('link', { name: 'Our process' });
    // Site-relative from the app, made absolute in the frame, which lives on another origin in Forge.
    expect(await link.getAttribute('href')).toBe(
      `${site.sandbox.url}/wiki/spaces/OPS/pages/${hygienePage}#rule-${rule}`,
    );
    const [opened] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await opened.waitForLoadState();
    // The page opens at the rule's anchor, followed by the rule's own section.
    const anchor = opened.locator(`[id="rule-${rule}"]`);
    await anchor.waitFor({ state: 'attached', timeout: 30_000 });
    const heading = (await opened.locator(`[id="rule-${rule}"] + h2`).textContent()) ?? '';
    expect(heading).toBe(RULES_BY_ID.get(rule)?.words.en.agreement);
    await screenshot(opened, 'hygiene-process-page');
    await context.close();
  }, 180_000);
});

describe('the issue view after the issue is edited', () => {
  /** A PAY story (not a bug: a description would raise the bug-report rules) flagged for its missing description. */
  async function storyWithoutDescription(): Promise<string> {
    const site = playground.running;
    const report = await createResolvers(site.platform)['hygiene.projectReport']({
      payload: { projectKey: 'PAY' },
      context: { accountId: site.sandbox.users.admin.accountId, extension: {} },
    });
    if (!report.ok || report.data.status !== 'done') throw new Error('no report');
    // Not the worst row: another test acknowledges one of its findings.
    const row = report.data.rows
      .slice(1)
      .find(
        (candidate) =>
          candidate.findings.some((finding) => finding.rule === 'description-missing') &&
          site.sandbox.jira.findIssue(candidate.issue)?.facts.issueType === 'story',
      );
    if (row === undefined) throw new Error('no PAY story without a description');
    return row.issue;
  }

  /** Jira's issue view saving a description (REST v3, ADF), as `editor` (an email; the viewer by default). */
  async function addDescription(issueKey: string, editor?: string): Promise<void> {
    const edit = await fetch(`${playground.url}/rest/api/3/issue/${issueKey}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...(editor && { 'x-sandbox-act-as': editor }) },
      body: JSON.stringify({
        fields: {
          description: {
            type: 'doc',
            version: 1,
            content: [
              {
                type: 'paragraph',
                content: [{ type: 'text', text: 'Customers can pay by card from the checkout page.' }],
              },
            ],
          },
        },
      }),
    });
    expect(edit.status).toBe(204);
  }

  it('drops "Description missing" from the panel and the badge once a teammate adds the description, without a reload', async () => {
    const issueKey = await storyWithoutDescription();
    const page = await playground.page();
    const panel = await playground.surface(page, `/jira/issue/${issueKey}`, 'hygiene-issue-panel');
    await panel.getByTestId('hygiene-finding-description-missing').waitFor({ timeout: 60_000 });
    await page.locator('button[data-glance="hygiene-issue-context"]').click();
    const context = appFrame(page, 'hygiene-issue-context');
    await context.getByTestId('hygiene-finding-description-missing').waitFor({ timeout: 30_000 });
    const before = Number(await context.getByTestId('hygiene-badge').textContent());
    // A reload would lose this mark: the frames must follow the edit on the page as it is.
    await page.evaluate(() => {
      (globalThis as { stillThisPage?: boolean }).stillThisPage = true;
    });

    // Marcus edits it while the site admin looks at it: Jira tells the admin's issue view.
    await addDescription(issueKey, 'marcus.chen@example.com');

    await expect.poll(() => panel.getByTestId('hygiene-finding-description-missing').count(), POLL).toBe(0);
    await expect.poll(() => context.getByTestId('hygiene-finding-description-missing').count(), POLL).toBe(0);
    await expect
      .poll(async () => Number(await context.getByTestId('hygiene-badge').textContent()), POLL)
      .toBeLessThan(before);
    expect(await panel.getByTestId('hygiene-findings').count()).toBe(1);
    expect(await page.evaluate(() => (globalThis as { stillThisPage?: boolean }).stillThisPage)).toBe(true);
    await screenshot(page, 'hygiene-issue-panel-after-edit');
    await page.context().close();
  }, 180_000);

  it('after the viewer\'s own edit (Jira sends no event for it), "Check again" brings the panel up to date', async () => {
    const issueKey = await storyWithoutDescription();
    const page = await playground.page();
    const panel = await playground.surface(page, `/jira/issue/${issueKey}`, 'hygiene-issue-panel');
    await panel.getByTestId('hygiene-finding-description-missing').waitFor({ timeout: 60_000 });

    await addDescription(issueKey);
    // Past the event's delay and debounce, the panel still shows what it loaded: no event came.
    await page.waitForTimeout(2_000);
    expect(await panel.getByTestId('hygiene-finding-description-missing').count()).toBe(1);

    await panel.getByTestId('hygiene-check-again').click();
    await expect.poll(() => panel.getByTestId('hygiene-finding-description-missing').count(), POLL).toBe(0);
    await page.context().close();
  }, 180_000);
});
