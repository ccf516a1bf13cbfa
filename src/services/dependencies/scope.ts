/**
 * Turns a report scope picked on screen or on the command line into JQL and a label people recognise. A quarter
 * by fix version or by sprint first reads the site's versions (per project) or boards and their sprints, since
 * their dates are not searchable in JQL, then names the picked ones by id.
 */
import type { JiraClient } from '../../atlassian/jira';
import { allOf, eq, inList } from '../../atlassian/jql';
import { mapConcurrent } from '../../atlassian/request';
import {
  quarterLabel,
  sprintsInQuarter,
  versionsInQuarter,
  type DatedSprint,
  type DatedVersion,
  type QuarterBy,
} from '../../dependencies';
import { quarterJql } from './quarter-jql';

export type ReportScope =
  | {
      readonly kind: 'quarter';
      readonly year: number;
      readonly quarter: number;
      /** What places an issue in the quarter; due date when absent. */
      readonly by?: QuarterBy | undefined;
      readonly projectKeys?: readonly string[] | undefined;
      /** An extra JQL filter on the quarter's issues. */
      readonly jql?: string | undefined;
    }
  | { readonly kind: 'jql'; readonly jql: string };

/** The versions or sprints a quarter picked, shown beside the report so people can check the scope. */
interface QuarterPlan {
  readonly by: QuarterBy;
  /** Names of the picked versions or sprints, in date order. */
  readonly picked: readonly string[];
  /** Versions without a release date, or sprints without dates, that no quarter can hold. */
  readonly undated: number;
}

export interface ResolvedScope {
  readonly jql: string;
  readonly plan?: QuarterPlan;
}

/** Agile reads in flight at once (one per project or board). */
const CONCURRENCY = 4;

/** The projects a quarter looks at: the ones named, the team page's, or every project the user can browse. */
async function projectsOf(jira: JiraClient, keys: readonly string[]): Promise<readonly string[]> {
  return keys.length > 0 ? keys : (await jira.projects()).map((project) => project.key);
}

async function versionsOf(jira: JiraClient, projectKeys: readonly string[]): Promise<DatedVersion[]> {
  const lists = await mapConcurrent(projectKeys, CONCURRENCY, (key) => jira.agile.projectVersions(key));
  return lists.flat();
}

async function sprintsOf(
  jira: JiraClient,
  projectKeys: readonly string[] | undefined,
): Promise<DatedSprint[]> {
  // Without projects, one paged list of every board beats one list per project.
  const boardLists =
    projectKeys === undefined
      ? [await jira.agile.boards()]
      : await mapConcurrent(projectKeys, CONCURRENCY, (key) => jira.agile.boards({ projectKeyOrId: key }));
  const boardIds = [
    ...new Set(
      boardLists
        .flat()
        .filter((b) => b.type !== 'kanban')
        .map((b) => b.id),
    ),
  ];
  const sprintLists = await mapConcurrent(boardIds, CONCURRENCY, (id) => jira.agile.boardSprints(id));
  return sprintLists.flat();
}

/**
 * The JQL of a scope, narrowed to one project when a team page asks, with what a quarter picked. The JQL people
 * typed is combined with the app's clauses as a syntax tree (`allOf`), never pasted: `x) OR (project in (PAY))`
 * cannot widen a team page past its project, and a typed ORDER BY is dropped instead of breaking the query. A
 * typed JQL that does not parse is refused (INVALID_INPUT) before anything is read.
 */
export async function resolveScope(
  jira: JiraClient,
  scope: ReportScope,
  projectKey?: string,
): Promise<ResolvedScope> {
  /** The quarter's (or typed) JQL with the typed filter and the team page's project, as one tree. */
  const narrow = (jql: string, filter = ''): string => {
    const extra = [filter, projectKey === undefined ? '' : eq('project', projectKey)];
    return extra.every((clause) => clause.trim() === '') ? jql : allOf(jql, ...extra);
  };
  if (scope.kind === 'jql') return { jql: narrow(scope.jql) };
  const by = scope.by ?? 'duedate';
  const named = scope.projectKeys ?? [];
  const quarter = { year: scope.year, quarter: scope.quarter };
  const projectKeys = named.length > 0 ? named : projectKey ? [projectKey] : [];
  let plan: QuarterPlan | undefined;
  let jql: string;
  if (by === 'fixVersion') {
    const versions = await versionsOf(jira, await projectsOf(jira, projectKeys));
    const pick = versionsInQuarter(versions, quarter);
    plan = { by, picked: pick.picked.map((v) => v.name), undated: pick.undated };
    jql = quarterJql({ ...quarter, by, versions, projectKeys: named });
  } else if (by === 'sprint') {
    const sprints = await sprintsOf(jira, projectKeys.length > 0 ? projectKeys : undefined);
    const pick = sprintsInQuarter(sprints, quarter);
    plan = { by, picked: pick.picked.map((s) => s.name ?? String(s.id)), undated: pick.undated };
    jql = quarterJql({ ...quarter, by, sprints, projectKeys: named });
  } else {
    jql = quarterJql({ ...quarter, by, projectKeys: named });
  }
  const filtered = narrow(jql, scope.jql);
  return plan ? { jql: filtered, plan } : { jql: filtered };
}

const BY_WORDS: Record<QuarterBy, string> = {
  duedate: '',
  fixVersion: ' by fix version',
  sprint: ' by sprint',
};

/** "Q4 2026", "Q4 2026 by sprint" or the JQL itself; also the identity of the scope for snapshots. */
export function scopeLabel(scope: ReportScope): string {
  if (scope.kind === 'jql') return scope.jql;
  const label = `${quarterLabel(scope)}${BY_WORDS[scope.by ?? 'duedate']}`;
  const projects =
    scope.projectKeys && scope.projectKeys.length > 0 ? ` (${inList('project', scope.projectKeys)})` : '';
  const filter = scope.jql !== undefined && scope.jql.trim() !== '' ? ` AND (${scope.jql.trim()})` : '';
  return `${label}${projects}${filter}`;
}
