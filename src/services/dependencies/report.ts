/**
 * Builds the dependency report of a scope in three stages that a job can run in events of their own: `prepare`
 * reads the site's fields and link types once; `readScopePart` fetches some of the scope's ids (bulk fetch, only
 * the fields needed) and keeps what the analysis needs; `completeReport` fetches the blockers outside the scope
 * in bulk and hands plain data to the pure core. A blocker that cannot be fetched (deleted, or not visible to
 * the user) becomes "hidden". Inline and queued reports go through the same three, so they show the same figures.
 */
import { discoverFields } from '../../atlassian/fields';
import { type JiraClient, type JiraIssue } from '../../atlassian/jira';
import {
  AGREEMENTS_PROPERTY,
  analyseDependencies,
  blockingTypesById,
  dependencyFields,
  readBlockingLinks,
  readIssue,
  teamFields,
  DEFAULT_BLOCKING_WORDS,
  DEFAULT_RISK_RULES,
  type BlockingLink,
  type BlockingType,
  type BlockingWords,
  type DependencyIssue,
  type DependencyReport,
  type FieldIds,
  type RiskRules,
  type TeamBy,
  type TeamByOption,
} from '../../dependencies';
import { dependenciesRefusal } from '../refusals';

export interface ReportRequest {
  readonly jql: string;
  readonly teamBy: TeamByOption;
  readonly now: Date;
  readonly blockingWords?: BlockingWords;
  readonly riskRules?: RiskRules;
  /**
   * Also fetch the issues that scope issues block ("who waits on us", for one team's page); they count as
   * part of the report but not in `scanned`.
   */
  readonly includeWaitingIssues?: boolean;
  readonly onProgress?: (phase: 'scope' | 'blockers', done: number, total: number) => void;
}

export interface BuiltReport {
  readonly report: DependencyReport;
  readonly teamBy: TeamBy;
  /**
   * How many issues outside the scope were asked for, and how many of them came back; `loopBack`: how many
   * more were asked for afterwards because they close a loop back into the scope.
   */
  readonly outside: { readonly requested: number; readonly fetched: number; readonly loopBack: number };
}

/** The concrete team dimension on this site: `team` needs the site's Team field id. */
export function resolveTeamBy(option: TeamByOption, fieldIds: { team?: string | undefined }): TeamBy {
  if (option.kind !== 'team') return option;
  if (!fieldIds.team) {
    throw dependenciesRefusal('INVALID_INPUT', 'noTeamField');
  }
  return { kind: 'team', fieldId: fieldIds.team };
}

/** What every stage reads with, decided once per report (a job stores it with its scope). */
export interface ReportSetup {
  readonly fields: readonly string[];
  readonly teamBy: TeamBy;
  readonly fieldIds: FieldIds;
  /** The site's blocking link types by id, as pairs so that the setup survives JSON. */
  readonly blockingTypes: readonly (readonly [string, BlockingType])[];
  /** The site's risk rules; absent from a job started before they could be set (the built-in ones then). */
  readonly riskRules?: RiskRules;
}

/** Reads the site's fields and link types: which fields to fetch, the team dimension, what reads as blocking. */
export async function prepareReport(
  jira: JiraClient,
  teamByOption: TeamByOption,
  blockingWords: BlockingWords = DEFAULT_BLOCKING_WORDS,
  riskRules: RiskRules = DEFAULT_RISK_RULES,
): Promise<ReportSetup> {
  const [linkTypes, siteFields] = await Promise.all([jira.issueLinkTypes(), jira.fields()]);
  const discovered = discoverFields(siteFields);
  const teamBy = resolveTeamBy(teamByOption, discovered);
  const fieldIds: FieldIds = { storyPoints: discovered.storyPoints, sprint: discovered.sprint };
  const fields = [...new Set([...dependencyFields(fieldIds), ...teamFields(teamBy)])];
  const blockingTypes = [...blockingTypesById(linkTypes, blockingWords)];
  return { fields, teamBy, fieldIds, blockingTypes, riskRules };
}

