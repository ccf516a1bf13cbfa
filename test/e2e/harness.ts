/**
 * Browser tests on the playground: `startPlayground({ port: 0 })` in this process, Debian's Chromium through
 * playwright-core, the framed app of a module, screenshots under `test-results/`. Capability tests build on it:
 *
 *   const playground = await startPlayground({ port: 0 });
 *   const browser = await openBrowser();
 *   const page = await browser.newPage();
 *   await page.goto(`${playground.url}/jira/issue/PAY-1`);
 *   await expectText(appFrame(page, 'hygiene-issue-panel').getByTestId('…'), '…');
 *
 * A test file usually wants all of that once, started before its tests and closed after them:
 *
 *   const playground = usePlayground({ viewport: { width: 1280, height: 1000 } });
 *   const page = await playground.open('/jira/issue/PAY-1', { language: 'fr' });
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
import { afterAll, beforeAll } from 'vitest';

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

interface PlaygroundChoice {
  /** Sandbox user (accountId); default the site admin. */
  readonly accountId?: string;
  readonly language?: 'user' | 'en' | 'fr';
  readonly colorMode?: 'light' | 'dark';
}

/** Sets the top-bar choices before a page loads (the same cookies the switches write). */
async function choose(
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

export interface Viewport {
  readonly width: number;
  readonly height: number;
}

/** One playground and one browser shared by the tests of a file (see `usePlayground`). */
export interface PlaygroundSession {
  /** The playground's base URL (available once `beforeAll` ran). */
  readonly url: string;
  /** A page in a fresh browser context, with the top-bar choices set before anything loads. */
  page(choice?: PlaygroundChoice): Promise<Page>;
  /** `page(choice)`, then goes to `path` on the playground (e.g. `/jira/issue/PAY-1`). */
  open(path: string, choice?: PlaygroundChoice): Promise<Page>;
  /** Takes `page` to `path` on the playground and returns the framed app of `moduleKey` there. */
  surface(page: Page, path: string, moduleKey: string): Promise<FrameLocator>;
}

/**
 * Starts the playground and Chromium in `beforeAll` and closes both in `afterAll` of the calling test file;
 * every page it opens gets its own browser context of the given size.
 */
export function usePlayground(options: { readonly viewport: Viewport }): PlaygroundSession {
  let playground: RunningPlayground | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    playground = await startPlayground({ port: 0 });
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await playground?.close();
  });

  function started(): { playground: RunningPlayground; browser: Browser } {
    if (!playground || !browser) throw new Error('usePlayground: the playground is not started (beforeAll).');
    return { playground, browser };
  }

  const session: PlaygroundSession = {
    get url() {
      return started().playground.url;
    },
    async page(choice: PlaygroundChoice = {}) {
      const running = started();
      const context = await running.browser.newContext({ viewport: { ...options.viewport } });
      await choose(context, running.playground.url, choice);
      return context.newPage();
    },
    async open(path: string, choice: PlaygroundChoice = {}) {
      const page = await session.page(choice);
      await page.goto(`${session.url}${path}`);
      return page;
    },
    async surface(page: Page, path: string, moduleKey: string) {
      await page.goto(`${session.url}${path}`);
      return appFrame(page, moduleKey);
    },
  };
  return session;
}
