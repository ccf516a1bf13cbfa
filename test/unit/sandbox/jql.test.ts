import { JastBuilder } from '@atlaskit/jql-ast';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jqlString } from '../../../src/atlassian/jql';
import { compileJql, JqlError, type JqlContext } from '../../../sandbox/jira/jql';
import { manifestSearchAliases } from '../../../sandbox/jira/index';
import type { JiraState } from '../../../sandbox/jira/state';
import type { SandboxUser } from '../../../sandbox/users';
import { ADMIN, CONTRACTOR, fixtureState, JAMES, stateOf } from './fixtures';
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
function select(jql: string, user: SandboxUser = ADMIN, from: JiraState = state): string[] {
  const query = compileJql(jql, { state: from, user, aliases });
  return [...from.allIssues()]
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
    [
      'issues by key for the contractor, who may see them',
      'key in (APP-2, OPS-1)',
      ['APP-2', 'OPS-1'],
      CONTRACTOR,
    ],
    ['an issue by lower-case key and by id', 'issuekey in (app-3, 105)', ['APP-3', 'OPS-1']],
    ['issues other than one by key', 'key != APP-2 AND project = APP', ['APP-1', 'APP-3', 'APP-4', 'APP-10']],
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
    ["the manifest's number alias", 'hygiene.score < 80', ['APP-2']],
    ["the manifest's string alias", 'hygiene.rules = stale-in-progress', ['APP-2']],
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
      'an issue key that names no issue',
      'key = APP-999',
      "An issue with key 'APP-999' does not exist for field 'key'.",
    ],
    [
      'an issue the contractor may not see, in the same words as a missing one',
      'key = SEC-1',
      "An issue with key 'SEC-1' does not exist for field 'key'.",
      CONTRACTOR,
    ],
    [
      'a missing key in a list, quoting the field as written',
      'issuekey in (APP-2, APP-999)',
      "An issue with key 'APP-999' does not exist for field 'issuekey'.",
    ],
    [
      'a missing key after not in',
      'project = APP AND key not in (APP-999)',
      "An issue with key 'APP-999' does not exist for field 'key'.",
    ],
    ['a value that is no issue key', 'key = "APP 2"', "The issue key 'APP 2' for field 'key' is invalid."],
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

  it('lists every key it refuses, one message each, hidden and missing alike', () => {
    const refuse = (): unknown => compileJql('key in (APP-998, APP-2, SEC-1)', context(CONTRACTOR));
    expect(refuse).toThrow(JqlError);
    try {
      refuse();
    } catch (error) {
      expect((error as JqlError).messages).toEqual([
        "An issue with key 'APP-998' does not exist for field 'key'.",
        "An issue with key 'SEC-1' does not exist for field 'key'.",
      ]);
    }
  });

  it.each([
    ['an empty query', ''],
    ['a query with only ORDER BY', 'ORDER BY created DESC'],
  ])('marks %s as unbounded', (_name, jql) => {
    expect(compileJql(jql, context(ADMIN)).bounded).toBe(false);
  });
});

/** The value the parser's own reader gives (each backslash dropped): what the sandbox must not match. */
function naiveValue(jql: string): string {
  const where = new JastBuilder().build(jql).query?.where;
  const operand = where && where.clauseType === 'terminal' ? where.operand : undefined;
  return operand && operand.operandType === 'value' ? operand.value : '';
}

describe('the sandbox JQL reads escaped string values as Jira does', () => {
  // Each case: the label LAB-1 carries, the JQL value as written, and on LAB-2 the label that reading the
  // value by dropping backslashes would give.
  const cases: [string, string, string, string][] = [
    ['an escaped newline', 'x\ny', String.raw`"x\ny"`, 'xny'],
    ['an escaped tab and carriage return', 'a\tb\rc', String.raw`"a\tb\rc"`, 'atbrc'],
    ['an escaped double quote', 'a"b', String.raw`"a\"b"`, 'a\\"b'],
    ['an escaped backslash', 'c\\d', String.raw`"c\\d"`, 'cd'],
    ['a backslash before an escaped quote', 'e\\"f', String.raw`"e\\\"f"`, 'e"f'],
    ['a unicode escape', 'é', String.raw`"\u00e9"`, 'u00e9'],
    ['a unicode escape of a control character', 'bell\u0007', String.raw`"bell\u0007"`, 'bellu0007'],
    ['an escaped single quote in single quotes', "it's", String.raw`'it\'s'`, "it\\'s"],
    ['an escaped space in a quoted value', 'two words', String.raw`"two\ words"`, 'two\\ words'],
    ['an escaped space in an unquoted value', 'two words', String.raw`two\ words`, 'two\\ words'],
  ];
  it.each(cases)('matches %s', (_name, label, written, misread) => {
    const lab = stateOf([
      { key: 'LAB-1', labels: [label] },
      { key: 'LAB-2', labels: [misread] },
    ]);
    expect(select(`labels = ${written}`, ADMIN, lab)).toEqual(['LAB-1']);
    expect(select(`labels in (${written}, other)`, ADMIN, lab)).toEqual(['LAB-1']);
  });

  const anyString = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.stringMatching(/^[\\"' \n\r\tu0-9a-f]{0,12}$/),
    fc.constantFrom('" OR 1=1', 'a\\', '\\u00e9', '\u2028\ufffe\u0000', 'x\\"y'),
  );

  it("matches exactly the issue labelled with a string escaped by the app's jqlString, for any string", () => {
    fc.assert(
      fc.property(anyString, (value) => {
        const jql = `labels = ${jqlString(value)}`;
        const misread = naiveValue(jql);
        const lab = stateOf([
          { key: 'LAB-1', labels: [value] },
          { key: 'LAB-2', labels: misread.toLowerCase() === value.toLowerCase() ? [] : [misread] },
          { key: 'LAB-3', labels: [`${value}x`] },
        ]);
        expect(select(jql, ADMIN, lab)).toEqual(['LAB-1']);
      }),
      { numRuns: 300 },
    );
  });

  it("finds the issue whose summary is a string escaped by the app's jqlString, for any string with a word", () => {
    fc.assert(
      fc.property(
        anyString.filter((value) => value.trim() !== ''),
        (value) => {
          const lab = stateOf([
            { key: 'LAB-1', summary: value },
            { key: 'LAB-2', summary: '' },
          ]);
          expect(select(`summary ~ ${jqlString(value)}`, ADMIN, lab)).toEqual(['LAB-1']);
        },
      ),
      { numRuns: 300 },
    );
  });
});
