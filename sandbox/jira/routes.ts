/**
 * The Jira Cloud REST v3 endpoints the app uses, with Jira's behaviours that bite: 410 on the old search,
 * `nextPageToken` paging without a total, field-dependent `maxResults`, 400 on unbounded JQL, bulkfetch ≤ 100,
 * and issues the user may not browse left out of results (404 when fetched directly).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { jiraError, JsonChunks, type Router, type SandboxRequest, type SandboxResponse } from '../http';
import { jiraUserJson, type SandboxUser } from '../users';
import { registerAgileRoutes } from './agile';
import { asksOnlyIdentifiers, FIELDS, fieldJson, selectFields } from './fields';
import { compileJql, JqlError, type PropertyAlias } from './jql';
import type { IssueRecord } from './model';
import { projectJson, projectPermissionsJson } from './projects';
import { renderIssue, renderIssueJson, renderingKey } from './render';
import type { JiraState } from './state';
import { registerVersionRoutes } from './versions';
import { registerWorkflowRoutes } from './workflow';

const ISSUE_NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';
const SEARCH_GONE =
  'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046';
const UNBOUNDED =
  'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.';
const MAX_PROPERTY_LENGTH = 32_768;

const SearchBody = z.object({
  jql: z.string().optional(),
  nextPageToken: z.string().optional(),
  maxResults: z.number().int().optional(),
  fields: z.array(z.string()).optional(),
  properties: z.array(z.string()).optional(),
  fieldsByKeys: z.boolean().optional(),
  expand: z.string().optional(),
  reconcileIssues: z.array(z.number()).optional(),
});

/** The fields the sandbox lets `PUT /issue/{key}` set (what the playground edits), with the v3 shape of each. */
const EDITABLE_FIELDS = {
  summary: z.string().trim().min(1).max(255),
  // ADF, or null to clear it, as Jira's v3 API takes it.
  description: z
    .object({ type: z.literal('doc'), version: z.literal(1), content: z.array(z.unknown()) })
    .nullable(),
  labels: z.array(z.string().regex(/^\S+$/)),
};

// Jira's `update` operations (add/remove/set) are not emulated: a body carrying them is refused, not half applied.
const IssueEditBody = z.object({ fields: z.record(z.string(), z.unknown()) }).strict();

const BulkFetchBody = z.object({
  issueIdsOrKeys: z.array(z.string()),
  fields: z.array(z.string()).optional(),
  properties: z.array(z.string()).optional(),
  fieldsByKeys: z.boolean().optional(),
  expand: z.array(z.string()).optional(),
});

interface SearchInput {
  readonly jql: string;
  readonly nextPageToken?: string;
  readonly maxResults?: number;
  readonly fields: readonly string[];
  readonly properties: readonly string[];
}

/** Search results for one (query, user, state version), kept so that paging does not re-run the query. */
interface CachedSearch {
  readonly issues: readonly IssueRecord[];
  readonly version: number;
}

const COMMA = Buffer.from(',');

/**
 * A 200 whose body is a JSON array of issues rendered once (`renderIssueJson`) between `head` and `tail`,
 * written as chunks: nothing is joined.
 */
function issuesJson(head: string, issues: readonly Buffer[], tail: string): SandboxResponse {
  const chunks: Buffer[] = [Buffer.from(head)];
  issues.forEach((issue, index) => {
    if (index > 0) chunks.push(COMMA);
    chunks.push(issue);
  });
  chunks.push(Buffer.from(tail));
  return { status: 200, body: new JsonChunks(chunks) };
}

function queryList(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .flatMap((value) => value.split(','))
    .filter((value) => value.trim() !== '');
}