/** A blocking link as read from a scope issue, and whether the link described its other side. */
export interface ReadLink extends BlockingLink {
  readonly described: boolean;
}

/**
 * Some of the scope's issues as the analysis needs them: issues with blocking links whole, the others by id,
 * key and team only (they count in `scanned` and name teams), which keeps a stored part small.
 */
export interface ScopePart {
  readonly linked: readonly DependencyIssue[];
  readonly links: readonly ReadLink[];
  readonly unlinked: readonly (readonly [id: string, key: string, team: string])[];
}

/**
 * The issue with only the agreements about issues it blocks: an entry for an issue no longer linked says
 * nothing to the report, and a stored part stays small whatever the property holds.
 */
function withLinkedAgreements(issue: DependencyIssue, links: readonly BlockingLink[]): DependencyIssue {
  if (!issue.agreements) return issue;
  const blocked = new Set(links.filter((l) => l.blockerId === issue.id).map((l) => l.blockedId));
  const { agreements, ...rest } = issue;
  const kept = agreements.filter((a) => blocked.has(a.blocked));
  return kept.length > 0 ? { ...rest, agreements: kept } : rest;
}

/** Fetches these scope ids as the user behind `jira` (ids Jira does not return are left out) and reads them. */
export async function readScopePart(
  jira: JiraClient,
  ids: readonly string[],
  setup: ReportSetup,
  onProgress?: (done: number, total: number) => void,
): Promise<ScopePart> {
  const issues = await jira.bulkFetch(ids, setup.fields, {
    properties: [AGREEMENTS_PROPERTY],
    onProgress: ({ done, total }) => onProgress?.(done, total),
  });
  const blockingTypes = new Map(setup.blockingTypes);
  const options = { teamBy: setup.teamBy, fieldIds: setup.fieldIds };
  const linked: DependencyIssue[] = [];
  const links: ReadLink[] = [];
  const unlinked: [string, string, string][] = [];
  for (const issue of issues) {
    // Links are read from the scope's issues only: an outside issue's own blockers are not part of the quarter.
    const read = readBlockingLinks(issue, blockingTypes);
    const dependencyIssue = readIssue(issue, options, true);
    if (read.links.length === 0) {
      unlinked.push([dependencyIssue.id, dependencyIssue.key, dependencyIssue.team]);
      continue;
    }
    linked.push(withLinkedAgreements(dependencyIssue, read.links));
    read.links.forEach((link, index) => {
      links.push({ ...link, described: read.others[index]?.described !== false });
    });
  }
  return { linked, links, unlinked };
}

/** An issue of the scope without blocking links, as the analysis reads it: it names a team and is counted. */
function unlinkedIssue([id, key, team]: readonly [string, string, string]): DependencyIssue {
  const dash = key.lastIndexOf('-');
  return {
    id,
    key,
    summary: '',
    projectKey: dash > 0 ? key.slice(0, dash) : key,
    team,
    status: '',
    statusCategory: 'new',
    assignee: null,
    plannedDate: null,
    storyPoints: null,
    updated: null,
    inScope: true,
  };
}

