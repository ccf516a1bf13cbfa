/**
 * Renders stored issues as Jira REST v3 JSON: the requested fields only, links with the other issue's
 * summary/status/priority/type when the user may see it (id and key only otherwise, as Jira does for a
 * restricted issue), sub-tasks, project, and the requested entity properties.
 */
import { WikiMarkupTransformer } from '@atlaskit/editor-wikimarkup-transformer';
import { JSONTransformer } from '@atlaskit/editor-json-transformer';
import type { SandboxUser } from '../users';
import type { FieldSelection } from './fields';
import type { IssueRecord, JiraProject } from './model';
import type { JiraState } from './state';

let wikiParser: WikiMarkupTransformer | undefined;
let adfEncoder: JSONTransformer | undefined;

/** Converts Jira wiki markup to an ADF document with Atlassian's own transformer. */
function wikiToAdf(markup: string): unknown {
  wikiParser ??= new WikiMarkupTransformer();
  adfEncoder ??= new JSONTransformer();
  try {
    return adfEncoder.encode(wikiParser.parse(markup));
  } catch {
    // A few real-world descriptions trip the parser; Jira would still show the text, so keep it as text.
    return {
      version: 1,
      type: 'doc',
      content: [{ type: 'paragraph', content: markup ? [{ type: 'text', text: markup }] : [] }],
    };
  }
}

/** Jira Cloud keeps at most 32,767 characters in a rich-text field; longer v2 text (pasted logs) is cut. */
const MAX_RICH_TEXT = 32_767;

/**
 * Converts a field's wiki markup (from a v2 seed) to ADF once, on first serve or during the warm-up: eager
 * conversion of the 6,686 tidev issues takes several seconds, too long for the sandbox's startup.
 */
function materialiseRichText(issue: IssueRecord, fieldId: string): void {
  const markup = issue.wiki.get(fieldId);
  if (markup === undefined) return;
  issue.fields[fieldId] = markup.trim() === '' ? null : wikiToAdf(markup.slice(0, MAX_RICH_TEXT));
  issue.wiki.delete(fieldId);
}

/**
 * Converts every pending wiki field in the background, a few milliseconds at a time so that requests are
 * still served meanwhile. Resolves when done, or early once `cancelled()` turns true (sandbox closed).
 */
