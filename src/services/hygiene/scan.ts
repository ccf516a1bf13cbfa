import type { JiraClient, JiraIssue, Progress } from '../../atlassian/jira';
import { allOf, eq, inList } from '../../atlassian/jql';
import { chunksOf } from '../../atlassian/request';
import { isForPlatform } from '../../atlassian/transport';
import { effectiveRules, fieldMapOf, type EffectiveRule, type OrgConfig } from '../../hygiene/config';
import {
  activeAcknowledgements,
  evaluateIssue,
  evaluateIssues,
  type EvaluateOptions,
  type IssueResult,
} from '../../hygiene/evaluate';
import { summarise, type HygieneSummary } from '../../hygiene/report';
import { boundToProject, projectOfKey } from '../../hygiene/project-bound';
import { optionsApplyToType } from '../../hygiene/rule-kit';
import type { Acknowledgement, FieldMap } from '../../hygiene/types';
import type { KeyValueStore } from '../ports';
import { confluencePagePath } from '../../contract/templates';
import {
  discoveredFieldMap,
  installedProcessPage,
  loadOrgConfig,
  loadProjectConfig,
  type ProcessPage,
} from './store';

/** What a scan needs besides the issues: the rules in force, where the fields live, the time, the acks. */
export interface ScanSettings {
  readonly rules: readonly EffectiveRule[];
  readonly fieldMap: FieldMap;
  readonly now: number;
  readonly acknowledgements: readonly Acknowledgement[];
}

/** The entity property each issue carries, indexed for JQL (`hygiene.score < 80`, `hygiene.rules = stale-in-progress`). */
export const PROPERTY_KEY = 'vertebra-hygiene';
export interface HygieneProperty {
  readonly score: number;
  readonly rules: readonly string[];
}

export function propertyOf(result: IssueResult): HygieneProperty {
  return {
    score: result.score,
    rules: result.findings.filter((f) => f.kind === 'violation').map((f) => f.rule),
  };
}

/**
 * Bulk fetches in flight during a report. Jira Cloud's rate limits are cost-based per user and app; about ten
 * concurrent reads of 100 issues stays clear of 429s in practice, and ten is what makes a 6,686-issue report
 * (67 pages) take 7 round trips instead of 9 at 8 in flight. More would only buy a round trip or two on the
 * largest scopes while raising the chance of being throttled (each 429 costs a Retry-After wait).
 */
export const REPORT_CONCURRENCY = 10;

/** Fields every scan reads whatever the rules: what reports and children counting show. */
const BASE_FIELDS = ['summary', 'issuetype', 'status', 'assignee', 'parent'];

/** The Jira fields to ask for: the union of what the enabled rules read, mapped fields resolved. */
export function fieldsToRead(rules: readonly EffectiveRule[], fieldMap: FieldMap): string[] {
  const fields = new Set(BASE_FIELDS);
  if (fieldMap.team !== undefined) fields.add(fieldMap.team);
  for (const setting of rules) {
    if (!setting.enabled) continue;
    for (const need of setting.rule.fields) {
      const id = typeof need === 'string' ? need : fieldMap[need.mapped];
      if (id !== undefined) fields.add(id);
    }
  }
  if (fields.has('statuscategorychangedate') || fields.has('status')) fields.add('statuscategorychangedate');
  return [...fields];
}

/**
 * The settings in force for a project (organisation defaults, the project's overrides where allowed), with
 * the field map discovered once a day. `only` narrows to some rule ids (the CLI's `--rules`).
 */
