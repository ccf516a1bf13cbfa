import type { JiraClient, JiraIssue } from '../../atlassian/jira';
import { allOf, eq, inList } from '../../atlassian/jql';
import { isForPlatform } from '../../atlassian/transport';
import type { EffectiveRule } from '../../hygiene/config';
import { projectOfKey } from '../../hygiene/project-bound';
import { optionsApplyToType } from '../../hygiene/rule-kit';
import type { ScanSettings } from './scan-settings';

/** At most this many child ids are fetched to tell empty epics apart: the request budget of a report. */
export const CHILD_FETCH_LIMIT = 300;

/**
 * Children of the scope's epics that lie outside the scope, by epic key, looked up while the scan's pages load
 * so that the report does not wait one more round trip at its end. `epics` are the ids of the epics it covers.
 */
export interface EarlyChildren {
  readonly epics: ReadonlySet<string>;
  readonly outside: ReadonlyMap<string, number>;
}

/**
 * At most this many children outside the scope are fetched early (two bulk fetches). With the field list and
 * the two searches, a report stays within ids pages + bulk pages + 5 requests. When the early lookup cannot
 * answer, its searches are spent: the lookup after the pages may then fetch one page of children only.
 */
const EARLY_FETCH_LIMIT = 200;
export const LATE_FETCH_LIMIT_AFTER_EARLY = 100;

/**
 * Two searches while the pages load: the epics of the scope (`scope AND issuetype in (…)`), then all their
 * children; those the scope does not hold are fetched (parent only) and counted per epic. Undefined when this
 * cannot answer (over 1000 epics, more than 200 children outside the scope, a search
 * Jira refuses): the scan then asks after its pages, as before.
 */
export async function earlyChildren(
  jira: JiraClient,
  scope: string,
  epicTypes: readonly string[],
  scanned: Promise<ReadonlySet<string>>,
  boundTo: string | undefined,
): Promise<EarlyChildren | undefined> {
  try {
    const epics = await jira.searchIds(allOf(scope, inList('issuetype', epicTypes)));
    if (epics.length > 1000) return undefined;
    const outside = new Map<string, number>();
    if (epics.length === 0) return { epics: new Set(), outside };
    const children = await jira.searchIds(inList('parent', epics));
    const inScope = await scanned;
    const elsewhere = children.filter((id) => !inScope.has(id));
    if (elsewhere.length > EARLY_FETCH_LIMIT) return undefined;
    if (elsewhere.length > 0) countParents(await jira.bulkFetch(elsewhere, ['parent']), outside, boundTo);
    return { epics: new Set(epics), outside };
  } catch (error) {
    if (isForPlatform(error)) throw error;
    return undefined;
  }
}

/** Adds one to the count of each issue's parent (only for issues of `projectKey` when given). */
function countParents(issues: readonly JiraIssue[], counts: Map<string, number>, projectKey?: string): void {
  for (const issue of issues) {
    if (projectKey !== undefined && projectOfKey(issue.key) !== projectKey) continue;
    const parent = (issue.fields.parent as { key?: unknown } | null | undefined)?.key;
    if (typeof parent === 'string') counts.set(parent, (counts.get(parent) ?? 0) + 1);
  }
}

/**
 * Children per epic, for `epic-empty`. Children already in the scan are counted for free; epics with none there
 * are answered by `early` when it covers them, else by one ids-only search `parent in (…)` and a few bulk
 * fetches (at most `fetchLimit` children) that say whose they are. Epics left unknown (too many children outside
 * the scope) stay silent rather than being guessed.
 */
export async function countEpicChildren(
  jira: JiraClient,
  issues: readonly JiraIssue[],
  isEpic: (issue: JiraIssue) => boolean,
  early: EarlyChildren | undefined,
  fetchLimit: number,
  boundTo: string | undefined,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const scanned = new Set<string>();
  const epics: JiraIssue[] = [];
  countParents(issues, counts);
  for (const issue of issues) {
    scanned.add(issue.id);
    if (isEpic(issue)) epics.push(issue);
  }
  const candidates: string[] = [];
  for (const epic of epics) {
    if (counts.has(epic.key)) continue;
    if (early?.epics.has(epic.id) === true) counts.set(epic.key, early.outside.get(epic.key) ?? 0);
    else candidates.push(epic.key);
  }
  for (const key of candidates) counts.set(key, 0);
  if (candidates.length === 0) return counts;
  const childIds = (await jira.searchIds(inList('parent', candidates.slice(0, 1000)))).filter(
    (id) => !scanned.has(id),
  );
  if (childIds.length === 0) return counts;
  if (childIds.length > fetchLimit) {
    for (const key of candidates) counts.delete(key);
    return counts;
  }
  countParents(await jira.bulkFetch(childIds, ['parent']), counts, boundTo);
  return counts;
}

/**
 * Whether one issue (the issue panel's) has children, for `epic-empty`: asked only when a rule that needs it is on and
 * applies to the issue's type, as one search for a single child id. Undefined when not asked or when Jira
 * refuses the search: the rule then stays silent rather than guess.
 */
export async function childrenOfOne(
  jira: JiraClient,
  issue: JiraIssue,
  settings: ScanSettings,
): Promise<ReadonlyMap<string, number> | undefined> {
  const counting = childCountingRule(settings);
  if (counting === undefined || !childCountedTypes(counting)(issue)) return undefined;
  try {
    return new Map([[issue.key, (await jira.anyIssue(eq('parent', issue.key))) ? 1 : 0]]);
  } catch (error) {
    if (isForPlatform(error)) throw error;
    return undefined;
  }
}

/** What `countEpicChildren` reads of an issue already evaluated: its id, key, parent and type. */
export function familyOf(issue: JiraIssue): JiraIssue {
  return {
    id: issue.id,
    key: issue.key,
    fields: { parent: issue.fields.parent, issuetype: issue.fields.issuetype },
  };
}

/**
 * The enabled rule that needs children counted (`needs: ['childCount']`: `epic-empty`), whose issue types say
 * which issues wait for the counts; undefined when none is on, and no request is spent on children.
 */
export function childCountingRule(settings: Pick<ScanSettings, 'rules'>): EffectiveRule | undefined {
  return settings.rules.find((r) => r.enabled && r.rule.needs?.includes('childCount') === true);
}

/** The issue types the child-counting rule is configured for; empty when it applies to every type. */
export function epicTypesOf(setting: EffectiveRule | undefined): readonly string[] {
  const types = (setting?.options as { issueTypes?: unknown } | undefined)?.issueTypes;
  return Array.isArray(types) ? types.filter((type): type is string => typeof type === 'string') : [];
}

/** Whether the child-counting rule (as configured) applies to an issue, by its type: those wait for the counts. */
export function childCountedTypes(setting: EffectiveRule): (issue: JiraIssue) => boolean {
  return (issue) => {
    const type = (issue.fields.issuetype as { name?: unknown } | null | undefined)?.name;
    return optionsApplyToType(setting.options, typeof type === 'string' ? type.toLowerCase() : '');
  };
}
