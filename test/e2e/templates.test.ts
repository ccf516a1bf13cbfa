/**
 * The templates screens in the playground, as a space admin would use them: pick a bundle, fill its variables,
 * preview the plan, install with progress, then see the bundle in the global catalogue with its adoption.
 * Screenshots go to test-results/templates-*.png.
 */
import type { FrameLocator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appFrame, screenshot, usePlayground } from './harness';

const PRIYA = '712020:a0000000-0000-4000-8000-000000000002'; // administers OPS
const SOFIA = '712020:a0000000-0000-4000-8000-000000000004'; // administers no space

const playground = usePlayground({ viewport: { width: 1280, height: 1000 } });

async function pickBundle(frame: FrameLocator, title: string): Promise<void> {
  await frame.getByTestId('templates-installer').waitFor({ timeout: 20_000 });
  // Atlaskit's Select is a react-select: type to filter, Enter to pick.
  const input = frame.locator('#templates-bundle');
  await input.focus();
  await input.pressSequentially(title);
  await input.press('Enter');
  await expect
    .poll(async () => frame.getByTestId('templates-installer').textContent(), { timeout: 10_000 })
    .toContain(title);
}

describe('installing a bundle from the space settings', () => {
  it('previews the plan, installs with progress and reports what was created', async () => {
    const page = await playground.open('/confluence/space/OPS/settings', {
      accountId: PRIYA,
      language: 'en',
      colorMode: 'light',
    });
    const frame = appFrame(page, 'templates-space-settings');
    await pickBundle(frame, 'Product operations');
    await frame.getByTestId('templates-var-orgName').fill('Initech');
    await frame.getByTestId('templates-var-teams').fill('Payments, Checkout');
    await frame.getByTestId('templates-var-quarterStart').fill('2027-01-04');
    await frame.getByTestId('templates-preview').click();
    await expect
      .poll(async () => frame.getByTestId('templates-plan-summary').textContent(), { timeout: 20_000 })
      .toBe('9 to create, 0 to update, 0 unchanged, 0 conflicts');
    expect(await frame.getByTestId('templates-plan').textContent()).toContain('Initech Definition of Done');
    await screenshot(page, 'templates-installer-plan');

    await frame.getByTestId('templates-install').click();
    const result = frame.getByTestId('templates-result');
    await result.waitFor({ timeout: 30_000 });
    expect(await result.textContent()).toContain('9 created, 0 updated, 0 unchanged.');
    await expect
      .poll(async () => frame.getByTestId('templates-plan-summary').textContent(), { timeout: 20_000 })
      .toBe('0 to create, 0 to update, 9 unchanged, 0 conflicts');
    await screenshot(page, 'templates-installer-done');
    await page.context().close();
  });

  it('tells someone who does not administer the space, and writes nothing', async () => {
    const page = await playground.open('/confluence/space/OPS/settings', {
      accountId: SOFIA,
      language: 'fr',
      colorMode: 'dark',
    });
    const frame = appFrame(page, 'templates-space-settings');
    await pickBundle(frame, 'Intégration des PM (product camp)');
    await frame.getByTestId('templates-var-teamName').fill('Paiements');
    await frame.getByTestId('templates-var-startDate').fill('2027-01-04');
    await frame.getByTestId('templates-preview').click();
    await expect
      .poll(async () => frame.getByTestId('templates-error').textContent(), { timeout: 20_000 })
      .toContain("Seuls les administrateurs de l'espace OPS");
    expect(await frame.getByTestId('templates-plan').count()).toBe(0);
    await screenshot(page, 'templates-installer-forbidden-fr-dark');
    await page.context().close();
  });
});

describe('the catalogue in global settings', () => {
  it('lists the bundles, where each is installed, and its adoption', async () => {
    const page = await playground.open('/confluence/settings/templates', {
      language: 'en',
      colorMode: 'light',
    });
    const frame = appFrame(page, 'templates-global-settings');
    const installation = frame.getByTestId('templates-installation-product-ops-OPS');
    await installation.waitFor({ timeout: 20_000 });
    expect(await installation.textContent()).toContain('1.0.0');
    await installation.getByTestId('templates-show-adoption').click();
    await expect
      .poll(async () => frame.getByTestId('templates-adoption').textContent(), { timeout: 20_000 })
      .toBe('0 of 6 pages edited · 0 views · 0 pages from templates');
    await screenshot(page, 'templates-catalogue');

    await frame
      .getByTestId('templates-import')
      .fill('id: Bad\nversion: x\nlanguage: en\ntitle: t\npages: []\n');
    await frame.getByTestId('templates-import-submit').click();
    const problems = frame.getByTestId('templates-import-problems');
    await problems.waitFor({ timeout: 20_000 });
    expect(await problems.textContent()).toContain('version: use a version like 1.2.0');
    await screenshot(page, 'templates-catalogue-import-error');
    await page.context().close();
  });
});
