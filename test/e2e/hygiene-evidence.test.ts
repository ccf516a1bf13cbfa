import { describe, expect, it } from 'vitest';
import { createResolvers } from '../../src/resolvers';
import { screenshot, usePlayground } from './harness';

describe('evidence on the hygiene admin page', () => {
  const playground = usePlayground({ viewport: { width: 1400, height: 1000 } });

  it.each([
    {
      language: 'en' as const,
      population: (n: number, f: number) => `Applies to ${String(n)}, flags ${String(f)}`,
      notMeasurable: 'Cannot be measured on resolved issues',
    },
    {
      language: 'fr' as const,
      population: (n: number, f: number) => `S’applique à ${String(n)}, en signale ${String(f)}`,
      notMeasurable: 'Non mesurable sur des tickets résolus',
    },
  ])(
    "shows each rule's figures beside its switch after measuring PAY's resolved issues ($language)",
    async ({ language, population, notMeasurable }) => {
      const site = playground.running;
      const resolvers = createResolvers(site.platform);
      const asAdmin = { accountId: site.sandbox.users.admin.accountId, extension: {} };
      const expected = await resolvers['hygiene.evidence']({
        payload: { jql: 'project = PAY' },
        context: asAdmin,
      });
      if (!expected.ok) throw new Error(expected.error.message);
      const figures = expected.data.rules.find((r) => r.rule === 'description-too-short');
      if (figures === undefined) throw new Error('description-too-short is not measured');

      const page = await playground.page({ language });
      const frame = await playground.surface(page, '/jira/admin/hygiene', 'hygiene-admin-page');
      const jql = frame.getByTestId('hygiene-evidence-jql');
      await jql.waitFor({ timeout: 60_000 });
      await jql.fill('project = PAY');
      await frame.getByTestId('hygiene-evidence-measure').click();
      const shown = frame.getByTestId('hygiene-evidence-description-too-short');
      await shown.waitFor({ timeout: 30_000 });
      expect(await shown.textContent()).toContain(population(figures.population, figures.flagged));
      const row = frame.getByTestId('hygiene-rule-sprint-carry-over');
      expect(await row.textContent()).toContain(notMeasurable);
      await screenshot(page, `hygiene-evidence-${language}`);
      await page.context().close();
    },
    180_000,
  );
});
