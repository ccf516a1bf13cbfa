/**
 * Browser tests on the playground: `startPlayground({ port: 0 })` in this process, Debian's Chromium through
 * playwright-core, the framed app of a module, screenshots under `test-results/`. Capability tests build on it:
 *
 *   const playground = await startPlayground({ port: 0 });
 *   const browser = await openBrowser();
 *   const page = await browser.newPage();
 *   await page.goto(`${playground.url}/jira/issue/PAY-1`);
 *   await expectText(appFrame(page, 'hygiene-issue-panel').getByTestId('…'), '…');
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type FrameLocator, type Page } from 'playwright-core';
import {
  APP_BUILD_DIR,
  assertAppBuilt,
  startPlayground as startPlaygroundServer,
  type PlaygroundOptions,
  type RunningPlayground,
} from '../../sandbox/playground';
import { SETTINGS_COOKIES } from '../../sandbox/playground/context';

export type { RunningPlayground } from '../../sandbox/playground';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const RESULTS_DIR = path.join(repoRoot, 'test-results');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** The playground on a random port; fails with the command to run when the Custom UI is not built. */
export async function startPlayground(options: PlaygroundOptions = { port: 0 }): Promise<RunningPlayground> {
  assertAppBuilt(APP_BUILD_DIR);
  return startPlaygroundServer({ port: 0, ...options });
}

/** Chromium with the flags the CI machine needs; close it in `afterAll`. */
export async function openBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium is missing at ${CHROMIUM} (apt-get install chromium).`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** The framed app of one module on the current host page (`iframe[data-module-key=…]`). */
export function appFrame(page: Page, moduleKey: string): FrameLocator {
  return page.frameLocator(`iframe[data-module-key="${moduleKey}"]`);
}

export interface PlaygroundChoice {
  /** Sandbox user (accountId); default the site admin. */
  readonly accountId?: string;
  readonly language?: 'user' | 'en' | 'fr';
  readonly colorMode?: 'light' | 'dark';
}

/** Sets the top-bar choices before a page loads (the same cookies the switches write). */
export async function choose(
  context: BrowserContext,
  playgroundUrl: string,
  choice: PlaygroundChoice,
): Promise<void> {
  const cookies = [
    choice.accountId === undefined ? undefined : { name: SETTINGS_COOKIES.user, value: choice.accountId },
    choice.language === undefined ? undefined : { name: SETTINGS_COOKIES.language, value: choice.language },
    choice.colorMode === undefined ? undefined : { name: SETTINGS_COOKIES.theme, value: choice.colorMode },
  ].filter((cookie) => cookie !== undefined);
  await context.addCookies(
    cookies.map((cookie) => ({ ...cookie, value: encodeURIComponent(cookie.value), url: playgroundUrl })),
  );
}

/** Saves a full-page screenshot as `test-results/<name>.png` and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
