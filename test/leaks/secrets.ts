import { JiraClient } from '../../src/atlassian/jira';
import { createHttpTransport } from '../../src/platform/local/http-transport';
import { CUSTOM_FIELDS } from '../../sandbox/jira/fields';

/** The projects Alex Reed, the contractor, may not browse on the demo site. */
const RESTRICTED_PROJECTS = ['PAY', 'DAT'] as const;
/** The demo site's projects the contractor may browse. */
const VISIBLE_PROJECTS = ['CHK', 'GRW', 'MOB', 'PLT'] as const;

const ADMIN_EMAIL = 'admin@example.com';
export const CONTRACTOR_EMAIL = 'alex.contractor@example.com';

/**
 * What the contractor must never be shown, read as the site admin: issue keys, and the summaries, assignees and
 * team names of PAY and DAT that no issue the contractor may browse shares (a placeholder summary such as
 * "TBD", or an engineer who also works on CHK, tells nothing about PAY or DAT).
 */
export interface Secrets {
  /** Any PAY-n or DAT-n key. */
  readonly keyPattern: RegExp;
  readonly summaries: ReadonlySet<string>;
  readonly assignees: ReadonlySet<string>;
  /**
   * The names a restricted project goes by as a team, whatever the dimension: its key and name, its Team
   * field value, its components, its sprints. A matrix row, a count or a team list naming one is a leak.
   */
  readonly teamNames: ReadonlySet<string>;
  /** A visible issue that a PAY or DAT issue blocks or is blocked by (its links name the restricted key). */
  readonly linkedVisibleIssue: string;
  /** A PAY issue key, to ask for as the contractor. */
  readonly restrictedIssue: string;
}

const FIELDS = ['summary', 'assignee', 'components', 'issuelinks', CUSTOM_FIELDS.team, CUSTOM_FIELDS.sprint];

interface Facts {
  readonly summaries: Set<string>;
  readonly assignees: Set<string>;
  readonly teamNames: Set<string>;
  readonly linkedKeys: Map<string, string[]>;
}

function nameOf(value: unknown, field: 'displayName' | 'name'): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const name: unknown = (value as Record<string, unknown>)[field];
  return typeof name === 'string' ? name : undefined;
}

async function factsOf(jira: JiraClient, projects: readonly string[]): Promise<Facts> {
  const facts: Facts = {
    summaries: new Set(),
    assignees: new Set(),
    teamNames: new Set(),
    linkedKeys: new Map(),
  };
  const { issues } = await jira.searchIssues(`project in (${projects.join(', ')})`, FIELDS);
  for (const issue of issues) {
    const { fields } = issue;
    if (typeof fields.summary === 'string') facts.summaries.add(fields.summary);
    const assignee = nameOf(fields.assignee, 'displayName');
    if (assignee !== undefined) facts.assignees.add(assignee);
    const team = nameOf(fields[CUSTOM_FIELDS.team], 'name');
    if (team !== undefined) facts.teamNames.add(team);
    const many = (value: unknown): unknown[] => (Array.isArray(value) ? (value as unknown[]) : []);
    for (const component of many(fields.components)) {
      const name = nameOf(component, 'name');
      if (name !== undefined) facts.teamNames.add(name);
    }
    for (const sprint of many(fields[CUSTOM_FIELDS.sprint])) {
      const name = nameOf(sprint, 'name');
      if (name !== undefined) facts.teamNames.add(name);
    }
    const linked = many(fields.issuelinks).flatMap((link) => {
      const record = link as Record<string, unknown>;
      return [record.inwardIssue, record.outwardIssue].flatMap((side) => {
        const key = typeof side === 'object' && side !== null ? (side as { key?: unknown }).key : undefined;
        return typeof key === 'string' ? [key] : [];
      });
    });
    facts.linkedKeys.set(issue.key, linked);
  }
  return facts;
}

const minus = (from: ReadonlySet<string>, seen: ReadonlySet<string>): Set<string> =>
  new Set([...from].filter((value) => !seen.has(value)));

/** Reads the secrets off the sandbox at `siteUrl`, as the admin and as the contractor. */
export async function collectSecrets(siteUrl: string): Promise<Secrets> {
  const client = (email: string) => new JiraClient(createHttpTransport({ siteUrl, email }));
  const restricted = await factsOf(client(ADMIN_EMAIL), RESTRICTED_PROJECTS);
  const visible = await factsOf(client(CONTRACTOR_EMAIL), VISIBLE_PROJECTS);
  const keyPattern = new RegExp(`\\b(?:${RESTRICTED_PROJECTS.join('|')})-\\d+\\b`);
  const projects = await client(ADMIN_EMAIL).projects();
  const projectNames = projects
    .filter((project) => (RESTRICTED_PROJECTS as readonly string[]).includes(project.key))
    .flatMap((project) => [project.key, project.name]);
  const linkedVisibleIssue = [...visible.linkedKeys].find(([, keys]) => keys.some((k) => keyPattern.test(k)));
  const restrictedIssue = [...restricted.linkedKeys.keys()].find((key) => key.startsWith('PAY-'));
  if (linkedVisibleIssue === undefined || restrictedIssue === undefined)
    throw new Error('the demo site has no visible issue linked to PAY or DAT');
  const visibleText = [...visible.summaries].join('\n');
  // A summary that is a phrase of a visible one ("Fix" in "Fix the cart total") tells nothing of PAY or DAT.
  const summaries = [...restricted.summaries].filter((summary) => !visibleText.includes(summary));
  return {
    keyPattern,
    summaries: new Set(summaries),
    assignees: minus(restricted.assignees, visible.assignees),
    teamNames: new Set([...projectNames, ...minus(restricted.teamNames, visible.teamNames)]),
    linkedVisibleIssue: linkedVisibleIssue[0],
    restrictedIssue,
  };
}
