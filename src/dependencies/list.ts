/* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loops over typed arrays whose indices are in range by construction; a check per access would cost the 100,000-issue budget */
/**
 * The dependencies as the report lists them, in the order of `RISK_ORDER` (conflicts first), each in key order of
 * the blocked issue then of the blocker, created straight into their place.
 */
import { agreementOf, type Agreement } from './agreements';
import type { IssueTable } from './intern';
import type { Dependency, DependencyIssue, IssueSummary } from './model';
import type { OrientedLinks } from './orient';
import { HIDDEN_RISK, NO_REASONS, reasonsOf, RISK_ORDER, type PairRisks } from './risk';

/** Lists every pair, and the scope's links to issues the user may not see, as dependencies. */
export function listDependencies(
  issues: readonly DependencyIssue[],
  table: IssueTable,
  oriented: OrientedLinks,
  risks: PairRisks,
  summaryAt: (index: number) => IssueSummary,
  today: string,
): Dependency[] {
  const n = issues.length;
  const { pairs, hiddenBlockers, hiddenBlocked } = oriented;
  const { team, rank, indexOf } = table;
  const riskCounts = risks.counts;
  const next = new Int32Array(RISK_ORDER.length);
  for (let r = 1; r < RISK_ORDER.length; r++) next[r] = next[r - 1]! + riskCounts[r - 1]!;
  const dependencies = new Array<Dependency>(pairs.count);
  // Pairs come grouped by blocked issue: its summary and the end of the ids are made once per group.
  let blocked = -1;
  let blockedIssue: DependencyIssue | undefined;
  let blockedSummary: IssueSummary | undefined;
  let idEnd = '';
  for (let p = 0; p < pairs.count; p++) {
    const blocker = pairs.blocker[p]!;
    if (pairs.blocked[p] !== blocked || !blockedIssue || !blockedSummary) {
      blocked = pairs.blocked[p]!;
      blockedIssue = issues[blocked]!;
      blockedSummary = summaryAt(blocked);
      idEnd = `>${blockedIssue.id}`;
    }
    const riskNumber = risks.risk[p]!;
    const blockerIssue = blocker < n ? issues[blocker]! : undefined;
    dependencies[next[riskNumber]!++] = {
      id: (blockerIssue ? blockerIssue.id : hiddenBlockers[blocker - n]!) + idEnd,
      blocker: blockerIssue ? summaryAt(blocker) : null,
      blocked: blockedSummary,
      blockerTeam: blockerIssue ? blockerIssue.team : null,
      blockedTeam: blockedIssue.team,
      crossTeam: blockerIssue !== undefined && team[blocker] !== team[blocked],
      risk: RISK_ORDER[riskNumber]!,
      reasons: reasonsOf(risks.mask[p]!),
      linkTypes: pairs.typeLists[pairs.typeList[p]!]!,
      agreement: blockerIssue?.agreements ? agreementWith(blockerIssue, blockedIssue.id, today) : null,
    };
  }

  if (hiddenBlocked.size > 0) {
    // After the hidden blockers, before the ok ones: the list stays in the order of `RISK_ORDER`.
    const waiting = [...hiddenBlocked].map(([id, pair]): Dependency => ({
      id,
      blocker: summaryAt(pair.blocker),
      blocked: null,
      blockerTeam: issues[pair.blocker]!.team,
      blockedTeam: null,
      crossTeam: false,
      risk: 'hidden',
      reasons: NO_REASONS,
      linkTypes: [...pair.typeNames].sort(),
      // The blocked issue is one the user may not see: what was asked for it is not theirs to read.
      agreement: null,
    }));
    waiting.sort((a, b) => rank[indexOf(idOf(a))]! - rank[indexOf(idOf(b))]! || a.id.localeCompare(b.id));
    let hiddenEnd = 0;
    for (let r = 0; r <= HIDDEN_RISK; r++) hiddenEnd += riskCounts[r]!;
    dependencies.splice(hiddenEnd, 0, ...waiting);
  }
  return dependencies;
}

/** What the blocker's team agreed with this blocked issue, judged on `today`. */
function agreementWith(blocker: DependencyIssue, blockedId: string, today: string): Agreement | null {
  const stored = blocker.agreements?.find((a) => a.blocked === blockedId);
  return stored ? agreementOf(stored, blocker.statusCategory === 'done', today) : null;
}

/** The blocker's issue id of a dependency (`<blocker id>><blocked id>`). */
const idOf = (dependency: Dependency): string => dependency.id.slice(0, dependency.id.indexOf('>'));
