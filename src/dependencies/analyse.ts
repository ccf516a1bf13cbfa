/**
 * The dependency report of a scope: oriented, de-duplicated blocking edges with their risk, the team × team
 * matrix, cycles, longest chains, what is ready next and which blockers hold the most work back.
 */
import { issueTable } from './intern';
import type { BlockingLink, DependencyIssue, DependencyReport, IssueSummary } from './model';
import { listDependencies } from './list';
import { analyseOpenGraph, readyNext } from './open-graph';
import { orientLinks } from './orient';
import { riskCounts, scorePairs } from './risk';
import { DEFAULT_RISK_RULES, type RiskRules } from './risk-rules';
import { tallyPairs } from './tally';

export { riskOf } from './risk';

export interface AnalysisInput {
  /** Every issue the user may see: the scope (`inScope`) and the blockers fetched from outside it. */
  readonly issues: readonly DependencyIssue[];
  /** Blocking links as read from any side; a pair read twice counts once. */
  readonly links: readonly BlockingLink[];
  /**
   * Ids of linked issues known to be invisible to the user (asked for and not returned, or a link with no
   * fields): a scope issue blocking one of them makes a hidden dependency with `blocked: null`. A blocked id
   * absent from `issues` and not listed here is an issue outside the scope, which the report leaves out.
   */
  readonly hiddenIds?: ReadonlySet<string>;
  readonly now: Date;
  /** The site's risk rules; the built-in ones when absent. */
  readonly rules?: RiskRules;
  /** How many chains and blast radii to list. */
  readonly top?: number;
}

function summaryOf(issue: DependencyIssue): IssueSummary {
  return {
    key: issue.key,
    summary: issue.summary,
    team: issue.team,
    status: issue.status,
    statusCategory: issue.statusCategory,
    assignee: issue.assignee,
    plannedDate: issue.plannedDate,
    storyPoints: issue.storyPoints,
    outsideScope: !issue.inScope,
  };
}

/** The day of `now` in UTC, as agreements compare their dates. */
const todayOf = (now: Date): string => now.toISOString().slice(0, 10);

/** The blockers whose agreements could not be read, named so that someone can mend the property. */
function unreadableAgreements(issues: readonly DependencyIssue[]): { unreadableAgreements?: string[] } {
  const keys = issues.filter((issue) => issue.agreementsProblem !== undefined).map((issue) => issue.key);
  return keys.length > 0 ? { unreadableAgreements: keys.sort() } : {};
}

/**
 * Builds the report. Dependencies are those whose blocked issue is in the scope; a blocker the user may not see
 * (absent from `issues`) is `hidden`: counted, its key and summary never shown, left out of the matrix and graph.
 * So is a blocked issue the user may not see (listed in `hiddenIds`) when a visible issue of the scope blocks it.
 */
export function analyseDependencies(input: AnalysisInput): DependencyReport {
  const rules = input.rules ?? DEFAULT_RISK_RULES;
  const top = input.top ?? 20;
  const issues = input.issues;
  const n = issues.length;
  const table = issueTable(issues);
  const summaries: (IssueSummary | undefined)[] = new Array<IssueSummary | undefined>(n);
  const summaryAt = (index: number): IssueSummary =>
    (summaries[index] ??= summaryOf(issues[index] as DependencyIssue));

  const oriented = orientLinks(input.links, table, input.hiddenIds);
  const { pairs, hiddenBlocked } = oriented;
  const risks = scorePairs(pairs, issues, table, input.now, rules);
  const tally = tallyPairs(pairs, risks, table, n);
  return {
    scanned: table.inScope.reduce((sum, flag) => sum + flag, 0),
    teams: tally.teams,
    dependencies: listDependencies(issues, table, oriented, risks, summaryAt, todayOf(input.now)),
    matrix: tally.matrix,
    readyNext: readyNext(issues, table.done, table.rank, pairs.blocker, pairs.blocked),
    counts: {
      ...riskCounts(risks.counts, hiddenBlocked.size),
      crossTeam: tally.crossTeam,
      outsideScope: tally.outsideScope,
    },
    ...unreadableAgreements(issues),
    ...analyseOpenGraph(
      issues,
      table,
      {
        from: tally.openFrom,
        to: tally.openTo,
        outsideFrom: oriented.outsideFrom,
        outsideTo: oriented.outsideTo,
      },
      top,
    ),
  };
}
