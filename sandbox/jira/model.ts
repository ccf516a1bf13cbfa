/**
 * The Jira emulator's data: projects, issues (field values kept in REST v3 JSON), links, and the facts each
 * issue exposes to JQL, derived once when the issue is stored so that searches never re-read the JSON.
 */

export interface JiraUserRef {
  readonly accountId: string;
  readonly displayName: string;
  readonly email?: string;
}

interface JiraVersion {
  readonly id: string;
  readonly name: string;
  readonly released: boolean;
  readonly archived: boolean;
  readonly releaseDate?: string;
}

interface JiraComponent {
  readonly id: string;
  readonly name: string;
}

export interface JiraProject {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly description?: string;
  readonly lead?: JiraUserRef;
  readonly components: readonly JiraComponent[];
  readonly versions: readonly JiraVersion[];
  /** Groups allowed to browse; site admins always may. */
  readonly browseGroups: readonly string[];
  /** Groups allowed to administer the project. */
  readonly adminGroups: readonly string[];
}

export interface JiraLinkType {
  readonly id: string;
  readonly name: string;
  readonly inward: string;
  readonly outward: string;
}

/** One end of a link as seen from the issue holding it; `outward` means "this issue <outward> other". */
export interface IssueLinkRecord {
  readonly id: string;
  readonly typeId: string;
  readonly direction: 'inward' | 'outward';
  readonly otherId: string;
  readonly otherKey: string;
}

interface SprintValue {
  readonly id: number;
  readonly name: string;
  readonly state: 'closed' | 'active' | 'future';
  readonly boardId: number;
  readonly startDate?: string;
  readonly endDate?: string;
  readonly goal?: string;
}

/** What JQL reads from an issue, normalised (names lower-cased, dates in epoch ms). */
export interface IssueFacts {
  readonly summary: string;
  readonly issueType: string;
  readonly status: string;
  readonly statusCategory: 'new' | 'indeterminate' | 'done';
  readonly assignee?: string;
  readonly reporter?: string;
  readonly labels: readonly string[];
  readonly components: readonly string[];
  readonly fixVersions: readonly string[];
  readonly sprints: readonly SprintValue[];
  readonly team?: { readonly id: string; readonly name: string };
  readonly parentKey?: string;
  readonly parentId?: string;
  readonly priority?: string;
  readonly resolution?: string;
  readonly created: number;
  readonly updated: number;
  readonly dueDate?: number;
  readonly resolved?: number;
  readonly storyPoints?: number;
  readonly flagged: boolean;
}

export interface IssueRecord {
  readonly id: string;
  readonly key: string;
  readonly projectKey: string;
  /** Field values by field id in v3 JSON; `project`, `issuelinks` and `subtasks` are rendered from the state. */
  readonly fields: Record<string, unknown>;
  /** Wiki markup of rich-text fields from v2 seeds, converted to ADF on first serve (then moved to `fields`). */
  readonly wiki: Map<string, string>;
  readonly links: IssueLinkRecord[];
  readonly properties: Map<string, unknown>;
  /** Board rank; lower comes first (`ORDER BY rank`). */
  readonly rank: number;
  facts: IssueFacts;
}

/** What a seed hands to the state for one issue. */
export interface IssueInput {
  readonly id: string;
  readonly key: string;
  readonly projectKey: string;
  readonly fields: Record<string, unknown>;
  readonly wiki?: Record<string, string>;
  readonly links?: readonly IssueLinkRecord[];
  readonly properties?: Record<string, unknown>;
  readonly rank?: number;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

function nameOf(value: unknown): string | undefined {
  return text(record(value)?.name)?.toLowerCase();
}

function time(value: unknown): number | undefined {
  const raw = text(value);
  if (!raw) return undefined;
  const ms = Date.parse(
    /^\d{4}-\d{2}-\d{2}$/.test(raw) ? `${raw}T00:00:00Z` : raw.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'),
  );
  return Number.isNaN(ms) ? undefined : ms;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

const CATEGORY_KEYS = new Set(['new', 'indeterminate', 'done']);

/** Derives the JQL facts of an issue from its v3 field values. */
export function factsOf(fields: Record<string, unknown>): IssueFacts {
  const status = record(fields.status);
  const categoryKey = text(record(status?.statusCategory)?.key) ?? 'new';
  const team = record(fields.customfield_10001);
  const parent = record(fields.parent);
  return {
    summary: text(fields.summary) ?? '',
    issueType: nameOf(fields.issuetype) ?? '',
    status: nameOf(status) ?? '',
    statusCategory: (CATEGORY_KEYS.has(categoryKey) ? categoryKey : 'new') as IssueFacts['statusCategory'],
    assignee: text(record(fields.assignee)?.accountId),
    reporter: text(record(fields.reporter)?.accountId),
    labels: list(fields.labels).flatMap((label) => (typeof label === 'string' ? [label.toLowerCase()] : [])),
    components: list(fields.components).flatMap((component) => nameOf(component) ?? []),
    fixVersions: list(fields.fixVersions).flatMap((version) => {
      const entry = record(version);
      return [nameOf(entry), text(entry?.id)].filter((item): item is string => item !== undefined);
    }),
    sprints: list(fields.customfield_10020).flatMap((sprint) => {
      const entry = record(sprint);
      const id = Number(entry?.id);
      const state = text(entry?.state);
      return entry && Number.isFinite(id) && (state === 'closed' || state === 'active' || state === 'future')
        ? [{ id, name: text(entry.name) ?? '', state, boardId: Number(entry.boardId ?? 0) }]
        : [];
    }),
    team: team ? { id: text(team.id) ?? '', name: text(team.name)?.toLowerCase() ?? '' } : undefined,
    parentKey: text(parent?.key),
    parentId: text(parent?.id),
    priority: nameOf(fields.priority),
    resolution: nameOf(fields.resolution),
    created: time(fields.created) ?? 0,
    updated: time(fields.updated) ?? time(fields.created) ?? 0,
    dueDate: time(fields.duedate),
    resolved: time(fields.resolutiondate),
    storyPoints: typeof fields.customfield_10016 === 'number' ? fields.customfield_10016 : undefined,
    flagged: list(fields.customfield_10021).length > 0,
  };
}
