/**
 * Seeds the Jira emulator from files of real Jira REST issues: JSON (an array or `{issues}`), JSONL or
 * JSONL.gz, in v2 shape (wiki markup, users by name, `closedSprints`, `epic`) or v3 shape. v2 wiki markup is
 * kept and converted to ADF on first serve (see `render.ts`); users get stable account ids; links to issues
 * that are not in the file stay as links to invisible issues. A `projects.json` beside the file supplies
 * components and versions.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { issueTypeJson, priorityJson, resolutionJson, statusJson } from '../jira/catalogue';
import type { IssueLinkRecord, JiraProject } from '../jira/model';
import type { JiraState } from '../jira/state';
import { GROUPS, jiraUserJson } from '../users';

const Named = z.object({ name: z.string() }).loose();
const RawUser = z
  .object({
    accountId: z.string().optional(),
    name: z.string().optional(),
    key: z.string().optional(),
    displayName: z.string().optional(),
  })
  .loose();
const RawLinkType = z.object({ id: z.string(), name: z.string(), inward: z.string(), outward: z.string() });
const RawLinkedIssue = z.object({ id: z.string(), key: z.string() }).loose();
const RawLink = z.object({
  id: z.string(),
  type: RawLinkType,
  inwardIssue: RawLinkedIssue.optional(),
  outwardIssue: RawLinkedIssue.optional(),
});
const RawSprint = z
  .object({
    id: z.number(),
    name: z.string(),
    state: z.string(),
    originBoardId: z.number().optional(),
    boardId: z.number().optional(),
    startDate: z.string().optional(),
    endDate: z.string().optional(),
    goal: z.string().optional(),
  })
  .loose();
const RawIssue = z.object({
  id: z.string(),
  key: z.string(),
  fields: z.record(z.string(), z.unknown()),
});
const RawProjectFile = z.record(
  z.string(),
  z
    .object({
      id: z.string(),
      key: z.string(),
      name: z.string(),
      description: z.string().optional(),
      components: z.array(z.object({ id: z.string(), name: z.string() }).loose()).optional(),
      versions: z
        .array(
          z
            .object({
              id: z.string(),
              name: z.string(),
              released: z.boolean().optional(),
              archived: z.boolean().optional(),
              releaseDate: z.string().optional(),
            })
            .loose(),
        )
        .optional(),
    })
    .loose(),
);

type RawIssue = z.infer<typeof RawIssue>;

/** Reads the issues of a JSON / JSONL / JSONL.gz file. */
function readIssueFile(filePath: string): RawIssue[] {
  const bytes = readFileSync(filePath);
  const text = (filePath.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  const trimmed = text.trimStart();
  let items: unknown[];
  if (trimmed.startsWith('[')) items = JSON.parse(trimmed) as unknown[];
  else if (trimmed.startsWith('{') && !filePath.includes('.jsonl')) {
    const parsed = z.object({ issues: z.array(z.unknown()) }).safeParse(JSON.parse(trimmed));
    items = parsed.success ? parsed.data.issues : [JSON.parse(trimmed) as unknown];
  } else {
    items = trimmed
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as unknown);
  }
  return items.map((item) => RawIssue.parse(item));
}

const accountIds = new Map<string, string>();

