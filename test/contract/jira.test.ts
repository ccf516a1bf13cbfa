/**
 * The sandbox's Jira answers as Jira Cloud does: every endpoint the app uses validates against the response
 * schema of Atlassian's published OpenAPI document, and jira.js (which checks responses at run time) reads
 * them without a schema mismatch. Run against the demo organisation and the real tidev issues.
 */
import path from 'node:path';
import { createCloudClient } from 'jira.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import { SHARED, SPECS, validateComponent, validateResponse } from './helpers/openapi';

const TIDEV = path.join(SHARED, 'data', 'tidev', 'issues.jsonl.gz');

interface Call {
  readonly name: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly template: string;
  readonly path: string;
  readonly body?: unknown;
}

function callsFor(keys: { issue: string; project: string; linked: string }): Call[] {
  const jql = encodeURIComponent(`project = ${keys.project} ORDER BY key`);
  return [
    {
      name: 'ids by JQL',
      method: 'GET',
      template: '/rest/api/3/search/jql',
      path: `/rest/api/3/search/jql?jql=${jql}&maxResults=5000`,
    },
    {
      name: 'issues with all fields by JQL',
      method: 'GET',
      template: '/rest/api/3/search/jql',
      path: `/rest/api/3/search/jql?jql=${jql}&maxResults=100&fields=*all&properties=*all`,
    },
    {
      name: 'a search by POST',
      method: 'POST',
      template: '/rest/api/3/search/jql',
      path: '/rest/api/3/search/jql',
      body: { jql: `project = ${keys.project}`, fields: ['summary', 'issuelinks', 'parent'], maxResults: 50 },
    },
    {
      name: 'an unbounded search (400)',
      method: 'GET',
      template: '/rest/api/3/search/jql',
      path: '/rest/api/3/search/jql?jql=',
    },
    {
      name: 'a bulk fetch',
      method: 'POST',
      template: '/rest/api/3/issue/bulkfetch',
      path: '/rest/api/3/issue/bulkfetch',
      body: { issueIdsOrKeys: [keys.issue, keys.linked], fields: ['*all'] },
    },
    {
      name: 'one issue',
      method: 'GET',
      template: '/rest/api/3/issue/{issueIdOrKey}',
      path: `/rest/api/3/issue/${keys.issue}`,
    },
    {
      name: 'a missing issue (404)',
      method: 'GET',
      template: '/rest/api/3/issue/{issueIdOrKey}',
      path: '/rest/api/3/issue/NOPE-1',
    },
    { name: 'fields', method: 'GET', template: '/rest/api/3/field', path: '/rest/api/3/field' },
    {
      name: 'link types',
      method: 'GET',
      template: '/rest/api/3/issueLinkType',
      path: '/rest/api/3/issueLinkType',
    },
    {
      name: 'projects',
      method: 'GET',
      template: '/rest/api/3/project/search',
      path: '/rest/api/3/project/search?maxResults=2',
    },
    {
      name: 'one project',
      method: 'GET',
      template: '/rest/api/3/project/{projectIdOrKey}',
      path: `/rest/api/3/project/${keys.project}`,
    },
    { name: 'myself', method: 'GET', template: '/rest/api/3/myself', path: '/rest/api/3/myself' },
    {
      name: 'my permissions',
      method: 'GET',
      template: '/rest/api/3/mypermissions',
      path: `/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS,ADMINISTER_PROJECTS,ADMINISTER&projectKey=${keys.project}`,
    },
    {
      name: "the project's statuses",
      method: 'GET',
      template: '/rest/api/3/project/{projectIdOrKey}/statuses',
      path: `/rest/api/3/project/${keys.project}/statuses`,
    },
    {
      name: "an issue's transitions",
      method: 'GET',
      template: '/rest/api/3/issue/{issueIdOrKey}/transitions',
      path: `/rest/api/3/issue/${keys.issue}/transitions`,
    },
    {
      name: 'a transition without its id (400)',
      method: 'POST',
      template: '/rest/api/3/issue/{issueIdOrKey}/transitions',
      path: `/rest/api/3/issue/${keys.issue}/transitions`,
      body: { transition: {} },
    },
    {
      name: 'a transition of a missing issue (404)',
      method: 'POST',
      template: '/rest/api/3/issue/{issueIdOrKey}/transitions',
      path: '/rest/api/3/issue/NOPE-1/transitions',
      body: { transition: { id: '11' } },
    },
    {
      name: 'my permissions on one issue',
      method: 'GET',
      template: '/rest/api/3/mypermissions',
      path: `/rest/api/3/mypermissions?permissions=EDIT_ISSUES&issueKey=${keys.issue}`,
    },
    {
      name: 'an issue property',
      method: 'GET',
      template: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
      path: `/rest/api/3/issue/${keys.issue}/properties/vertebra-hygiene`,
    },
  ];
}

