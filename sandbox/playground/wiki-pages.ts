/**
 * Confluence's own page screens, as far as the app links to them: the page view (`/wiki/spaces/KEY/pages/ID`,
 * which counts a view, as Confluence analytics does) and the comparison of two versions
 * (`/wiki/pages/diffpagesbyversion.action`, the "compare" link of an upgrade conflict). Read from the sandbox's
 * state as the user picked in the top bar, who must be allowed to see the space.
 */
import { confluencePagePath } from '../../src/contract/templates';
import type { ConfluencePage, ConfluenceState } from '../confluence/state';
import type { SandboxUser, UserDirectory } from '../users';
import { escapeHtml } from './host-page';
import { STORAGE_VIEW_STYLE, storageToHtml } from './storage-view';

/** What the host page shows for a wiki path: a rendered article, or a notice when it cannot be shown. */
export type WikiScreen =
  | { readonly heading: string; readonly article: string; readonly style: string }
  | { readonly heading: string; readonly notice: string };

const PAGE_PATH = /^\/wiki\/spaces\/([^/]+)\/pages\/(\d+)(?:\/[^/]*)?$/;
const DIFF_PATH = '/wiki/pages/diffpagesbyversion.action';

interface Site {
  readonly state: ConfluenceState;
  readonly users: UserDirectory;
}

const dateOf = (iso: string): string => iso.slice(0, 10);

function visiblePage(site: Site, user: SandboxUser, id: string): ConfluencePage | undefined {
  const page = site.state.pages.get(id);
  const space = page ? site.state.spaces.get(page.spaceId) : undefined;
  return page && space && site.state.canView(user, space) ? page : undefined;
}

function sourcesFor(site: Site, page: ConfluencePage, spaceKey: string) {
  return {
    personName: (accountId: string) => site.users.byAccountId(accountId)?.displayName,
    childPages: [...site.state.pages.values()]
      .filter((child) => child.parentId === page.id && child.status === 'current')
      .sort((a, b) => a.position - b.position)
      .map((child) => ({ title: child.title, href: confluencePagePath(spaceKey, child.id) })),
  };
}

const NOT_VISIBLE = (user: SandboxUser): string =>
  `${user.displayName} cannot see this page: it does not exist or they do not have permission to view it.`;

function pageView(site: Site, user: SandboxUser, pageId: string): WikiScreen {
  const page = visiblePage(site, user, pageId);
  const space = page ? site.state.spaces.get(page.spaceId) : undefined;
  if (!page || !space) return { heading: 'Page not found', notice: NOT_VISIBLE(user) };
  page.views += 1;
  const editor = site.users.byAccountId(page.version.authorId)?.displayName ?? 'Former user';
  const archived =
    page.status === 'archived' ? '<p class="notice" role="status">This page is archived.</p>' : '';
  const meta = `<p class="sv-meta">${escapeHtml(space.name)} · version ${String(page.version.number)}, by ${escapeHtml(editor)} on ${dateOf(page.version.createdAt)} · ${String(page.views)} ${page.views === 1 ? 'view' : 'views'}</p>`;
  return {
    heading: page.title,
    style: STORAGE_VIEW_STYLE,
    article: `${meta}${archived}<article class="sv-body" data-page-id="${page.id}">${storageToHtml(page.body, sourcesFor(site, page, space.key))}</article>`,
  };
}

function compareView(site: Site, user: SandboxUser, query: URLSearchParams): WikiScreen {
  const page = visiblePage(site, user, query.get('pageId') ?? '');
  const space = page ? site.state.spaces.get(page.spaceId) : undefined;
  if (!page || !space) return { heading: 'Page not found', notice: NOT_VISIBLE(user) };
  const versions = [
    ...page.history,
    {
      number: page.version.number,
      title: page.title,
      body: page.body,
      createdAt: page.version.createdAt,
      authorId: page.version.authorId,
    },
  ];
  const wanted = query
    .getAll('selectedPageVersions')
    .map(Number)
    .sort((a, b) => a - b);
  const chosen = wanted.map((number) => versions.find((version) => version.number === number));
  if (chosen.length !== 2 || chosen.some((version) => version === undefined)) {
    return {
      heading: `Compare versions of ${page.title}`,
      notice: `This page has versions 1 to ${String(page.version.number)}; pick two of them.`,
    };
  }
  const sources = sourcesFor(site, page, space.key);
  const columns = chosen.map((version) => {
    if (!version) return '';
    const author = site.users.byAccountId(version.authorId)?.displayName ?? 'Former user';
    const label = version.number === page.version.number ? 'current' : 'earlier';
    return `<section data-version="${String(version.number)}"><h2>Version ${String(version.number)} (${label})</h2>
<p class="sv-meta">by ${escapeHtml(author)} on ${dateOf(version.createdAt)}</p>
<div class="sv-body">${storageToHtml(version.body, sources)}</div></section>`;
  });
  return {
    heading: `Compare versions of ${page.title}`,
    style: STORAGE_VIEW_STYLE,
    article: `<p class="sv-meta"><a href="${escapeHtml(confluencePagePath(space.key, page.id))}">Back to the page</a></p><div class="sv-columns">${columns.join('')}</div>`,
  };
}

/** Whether a path is one of these Confluence screens (checked before anything is read for it). */
export function isWikiScreen(url: URL): boolean {
  return PAGE_PATH.test(url.pathname) || url.pathname === DIFF_PATH;
}

/** The wiki screen for a URL, or undefined when the URL is not one of these Confluence screens. */
export function wikiScreenFor(url: URL, site: Site, user: SandboxUser): WikiScreen | undefined {
  const match = PAGE_PATH.exec(url.pathname);
  if (match) return pageView(site, user, match[2] ?? '');
  if (url.pathname === DIFF_PATH) return compareView(site, user, url.searchParams);
  return undefined;
}
