import type { JiraClient, JiraIssue, Progress } from '../../atlassian/jira';
import { chunksOf } from '../../atlassian/request';
import {
  activeAcknowledgements,
  evaluateIssue,
  evaluateIssues,
  type EvaluateOptions,
  type IssueResult,
} from '../../hygiene/evaluate';
import { summarise, type HygieneSummary } from '../../hygiene/report';
import { boundToProject } from '../../hygiene/project-bound';
import {
  CHILD_FETCH_LIMIT,
  childCountedTypes,
  childCountingRule,
  countEpicChildren,
  earlyChildren,
  epicTypesOf,
  familyOf,
  LATE_FETCH_LIMIT_AFTER_EARLY,
  type EarlyChildren,
} from './epic-children';
import { fieldsToRead, type ScanSettings } from './scan-settings';

/**
 * Bulk fetches in flight during a report. Jira Cloud's rate limits are cost-based per user and app; about ten
 * concurrent reads of 100 issues stays clear of 429s in practice, and saves round trips on a report of a few
 * thousand issues. More would only buy a round trip or two on the largest scopes while raising the chance of
 * being throttled (each 429 costs a Retry-After wait).
 */
export const REPORT_CONCURRENCY = 10;

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
  const counting = childCountingRule(settings);
  const countChildren = counting !== undefined && options.countChildren !== false;
  const waitsForChildren = countChildren ? childCountedTypes(counting) : () => false;
  // With the scope's JQL known, the children of its epics are looked up while the pages load (see earlyChildren).
  // Not when epic-empty applies to every type: no search finds "the epics" then. Undefined here means that no
  // request was spent on it, so the late lookup keeps its full budget.
  let early: Promise<EarlyChildren | undefined> | undefined;
  const epicTypes = epicTypesOf(counting);
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

/** The engine's options for a scan; children counts are added once known. */
function evaluationOptions(settings: ScanSettings): EvaluateOptions {
  return {
    rules: settings.rules,
    fieldMap: settings.fieldMap,
    context: { now: settings.now, childCount: undefined },
    acknowledgements: activeAcknowledgements(settings.acknowledgements, settings.now),
  };
}
