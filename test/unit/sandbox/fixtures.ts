/** A small hand-made Jira state for the sandbox's unit tests: two teams, a restricted project, eight issues. */
import { issueTypeJson, resolutionJson, statusJson } from '../../../sandbox/jira/catalogue';
import { JiraState } from '../../../sandbox/jira/state';
import { DEMO_USERS, GROUPS, jiraUserJson, type SandboxUser } from '../../../sandbox/users';

const NOW = new Date('2026-11-16T09:00:00Z');

function user(email: string): SandboxUser {
  const found = DEMO_USERS.find((entry) => entry.email === email);
  if (!found) throw new Error(`No demo user ${email}`);
  return found;
}

export const ADMIN = user('admin@example.com');
export const JAMES = user('james.okafor@example.com');
export const CONTRACTOR = user('alex.contractor@example.com');

const sprint = (
  id: number,
  name: string,
  state: 'closed' | 'active' | 'future',
): Record<string, unknown> => ({
  id,
  name,
  state,
  boardId: 1,
});

interface Spec {
  key: string;
  type?: string;
  status?: string;
  assignee?: SandboxUser;
  labels?: string[];
  created: string;
  updated?: string;
  due?: string;
  resolved?: string;
  sprints?: Record<string, unknown>[];
  team?: string;
  parent?: string;
  component?: string;
  fixVersion?: string;
  points?: number;
  flagged?: boolean;
}

const SPECS: Spec[] = [
  { key: 'APP-1', type: 'Epic', status: 'In Progress', created: '2026-07-01T10:00:00.000+0000' },
  {
    key: 'APP-2',
    status: 'In Progress',
    assignee: JAMES,
    labels: ['frontend', 'blocked'],
    created: '2026-10-01T10:00:00.000+0000',
    updated: '2026-10-20T10:00:00.000+0000',
    sprints: [sprint(11, 'APP Sprint 1', 'closed'), sprint(12, 'APP Sprint 2', 'active')],
    team: 'Checkout',
    parent: 'APP-1',
    component: 'Cart',
    points: 5,
  },
  {
    key: 'APP-3',
    type: 'Bug',
    status: 'To Do',
    created: '2026-11-10T10:00:00.000+0000',
    due: '2026-11-01',
    sprints: [sprint(13, 'APP Sprint 3', 'future')],
    fixVersion: '2026-Q4',
    flagged: true,
  },
  {
    key: 'APP-4',
    status: 'Done',
    assignee: ADMIN,
    created: '2026-08-01T10:00:00.000+0000',
    resolved: '2026-08-20T10:00:00.000+0000',
    sprints: [sprint(11, 'APP Sprint 1', 'closed')],
    team: 'Checkout',
    parent: 'APP-1',
  },
  {
    key: 'APP-10',
    status: 'In Review',
    assignee: JAMES,
    created: '2026-11-12T10:00:00.000+0000',
    labels: ['backend', 'café', 'say "hi"'],
  },
  { key: 'OPS-1', type: 'Task', status: 'Done', created: '2026-09-01T10:00:00.000+0000', team: 'Platform' },
  { key: 'OPS-2', type: 'Task', status: 'To Do', created: '2026-11-15T10:00:00.000+0000' },
  { key: 'SEC-1', type: 'Task', status: 'To Do', created: '2026-11-01T10:00:00.000+0000' },
];

/** Builds the fixture state; `SEC` may be browsed by employees only (not the contractor). */
export function fixtureState(): JiraState {
  const state = new JiraState(() => NOW);
  const everyone = [GROUPS.employees, GROUPS.contractors];
  state.addProject({
    id: '1',
    key: 'APP',
    name: 'App',
    components: [{ id: '1', name: 'Cart' }],
    versions: [],
    browseGroups: everyone,
    adminGroups: [GROUPS.productOps],
  });
  state.addProject({
    id: '2',
    key: 'OPS',
    name: 'Operations',
    components: [],
    versions: [],
    browseGroups: everyone,
    adminGroups: [],
  });
  state.addProject({
    id: '3',
    key: 'SEC',
    name: 'Security',
    components: [],
    versions: [],
    browseGroups: [GROUPS.employees],
    adminGroups: [],
  });
  state.addLinkType({ id: '1', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' });
  for (const person of DEMO_USERS)
    state.addPerson({ accountId: person.accountId, displayName: person.displayName, email: person.email });
  SPECS.forEach((spec, index) => {
    const status = spec.status ?? 'To Do';
    state.addIssue({
      id: String(100 + index),
      key: spec.key,
      projectKey: spec.key.split('-')[0] ?? '',
      rank: SPECS.length - index,
      fields: {
        summary: `Summary of ${spec.key}`,
        issuetype: issueTypeJson(spec.type ?? 'Story'),
        status: statusJson(status),
        resolution: status === 'Done' ? resolutionJson('Done') : null,
        resolutiondate: spec.resolved ?? null,
        assignee: spec.assignee ? jiraUserJson(spec.assignee) : null,
        labels: spec.labels ?? [],
        created: spec.created,
        updated: spec.updated ?? spec.created,
        duedate: spec.due ?? null,
        customfield_10020: spec.sprints ?? null,
        customfield_10001: spec.team ? { id: `team-${spec.team}`, name: spec.team } : null,
        parent: spec.parent ? { id: '100', key: spec.parent, fields: { summary: 'Epic' } } : null,
        components: spec.component ? [{ id: '1', name: spec.component }] : [],
        fixVersions: spec.fixVersion ? [{ id: '7', name: spec.fixVersion }] : [],
        customfield_10016: spec.points ?? null,
        customfield_10021: spec.flagged ? [{ id: '10019', value: 'Impediment' }] : null,
      },
    });
  });
  state.link('SEC-1', 'APP-2', '1');
  state.link('GONE-9', 'APP-3', '1');
  return state;
}

/** A one-project state (`LAB`, browsable by everyone) holding just the given issues, for value-matching tests. */
export function stateOf(issues: readonly { key: string; summary?: string; labels?: string[] }[]): JiraState {
  const state = new JiraState(() => NOW);
  state.addProject({
    id: '9',
    key: 'LAB',
    name: 'Lab',
    components: [],
    versions: [],
    browseGroups: [GROUPS.employees, GROUPS.contractors],
    adminGroups: [],
  });
  issues.forEach((issue, index) => {
    state.addIssue({
      id: String(900 + index),
      key: issue.key,
      projectKey: 'LAB',
      fields: {
        summary: issue.summary ?? `Summary of ${issue.key}`,
        issuetype: issueTypeJson('Task'),
        status: statusJson('To Do'),
        labels: issue.labels ?? [],
        created: '2026-11-01T10:00:00.000+0000',
        updated: '2026-11-01T10:00:00.000+0000',
      },
    });
  });
  return state;
}
