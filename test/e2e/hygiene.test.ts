import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, usePlayground } from './harness';

const playground = usePlayground({ viewport: { width: 1280, height: 1000 } });

/** An issue of the demo with hygiene findings: the worst row of PAY's report, read through the report screen. */
async function worstIssue(page: Page): Promise<string> {
  const frame = await playground.surface(page, '/jira/project/PAY/hygiene', 'vertebra-project-page');
  const firstRow = frame
    .getByTestId('hygiene-report-issues--row-0')
    .or(frame.locator('[data-testid^="hygiene-report-issues--row"]').first());
  await firstRow.first().waitFor({ timeout: 30_000 });
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
    await frame.getByRole('tab', { name: 'By rule' }).click();
    const byRule = frame.locator('[data-testid^="hygiene-report-by-rule"]').first();
    await byRule.waitFor();
    // Rule ids with their counts, e.g. "description-missing12".
    expect(await byRule.textContent()).toMatch(/[a-z]+-[a-z-]+\d+/);
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

  it('shows the context badge with the count of findings, in French and dark mode too', async () => {
    const page = await playground.page({ language: 'fr', colorMode: 'dark' });
    const issueKey = await worstIssue(page);
    const context = await playground.surface(page, `/jira/issue/${issueKey}`, 'hygiene-issue-context');
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
});