/** Registers the Jira routes on the sandbox router. */
export function registerJiraRoutes(
  router: Router,
  state: JiraState,
  aliases: ReadonlyMap<string, PropertyAlias>,
): void {
  const cache = new Map<string, CachedSearch>();

  function runSearch(jql: string, user: SandboxUser): readonly IssueRecord[] {
    const cacheKey = `${user.accountId}\u0000${jql}`;
    const cached = cache.get(cacheKey);
    if (cached && cached.version === state.version) return cached.issues;
    const compiled = compileJql(jql, { state, user, aliases });
    if (!compiled.bounded) throw new JqlError(UNBOUNDED);
    const issues: IssueRecord[] = [];
    for (const issue of state.allIssues()) {
      if (state.canBrowse(user, issue.projectKey) && compiled.matches(issue)) issues.push(issue);
    }
    issues.sort(compiled.compare);
    if (cache.size > 32) cache.delete(cache.keys().next().value ?? '');
    cache.set(cacheKey, { issues, version: state.version });
    return issues;
  }

  function search(input: SearchInput, user: SandboxUser): SandboxResponse {
    const onlyIds = asksOnlyIdentifiers(input.fields);
    const limit = onlyIds ? 5000 : 100;
    const pageSize = Math.min(limit, Math.max(1, input.maxResults ?? 50));
    let offset = 0;
    const signature = createHash('sha1').update(input.jql).digest('base64url').slice(0, 12);
    if (input.nextPageToken) {
      const decoded = decodeToken(input.nextPageToken);
      if (!decoded || decoded.signature !== signature) {
        return jiraError(400, 'The provided next page token is invalid or expired.');
      }
      offset = decoded.offset;
    }
    let issues: readonly IssueRecord[];
    try {
      issues = runSearch(input.jql, user);
    } catch (error) {
      if (error instanceof JqlError) return jiraError(400, ...error.messages);
      throw error;
    }
    const page = issues.slice(offset, offset + pageSize);
    const options = { selection: selectFields(input.fields, 'none'), properties: input.properties };
    const key = renderingKey(user, options);
    const isLast = offset + page.length >= issues.length;
    const rendered = page.map((issue) => renderIssueJson(state, issue, user, options, key));
    const token = isLast
      ? ''
      : `"nextPageToken":${JSON.stringify(encodeToken(offset + page.length, signature))},`;
    return issuesJson('{"issues":[', rendered, `],${token}"isLast":${String(isLast)}}`);
  }

  const gone = (): SandboxResponse => jiraError(410, SEARCH_GONE);
  router.add('GET', '/rest/api/3/search', gone);
  router.add('POST', '/rest/api/3/search', gone);
  router.add('GET', '/rest/api/2/search', gone);
  router.add('POST', '/rest/api/2/search', gone);

  router.add('GET', '/rest/api/3/search/jql', (request) => {
    const maxResults = request.query.get('maxResults');
    return search(
      {
        jql: request.query.get('jql') ?? '',
        nextPageToken: request.query.get('nextPageToken') ?? undefined,
        maxResults: maxResults === null ? undefined : Number(maxResults),
        fields: queryList(request.query, 'fields'),
        properties: queryList(request.query, 'properties'),
      },
      request.user,
    );
  });

  router.add('POST', '/rest/api/3/search/jql', (request) => {
    const body = SearchBody.safeParse(request.body ?? {});
    if (!body.success)
      return jiraError(400, `Invalid request payload: ${body.error.issues[0]?.message ?? ''}`);
    return search(
      {
        jql: body.data.jql ?? '',
        nextPageToken: body.data.nextPageToken,
        maxResults: body.data.maxResults,
        fields: body.data.fields ?? [],
        properties: body.data.properties ?? [],
      },
      request.user,
    );
  });

  router.add('POST', '/rest/api/3/issue/bulkfetch', (request) => {
    const body = BulkFetchBody.safeParse(request.body);
    if (!body.success)
      return jiraError(400, 'Invalid request payload. Refer to the REST API documentation and try again.');
    const { issueIdsOrKeys } = body.data;
    if (issueIdsOrKeys.length === 0) return jiraError(400, 'The issueIdsOrKeys field is required.');
    if (issueIdsOrKeys.length > 100) {
      return jiraError(400, 'The number of issues requested exceeds the maximum of 100.');
    }
    const options = {
      selection: selectFields(body.data.fields ?? [], '*navigable'),
      properties: body.data.properties ?? [],
    };
    const key = renderingKey(request.user, options);
    const seen = new Set<string>();
    const issues: Buffer[] = [];
    for (const idOrKey of issueIdsOrKeys) {
      const issue = state.visibleIssue(request.user, idOrKey);
      if (!issue || seen.has(issue.id)) continue;
      seen.add(issue.id);
      issues.push(renderIssueJson(state, issue, request.user, options, key));
    }
    return issuesJson('{"issues":[', issues, '],"issueErrors":[]}');
  });

  router.add('GET', '/rest/api/3/issue/:issueIdOrKey', (request) => {
    const issue = state.visibleIssue(request.user, request.params.issueIdOrKey ?? '');
    if (!issue) return jiraError(404, ISSUE_NOT_FOUND);
    const selection = selectFields(queryList(request.query, 'fields'), '*all');
    return {
      status: 200,
      body: renderIssue(state, issue, request.user, {
        selection,
        properties: queryList(request.query, 'properties'),
      }),
    };
  });

  router.add('PUT', '/rest/api/3/issue/:issueIdOrKey', (request) => {
    const issue = state.visibleIssue(request.user, request.params.issueIdOrKey ?? '');
    if (!issue) return jiraError(404, ISSUE_NOT_FOUND);
    const edit = IssueEditBody.safeParse(request.body);
    if (!edit.success) return jiraError(400, 'The request body is not a valid issue edit.');
    const fields = edit.data.fields;
    const unknown = Object.keys(fields).filter((fieldId) => !(fieldId in EDITABLE_FIELDS));
    if (unknown.length > 0) {
      return jiraError(
        400,
        `Field '${unknown[0] ?? ''}' cannot be set. It is not on the appropriate screen, or unknown.`,
      );
    }
    for (const [fieldId, value] of Object.entries(fields)) {
      if (!EDITABLE_FIELDS[fieldId as keyof typeof EDITABLE_FIELDS].safeParse(value).success) {
        return jiraError(400, `The value of field '${fieldId}' is not valid.`);
      }
    }
    state.updateFields(issue, fields, request.user);
    return { status: 204, body: undefined };
  });

  router.add('GET', '/rest/api/3/field', () => ({ status: 200, body: FIELDS.map(fieldJson) }));

  router.add('GET', '/rest/api/3/issueLinkType', () => ({
    status: 200,
    body: {
      issueLinkTypes: [...state.linkTypes.values()].map((type) => ({
        ...type,
        self: `${state.baseUrl}/rest/api/3/issueLinkType/${type.id}`,
      })),
    },
  }));

  router.add('GET', '/rest/api/3/project/search', (request) => projectSearch(state, request));

  router.add('GET', '/rest/api/3/project/:projectIdOrKey', (request) => {
    const project = state.projectByIdOrKey(request.params.projectIdOrKey ?? '');
    if (!project || !state.canBrowse(request.user, project.key)) {
      return jiraError(404, `No project could be found with key '${request.params.projectIdOrKey ?? ''}'.`);
    }
    return { status: 200, body: projectJson(state, project, true) };
  });

  router.add('GET', '/rest/api/3/myself', (request) => ({
    status: 200,
    body: {
      ...jiraUserJson(request.user, state.baseUrl),
      locale: request.user.locale.replace('-', '_'),
      groups: { size: request.user.groups.length, items: request.user.groups.map((name) => ({ name })) },
      applicationRoles: { size: 1, items: [{ key: 'jira-software', name: 'Jira Software' }] },
      expand: 'groups,applicationRoles',
    },
  }));

  router.add('GET', '/rest/api/3/mypermissions', (request) => projectPermissionsJson(state, request));

  registerPropertyRoutes(router, state);
  registerVersionRoutes(router, state);
  registerAgileRoutes(router, state);
  registerWorkflowRoutes(router, state);
}

