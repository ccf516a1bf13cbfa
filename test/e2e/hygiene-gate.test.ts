import { describe, expect, it } from 'vitest';
import { createResolvers } from '../../src/resolvers';
import { screenshot, usePlayground } from './harness';

const NO_CRITERIA = 'No acceptance criteria: neither in the field nor under a heading.';

describe('the Definition of Ready gate in the playground', () => {
  const playground = usePlayground({ viewport: { width: 1280, height: 1200 } });

  it("is turned on from PAY's settings tab, says what is missing before saving, and then refuses a move in Jira", async () => {
    const site = playground.running;
    const page = await playground.page();
    const frame = await playground.surface(page, '/jira/project/PAY/hygiene', 'vertebra-project-page');
    await frame.getByTestId('hygiene-report-score').waitFor({ timeout: 60_000 });
    await frame.getByRole('tab', { name: 'Project overrides' }).click();
    const toggle = frame.getByTestId('hygiene-gate-enabled--input');
    await toggle.waitFor({ timeout: 30_000 });
    expect(await toggle.isChecked()).toBe(false);

    // Turned on with nothing chosen: both fields say what they need and the gate cannot be saved yet.
    await toggle.click({ force: true });
    await frame.getByTestId('hygiene-gate-statuses-error').waitFor({ timeout: 15_000 });
    expect(await frame.getByTestId('hygiene-gate-rules-error').textContent()).toBe(
      'Choose at least one rule that must pass.',
    );
    expect(await frame.getByTestId('hygiene-gate-save').isDisabled()).toBe(true);

    await frame.locator('#hygiene-gate-statuses').fill('In Progress');
    await frame.locator('#hygiene-gate-statuses').press('Enter');
    await frame.locator('#hygiene-gate-rules').fill('Acceptance criteria missing');
    await frame.locator('#hygiene-gate-rules').press('Enter');
    expect(await frame.getByTestId('hygiene-gate-statuses-error').count()).toBe(0);
    await frame.getByTestId('hygiene-gate-save').click();
    await frame.getByText('Gate saved').first().waitFor({ timeout: 30_000 });
    await frame.getByTestId('hygiene-gate').scrollIntoViewIfNeeded();
    await screenshot(page, 'hygiene-gate-settings');

    const resolvers = createResolvers(site.platform);
    const context = { accountId: site.sandbox.users.admin.accountId, extension: {} };
    const view = await resolvers['hygiene.gate']({ payload: { projectKey: 'PAY' }, context });
    if (!view.ok) throw new Error(view.error.message);
    const inProgress = view.data.statuses.find((status) => status.name === 'In Progress')?.id;
    expect(view.data.gate).toEqual({
      enabled: true,
      statuses: [inProgress],
      rules: ['acceptance-criteria-missing'],
    });

    // A story without acceptance criteria cannot enter In Progress through the sandbox's REST API.
    const jql = encodeURIComponent('project = PAY AND issuetype = Story AND status = "To Do" ORDER BY key');
    const found = (await (
      await fetch(`${site.url}/rest/api/3/search/jql?jql=${jql}&maxResults=100&fields=summary`)
    ).json()) as { issues: { key: string }[] };
    let story: string | undefined;
    for (const { key } of found.issues) {
      const panel = await resolvers['hygiene.issueFindings']({ payload: { issueKey: key }, context });
      if (panel.ok && panel.data.findings.some((f) => f.rule === 'acceptance-criteria-missing')) {
        story = key;
        break;
      }
    }
    if (story === undefined) throw new Error('no PAY story in To Do lacks acceptance criteria');
    const listed = (await (await fetch(`${site.url}/rest/api/3/issue/${story}/transitions`)).json()) as {
      transitions: { id: string; to: { id: string } }[];
    };
    const into = listed.transitions.find((transition) => transition.to.id === inProgress);
    const refused = await fetch(`${site.url}/rest/api/3/issue/${story}/transitions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ transition: { id: into?.id } }),
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errorMessages: string[] }).errorMessages).toEqual([
      `${story} is not ready for "In Progress". Acceptance criteria missing: ${NO_CRITERIA}`,
    ]);
    await page.context().close();
  }, 180_000);
});