export async function loadSettings(
  store: KeyValueStore,
  jira: JiraClient,
  options: {
    projectKey?: string | undefined;
    now: number;
    only?: readonly string[] | undefined;
    acknowledgements: readonly Acknowledgement[];
    /** Replaces the stored organisation config (the CLI's `--config FILE`). */
    org?: OrgConfig | undefined;
  },
): Promise<ScanSettings> {
  // Independent reads at once: on Forge each is a round trip to the store.
  const [org, discovered, processPage] = await Promise.all([
    options.org ?? loadOrgConfig(store),
    discoveredFieldMap(store, jira, options.now),
    installedProcessPage(store),
  ]);
  const project = await loadProjectConfig(store, options.projectKey, org);
  const key = JSON.stringify([org, project, discovered, processPage ?? null, options.only ?? null]);
  let cached = settingsCache.get(key);
  if (cached === undefined) {
    const only = options.only === undefined ? undefined : new Set(options.only);
    const rules = effectiveRules(org, project).map((setting) => ({
      ...setting,
      enabled: setting.enabled && (only === undefined || only.has(setting.rule.id)),
      processUrl: setting.processUrl ?? (processPage && processPageUrl(processPage, setting.rule.id)),
    }));
    cached = { rules, fieldMap: fieldMapOf(org, discovered, project) };
    // A warm Forge function (or the playground) keeps this between invocations; a handful of configs at most.
    if (settingsCache.size >= 32) settingsCache.clear();
    settingsCache.set(key, cached);
  }
  return { ...cached, now: options.now, acknowledgements: options.acknowledgements };
}

/**
 * A rule's place on the product-ops "Jira hygiene" page, site-relative (the app's frame prefixes the site): the
 * page explains every rule under an anchor `rule-<id>`.
 */
function processPageUrl(page: ProcessPage, ruleId: string): string {
  return `${confluencePagePath(page.spaceKey, page.pageId)}#rule-${ruleId}`;
}

/** Effective rules per stored configuration: parsing 17 option schemas on every panel load is wasted work. */
const settingsCache = new Map<string, Pick<ScanSettings, 'rules' | 'fieldMap'>>();

/** At most this many child ids are fetched to tell empty epics apart: the request budget of a report. */
const CHILD_FETCH_LIMIT = 300;

/**
 * Children of the scope's epics that lie outside the scope, by epic key, looked up while the scan's pages load
 * so that the report does not wait one more round trip at its end. `epics` are the ids of the epics it covers.
 */
interface EarlyChildren {
  readonly epics: ReadonlySet<string>;
  readonly outside: ReadonlyMap<string, number>;
}

/**
 * At most this many children outside the scope are fetched early (two bulk fetches). With the field list and
 * the two searches, a report stays within ids pages + bulk pages + 5 requests. When the early lookup cannot
 * answer, its searches are spent: the lookup after the pages may then fetch one page of children only.
 */
const EARLY_FETCH_LIMIT = 200;
const LATE_FETCH_LIMIT_AFTER_EARLY = 100;

/**
 * Two searches while the pages load: the epics of the scope (`scope AND issuetype in (…)`), then all their
 * children; those the scope does not hold are fetched (parent only) and counted per epic. Undefined when this
 * cannot answer (over 1000 epics, more than 200 children outside the scope, a search
 * Jira refuses): the scan then asks after its pages, as before.
 */
