import { describe, expect, it } from 'vitest';
import { compileJql, JqlError, type JqlContext } from '../../../sandbox/jira/jql';
import { manifestSearchAliases } from '../../../sandbox/jira/index';
import type { SandboxUser } from '../../../sandbox/users';
import { ADMIN, CONTRACTOR, fixtureState, JAMES } from './fixtures';
import path from 'node:path';

const state = fixtureState();
for (const [key, value] of [
  ['APP-2', { score: 60, rules: ['stale-in-progress'] }],
  ['APP-3', { score: 90, rules: [] }],
] as const) {
  const issue = state.findIssue(key);
  if (issue) state.setProperty(issue, 'vertebra-hygiene', value);
}
const aliases = manifestSearchAliases(path.resolve(import.meta.dirname, '../../../manifest.yml'));

function context(user: SandboxUser): JqlContext {
  return { state, user, aliases };
}

/** Keys the query selects for the user, in the query's order (visibility is the route's job, not JQL's). */
function select(jql: string, user: SandboxUser = ADMIN): string[] {
  const query = compileJql(jql, context(user));
  return [...state.allIssues()]
    .filter((issue) => query.matches(issue))
    .sort(query.compare)
    .map((issue) => issue.key);
}

const sorted = (keys: string[]): string[] => [...keys].sort();

describe('the sandbox JQL selects the issues Jira would', () => {
  const cases: [string, string, string[], SandboxUser?][] = [
    ['a project by key', 'project = APP', ['APP-1', 'APP-2', 'APP-3', 'APP-4', 'APP-10']],
    ['several projects', 'project in (OPS, SEC)', ['OPS-1', 'OPS-2', 'SEC-1']],
    ['issues by key', 'key in (APP-2, OPS-1)', ['APP-2', 'OPS-1']],
    ['an issue type', 'issuetype = Bug', ['APP-3']],
    ['issue types under the `type` alias', 'type in (Task, Epic)', ['APP-1', 'OPS-1', 'OPS-2', 'SEC-1']],
    ['a status with a space', 'status = "In Progress"', ['APP-1', 'APP-2']],
    ['a status category by name', 'statusCategory = Done', ['APP-4', 'OPS-1']],
    [
      'not done in a project',
      'statusCategory != Done AND project = APP',
      ['APP-1', 'APP-2', 'APP-3', 'APP-10'],
    ],
    ['unassigned issues', 'assignee is EMPTY AND project = APP', ['APP-1', 'APP-3']],
    ["the admin's own issues", 'assignee = currentUser()', ['APP-4']],
    ["James's own issues", 'assignee = currentUser()', ['APP-2', 'APP-10'], JAMES],
    ['an assignee by email', 'assignee = "james.okafor@example.com"', ['APP-2', 'APP-10']],
    ['a label', 'labels = blocked', ['APP-2']],
    ['any of several labels', 'labels in (frontend, backend)', ['APP-2', 'APP-10']],
    ['issues without labels', 'labels is EMPTY AND project = OPS', ['OPS-1', 'OPS-2']],
    ['a component', 'component = Cart', ['APP-2']],
    ['a fix version', 'fixVersion = "2026-Q4"', ['APP-3']],
    ['open sprints (active and future)', 'sprint in openSprints()', ['APP-2', 'APP-3']],
    ['closed sprints, carried-over issues included', 'sprint in closedSprints()', ['APP-2', 'APP-4']],
    ['a sprint by name', 'sprint = "APP Sprint 1"', ['APP-2', 'APP-4']],
    ['a sprint by id', 'sprint = 13', ['APP-3']],
    ['no sprint', 'sprint is EMPTY AND project = APP', ['APP-1', 'APP-10']],
    ['a team by name', 'team = Checkout', ['APP-2', 'APP-4']],
    ['the children of an epic', 'parent = APP-1', ['APP-2', 'APP-4']],
    ['created since an absolute date', 'created >= 2026-11-01', ['APP-3', 'APP-10', 'OPS-2', 'SEC-1']],
    ['created in the last 7 days of the sandbox clock', 'created >= -7d', ['APP-3', 'APP-10', 'OPS-2']],
    ['not updated for 4 weeks', 'updated <= -4w', ['APP-1', 'APP-4', 'OPS-1']],
    ['created within a combined period', 'created >= "-1w 1d"', ['APP-3', 'APP-10', 'OPS-2']],
    ['overdue and open', 'duedate < now() AND statusCategory != Done', ['APP-3']],
    ['resolved since a date', 'resolved >= 2026-08-01', ['APP-4']],
    ['without resolution', 'resolution is EMPTY AND project = APP', ['APP-1', 'APP-2', 'APP-3', 'APP-10']],
    ['unresolved', 'resolution = Unresolved AND project = OPS', ['OPS-2']],
    ['NOT a clause', 'project = APP AND NOT status = Done', ['APP-1', 'APP-2', 'APP-3', 'APP-10']],
    [
      'OR inside parentheses',
      '(project = OPS OR labels = backend) AND statusCategory != Done',
      ['APP-10', 'OPS-2'],
    ],
    ['a status other than one', 'project = APP AND status != "In Progress"', ['APP-3', 'APP-4', 'APP-10']],
    ['a label with an escaped quote', 'labels = "say \\"hi\\""', ['APP-10']],
    ['a label with a unicode escape', 'labels = "caf\\u00e9"', ['APP-10']],
    ['words in the summary', 'summary ~ "of APP-1"', ['APP-1', 'APP-10']],
    ['story points by display name', '"Story point estimate" >= 3', ['APP-2']],
    ['story points missing on stories', 'issuetype = Story AND cf[10016] is EMPTY', ['APP-4', 'APP-10']],
    ['flagged issues', 'flagged = Impediment', ['APP-3']],
    ['an entity property value', 'issue.property[vertebra-hygiene].score < 80', ['APP-2']],
    ["the manifest's number alias", 'hygieneScore < 80', ['APP-2']],
    ["the manifest's string alias", 'hygieneRules = stale-in-progress', ['APP-2']],
  ];
  it.each(cases)('selects %s', (_name, jql, expected, user) => {
    expect(sorted(select(jql, user))).toEqual(sorted(expected));
  });
});

