/**
 * Browser tests on the playground: `startPlayground({ port: 0 })` in this process, Debian's Chromium through
 * playwright-core, the framed app of a module, screenshots under `test-results/`. A test file or describe
 * calls `usePlayground` once, which starts both before its tests and closes them after them:
 *
 *   const playground = usePlayground({ viewport: { width: 1280, height: 1000 } });
 *   const page = await playground.page({ language: 'fr' });
 *   const panel = await playground.surface(page, '/jira/issue/PAY-1', 'hygiene-issue-panel');
 *   await panel.getByTestId('hygiene-findings').waitFor();
 *   await screenshot(page, 'hygiene-issue-panel-fr');
 *
 * Called inside a `describe`, its hooks are that describe's: a test that writes (nightly snapshots, extra
 * seeds) gets a playground of its own. `playground.running` is the started playground, for tests that call
 * the resolvers on its `platform` or the sandbox's REST API at `sandbox.url`.
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
async function startPlayground(options: PlaygroundOptions = { port: 0 }): Promise<RunningPlayground> {
  assertAppBuilt(APP_BUILD_DIR);
  return startPlaygroundServer({ port: 0, ...options });
}

/** Chromium with the flags the CI machine needs. */
async function openBrowser(): Promise<Browser> {
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

/** One playground and one browser shared by the tests of a file or describe (see `usePlayground`). */
export interface PlaygroundSession {
  /** The playground's base URL (available once `beforeAll` ran). */
  readonly url: string;
  /** The started playground itself: its `platform`, its `sandbox` (available once `beforeAll` ran). */
  readonly running: RunningPlayground;
  /** A page in a fresh browser context, with the top-bar choices set before anything loads. */
  page(choice?: PlaygroundChoice): Promise<Page>;
  /** `page(choice)`, then goes to `path` on the playground (e.g. `/jira/issue/PAY-1`). */
  open(path: string, choice?: PlaygroundChoice): Promise<Page>;
  /** Takes `page` to `path` on the playground and returns the framed app of `moduleKey` there. */
  surface(page: Page, path: string, moduleKey: string): Promise<FrameLocator>;
}

/** Starting the playground and Chromium takes well over the default hook timeout on a busy 2-core machine. */
const START_TIMEOUT = 120_000;

/**
 * Starts the playground (with `options.playground`, e.g. extra `seeds`) and Chromium in `beforeAll` and closes
 * both in `afterAll` of the calling test file or describe; every page it opens gets its own browser context of
 * the given size.
 */
export function usePlayground(options: {
  readonly viewport: Viewport;
  readonly playground?: PlaygroundOptions;
}): PlaygroundSession {
  let playground: RunningPlayground | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    playground = await startPlayground(options.playground);
    browser = await openBrowser();
  }, START_TIMEOUT);

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
    get running() {
      return started().playground;
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
