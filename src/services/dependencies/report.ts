/**
 * Builds the dependency report of a scope: reads the scope's issues (ids, then bulk fetch with only the fields
 * needed), the site's link types, then the blockers outside the scope in bulk, and hands plain data to the
 * pure core. A blocker that cannot be fetched (deleted, or not visible to the user) becomes "hidden".
 */
import { discoverFields, type JiraClient, type JiraIssue } from '../../atlassian/jira';
import { AppError } from '../../contract/result';
import {
  analyseDependencies,
  blockingTypesById,
  dependencyFields,
  readBlockingLinks,
  readIssue,
  teamFields,
  DEFAULT_BLOCKING_WORDS,
  type BlockingLink,
  type BlockingWords,
  type DependencyIssue,
  type DependencyReport,
  type FieldIds,
  type TeamBy,
  type TeamByOption,
} from '../../dependencies';

export interface ReportRequest {
  readonly jql: string;
  readonly teamBy: TeamByOption;
  readonly now: Date;
  readonly blockingWords?: BlockingWords;
  readonly staleDays?: number;
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
  /** How many issues outside the scope were asked for, and how many of them came back. */
  readonly outside: { readonly requested: number; readonly fetched: number };
}

/** The concrete team dimension on this site: `team` needs the site's Team field id. */
export function resolveTeamBy(option: TeamByOption, fieldIds: { team?: string | undefined }): TeamBy {
  if (option.kind !== 'team') return option;
  if (!fieldIds.team) {
    throw new AppError(
      'INVALID_INPUT',
      'This site has no Atlassian Team field: pick another team dimension.',
    );
  }
  return { kind: 'team', fieldId: fieldIds.team };
}

/** Reads the scope and everything its blocking links point to, then analyses it. */
export async function buildDependencyReport(jira: JiraClient, request: ReportRequest): Promise<BuiltReport> {
  const [linkTypes, siteFields] = await Promise.all([jira.issueLinkTypes(), jira.fields()]);
  const discovered = discoverFields(siteFields);
  const teamBy = resolveTeamBy(request.teamBy, discovered);
  const fieldIds: FieldIds = { storyPoints: discovered.storyPoints, sprint: discovered.sprint };
  const fields = [...new Set([...dependencyFields(fieldIds), ...teamFields(teamBy)])];
  const blockingTypes = blockingTypesById(linkTypes, request.blockingWords ?? DEFAULT_BLOCKING_WORDS);

  const { issues: scope } = await jira.searchIssues(request.jql, fields, {
    onProgress: ({ done, total }) => request.onProgress?.('scope', done, total),
  });
  const inScope = new Set(scope.map((issue) => issue.id));
  const links: BlockingLink[] = [];
  const outsideIds = new Set<string>();
  // Issues waiting on the scope that the link shows without fields: not visible (or deleted), never fetched.
  const undescribed = new Set<string>();
  for (const issue of scope) {
    // Links are read from the scope's issues only: an outside issue's own blockers are not part of the quarter.
    const read = readBlockingLinks(issue, blockingTypes);
    read.links.forEach((link, index) => {
      links.push(link);
      if (!inScope.has(link.blockerId)) outsideIds.add(link.blockerId);
      if (inScope.has(link.blockedId)) return;
      if (request.includeWaitingIssues === true) outsideIds.add(link.blockedId);
      else if (read.others[index]?.described === false) undescribed.add(link.blockedId);
    });
  }
  const outside: JiraIssue[] =
    outsideIds.size === 0
      ? []
      : await jira.bulkFetch([...outsideIds], fields, {
          onProgress: ({ done, total }) => request.onProgress?.('blockers', done, total),
        });

  const returned = new Set(outside.map((issue) => issue.id));
  const hiddenIds = new Set([...undescribed, ...[...outsideIds].filter((id) => !returned.has(id))]);
  const options = { teamBy, fieldIds };
  const issues: DependencyIssue[] = scope.map((issue) => readIssue(issue, options, true));
  const waiting = new Set(links.filter((link) => inScope.has(link.blockerId)).map((link) => link.blockedId));
  for (const issue of outside) {
    // An issue waiting on the scope belongs to the report (so its dependency shows); a blocker from outside does not.
    const counts = request.includeWaitingIssues === true && waiting.has(issue.id);
    issues.push(readIssue(issue, options, counts));
  }
  const report = analyseDependencies({
    issues,
    links,
    hiddenIds,
    now: request.now,
    ...(request.staleDays === undefined ? {} : { staleDays: request.staleDays }),
  });
  return {
    report: { ...report, scanned: scope.length },
    teamBy,
    outside: { requested: outsideIds.size, fetched: outside.length },
  };
}
