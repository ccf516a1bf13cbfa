/**
 * The playground's Confluence page view and version comparison: what a reader sees of a storage body, that a
 * view is counted (what the catalogue's adoption reads), and that a body's markup never runs in the host page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageToHtml } from '../../../sandbox/playground/storage-view';
import { wikiScreenFor } from '../../../sandbox/playground/wiki-pages';
import { confluencePagePath } from '../../../src/contract/templates';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';

const sources = {
  personName: (accountId: string) => (accountId === 'u-priya' ? 'Priya Patel' : undefined),
  childPages: [{ title: 'Rituals & calendar', href: '/wiki/spaces/OPS/pages/7' }],
};

describe('a storage body as a reader sees it', () => {
  it.each([
    [
      'a panel with its title',
      '<ac:structured-macro ac:name="tip"><ac:parameter ac:name="title">Why</ac:parameter><ac:rich-text-body><p>Because.</p></ac:rich-text-body></ac:structured-macro>',
      '<div class="sv-panel sv-panel-tip"><p class="sv-panel-title">Why</p><p>Because.</p></div>',
    ],
    [
      'a status lozenge in its colour',
      '<ac:structured-macro ac:name="status"><ac:parameter ac:name="colour">Green</ac:parameter><ac:parameter ac:name="title">ACTIVE</ac:parameter></ac:structured-macro>',
      '<span class="sv-status sv-status-green">ACTIVE</span>',
    ],
    [
      'a task list, ticked where complete',
      '<ac:task-list><ac:task><ac:task-id>1</ac:task-id><ac:task-status>complete</ac:task-status><ac:task-body>Estimate</ac:task-body></ac:task><ac:task><ac:task-id>2</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body>Link</ac:task-body></ac:task></ac:task-list>',
      '<ul class="sv-tasks"><li><input type="checkbox" disabled checked> Estimate</li><li><input type="checkbox" disabled> Link</li></ul>',
    ],
    [
      'a mention by the person’s name, and a former user',
      '<p><ac:link><ri:user ri:account-id="u-priya" /></ac:link> and <ac:link><ri:user ri:account-id="u-gone" /></ac:link></p>',
      '<p><span class="sv-mention">@Priya Patel</span> and <span class="sv-mention">@Former user</span></p>',
    ],
    [
      'the child pages, linked',
      '<ac:structured-macro ac:name="children" />',
      '<ul class="sv-children"><li><a href="/wiki/spaces/OPS/pages/7">Rituals &amp; calendar</a></li></ul>',
    ],
    [
      'a table of contents of the headings that follow it',
      '<ac:structured-macro ac:name="toc" /><h2>One</h2><h2>Two &amp; three</h2>',
      '<nav class="sv-toc"><ul><li><a href="#sv-heading-0">One</a></li><li><a href="#sv-heading-1">Two &amp; three</a></li></ul></nav><h2 id="sv-heading-0">One</h2><h2 id="sv-heading-1">Two &amp; three</h2>',
    ],
    ['numbers as they are written', '<p>007 in 2026</p>', '<p>007 in 2026</p>'],
  ])('shows %s', (_name, body, html) => {
    expect(storageToHtml(body, sources)).toBe(html);
  });

  it.each([
    ['a script element', '<p>Hi<script>alert(1)</script></p>', '<p>Hialert(1)</p>'],
    ['a javascript: link', '<p><a href="javascript:alert(1)">x</a></p>', '<p><a>x</a></p>'],
    ['an event attribute', '<p onclick="alert(1)">x</p>', '<p>x</p>'],
    [
      'escaped markup in text',
      '<p>&lt;img src=x onerror=alert(1)&gt;</p>',
      '<p>&lt;img src=x onerror=alert(1)&gt;</p>',
    ],
  ])('never lets %s run', (_name, body, html) => {
    expect(storageToHtml(body, sources)).toBe(html);
  });
});

describe('Confluence’s page screens in the playground', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seeds: ['demo'] });
  });
  afterAll(async () => {
    await sandbox.close();
  });
  const site = () => ({ state: sandbox.confluence.state, users: sandbox.users });
  const screen = (path: string, email = 'admin@example.com') => {
    const user = sandbox.users.byEmail(email);
    if (!user) throw new Error(`no user ${email}`);
    return wikiScreenFor(new URL(path, 'http://playground.local'), site(), user);
  };
  const opsHome = () => {
    const space = sandbox.confluence.state.spaceByKey('OPS');
    const home = space && sandbox.confluence.state.pages.get(space.homepageId);
    if (!home) throw new Error('OPS has no home page');
    return home;
  };

  it('shows a page and counts each view, as Confluence analytics does', async () => {
    const home = opsHome();
    const before = home.views;
    const view = screen(`${confluencePagePath('OPS', home.id)}/Product+Operations+Home`);
    expect(view).toMatchObject({ heading: home.title });
    expect(view && 'article' in view && view.article).toContain(`data-page-id="${home.id}"`);
    screen(confluencePagePath('OPS', home.id));
    expect(home.views).toBe(before + 2);
    const counted = (await (
      await fetch(`${sandbox.url}/wiki/rest/api/analytics/content/${home.id}/views`)
    ).json()) as { count: number };
    expect(counted.count).toBe(before + 2);
  });

  it('tells someone who may not see the space, and counts no view', () => {
    const home = opsHome();
    const ops = sandbox.confluence.state.spaceByKey('OPS');
    // The contractor (Alex Reed) is not among the employees who see OPS.
    const outsider = sandbox.users.all().find((user) => ops && !sandbox.confluence.state.canView(user, ops));
    if (!outsider) throw new Error('everyone sees OPS');
    const before = home.views;
    expect(screen(confluencePagePath('OPS', home.id), outsider.email)).toEqual({
      heading: 'Page not found',
      notice: `${outsider.displayName} cannot see this page: it does not exist or they do not have permission to view it.`,
    });
    expect(home.views).toBe(before);
  });

  it('compares two versions of a page side by side after someone edited it', async () => {
    const home = opsHome();
    const response = await fetch(`${sandbox.url}/wiki/api/v2/pages/${home.id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: home.id,
        status: 'current',
        title: home.title,
        body: { representation: 'storage', value: '<p>Rewritten by people.</p>' },
        version: { number: home.version.number + 1 },
      }),
    });
    expect(response.status).toBe(200);
    const compare = screen(
      `/wiki/pages/diffpagesbyversion.action?pageId=${home.id}&selectedPageVersions=${String(home.version.number)}&selectedPageVersions=1`,
    );
    const article = compare && 'article' in compare ? compare.article : '';
    expect(article).toMatch(/<h2>Version 1 \(earlier\)<\/h2>[\s\S]*<h2>Version 2 \(current\)<\/h2>/);
    expect(article).toContain('<p>Rewritten by people.</p>');
    expect(
      screen(
        `/wiki/pages/diffpagesbyversion.action?pageId=${home.id}&selectedPageVersions=1&selectedPageVersions=9`,
      ),
    ).toMatchObject({ notice: 'This page has versions 1 to 2; pick two of them.' });
  });

  it('leaves other paths to the sandbox', () => {
    expect(screen('/wiki/api/v2/pages/1')).toBeUndefined();
    expect(screen('/wiki/spaces/OPS/overview')).toBeUndefined();
  });
});