/** A stable account id for a v2 user name (Jira Cloud ids look like `557058:<uuid>`). */
function accountIdFor(name: string): string {
  const known = accountIds.get(name);
  if (known) return known;
  const hex = createHash('sha1').update(name).digest('hex');
  const accountId = `557058:${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  accountIds.set(name, accountId);
  return accountId;
}

function userField(state: JiraState, value: unknown): unknown {
  const parsed = RawUser.safeParse(value);
  if (!parsed.success) return null;
  const accountId = parsed.data.accountId ?? accountIdFor(parsed.data.name ?? parsed.data.key ?? 'unknown');
  const displayName = parsed.data.displayName ?? parsed.data.name ?? accountId;
  if (!state.people.has(accountId)) state.addPerson({ accountId, displayName });
  return jiraUserJson({ accountId, displayName }, state.baseUrl);
}

function withSelf(value: unknown, kind: string, baseUrl: string): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const entry = value as Record<string, unknown>;
  return typeof entry.id === 'string'
    ? { ...entry, self: `${baseUrl}/rest/api/3/${kind}/${entry.id}` }
    : entry;
}

function linkTypeId(state: JiraState, type: z.infer<typeof RawLinkType>): string {
  for (const existing of state.linkTypes.values()) if (existing.name === type.name) return existing.id;
  let id = type.id;
  while (state.linkTypes.has(id)) id = String(Number(id) + 1000);
  state.addLinkType({ ...type, id });
  return id;
}

function sprintsOf(fields: Record<string, unknown>): unknown[] | null {
  const raw = [
    ...(Array.isArray(fields.closedSprints) ? (fields.closedSprints as unknown[]) : []),
    ...(fields.sprint ? [fields.sprint] : []),
    ...(Array.isArray(fields.customfield_10020) ? (fields.customfield_10020 as unknown[]) : []),
  ];
  const sprints = raw.flatMap((entry) => {
    const sprint = RawSprint.safeParse(entry);
    if (!sprint.success) return [];
    const state = ['closed', 'active', 'future'].includes(sprint.data.state.toLowerCase())
      ? sprint.data.state.toLowerCase()
      : 'closed';
    return [
      {
        id: sprint.data.id,
        name: sprint.data.name,
        state,
        boardId: sprint.data.boardId ?? sprint.data.originBoardId ?? 0,
        ...(sprint.data.startDate ? { startDate: sprint.data.startDate } : {}),
        ...(sprint.data.endDate ? { endDate: sprint.data.endDate } : {}),
      },
    ];
  });
  return sprints.length > 0 ? sprints : null;
}

const RawParent = z
  .object({ id: z.string(), key: z.string(), fields: z.record(z.string(), z.unknown()).optional() })
  .loose();
const RawEpic = z
  .object({ id: z.number(), key: z.string(), summary: z.string().optional(), name: z.string().optional() })
  .loose();

function parentOf(state: JiraState, fields: Record<string, unknown>): unknown {
  const parent = RawParent.safeParse(fields.parent);
  if (parent.success) {
    const summary = parent.data.fields?.summary ?? '';
    const type = Named.safeParse(parent.data.fields?.issuetype);
    return {
      id: parent.data.id,
      key: parent.data.key,
      self: `${state.baseUrl}/rest/api/3/issue/${parent.data.id}`,
      fields: { summary, issuetype: issueTypeJson(type.success ? type.data.name : 'Task', state.baseUrl) },
    };
  }
  const epic = RawEpic.safeParse(fields.epic);
  if (epic.success) {
    return {
      id: String(epic.data.id),
      key: epic.data.key,
      self: `${state.baseUrl}/rest/api/3/issue/${epic.data.id}`,
      fields: {
        summary: epic.data.summary ?? epic.data.name ?? '',
        issuetype: issueTypeJson('Epic', state.baseUrl),
      },
    };
  }
  return null;
}

function richText(value: unknown, fieldId: string, wiki: Record<string, string>): unknown {
  if (typeof value === 'string') {
    wiki[fieldId] = value;
    return null;
  }
  return value ?? null;
}

/** Converts one v2 or v3 issue into the sandbox's v3 fields and links. */
function convertIssue(
  state: JiraState,
  raw: RawIssue,
): {
  fields: Record<string, unknown>;
  wiki: Record<string, string>;
  links: IssueLinkRecord[];
  projectKey: string;
} {
  const source = raw.fields;
  const base = state.baseUrl;
  const wiki: Record<string, string> = {};
  const named = (value: unknown): string | undefined => {
    const parsed = Named.safeParse(value);
    return parsed.success ? parsed.data.name : undefined;
  };
  const statusName = named(source.status) ?? 'Open';
  const status = statusJson(statusName, base);
  const flagged =
    source.flagged === true || source.flagged === 'True' || Array.isArray(source.customfield_10021);
  const projectKey = raw.key.slice(0, raw.key.lastIndexOf('-'));
  const fields: Record<string, unknown> = {
    summary: typeof source.summary === 'string' ? source.summary : '',
    description: richText(source.description, 'description', wiki),
    issuetype: issueTypeJson(named(source.issuetype) ?? 'Task', base),
    status,
    statuscategorychangedate:
      source.statuscategorychangedate ?? source.resolutiondate ?? source.updated ?? null,
    resolution: named(source.resolution) ? resolutionJson(named(source.resolution) ?? '', base) : null,
    resolutiondate: source.resolutiondate ?? null,
    assignee: userField(state, source.assignee),
    reporter: userField(state, source.reporter),
    created: source.created ?? null,
    updated: source.updated ?? null,
    duedate: source.duedate ?? null,
    priority: named(source.priority) ? priorityJson(named(source.priority) ?? 'Medium', base) : null,
    labels: Array.isArray(source.labels) ? source.labels : [],
    components: Array.isArray(source.components)
      ? (source.components as unknown[]).map((entry) => withSelf(entry, 'component', base))
      : [],
    fixVersions: Array.isArray(source.fixVersions)
      ? (source.fixVersions as unknown[]).map((entry) => withSelf(entry, 'version', base))
      : [],
    parent: parentOf(state, source),
    customfield_10020: sprintsOf(source),
    customfield_10016: typeof source.customfield_10016 === 'number' ? source.customfield_10016 : null,
    customfield_10001: source.customfield_10001 ?? null,
    customfield_10021: flagged
      ? [{ self: `${base}/rest/api/3/customFieldOption/10019`, value: 'Impediment', id: '10019' }]
      : null,
    customfield_10050: richText(source.customfield_10050, 'customfield_10050', wiki),
  };
  const links: IssueLinkRecord[] = [];
  for (const entry of Array.isArray(source.issuelinks) ? (source.issuelinks as unknown[]) : []) {
    const link = RawLink.safeParse(entry);
    if (!link.success) continue;
    const other = link.data.outwardIssue ?? link.data.inwardIssue;
    if (!other) continue;
    links.push({
      id: link.data.id,
      typeId: linkTypeId(state, link.data.type),
      direction: link.data.outwardIssue ? 'outward' : 'inward',
      otherId: other.id,
      otherKey: other.key,
    });
  }
  return { fields, wiki, links, projectKey };
}

function addProjects(state: JiraState, filePath: string, issues: readonly RawIssue[]): void {
  const beside = path.join(path.dirname(filePath), 'projects.json');
  const described = existsSync(beside) ? RawProjectFile.parse(JSON.parse(readFileSync(beside, 'utf8'))) : {};
  const everyone = [GROUPS.employees, GROUPS.contractors];
  for (const raw of issues) {
    const key = raw.key.slice(0, raw.key.lastIndexOf('-'));
    if (state.projects.has(key)) continue;
    const info = described[key];
    const fromIssue = z.object({ id: z.string(), name: z.string() }).loose().safeParse(raw.fields.project);
    const project: JiraProject = {
      id: info?.id ?? (fromIssue.success ? fromIssue.data.id : String(10000 + state.projects.size)),
      key,
      name: info?.name ?? (fromIssue.success ? fromIssue.data.name : key),
      description: info?.description,
      components: (info?.components ?? []).map((component) => ({ id: component.id, name: component.name })),
      versions: (info?.versions ?? []).map((version) => ({
        id: version.id,
        name: version.name,
        released: version.released ?? false,
        archived: version.archived ?? false,
        ...(version.releaseDate ? { releaseDate: version.releaseDate } : {}),
      })),
      browseGroups: everyone,
      adminGroups: [GROUPS.productOps],
    };
    state.addProject(project);
  }
}

/** Loads a file of Jira REST issues (v2 or v3) into the state; answers how many issues were added. */
export function seedFromFile(state: JiraState, filePath: string): number {
  const issues = readIssueFile(filePath);
  addProjects(state, filePath, issues);
  const inFile = new Set(issues.map((raw) => raw.key));
  for (const raw of issues) {
    const converted = convertIssue(state, raw);
    const issue = state.addIssue({
      id: raw.id,
      key: raw.key,
      projectKey: converted.projectKey,
      fields: converted.fields,
      wiki: converted.wiki,
      links: converted.links,
    });
    // A link into an issue of another seed: Jira shows a link on both issues, the file holds only this side.
    for (const link of converted.links) {
      const other = inFile.has(link.otherKey) ? undefined : state.findIssue(link.otherKey);
      if (!other || other.links.some((existing) => existing.id === link.id)) continue;
      other.links.push({
        id: link.id,
        typeId: link.typeId,
        direction: link.direction === 'outward' ? 'inward' : 'outward',
        otherId: issue.id,
        otherKey: issue.key,
      });
    }
  }
  return issues.length;
}
