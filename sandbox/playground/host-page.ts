import { createRequire } from 'node:module';
import { createFromTemplatePanel } from './create-from-template';
import type { SiteDirectory } from './directory';
import type { Glance } from './issue-context';
import { SETTINGS_COOKIES, type PlaygroundSettings, type PlaygroundUser } from './context';
import type { HostPage } from './routes';

const require = createRequire(import.meta.url);

/** Atlassian's design-token themes, so the host chrome wears the same colours as the app (light and dark). */
function themeCss(): string {
  const load = (name: string): string => {
    const themeModule = require(`@atlaskit/tokens/dist/cjs/artifacts/themes/${name}.js`) as {
      default: string;
    };
    return themeModule.default;
  };
  return ['atlassian-light', 'atlassian-dark', 'atlassian-spacing'].map(load).join('\n');
}

let cachedThemeCss: string | undefined;

/** Escapes text for HTML content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

export interface FrameToRender {
  readonly moduleKey: string;
  readonly title: string;
  readonly slot: 'main' | 'side';
  readonly route: string | undefined;
  readonly context: Record<string, unknown>;
  /** An issue context: shown collapsed, as Jira does, with this label and badge until someone opens it. */
  readonly glance?: Glance | undefined;
}

export interface HostPageView {
  readonly page: HostPage;
  readonly heading: string;
  readonly frames: readonly FrameToRender[];
  /** Shown instead of the frames, e.g. Jira's "can't be found" for an issue the user may not see. */
  readonly notice?: string;
  /** A product screen of the host itself (a Confluence page): HTML built from escaped parts, and its styles. */
  readonly article?: { readonly article: string; readonly style: string };
  readonly settings: PlaygroundSettings;
  readonly users: readonly PlaygroundUser[];
  readonly actingUser: PlaygroundUser;
  readonly directory: SiteDirectory;
  readonly currentPath: string;
}

function option(value: string, label: string, selected: boolean): string {
  return `<option value="${escapeHtml(value)}"${selected ? ' selected' : ''}>${escapeHtml(label)}</option>`;
}

function topBar(view: HostPageView): string {
  const { settings, users, actingUser } = view;
  const userOptions = users.map((user) =>
    option(user.accountId, `${user.displayName} (${user.email})`, user.accountId === actingUser.accountId),
  );
  return `<header class="top">
  <a class="brand" href="/">Vertebra playground</a>
  <span class="product">${view.page.product === 'jira' ? 'Jira' : 'Confluence'}</span>
  <span class="spacer"></span>
  <label>User <select id="user" data-cookie="${SETTINGS_COOKIES.user}">${userOptions.join('')}</select></label>
  <label>Language <select id="language" data-cookie="${SETTINGS_COOKIES.language}">${[
    option('user', `User's (${actingUser.locale})`, settings.language === 'user'),
    option('en', 'English', settings.language === 'en'),
    option('fr', 'Français', settings.language === 'fr'),
  ].join('')}</select></label>
  <label>Theme <select id="theme" data-cookie="${SETTINGS_COOKIES.theme}">${[
    option('light', 'Light', settings.colorMode === 'light'),
    option('dark', 'Dark', settings.colorMode === 'dark'),
  ].join('')}</select></label>
</header>`;
}

function link(href: string, label: string, currentPath: string): string {
  const current = href === currentPath ? ' aria-current="page"' : '';
  return `<li><a href="${escapeHtml(href)}"${current}>${escapeHtml(label)}</a></li>`;
}

function navigation(view: HostPageView): string {
  const { directory, currentPath } = view;
  const projects =
    directory.projects.length > 0
      ? directory.projects
      : [{ key: 'PAY', name: 'Payments', sampleIssue: 'PAY-1' }];
  const spaces = directory.spaces.length > 0 ? directory.spaces : [{ key: 'PO', name: 'Product Ops' }];
  const jira = [
    ...projects
      .slice(0, 6)
      .map((project) =>
        link(`/jira/issue/${project.sampleIssue}`, `Issue ${project.sampleIssue}`, currentPath),
      ),
    ...projects
      .slice(0, 6)
      .flatMap((project) => [
        link(`/jira/project/${project.key}/hygiene`, `${project.name}: hygiene report`, currentPath),
        link(`/jira/project/${project.key}/dependencies`, `${project.name}: dependencies`, currentPath),
      ]),
    link('/jira/global/dependencies', 'Quarterly alignment (global page)', currentPath),
    link('/jira/admin/hygiene', 'Hygiene rules (admin page)', currentPath),
    link('/jira/app/context', 'App context check', currentPath),
  ];
  const confluence = [
    ...spaces
      .slice(0, 6)
      .map((space) =>
        link(`/confluence/space/${space.key}/settings`, `${space.name}: space settings`, currentPath),
      ),
    link('/confluence/settings/templates', 'Template catalogue (global settings)', currentPath),
  ];
  return `<nav class="side" aria-label="Playground pages">
  <h2>Jira</h2><ul>${jira.join('')}</ul>
  <h2>Confluence</h2><ul>${confluence.join('')}</ul>