export interface CompleteOptions {
  readonly now: Date;
  /**
   * Also fetch the issues that scope issues block ("who waits on us", for one team's page); they count as
   * part of the report but not in `scanned`.
   */
  readonly includeWaitingIssues?: boolean;
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * The way back of loops that leave the scope by more than one issue: a blocker fetched from outside that is
 * itself blocked by an issue waiting on the scope (scope → waiting → blocker → scope). Only the blocker's own
 * links tell; the waiting issues are fetched as the user, so one the user may not see keeps its loop hidden.
 */
async function loopsBackIntoScope(
  jira: JiraClient,
  outside: readonly JiraIssue[],
  setup: ReportSetup,
  known: {
    readonly inScope: ReadonlySet<string>;
    readonly waiting: ReadonlySet<string>;
    readonly fetched: ReadonlySet<string>;
  },
): Promise<{ links: BlockingLink[]; issues: JiraIssue[]; requested: number }> {
  const blockingTypes = new Map(setup.blockingTypes);
  const links: BlockingLink[] = [];
  const missing = new Set<string>();
  for (const issue of outside) {
    for (const link of readBlockingLinks(issue, blockingTypes).links) {
      const other = link.blockerId;
      if (link.blockedId !== issue.id || known.inScope.has(other) || !known.waiting.has(other)) continue;
      links.push(link);
      if (!known.fetched.has(other)) missing.add(other);
    }
  }
  const issues =
    missing.size === 0
      ? []
      : await jira.bulkFetch([...missing], setup.fields, { properties: [AGREEMENTS_PROPERTY] });
  return { links, issues, requested: missing.size };
}

/** Fetches what the parts' links point to outside the scope, then analyses the whole. */
export async function completeReport(
  jira: JiraClient,
  parts: readonly ScopePart[],
  setup: ReportSetup,
  options: CompleteOptions,
): Promise<BuiltReport> {
  const issues: DependencyIssue[] = parts.flatMap((part) => [
    ...part.linked,
    ...part.unlinked.map(unlinkedIssue),
  ]);
  const inScope = new Set(issues.map((issue) => issue.id));
  const links: BlockingLink[] = [];
  const outsideIds = new Set<string>();
  // Issues waiting on the scope that the link shows without fields: not visible (or deleted), never fetched.
  const undescribed = new Set<string>();
  for (const { described, ...link } of parts.flatMap((part) => part.links)) {
    links.push(link);
    if (!inScope.has(link.blockerId)) outsideIds.add(link.blockerId);
    if (inScope.has(link.blockedId)) continue;
    if (options.includeWaitingIssues === true) outsideIds.add(link.blockedId);
    else if (!described) undescribed.add(link.blockedId);
  }
  const outside: JiraIssue[] =
    outsideIds.size === 0
      ? []
      : await jira.bulkFetch([...outsideIds], setup.fields, {
          properties: [AGREEMENTS_PROPERTY],
          onProgress: ({ done, total }) => options.onProgress?.(done, total),
        });

  const returned = new Set(outside.map((issue) => issue.id));
  const hiddenIds = new Set([...undescribed, ...[...outsideIds].filter((id) => !returned.has(id))]);
  const readOptions = { teamBy: setup.teamBy, fieldIds: setup.fieldIds };
  const waiting = new Set(links.filter((link) => inScope.has(link.blockerId)).map((link) => link.blockedId));
  for (const issue of outside) {
    // An issue waiting on the scope belongs to the report (so its dependency shows); a blocker from outside does not.
    const counts = options.includeWaitingIssues === true && waiting.has(issue.id);
    issues.push(readIssue(issue, readOptions, counts));
  }
  const loopBack = await loopsBackIntoScope(jira, outside, setup, { inScope, waiting, fetched: returned });
  links.push(...loopBack.links);
  for (const issue of loopBack.issues) issues.push(readIssue(issue, readOptions, false));
  const report = analyseDependencies({
    issues,
    links,
    hiddenIds,
    now: options.now,
    rules: setup.riskRules ?? DEFAULT_RISK_RULES,
  });
  return {
    report: { ...report, scanned: inScope.size },
    teamBy: setup.teamBy,
    outside: { requested: outsideIds.size, fetched: outside.length, loopBack: loopBack.requested },
  };
}

/** Reads the scope and everything its blocking links point to, then analyses it, in one go. */
export async function buildDependencyReport(jira: JiraClient, request: ReportRequest): Promise<BuiltReport> {
  const setup = await prepareReport(jira, request.teamBy, request.blockingWords, request.riskRules);
  const ids = await jira.searchIds(request.jql);
  const part = await readScopePart(jira, ids, setup, (done, total) => {
    request.onProgress?.('scope', done, total);
  });
  return completeReport(jira, [part], setup, {
    now: request.now,
    ...(request.includeWaitingIssues === undefined
      ? {}
      : { includeWaitingIssues: request.includeWaitingIssues }),
    onProgress: (done, total) => request.onProgress?.('blockers', done, total),
  });
}