async function exercise(sandbox: RunningSandbox, calls: readonly Call[]): Promise<string[]> {
  const problems: string[] = [];
  for (const call of calls) {
    const response = await fetch(`${sandbox.url}${call.path}`, {
      method: call.method,
      headers: { 'content-type': 'application/json' },
      ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
    });
    const text = await response.text();
    const body: unknown = text ? JSON.parse(text) : undefined;
    const result = validateResponse(SPECS.jira, call.method, call.template, response.status, body);
    if (!result.valid)
      problems.push(`${call.name} (${response.status}): ${result.errors.slice(0, 3).join('; ')}`);
  }
  return problems;
}

/**
 * The spec types issue `fields` as a free map, so each field value the app reads is checked against the
 * component schema Jira documents for it (links: the `LinkedIssue` ends and the `IssueLinkType`).
 */
const FIELD_SCHEMAS: Record<string, string> = {
  status: 'StatusDetails',
  assignee: 'UserDetails',
  reporter: 'UserDetails',
  issuetype: 'IssueTypeDetails',
  priority: 'Priority',
  resolution: 'Resolution',
};

async function fieldProblems(sandbox: RunningSandbox, jql: string): Promise<string[]> {
  const response = await fetch(`${sandbox.url}/rest/api/3/search/jql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jql, fields: ['*all'], maxResults: 100 }),
  });
  const page = (await response.json()) as { issues: { key: string; fields: Record<string, unknown> }[] };
  const problems: string[] = [];
  const check = (key: string, schema: string, value: unknown): void => {
    const result = validateComponent(SPECS.jira, schema, value);
    if (!result.valid) problems.push(`${key}: ${result.errors.slice(0, 2).join('; ')}`);
  };
  for (const issue of page.issues) {
    for (const [field, schema] of Object.entries(FIELD_SCHEMAS)) {
      const value = issue.fields[field];
      if (value !== null && value !== undefined) check(issue.key, schema, value);
    }
    for (const version of issue.fields.fixVersions as unknown[]) check(issue.key, 'Version', version);
    for (const link of issue.fields.issuelinks as Record<string, unknown>[]) {
      check(issue.key, 'IssueLinkType', link.type);
      check(issue.key, 'LinkedIssue', link.inwardIssue ?? link.outwardIssue);
    }
  }
  return problems;
}

async function readWithJiraJs(sandbox: RunningSandbox, project: string, issueKey: string): Promise<void> {
  const jira = createCloudClient({
    host: sandbox.url,
    auth: { type: 'basic', email: 'admin@example.com', apiToken: 'any-token' },
    onSchemaMismatch: 'throw',
  });
  const ids = await jira.issueSearch.searchAndReconsileIssuesUsingJql({
    jql: `project = ${project}`,
    maxResults: 5000,
  });
  const idsOfIssues = (ids.issues ?? []).slice(0, 100).flatMap((issue) => (issue.id ? [issue.id] : []));
  expect(idsOfIssues.length).toBeGreaterThan(0);
  const page = await jira.issueSearch.searchAndReconsileIssuesUsingJqlPost({
    jql: `project = ${project} ORDER BY key`,
    fields: ['*all'],
    maxResults: 100,
  });
  expect(page.issues?.length).toBe(100);
  const bulk = await jira.issues.bulkFetchIssues({ issueIdsOrKeys: idsOfIssues, fields: ['*all'] });
  expect(bulk.issues?.length).toBe(idsOfIssues.length);
  const issue = await jira.issues.getIssue({ issueIdOrKey: issueKey });
  expect(issue.key).toBe(issueKey);
  const fields = await jira.issueFields.getFields();
  expect(fields.some((field) => field.schema?.custom === 'com.pyxis.greenhopper.jira:gh-sprint')).toBe(true);
  const linkTypes = await jira.issueLinkTypes.getIssueLinkTypes();
  expect(linkTypes.issueLinkTypes?.some((type) => type.name === 'Blocks')).toBe(true);
  const projects = await jira.projects.searchProjects({});
  expect(projects.values.some((entry) => entry.key === project)).toBe(true);
  await jira.projects.getProject({ projectIdOrKey: project });
  const me = await jira.myself.getCurrentUser();
  expect(me.emailAddress).toBe('admin@example.com');
  await jira.permissions.getMyPermissions({ permissions: 'BROWSE_PROJECTS', projectKey: project });
  const statuses = await jira.projects.getAllStatuses({ projectIdOrKey: project });
  expect(statuses.length).toBeGreaterThan(0);
  const transitions = await jira.issues.getTransitions({ issueIdOrKey: issueKey });
  expect(transitions.transitions?.length).toBeGreaterThan(0);
}

describe('the sandbox Jira with the demo organisation', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, now: new Date('2026-11-16T09:00:00Z') });
    await fetch(`${sandbox.url}/rest/api/3/issue/PAY-20/properties/vertebra-hygiene`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ score: 70, rules: ['stale-in-progress'] }),
    });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('serves every endpoint the app uses in the shapes of the Jira Cloud v3 spec', async () => {
    const linked = [...sandbox.jira.allIssues()].find((issue) => issue.links.length > 2);
    expect(linked).toBeDefined();
    const problems = await exercise(sandbox, [
      ...callsFor({ issue: 'PAY-20', project: 'PAY', linked: linked?.key ?? '' }),
      // Last: the issue it creates is then read in the field shapes check below.
      {
        name: 'an issue created (the playground raises avi:jira:created:issue)',
        method: 'POST',
        template: '/rest/api/3/issue',
        path: '/rest/api/3/issue',
        body: { fields: { project: { key: 'PAY' }, issuetype: { name: 'Story' }, summary: 'Created here' } },
      },
      {
        name: 'an issue of a type the project has not (400)',
        method: 'POST',
        template: '/rest/api/3/issue',
        path: '/rest/api/3/issue',
        body: { fields: { project: { key: 'PAY' }, issuetype: { name: 'Nope' }, summary: 'Refused' } },
      },
    ]);
    expect(problems).toEqual([]);
  });

  it('gives field values (users, status, types, links, versions) the shapes Jira documents', async () => {
    expect(await fieldProblems(sandbox, 'project in (PAY, CHK) ORDER BY key')).toEqual([]);
  });

  it('is read by jira.js without a schema mismatch', async () => {
    await readWithJiraJs(sandbox, 'CHK', 'CHK-10');
  });

  it('sets properties in bulk as Jira does: 303 to a task in the spec shape, values jira.js wrote read back', async () => {
    const [first, second] = ['PAY-21', 'PAY-22'].map((key) =>
      [...sandbox.jira.allIssues()].find((i) => i.key === key),
    );
    if (first === undefined || second === undefined) throw new Error('no PAY-21/22');
    const posted = await fetch(`${sandbox.url}/rest/api/3/issue/properties/multi`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        issues: [{ issueID: Number(first.id), properties: { 'vertebra-bulk': { n: 1 } } }],
      }),
    });
    expect(posted.status).toBe(303);
    const location = posted.headers.get('location') ?? '';
    expect(location).toMatch(/\/rest\/api\/3\/task\/\w+$/);
    const task: unknown = await (await fetch(location)).json();
    const checked = validateResponse(SPECS.jira, 'GET', '/rest/api/3/task/{taskId}', 200, task);
    expect(checked.errors).toEqual([]);
    expect(task).toMatchObject({ status: 'COMPLETE' });

    // jira.js, written from Atlassian's spec on its own, sends the same request.
    const jira = createCloudClient({
      host: sandbox.url,
      auth: { type: 'basic', email: 'admin@example.com', apiToken: 'any-token' },
      onSchemaMismatch: 'throw',
    });
    await jira.issueProperties.bulkSetIssuePropertiesByIssue({
      issues: [{ issueID: Number(second.id), properties: { 'vertebra-bulk': { n: 2 } } }],
    });
    for (const [issue, n] of [
      [first, 1],
      [second, 2],
    ] as const) {
      const read = await fetch(`${sandbox.url}/rest/api/3/issue/${issue.key}/properties/vertebra-bulk`);
      expect(await read.json()).toEqual({ key: 'vertebra-bulk', value: { n } });
    }
  });
});

describe('the sandbox Jira seeded with the real tidev issues', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seeds: [TIDEV] });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('serves real issues (wiki markup turned into ADF, links to missing issues) in the spec shapes', async () => {
    const linked = [...sandbox.jira.allIssues()].find((issue) => issue.links.length > 3);
    const problems = await exercise(
      sandbox,
      callsFor({ issue: 'ALOY-974', project: 'ALOY', linked: linked?.key ?? '' }),
    );
    expect(problems).toEqual([]);
  });

  it('gives real field values the shapes Jira documents', async () => {
    expect(await fieldProblems(sandbox, 'project = ALOY ORDER BY key')).toEqual([]);
  });

  it('is read by jira.js without a schema mismatch', async () => {
    await readWithJiraJs(sandbox, 'AC', 'AC-30');
  });
});
