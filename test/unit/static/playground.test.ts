import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAppFile, SHIM_TAG } from '../../../sandbox/playground/app-files';
import {
  framedContext,
  localeFor,
  readSettings,
  type PlaygroundUser,
} from '../../../sandbox/playground/context';
import { escapeHtml } from '../../../sandbox/playground/host-page';
import { browseTarget, hostPageFor } from '../../../sandbox/playground/routes';

describe('the playground host pages', () => {
  it.each([
    ['/jira/issue/PAY-12', ['hygiene-issue-panel', 'dependencies-issue-panel', 'hygiene-issue-context']],
    ['/jira/project/PAY/dependencies', ['vertebra-project-page']],
    ['/jira/project/PAY', ['vertebra-project-page']],
    ['/jira/global/dependencies', ['dependencies-global-page']],
    ['/jira/admin/hygiene', ['hygiene-admin-page']],
    ['/confluence/space/PO/settings', ['templates-space-settings']],
    ['/confluence/settings/templates', ['templates-global-settings']],
    ['/jira/app/context/PAY-1', ['playground-context-check']],
  ])('%s frames %j', (pathname, moduleKeys) => {
    const page = hostPageFor(pathname);
    expect(page && 'frames' in page ? page.frames.map((frame) => frame.moduleKey) : undefined).toEqual(
      moduleKeys,
    );
  });

  it('opens the project page on the sub-page the URL names, the hygiene report by default', () => {
    expect(hostPageFor('/jira/project/PAY/dependencies')).toMatchObject({
      projectKey: 'PAY',
      route: 'dependencies',
    });
    expect(hostPageFor('/jira/project/PAY')).toMatchObject({ route: 'hygiene' });
  });

  it.each([
    '/jira/issue/pay-12',
    '/jira/issue/PAY-12/extra',
    '/jira/issue/<script>-1',
    '/jira/project/PAY/settings',
    '/confluence/space/a%22b/settings',
    '/rest/api/3/issue/PAY-1',
    '/jira/global',
  ])('leaves %s to the sandbox (not a host page, or a key no product would accept)', (pathname) => {
    expect(hostPageFor(pathname)).toBeUndefined();
  });
});

describe("Jira's issue address in the playground", () => {
  it.each([
    ['/browse/PAY-12', '/jira/issue/PAY-12'],
    ['/browse/PAY-12/', '/jira/issue/PAY-12'],
    ['/browse/pay-12', undefined],
    ['/browse/%3Cscript%3E-1', undefined],
    ['/browse/PAY-12/extra', undefined],
    ['/browse/%E0', undefined],
    ['/jira/issue/PAY-12', undefined],
  ])('%s leads to %s', (pathname, target) => {
    expect(browseTarget(pathname)).toBe(target);
  });
});

describe('the top-bar choices', () => {
  const users: PlaygroundUser[] = [
    { accountId: 'u-admin', displayName: 'Site Admin', email: 'admin@example.com', locale: 'en-US' },
    { accountId: 'u-claire', displayName: 'Claire Martin', email: 'claire@example.com', locale: 'fr-FR' },
  ];

  it('reads the user, language and theme from the cookies', () => {
    const settings = readSettings('vertebra-as=u-claire; vertebra-lang=en; vertebra-theme=dark', users);
    expect(settings).toEqual({ accountId: 'u-claire', language: 'en', colorMode: 'dark' });
  });

  it('falls back to the admin, the user’s own language and the light theme for missing or unknown values', () => {
    expect(readSettings('vertebra-as=u-ghost; vertebra-lang=de; vertebra-theme=neon', users)).toEqual({
      accountId: undefined,
      language: 'user',
      colorMode: 'light',
    });
    expect(readSettings(undefined, users).language).toBe('user');
  });

  it.each([
    ['user', 'u-claire', 'fr-FR'],
    ['user', 'u-admin', 'en-US'],
    ['fr', 'u-admin', 'fr-FR'],
    ['en', 'u-claire', 'en-US'],
  ] as const)('language %s for %s gives the frames the locale %s', (language, accountId, locale) => {
    const user = users.find((candidate) => candidate.accountId === accountId) ?? users[0];
    if (!user) throw new Error('no user');
    expect(localeFor({ accountId, language, colorMode: 'light' }, user)).toBe(locale);
  });

  it('gives a frame the Forge context shape: acting user, module, locale, theme and the page’s issue', () => {
    const user = users[1];
    if (!user) throw new Error('no user');
    const context = framedContext({
      frame: { moduleKey: 'hygiene-issue-panel', title: 'Hygiene', slot: 'main' },
      subject: {
        issue: { key: 'PAY-1', id: '10100', type: 'Story' },
        project: { key: 'PAY', id: '10001', type: 'software' },
      },
      user,
      settings: { accountId: user.accountId, language: 'user', colorMode: 'dark' },
      siteUrl: 'http://127.0.0.1:1',
    });
    expect(context).toMatchObject({
      accountId: 'u-claire',
      moduleKey: 'hygiene-issue-panel',
      locale: 'fr-FR',
      theme: { colorMode: 'dark' },
      extension: { type: 'jira:issuePanel', issue: { key: 'PAY-1' }, project: { key: 'PAY' } },
    });
  });

  it('escapes text written into the page, including attribute quotes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});

describe('serving the built app', () => {
  let buildDir: string;

  beforeAll(async () => {
    buildDir = await mkdtemp(path.join(tmpdir(), 'vertebra-app-'));
    await writeFile(
      path.join(buildDir, 'index.html'),
      '<!doctype html><html><head><title>x</title></head><body></body></html>',
    );
    await writeFile(path.join(buildDir, 'main.js'), 'console.log(1)');
  });

  afterAll(async () => {
    await rm(buildDir, { recursive: true, force: true });
  });

  it('injects the bridge shim at the top of index.html, before the app bundle', async () => {
    const file = await readAppFile(buildDir, '/app/');
    expect(file.status).toBe(200);
    expect(String(file.body)).toContain(`<head>\n    ${SHIM_TAG}<title>`);
  });

  it('serves assets with their type and nothing outside the build folder', async () => {
    expect(await readAppFile(buildDir, '/app/main.js')).toMatchObject({
      status: 200,
      contentType: 'text/javascript; charset=utf-8',
    });
    expect((await readAppFile(buildDir, '/app/../../package.json')).status).toBe(404);
    expect((await readAppFile(buildDir, '/app/%2e%2e/%2e%2e/package.json')).status).toBe(404);
    expect((await readAppFile(buildDir, '/app/missing.js')).status).toBe(404);
  });
});