</nav>`;
}

/**
 * An issue context as Jira shows it: a collapsed row with the title, the dynamic label and badge; clicking it
 * expands the panel, and only then does the app's frame load (host-client.js copies `data-src` to `src`).
 */
function glanceHtml(frame: FrameToRender, glance: Glance): string {
  const id = `glance-${escapeHtml(frame.moduleKey)}`;
  const badge =
    glance.badge === undefined ? '' : `<span class="glance-badge">${escapeHtml(glance.badge)}</span>`;
  return `<section class="module slot-${frame.slot} glance" aria-label="${escapeHtml(frame.title)}">
  <button type="button" class="glance-toggle" aria-expanded="false" aria-controls="${id}"
    data-glance="${escapeHtml(frame.moduleKey)}"><span class="glance-title">${escapeHtml(frame.title)}</span>
    <span class="glance-label">${escapeHtml(glance.label)}</span>${badge}<span class="glance-chevron" aria-hidden="true"></span></button>
  <div class="glance-body" id="${id}" hidden>
  <iframe data-src="/app/index.html" title="${escapeHtml(frame.title)}" data-module-key="${escapeHtml(frame.moduleKey)}"
    data-route="${escapeHtml(frame.route ?? '')}" data-context="${escapeHtml(JSON.stringify(frame.context))}"
    data-min-height="40"></iframe>
  </div>
</section>`;
}

function frameHtml(frame: FrameToRender): string {
  if (frame.glance !== undefined) return glanceHtml(frame, frame.glance);
  return `<section class="module slot-${frame.slot}" aria-label="${escapeHtml(frame.title)}">
  <h3>${escapeHtml(frame.title)}</h3>
  <iframe src="/app/index.html" title="${escapeHtml(frame.title)}" data-module-key="${escapeHtml(frame.moduleKey)}"
    data-route="${escapeHtml(frame.route ?? '')}" data-context="${escapeHtml(JSON.stringify(frame.context))}"
    data-min-height="40"></iframe>
</section>`;
}

function content(view: HostPageView): string {
  if (view.page.kind === 'home') {
    return `<h1>${escapeHtml(view.heading)}</h1>
<p>A local Jira and Confluence site with the demo organisation. Each page on the left frames Vertebra's Custom UI
as Jira and Confluence do; the app's resolvers run in this process against the sandbox's REST API, as the user
picked above.</p>`;
  }
  if (view.notice)
    return `<h1>${escapeHtml(view.heading)}</h1><p class="notice" role="alert">${escapeHtml(view.notice)}</p>`;
  if (view.article) return `<h1>${escapeHtml(view.heading)}</h1>${view.article.article}`;
  const main = view.frames.filter((frame) => frame.slot === 'main').map(frameHtml);
  const side = view.frames.filter((frame) => frame.slot === 'side').map(frameHtml);
  const tabs =
    view.page.kind === 'project'
      ? `<div class="tabs">${['hygiene', 'dependencies']
          .map((route) => {
            const href = `/jira/project/${view.page.kind === 'project' ? view.page.projectKey : ''}/${route}`;
            const label = route === 'hygiene' ? 'Hygiene report' : 'Dependencies';
            return `<a href="${escapeHtml(href)}"${href === view.currentPath ? ' aria-current="page"' : ''}>${label}</a>`;
          })
          .join('')}</div>`
      : '';
  // Confluence's Create menu, on a space's pages: pages made from a bundle's templates (what adoption counts).
  const create =
    view.page.kind === 'space' ? createFromTemplatePanel(view.page.spaceKey, view.actingUser.accountId) : '';
  return `<h1>${escapeHtml(view.heading)}</h1>${tabs}${create}