export async function warmRichText(state: JiraState, cancelled: () => boolean): Promise<void> {
  const pending = [...state.allIssues()].filter((issue) => issue.wiki.size > 0);
  let index = 0;
  while (index < pending.length && !cancelled()) {
    const sliceEnd = performance.now() + 15;
    while (index < pending.length && performance.now() < sliceEnd) {
      const issue = pending[index++];
      if (issue) for (const fieldId of [...issue.wiki.keys()]) materialiseRichText(issue, fieldId);
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The `project` JSON embedded in an issue. */
export function projectRefJson(project: JiraProject, baseUrl: string): Record<string, unknown> {
  const avatar = `${baseUrl}/rest/api/3/universal_avatar/view/type/project/avatar/${project.id}`;
  return {
    self: `${baseUrl}/rest/api/3/project/${project.id}`,
    id: project.id,
    key: project.key,
    name: project.name,
    projectTypeKey: 'software',
    simplified: false,
    avatarUrls: { '48x48': avatar, '24x24': avatar, '16x16': avatar, '32x32': avatar },
  };
}

function linkedIssueJson(
  state: JiraState,
  user: SandboxUser,
  id: string,
  key: string,
): Record<string, unknown> {
  const self = `${state.baseUrl}/rest/api/3/issue/${id}`;
  const other = state.findIssue(key);
  if (!other || !state.canBrowse(user, other.projectKey)) return { id, key, self };
  const { summary, status, priority, issuetype } = other.fields;
  return {
    id: other.id,
    key: other.key,
    self: `${state.baseUrl}/rest/api/3/issue/${other.id}`,
    fields: { summary, status, ...(priority ? { priority } : {}), issuetype },
  };
}

function issueLinksJson(state: JiraState, issue: IssueRecord, user: SandboxUser): unknown[] {
  return issue.links.flatMap((link) => {
    const type = state.linkTypes.get(link.typeId);
    if (!type) return [];
    const other = linkedIssueJson(state, user, link.otherId, link.otherKey);
    return [
      {
        id: link.id,
        self: `${state.baseUrl}/rest/api/3/issueLink/${link.id}`,
        type: { ...type, self: `${state.baseUrl}/rest/api/3/issueLinkType/${type.id}` },
        ...(link.direction === 'outward' ? { outwardIssue: other } : { inwardIssue: other }),
      },
    ];
  });
}

function fieldValue(state: JiraState, issue: IssueRecord, fieldId: string, user: SandboxUser): unknown {
  switch (fieldId) {
    case 'issuelinks':
      return issueLinksJson(state, issue, user);
    case 'subtasks':
      return state
        .childrenOf(issue.key)
        .filter((child) => child.facts.issueType === 'sub-task' || child.facts.issueType === 'subtask')
        .map((child) => linkedIssueJson(state, user, child.id, child.key));
    case 'project': {
      const project = state.projects.get(issue.projectKey);
      return project ? projectRefJson(project, state.baseUrl) : null;
    }
    default: {
      materialiseRichText(issue, fieldId);
      const value = issue.fields[fieldId];
      if (fieldId === 'labels' || fieldId === 'components' || fieldId === 'fixVersions') return value ?? [];
      return value ?? null;
    }
  }
}

/** What to put in an issue's JSON besides the fields. */
export interface RenderOptions {
  readonly selection: FieldSelection;
  /** Property keys to include (`*all` = all); empty = none. */
  readonly properties: readonly string[];
}

/** An issue in v3 `IssueBean` shape as the given user sees it. */
export function renderIssue(
  state: JiraState,
  issue: IssueRecord,
  user: SandboxUser,
  options: RenderOptions,
): Record<string, unknown> {
  const json: Record<string, unknown> = {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: issue.id,
    self: `${state.baseUrl}/rest/api/3/issue/${issue.id}`,
    key: issue.key,
  };
  if (options.selection.include.size > 0) {
    const fields: Record<string, unknown> = {};
    for (const fieldId of options.selection.include)
      fields[fieldId] = fieldValue(state, issue, fieldId, user);
    json.fields = fields;
  }
  if (options.properties.length > 0) {
    const wanted = options.properties.flatMap((entry) => entry.split(',')).map((key) => key.trim());
    const properties: Record<string, unknown> = {};
    for (const [key, value] of issue.properties) {
      if (wanted.includes('*all') || wanted.includes(key)) properties[key] = value;
    }
    json.properties = properties;
  }
  return json;
}

/** Rendered JSON per issue and per (user, field selection, properties), valid for one state version. */
interface RenderedIssue {
  version: number;
  readonly renderings: Map<string, Buffer>;
}

const rendered = new WeakMap<IssueRecord, RenderedIssue>();

/** At most this many renderings kept per issue: a few users times a few field selections. */
const RENDERINGS_PER_ISSUE = 16;

/**
 * What identifies a rendering of any issue: the user (links to issues they may not browse are cut short), the
 * fields in the order asked and the properties. Computed once per request, not once per issue.
 */
export function renderingKey(user: SandboxUser, options: RenderOptions): string {
  return `${user.accountId}\u0000${[...options.selection.include].join(',')}\u0000${options.properties.join(',')}`;
}

/**
 * `renderIssue` as UTF-8 JSON, cached until the state changes: Jira serves stored documents, and a page of 100
 * issues is then written to the socket piece by piece (`jsonChunks`), never joined nor encoded again: on a
 * 2-core machine, joining and encoding 400 kB pages was what set the pace of a wide read, not the rendering.
 * `key` comes from `renderingKey` for the same user and options.
 */
export function renderIssueJson(
  state: JiraState,
  issue: IssueRecord,
  user: SandboxUser,
  options: RenderOptions,
  key: string,
): Buffer {
  let cache = rendered.get(issue);
  if (cache === undefined) {
    cache = { version: state.version, renderings: new Map() };
    rendered.set(issue, cache);
  } else if (cache.version !== state.version) {
    cache.version = state.version;
    cache.renderings.clear();
  }
  let json = cache.renderings.get(key);
  if (json === undefined) {
    json = Buffer.from(JSON.stringify(renderIssue(state, issue, user, options)));
    if (cache.renderings.size >= RENDERINGS_PER_ISSUE) cache.renderings.clear();
    cache.renderings.set(key, json);
  }
  return json;
}