async function earlyChildren(
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
async function countEpicChildren(
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
 * Whether one issue (the issue panel's) has children, for `epic-empty`: asked only when that rule is on and
 * applies to the issue's type, as one search for a single child id. Undefined when not asked or when Jira
 * refuses the search: the rule then stays silent rather than guess.
 */
export async function childrenOfOne(
  jira: JiraClient,
  issue: JiraIssue,
  settings: ScanSettings,
): Promise<ReadonlyMap<string, number> | undefined> {
  const epicEmpty = settings.rules.find((r) => r.rule.id === 'epic-empty' && r.enabled);
  if (epicEmpty === undefined || !childCountedTypes(epicEmpty)(issue)) return undefined;
  try {
    return new Map([[issue.key, (await jira.anyIssue(eq('parent', issue.key))) ? 1 : 0]]);
  } catch (error) {
    if (isForPlatform(error)) throw error;
    return undefined;
  }
}

/** Evaluates fetched issues with the settings; children counts make `epic-empty` speak. */
export function evaluateFetched(
  issues: readonly JiraIssue[],
  settings: ScanSettings,
  children?: ReadonlyMap<string, number>,
): IssueResult[] {
  return evaluateIssues(issues, {
    rules: settings.rules,
    fieldMap: settings.fieldMap,
    context: {
      now: settings.now,
      childCount: children === undefined ? undefined : (key) => children.get(key),
    },
    acknowledgements: activeAcknowledgements(settings.acknowledgements, settings.now),
  });
}

export interface ScanOutcome {
  readonly results: IssueResult[];
  readonly summary: HygieneSummary;
  readonly ids: readonly string[];
}

/**
 * The report over a JQL scope in as few requests as Jira allows: ids in pages of 5000, bulk fetch 100 at a
 * time with a few calls in flight, then children of epics. The issues of the first id page are fetched while
 * the next id page loads, and the ids are asked for while `settings` load (pass the promise to overlap them).
 * The JQL is the user's own: Jira's refusal surfaces as an `AtlassianError` with Jira's message.
 */
export async function scanJql(
  jira: JiraClient,
  jql: string,
  settings: ScanSettings | PromiseLike<ScanSettings>,
  options: { onProgress?: (progress: Progress) => void } = {},
): Promise<ScanOutcome> {
  return scanPages(jira, jira.searchIdPages(jql), settings, { ...options, scope: jql });
}

/** `/issue/bulkfetch` takes at most 100 issues a call. */
const BULK_FETCH_SIZE = 100;

/**
 * Fetches `ids` 100 at a time, `REPORT_CONCURRENCY` calls in flight, and evaluates each page as it arrives, so
 * that rule evaluation overlaps the network waits instead of following them. Only issues a rule needs children
 * counts for (the types `epic-empty` applies to) wait for the end, when those counts are known.
 */
export async function scanIds(
  jira: JiraClient,
  ids: readonly string[],
  settings: ScanSettings | PromiseLike<ScanSettings>,
  options: {
    onProgress?: (progress: Progress) => void;
    countChildren?: boolean;
    /** The JQL the ids came from: then the children of its epics are looked up early. */
    scope?: string;
    /**
     * Judge the issues as a reader who may browse only this project would (`boundToProject`; children of
     * epics counted in it only): for figures computed as the app and shown to whoever browses the project.
     */
    boundTo?: string;
  } = {},
): Promise<ScanOutcome> {
  return scanPages(jira, [ids], settings, options);
}

interface FetchedPage {
  readonly issues: JiraIssue[];
  readonly results: (IssueResult | undefined)[];
}

/** `scanIds` over ids that arrive page by page: bulk fetches start as soon as the first ids are known. */
async function scanPages(
  jira: JiraClient,
  idPages: AsyncIterable<readonly string[]> | Iterable<readonly string[]>,
  settingsOrPromise: ScanSettings | PromiseLike<ScanSettings>,
  options: {
    onProgress?: (progress: Progress) => void;
    countChildren?: boolean;
    scope?: string;
    boundTo?: string;
  },
): Promise<ScanOutcome> {
  const ids: string[] = [];
  const chunks: string[][] = [];
  let listed = false;
  let done = 0;
  let sleeping: (() => void)[] = [];
  const wake = (): void => {
    const woken = sleeping;
    sleeping = [];
    for (const resume of woken) resume();
  };
  const listing = (async () => {
    try {
      for await (const page of idPages) {
        for (const id of page) ids.push(id);
        chunks.push(...chunksOf(page, BULK_FETCH_SIZE));
        options.onProgress?.({ done, total: ids.length });
        wake();
      }
    } finally {
      listed = true;
      wake();
    }
  })();
  // Should the settings fail, the listing's own failure (if any) must not go unhandled.
  listing.catch(() => undefined);
  const settings = await settingsOrPromise;

  const fields = fieldsToRead(settings.rules, settings.fieldMap);
  const evaluation = evaluationOptions(settings);
  const epicEmpty = settings.rules.find((r) => r.rule.id === 'epic-empty' && r.enabled);
  const countChildren = epicEmpty !== undefined && options.countChildren !== false;
  const waitsForChildren = countChildren ? childCountedTypes(epicEmpty) : () => false;
  // With the scope's JQL known, the children of its epics are looked up while the pages load (see earlyChildren).
  // Not when epic-empty applies to every type: no search finds "the epics" then. Undefined here means that no
  // request was spent on it, so the late lookup keeps its full budget.
  let early: Promise<EarlyChildren | undefined> | undefined;
  const epicTypes = epicTypesOf(epicEmpty);
  if (countChildren && options.scope !== undefined && epicTypes.length > 0) {
    const listed = listing.then(() => new Set(ids));
    listed.catch(() => undefined); // the listing's failure is the scan's to report
    early = earlyChildren(jira, options.scope, epicTypes, listed, options.boundTo);
  }

  const { boundTo } = options;
  const fetchPage = async (chunk: readonly string[]): Promise<FetchedPage> => {
    const answered = await jira.bulkFetch(chunk, fields);
    const fetched =
      boundTo === undefined ? answered : answered.map((issue) => boundToProject(issue, boundTo));
    done += chunk.length;
    options.onProgress?.({ done, total: ids.length });
    // Each page is evaluated and let go at once; only what children counting reads is kept (and the issues
    // that wait for those counts). Holding every fetched description until the end made the garbage collector
    // copy tens of megabytes on a large report.
    const results: (IssueResult | undefined)[] = [];
    const kept: JiraIssue[] = [];
    for (const issue of fetched) {
      const waits = waitsForChildren(issue);
      results.push(waits ? undefined : evaluateIssue(issue, evaluation));
      kept.push(waits || !countChildren ? issue : familyOf(issue));
    }
    return { issues: kept, results };
  };
  const pages: FetchedPage[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      const chunk = chunks[next];
      if (chunk !== undefined) {
        const index = next++;
        pages[index] = await fetchPage(chunk);
      } else if (listed) return;
      else await new Promise<void>((resume) => sleeping.push(resume));
    }
  };
  await Promise.all([listing, ...Array.from({ length: REPORT_CONCURRENCY }, worker)]);

  const issues = pages.flatMap((page) => page.issues);
  // When the early lookup was tried, its two searches spent budget: the late one fetches one page at most.
  const children = countChildren
    ? await countEpicChildren(
        jira,
        issues,
        waitsForChildren,
        await early,
        early === undefined ? CHILD_FETCH_LIMIT : LATE_FETCH_LIMIT_AFTER_EARLY,
        options.boundTo,
      )
    : undefined;
  const withChildren: EvaluateOptions = {
    ...evaluation,
    context: { ...evaluation.context, childCount: (key) => children?.get(key) },
  };
  const results: IssueResult[] = [];
  for (const page of pages) {
    page.results.forEach((result, index) => {
      const issue = page.issues[index];
      if (result !== undefined) results.push(result);
      else if (issue !== undefined) results.push(evaluateIssue(issue, withChildren));
    });
  }
  return { results, summary: summarise(results), ids };
}

/** What `countEpicChildren` reads of an issue already evaluated: its id, key, parent and type. */
function familyOf(issue: JiraIssue): JiraIssue {
  return {
    id: issue.id,
    key: issue.key,
    fields: { parent: issue.fields.parent, issuetype: issue.fields.issuetype },
  };
}

/** The engine's options for a scan; children counts are added once known. */
function evaluationOptions(settings: ScanSettings): EvaluateOptions {
  return {
    rules: settings.rules,
    fieldMap: settings.fieldMap,
    context: { now: settings.now, childCount: undefined },
    acknowledgements: activeAcknowledgements(settings.acknowledgements, settings.now),
  };
}

/** The issue types `epic-empty` is configured for; empty when it applies to every type. */
function epicTypesOf(setting: EffectiveRule | undefined): readonly string[] {
  const types = (setting?.options as { issueTypes?: unknown } | undefined)?.issueTypes;
  return Array.isArray(types) ? types.filter((type): type is string => typeof type === 'string') : [];
}

/** Whether `epic-empty` (as configured) applies to an issue, by its type: those wait for children counts. */
function childCountedTypes(setting: EffectiveRule): (issue: JiraIssue) => boolean {
  return (issue) => {
    const type = (issue.fields.issuetype as { name?: unknown } | null | undefined)?.name;
    return optionsApplyToType(setting.options, typeof type === 'string' ? type.toLowerCase() : '');
  };
}