<div class="columns"><div class="main-column">${main.join('')}</div>${side.length > 0 ? `<aside class="side-column">${side.join('')}</aside>` : ''}</div>`;
}

const STYLE = `
body { margin: 0; font-family: -apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, sans-serif; font-size: 14px;
  background: var(--ds-surface, #fff); color: var(--ds-text, #172B4D); }
.top { display: flex; gap: 16px; align-items: center; padding: 8px 16px; background: var(--ds-surface-raised, #fff);
  border-bottom: 1px solid var(--ds-border, #091E4224); }
.top .brand { font-weight: 600; color: var(--ds-text-brand, #0C66E4); text-decoration: none; }
.top .product { color: var(--ds-text-subtle, #44546F); }
.top .spacer { flex: 1; }
.top select { background: var(--ds-background-input, #fff); color: var(--ds-text, #172B4D);
  border: 1px solid var(--ds-border-input, #8590A2); border-radius: 3px; padding: 2px 4px; }
.layout { display: flex; min-height: calc(100vh - 45px); }
.side { width: 260px; padding: 8px 16px; background: var(--ds-surface-sunken, #F7F8F9); border-right: 1px solid var(--ds-border, #091E4224); }
.side h2 { font-size: 11px; text-transform: uppercase; color: var(--ds-text-subtlest, #626F86); margin: 16px 0 4px; }
.side ul { list-style: none; margin: 0; padding: 0; }
.side a, .tabs a { display: block; padding: 4px 8px; border-radius: 3px; color: var(--ds-text-subtle, #44546F); text-decoration: none; }
.side a:hover, .tabs a:hover { background: var(--ds-background-neutral-subtle-hovered, #091E420F); }
.side a[aria-current], .tabs a[aria-current] { background: var(--ds-background-selected, #E9F2FF); color: var(--ds-text-selected, #0C66E4); }
main { flex: 1; padding: 16px 24px; min-width: 0; }
h1 { font-size: 24px; font-weight: 500; margin: 0 0 16px; }
.tabs { display: flex; gap: 4px; margin-bottom: 16px; }
.columns { display: flex; gap: 24px; align-items: flex-start; }
.main-column { flex: 1; min-width: 0; }
.side-column { width: 320px; }
.module { margin-bottom: 16px; border: 1px solid var(--ds-border, #091E4224); border-radius: 6px; overflow: hidden; }
.module h3 { margin: 0; padding: 8px 12px; font-size: 14px; font-weight: 600; background: var(--ds-surface-raised, #fff);
  border-bottom: 1px solid var(--ds-border, #091E4224); }
.module iframe { display: block; width: 100%; border: 0; height: 40px; background: var(--ds-surface, #fff); }
.create-menu { margin-bottom: 16px; }
.create-menu summary { cursor: pointer; color: var(--ds-link, #0C66E4); font-weight: 500; }
.create-menu form { display: flex; gap: 12px; align-items: center; margin-top: 8px; }
.glance-toggle { display: flex; gap: 8px; align-items: center; width: 100%; padding: 8px 12px; border: 0; cursor: pointer;
  font: inherit; text-align: left; color: var(--ds-text, #172B4D); background: var(--ds-surface-raised, #fff); }
.glance-toggle:hover { background: var(--ds-background-neutral-subtle-hovered, #091E420F); }
.glance-title { font-weight: 600; }
.glance-label { flex: 1; color: var(--ds-text-subtle, #44546F); }
.glance-badge { min-width: 16px; padding: 0 6px; border-radius: 8px; text-align: center; font-size: 12px;
  background: var(--ds-background-danger-bold, #C9372C); color: var(--ds-text-inverse, #fff); }
.glance-chevron::before { content: '▸'; color: var(--ds-icon-subtle, #626F86); }
.glance-toggle[aria-expanded="true"] .glance-chevron::before { content: '▾'; }
.glance-body { border-top: 1px solid var(--ds-border, #091E4224); }
.notice { padding: 12px; border-radius: 3px; background: var(--ds-background-warning, #FFF7D6); color: var(--ds-text-warning, #A54800); }
`;

/** The host page: Jira- or Confluence-like chrome, the nav, the top-bar switches and the framed modules. */
export function renderHostPage(view: HostPageView): string {
  cachedThemeCss ??= themeCss();
  const mode = view.settings.colorMode;
  return `<!doctype html>
<html lang="en" data-color-mode="${mode}" data-theme="dark:dark light:light spacing:spacing">
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(view.heading)} · Vertebra playground</title>
<style>${cachedThemeCss}</style>
<style>${STYLE}${view.article?.style ?? ''}</style>
</head>
<body${view.page.kind === 'issue' ? ` data-issue-key="${escapeHtml(view.page.issueKey)}"` : ''}>
${topBar(view)}
<div class="layout">${navigation(view)}<main>${content(view)}</main></div>
<script src="/__playground/host.js"></script>
</body>
</html>`;
}