describe('the sandbox JQL orders results like Jira', () => {
  const cases: [string, string, string[]][] = [
    [
      'keys by number, not as text',
      'project = APP ORDER BY key',
      ['APP-1', 'APP-2', 'APP-3', 'APP-4', 'APP-10'],
    ],
    ['newest first', 'project = APP ORDER BY created DESC', ['APP-10', 'APP-3', 'APP-2', 'APP-4', 'APP-1']],
    [
      'due dates with empty ones last',
      'project = APP ORDER BY duedate',
      ['APP-3', 'APP-1', 'APP-2', 'APP-4', 'APP-10'],
    ],
    ['board rank', 'project = APP ORDER BY rank', ['APP-10', 'APP-4', 'APP-3', 'APP-2', 'APP-1']],
  ];
  it.each(cases)('orders %s', (_name, jql, expected) => {
    expect(select(jql)).toEqual(expected);
  });
});

describe('the sandbox JQL refuses what it (or Jira) cannot run', () => {
  const cases: [string, string, string, SandboxUser?][] = [
    ['an unknown field', 'foo = bar', "Field 'foo' does not exist or you do not have permission to view it."],
    [
      'an unknown function',
      'sprint in mySprints()',
      "Unable to find JQL function 'mySprints()' for the field 'sprint'.",
    ],
    [
      'a project that does not exist',
      'project = NOPE',
      "The value 'NOPE' does not exist for the field 'project'.",
    ],
    [
      'a project the contractor may not browse',
      'project = SEC',
      "The value 'SEC' does not exist for the field 'project'.",
      CONTRACTOR,
    ],
    [
      'an operator the field does not take',
      'project ~ APP',
      "The operator '~' is not supported by the 'project' field.",
    ],
    ['a clause without a value', 'project = ', 'Error in the JQL Query: '],
    ['a date in no known format', 'created > yesterday', "Date value 'yesterday' for field is invalid."],
    [
      'a field that cannot be sorted on',
      'project = APP ORDER BY labels',
      "Not able to sort using field 'labels'.",
    ],
  ];
  it.each(cases)('refuses %s', (_name, jql, message, user) => {
    expect(() => compileJql(jql, context(user ?? ADMIN))).toThrow(JqlError);
    expect(() => compileJql(jql, context(user ?? ADMIN))).toThrow(message);
  });

  it.each([
    ['an empty query', ''],
    ['a query with only ORDER BY', 'ORDER BY created DESC'],
  ])('marks %s as unbounded', (_name, jql) => {
    expect(compileJql(jql, context(ADMIN)).bounded).toBe(false);
  });
});