function projectSearch(state: JiraState, request: SandboxRequest): SandboxResponse {
  const startAt = Math.max(0, Number(request.query.get('startAt') ?? 0) || 0);
  const maxResults = Math.min(100, Math.max(1, Number(request.query.get('maxResults') ?? 50) || 50));
  const keys = queryList(request.query, 'keys').map((key) => key.toUpperCase());
  const text = request.query.get('query')?.toLowerCase();
  const visible = [...state.projects.values()]
    .filter((project) => state.canBrowse(request.user, project.key))
    .filter((project) => keys.length === 0 || keys.includes(project.key))
    .filter(
      (project) =>
        !text || project.key.toLowerCase().includes(text) || project.name.toLowerCase().includes(text),
    )
    .sort((a, b) => a.key.localeCompare(b.key));
  const page = visible.slice(startAt, startAt + maxResults);
  const isLast = startAt + page.length >= visible.length;
  const self = `${state.baseUrl}/rest/api/3/project/search?startAt=${startAt}&maxResults=${maxResults}`;
  return {
    status: 200,
    body: {
      self,
      ...(isLast
        ? {}
        : {
            nextPage: `${state.baseUrl}/rest/api/3/project/search?startAt=${startAt + maxResults}&maxResults=${maxResults}`,
          }),
      maxResults,
      startAt,
      total: visible.length,
      isLast,
      values: page.map((project) => projectJson(state, project, false)),
    },
  };
}

