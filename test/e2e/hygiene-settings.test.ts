import type { FrameLocator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createResolvers } from '../../src/resolvers';
import { RULES_BY_ID } from '../../src/hygiene/rules';
import { screenshot, usePlayground } from './harness';

const RULE = 'stale-in-progress';

/** How long a check waits for the screen to follow a choice (the machine is shared and can be slow). */
const POLL = { timeout: 15_000 };

/** The open count of each rule in the report's "By rule" tab of the project page on screen. */
async function openByRule(frame: FrameLocator): Promise<Record<string, number>> {
  await frame.getByTestId('hygiene-report-score').waitFor({ timeout: 60_000 });
  await frame.getByRole('tab', { name: 'By rule' }).click();
  const rows = frame.locator('[data-testid^="hygiene-report-by-rule--row-"]');
  await rows.first().waitFor();
  const counts: Record<string, number> = {};
  for (const row of await rows.all()) {
    const cells = row.locator('td');
    const rule = ((await row.getAttribute('data-testid')) ?? '').replace('hygiene-report-by-rule--row-', '');
    counts[rule] = Number(((await cells.nth(1).textContent()) ?? '').trim());
  }
  return counts;
}

describe('hygiene settings in the playground', () => {
  const playground = usePlayground({ viewport: { width: 1280, height: 1000 } });

  async function open(path: string, moduleKey: string): Promise<{ page: Page; frame: FrameLocator }> {
    const page = await playground.page();
    return { page, frame: await playground.surface(page, path, moduleKey) };
  }

  it("turns a rule back on for PAY after the organisation turned it off: PAY's report and panel show it, CHK's report does not", async () => {
    const site = playground.running;
    const admin = site.sandbox.users.admin.accountId;
    const resolvers = createResolvers(site.platform);
    const asAdmin = { accountId: admin, extension: {} };
    // Before any setting, CHK has tickets the rule flags, so its absence there later is the setting's doing.
    const before = await resolvers['hygiene.projectReport']({
      payload: { projectKey: 'CHK' },
      context: asAdmin,
    });
    if (!before.ok || before.data.status !== 'done') throw new Error('no CHK report');
    expect(before.data.summary.byRule[RULE]?.open).toBeGreaterThan(0);

    // The organisation turns the rule off on the admin page.
    const org = await open('/jira/admin/hygiene', 'hygiene-admin-page');
    const orgToggle = org.frame.getByTestId(`hygiene-rule-enabled-${RULE}--input`);
    await orgToggle.waitFor({ timeout: 60_000 });
    expect(await orgToggle.isChecked()).toBe(true);
    await orgToggle.click({ force: true });
    await org.frame.getByTestId('hygiene-rules-save-org').click();
    await org.frame.getByText('Rules saved').first().waitFor({ timeout: 30_000 });
    await org.page.context().close();

    // PAY's project page: the rule is off, as the organisation set it; its admin turns it on and saves.
    const pay = await open('/jira/project/PAY/hygiene', 'vertebra-project-page');
    expect(await openByRule(pay.frame)).not.toHaveProperty(RULE);
    await pay.frame.getByRole('tab', { name: 'Project overrides' }).click();
    const payToggle = pay.frame.getByTestId(`hygiene-rule-enabled-${RULE}--input`);
    await payToggle.waitFor({ timeout: 30_000 });
    expect(await payToggle.isChecked()).toBe(false);
    expect(await pay.frame.getByTestId(`hygiene-rule-reset-${RULE}`).count()).toBe(0);
    await payToggle.click({ force: true });
    // The row now differs from the organisation's: it offers to go back to it.
    await pay.frame.getByTestId(`hygiene-rule-reset-${RULE}`).waitFor(POLL);
    await pay.frame.getByTestId('hygiene-rules-save-project').click();
    await pay.frame.getByText('Rules saved').first().waitFor({ timeout: 30_000 });
    await pay.frame.getByTestId(`hygiene-rule-${RULE}`).scrollIntoViewIfNeeded();
    await screenshot(pay.page, 'hygiene-settings-project-override');

    // What PAY stores is that one change: not the organisation's other settings of the rule, nor other rules.
    const stored = await resolvers['hygiene.projectConfig']({
      payload: { projectKey: 'PAY' },
      context: asAdmin,
    });
    if (!stored.ok) throw new Error(stored.error.message);
    expect(stored.data.config.rules).toEqual({ [RULE]: { enabled: true } });

    // PAY's report counts the rule again, and an issue it flags shows it in its panel.
    await pay.frame.getByTestId('hygiene-report-run').click();
    await expect.poll(async () => (await openByRule(pay.frame))[RULE] ?? 0, POLL).toBeGreaterThan(0);
    await screenshot(pay.page, 'hygiene-settings-project-report');
    await pay.frame.getByRole('tab', { name: 'Issues' }).click();
    await pay.frame.locator('#hygiene-filter-rule').click();
    await pay.frame.locator('#hygiene-filter-rule').pressSequentially(RULES_BY_ID.get(RULE)?.title ?? RULE);
    await pay.page.keyboard.press('Enter');
    const row = pay.frame.locator('[data-testid^="hygiene-report-issues--row-"]').first();
    await expect
      .poll(
        async () =>
          Promise.all(
            (await row.getByTestId('hygiene-report-finding').all()).map((finding) =>
              finding.getAttribute('data-rule'),
            ),
          ),
        POLL,
      )
      .toEqual([RULE]);
    const issueKey = ((await row.locator('td').first().textContent()) ?? '').trim();
    const panel = await playground.surface(pay.page, `/jira/issue/${issueKey}`, 'hygiene-issue-panel');
    await panel.getByTestId(`hygiene-finding-${RULE}`).waitFor({ timeout: 60_000 });
    await screenshot(pay.page, 'hygiene-settings-project-panel');
    await pay.page.context().close();

    // CHK did not override it: its report stays without the rule.
    const chk = await open('/jira/project/CHK/hygiene', 'vertebra-project-page');
    const chkCounts = await openByRule(chk.frame);
    expect(Object.keys(chkCounts).length).toBeGreaterThan(3);
    expect(chkCounts).not.toHaveProperty(RULE);
    await chk.page.context().close();
  }, 240_000);

  it("maps a project's own story points field on its project page, the organisation's shown as the default", async () => {
    const site = playground.running;
    const resolvers = createResolvers(site.platform);
    const asAdmin = { accountId: site.sandbox.users.admin.accountId, extension: {} };
    const mob = await open('/jira/project/MOB/hygiene', 'vertebra-project-page');
    await mob.frame.getByRole('tab', { name: 'Project overrides' }).click();
    const field = mob.frame.getByTestId('hygiene-field-storyPoints');
    await field.waitFor({ timeout: 30_000 });
    expect(await field.getAttribute('placeholder')).toBe('customfield_10016');
    await field.fill('customfield_10099');
    await mob.frame.getByTestId('hygiene-rules-save-project').click();
    await mob.frame.getByText('Rules saved').first().waitFor({ timeout: 30_000 });
    await screenshot(mob.page, 'hygiene-settings-project-fields');
    const stored = await resolvers['hygiene.projectConfig']({
      payload: { projectKey: 'MOB' },
      context: asAdmin,
    });
    if (!stored.ok) throw new Error(stored.error.message);
    expect(stored.data.config).toEqual({ rules: {}, fieldMap: { storyPoints: 'customfield_10099' } });
    await mob.page.context().close();
  }, 120_000);

  it("edits a rule's options as a form: a day threshold within its bounds, a list one phrase per line; a value out of bounds is refused by name", async () => {
    const site = playground.running;
    const resolvers = createResolvers(site.platform);
    const asAdmin = { accountId: site.sandbox.users.admin.accountId, extension: {} };
    const storedRules = async () => {
      const stored = await resolvers['hygiene.projectConfig']({
        payload: { projectKey: 'GRW' },
        context: asAdmin,
      });
      if (!stored.ok) throw new Error(stored.error.message);
      return stored.data.config.rules;
    };
    const grw = await open('/jira/project/GRW/hygiene', 'vertebra-project-page');
    await grw.frame.getByRole('tab', { name: 'Project overrides' }).click();
    const days = grw.frame.getByTestId('hygiene-rule-option-long-in-progress-days');
    await days.waitFor({ timeout: 30_000 });
    expect(await days.inputValue()).toBe('30');
    await days.fill('45');
    const placeholders = grw.frame.getByTestId('hygiene-rule-option-summary-placeholder-placeholders');
    const listed = (await placeholders.inputValue()).split('\n');
    expect(listed).toContain('tbd');
    await placeholders.fill(`${listed.join('\n')}\n  draft  \n`);
    await grw.frame.getByTestId('hygiene-rules-save-project').click();
    await grw.frame.getByText('Rules saved').first().waitFor({ timeout: 30_000 });
    await screenshot(grw.page, 'hygiene-settings-options-form');
    // Only what differs from the organisation is stored; the phrase is trimmed, the blank line dropped.
    const saved = await storedRules();
    expect(saved['long-in-progress']).toEqual({ options: { days: 45 } });
    expect(saved['summary-placeholder']).toEqual({ options: { placeholders: [...listed, 'draft'] } });

    // Zero days: the field says so, and the save is refused naming the rule and the option; nothing is lost.
    await days.fill('0');
    expect(await days.getAttribute('aria-invalid')).toBe('true');
    await grw.frame.getByTestId('hygiene-rules-save-project').click();
    // The refusal comes as a warning flag; expanded, it names the rule and the option.
    await grw.frame.getByText('Vertebra could not read this request').first().waitFor({ timeout: 30_000 });
    await grw.frame.getByRole('button', { name: 'Expand' }).first().click();
    await grw.frame
      .getByText(/^The rules were not saved: rule "long-in-progress", option "days": /)
      .first()
      .waitFor({ timeout: 30_000 });
    expect((await storedRules())['long-in-progress']).toEqual({ options: { days: 45 } });
    await grw.page.context().close();
  }, 120_000);
});
