import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appFrame, screenshot, usePlayground } from './harness';

const playground = usePlayground({ viewport: { width: 1280, height: 900 } });
let page: Page;

async function textOf(moduleKey: string, testId: string): Promise<string> {
  const locator = appFrame(page, moduleKey).getByTestId(testId);
  await locator.waitFor({ timeout: 15_000 });
  return (await locator.textContent()) ?? '';
}

/** Waits until a framed field stops saying "Loading…" (the resolver answered). */
async function settledTextOf(moduleKey: string, testId: string, loading: string): Promise<string> {
  const locator = appFrame(page, moduleKey).getByTestId(testId);
  await locator.waitFor({ timeout: 15_000 });
  await expect.poll(async () => locator.textContent(), { timeout: 15_000 }).not.toBe(loading);
  return (await locator.textContent()) ?? '';
}

describe('the playground frames the app as Jira does', () => {
  it('opens an issue from the navigation and frames both issue panels and the context badge', async () => {
    page = await playground.page();
    await page.goto(`${playground.url}/`);
    await page
      .getByRole('navigation')
      .getByRole('link', { name: /^Issue / })
      .first()
      .click();
    await page.waitForURL(/\/jira\/issue\/[A-Z][A-Z0-9_]*-\d+$/);
    const issueKey = new URL(page.url()).pathname.split('/').pop() ?? '';

    const frames = await Promise.all(
      (await page.locator('iframe[data-module-key]').all()).map((frame) =>
        frame.getAttribute('data-module-key'),
      ),
    );
    expect(frames).toEqual(['hygiene-issue-panel', 'dependencies-issue-panel', 'hygiene-issue-context']);
    // Each frame received the issue as its Forge context and rendered a screen (not the bridge's error text).
    const panelContext = JSON.parse(
      (await page.locator('iframe[data-module-key="hygiene-issue-panel"]').getAttribute('data-context')) ??
        '{}',
    ) as {
      extension: { issue: { key: string } };
    };
    expect(panelContext.extension.issue.key).toBe(issueKey);
    // The issue context is collapsed, as in Jira; its frame loads once opened.
    await page.locator('button[data-glance="hygiene-issue-context"]').click();
    // Whatever the capability shows, the app started in every frame (the shell renders into #root).
    for (const moduleKey of frames) {
      const root = appFrame(page, moduleKey ?? '').locator('#root');
      await root.locator(':scope > *').first().waitFor({ timeout: 15_000 });
      expect(await root.textContent()).not.toContain('Vertebra could not start');
    }
    await screenshot(page, 'playground-issue-view');
  });

  it('shows the framed context and the user the resolver saw, as the user picked in the top bar', async () => {
    page = await playground.page();
    await page.goto(`${playground.url}/jira/app/context`);
    const users = await Promise.all(
      (await page.locator('#user option').all()).map(async (option) => ({
        accountId: (await option.getAttribute('value')) ?? '',
        label: (await option.textContent()) ?? '',
      })),
    );
    const priya = users.find((user) => user.label.startsWith('Priya Patel'));
    expect(priya).toBeDefined();
    await Promise.all([
      page.waitForEvent('load'),
      page.locator('#user').selectOption(priya?.accountId ?? ''),
    ]);

    const issueKey = 'PAY-1';
    await page.goto(`${playground.url}/jira/app/context/${issueKey}`);
    const module = 'playground-context-check';
    expect(await textOf(module, 'context-issue')).toBe(issueKey);
    expect(await textOf(module, 'context-project')).toBe('PAY');
    // app.whoami ran in Node, through the bridge shim, and answered with the principal of the chosen user.
    const user = await settledTextOf(module, 'context-user', 'Loading…');
    expect(['Priya Patel', priya?.accountId]).toContain(user);
    await screenshot(page, 'playground-context-en');
  });

  it('switches the framed app to French and to the dark theme from the top bar', async () => {
    page = await playground.page();
    await page.goto(`${playground.url}/jira/app/context/PAY-1`);
    await Promise.all([page.waitForEvent('load'), page.locator('#language').selectOption('fr')]);
    const module = 'playground-context-check';
    expect(await textOf(module, 'context-locale')).toBe('fr-FR');
    const report = appFrame(page, module).getByTestId('context-report');
    await expect.poll(async () => report.textContent(), { timeout: 15_000 }).toContain('Vertebra fonctionne');
    expect(await report.textContent()).toContain('Ticket');

    await Promise.all([page.waitForEvent('load'), page.locator('#theme').selectOption('dark')]);
    expect(await textOf(module, 'context-theme')).toBe('dark');
    const frameMode = await appFrame(page, module).locator('html').getAttribute('data-color-mode');
    expect(frameMode).toBe('dark');
    await screenshot(page, 'playground-context-fr-dark');
  });

  it('opens no frame on an issue the chosen user may not see, as Jira shows its "can’t be found" page', async () => {
    // Alex Reed is a contractor; the demo's Payments project (PAY) is closed to contractors.
    page = await playground.page({ accountId: '712020:a0000000-0000-4000-8000-00000000000c' });
    await page.goto(`${playground.url}/jira/issue/PAY-1`);
    expect(await page.getByRole('alert').textContent()).toContain(
      'Alex Reed (Contractor) cannot see this page',
    );
    expect(await page.locator('iframe[data-module-key]').count()).toBe(0);
  });

  it('answers resolver failures through the bridge as Forge does: an envelope for bad input, a rejection for an unknown key', async () => {
    page = await playground.page({ language: 'en' });
    await page.goto(`${playground.url}/jira/app/context`);
    await textOf('playground-context-check', 'context-module');
    const frame = page.frames().find((candidate) => candidate.url().endsWith('/app/index.html'));
    expect(frame).toBeDefined();
    // Runs inside the framed app, as @forge/bridge would (a string: the test's tsconfig has no DOM types).
    const answers:
      { invalid: unknown; unknown: string; myself: { status: number; accountId: string } } | undefined =
      await frame?.evaluate(`(async () => {
      const bridge = window.__bridge;
      const invalid = await bridge.callBridge('invoke', { functionKey: 'app.whoami', payload: { unexpected: true } });
      const unknown = await bridge.callBridge('invoke', { functionKey: 'no.such.resolver', payload: {} }).then(
        () => 'resolved',
        (error) => String(error && error.message),
      );
      const myself = await bridge.callBridge('fetchProduct', {
        product: 'jira',
        restPath: '/rest/api/3/myself',
        fetchRequestInit: { method: 'GET', headers: [['Accept', 'application/json']] },
      });
      return { invalid, unknown, myself: { status: myself.status, accountId: JSON.parse(myself.body).accountId } };
    })()`);
    expect(answers?.invalid).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(answers?.unknown).toContain("no definition for 'no.such.resolver'");
    // requestJira() from the frame reaches the sandbox as the acting user (the site admin by default).
    expect(answers?.myself).toEqual({
      status: 200,
      accountId: '712020:a0000000-0000-4000-8000-000000000001',
    });
  });

  it('shows the project page sub-page the URL names and keeps the frame sized to its content', async () => {
    page = await playground.page();
    await page.goto(`${playground.url}/jira/project/PAY/dependencies`);
    const frame = page.locator('iframe[data-module-key="vertebra-project-page"]');
    expect(await frame.getAttribute('data-route')).toBe('dependencies');
    await expect
      .poll(
        async () =>
          (await appFrame(page, 'vertebra-project-page').locator('#root').textContent())?.length ?? 0,
        { timeout: 15_000 },
      )
      .toBeGreaterThan(0);
    const box = await frame.boundingBox();
    expect(box?.height).toBeGreaterThan(60);
    await screenshot(page, 'playground-project-dependencies');
  });
});