function registerPropertyRoutes(router: Router, state: JiraState): void {
  const path = '/rest/api/3/issue/:issueIdOrKey/properties/:propertyKey';
  const missing = (key: string): SandboxResponse =>
    jiraError(404, `The property with key '${key}' does not exist.`);

  router.add('GET', '/rest/api/3/issue/:issueIdOrKey/properties', (request) => {
    const issue = state.visibleIssue(request.user, request.params.issueIdOrKey ?? '');
    if (!issue) return jiraError(404, ISSUE_NOT_FOUND);
    return {
      status: 200,
      body: {
        keys: [...issue.properties.keys()].map((key) => ({
          key,
          self: `${state.baseUrl}/rest/api/3/issue/${issue.id}/properties/${encodeURIComponent(key)}`,
        })),
      },
    };
  });
  router.add('GET', path, (request) => {
    const issue = state.visibleIssue(request.user, request.params.issueIdOrKey ?? '');
    if (!issue) return jiraError(404, ISSUE_NOT_FOUND);
    const key = request.params.propertyKey ?? '';
    if (!issue.properties.has(key)) return missing(key);
    return { status: 200, body: { key, value: issue.properties.get(key) } };
  });
  router.add('PUT', path, (request) => {
    const issue = state.visibleIssue(request.user, request.params.issueIdOrKey ?? '');
    if (!issue) return jiraError(404, ISSUE_NOT_FOUND);
    const key = request.params.propertyKey ?? '';
    if (request.body === undefined) return jiraError(400, 'The property value must not be empty.');
    if (key.length > 255) return jiraError(400, 'The property key cannot be longer than 255 characters.');
    if (JSON.stringify(request.body).length > MAX_PROPERTY_LENGTH) {
      return jiraError(400, `The property value cannot be longer than ${MAX_PROPERTY_LENGTH} characters.`);
    }
    const existed = state.setProperty(issue, key, request.body);
    return { status: existed ? 200 : 201, body: undefined };
  });
  router.add('DELETE', path, (request) => {
    const issue = state.visibleIssue(request.user, request.params.issueIdOrKey ?? '');
    if (!issue) return jiraError(404, ISSUE_NOT_FOUND);
    const key = request.params.propertyKey ?? '';
    return state.deleteProperty(issue, key) ? { status: 204 } : missing(key);
  });

  // Bulk set by issue: up to 100 issues, up to 10 properties each, each value its own. Jira runs it as a task and
  // answers 303 to it; here the task is done before the answer, and its result says which issues were skipped.
  const tasks = new Map<string, Record<string, unknown>>();
  router.add('POST', '/rest/api/3/issue/properties/multi', (request) => {
    const body = multiPropertiesSchema.safeParse(request.body);
    if (!body.success) return jiraError(400, `Invalid request: ${body.error.issues[0]?.message ?? ''}`);
    for (const entry of body.data.issues) {
      for (const [key, value] of Object.entries(entry.properties)) {
        if (key.length > 255) return jiraError(400, 'The property key cannot be longer than 255 characters.');
        if (JSON.stringify(value).length > MAX_PROPERTY_LENGTH)
          return jiraError(
            400,
            `The property value cannot be longer than ${MAX_PROPERTY_LENGTH} characters.`,
          );
      }
    }
    const skipped: number[] = [];
    for (const entry of body.data.issues) {
      // Not found (or not visible): ignored, as Jira does.
      const issue = state.visibleIssue(request.user, String(entry.issueID));
      if (!issue) {
        skipped.push(entry.issueID);
        continue;
      }
      for (const [key, value] of Object.entries(entry.properties)) state.setProperty(issue, key, value);
    }
    const id = String(10_000 + tasks.size);
    const self = `${state.baseUrl}/rest/api/3/task/${id}`;
    const now = Date.now();
    tasks.set(id, {
      self,
      id,
      description: 'Bulk set issue properties by issue',
      status: 'COMPLETE',
      result: { skipped },
      submitted: now,
      started: now,
      finished: now,
      lastUpdate: now,
      progress: 100,
      elapsedRuntime: 0,
      submittedBy: 0,
    });
    return { status: 303, headers: { location: self } };
  });
  router.add('GET', '/rest/api/3/task/:taskId', (request) => {
    const task = tasks.get(request.params.taskId ?? '');
    return task === undefined ? jiraError(404, 'The task does not exist.') : { status: 200, body: task };
  });
}

const multiPropertiesSchema = z.object({
  issues: z
    .array(
      z.object({
        issueID: z.number().int(),
        properties: z.record(z.string(), z.unknown()).refine((properties) => {
          const count = Object.keys(properties).length;
          return count >= 1 && count <= 10;
        }, 'between 1 and 10 properties per issue'),
      }),
    )
    .min(1)
    .max(100),
});

function encodeToken(offset: number, signature: string): string {
  return Buffer.from(JSON.stringify({ o: offset, s: signature })).toString('base64url');
}

function decodeToken(token: string): { offset: number; signature: string } | undefined {
  try {
    const parsed = z
      .object({ o: z.number().int().nonnegative(), s: z.string() })
      .safeParse(JSON.parse(Buffer.from(token, 'base64url').toString('utf8')));
    return parsed.success ? { offset: parsed.data.o, signature: parsed.data.s } : undefined;
  } catch {
    return undefined;
  }
}
