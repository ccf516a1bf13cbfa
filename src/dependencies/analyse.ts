/* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loops over typed arrays whose indices are in range by construction; a check per access would cost the 100,000-issue budget */
/**
 * The dependency report of a scope: oriented, de-duplicated blocking edges with their risk, the team × team
 * matrix, cycles, longest chains, what is ready next and which blockers hold the most work back.
 */
import { buildGraph, condense, largestReaches, longestChains, stronglyConnectedComponents } from './graph';
import {
  type BlastRadius,
  type BlockingLink,
  type Dependency,
  type DependencyIssue,
  type DependencyReport,
  type IssueSummary,
  type Risk,
  type RiskReason,
  type TeamCell,
} from './model';
import { issueTable } from './intern';
import { blockingPairs } from './pairs';
import { DEFAULT_STALE_DAYS, isStaleInProgress } from './stale';

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
  readonly staleDays?: number;
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

/** The risk of one visible blocker for the issue it blocks, with the reasons a planner can act on. */
export function riskOf(
  blocker: DependencyIssue,
  blocked: DependencyIssue,
  now: Date,
  staleDays: number = DEFAULT_STALE_DAYS,
): { risk: Risk; reasons: readonly RiskReason[] } {
  return pairRisk(blocker, blocked, blockerReasons([blocker], now, staleDays)(0));
}

/**
 * Builds the report. Dependencies are those whose blocked issue is in the scope; a blocker the user may not see
 * (absent from `issues`) is `hidden`: counted, its key and summary never shown, left out of the matrix and graph.
 * So is a blocked issue the user may not see (listed in `hiddenIds`) when a visible issue of the scope blocks it.
 */
export function analyseDependencies(input: AnalysisInput): DependencyReport {
  const staleDays = input.staleDays ?? DEFAULT_STALE_DAYS;
  const top = input.top ?? 20;
  const issues = input.issues;
  const n = issues.length;
  const table = issueTable(issues);
  const { indexOf, inScope, done, team, teamNames, dateRank, rank } = table;
  const issueAtRank = new Int32Array(n);
  for (let i = 0; i < n; i++) issueAtRank[rank[i]!] = i;
  const summaries: (IssueSummary | undefined)[] = new Array<IssueSummary | undefined>(n);
  const summaryAt = (index: number): IssueSummary =>
    (summaries[index] ??= summaryOf(issues[index] as DependencyIssue));
  const reasonsOf = blockerReasons(issues, input.now, staleDays);

  // Orient every link onto issue numbers, in the links' own order (reading each link object once);
  // blockers the user cannot see are numbered after the visible issues.
  const links = input.links;
  const hiddenIndex = new Map<string, number>();
  const hiddenIds: string[] = [];
  const linkBlocker = new Int32Array(links.length);
  const linkBlocked = new Int32Array(links.length).fill(-1);
  const linkType = new Int32Array(links.length);
  const typeNumbers = new Map<string, number>();
  const typeNames: string[] = [];
  let lastType: string | undefined;
  let lastTypeNumber = -1;
  const perBlocked = new Int32Array(n + 1);
  const hiddenBlocked = new Map<string, { blocker: number; typeNames: Set<string>; blockedId: string }>();
  for (let l = 0; l < links.length; l++) {
    const link = links[l]!;
    const blocked = indexOf(link.blockedId);
    if (blocked === -1 && input.hiddenIds?.has(link.blockedId) === true) {
      // Rare (a few per site): kept aside rather than in the typed columns built for visible pairs.
      const blocker = indexOf(link.blockerId);
      if (blocker !== -1 && inScope[blocker] === 1) {
        const key = `${link.blockerId}>${link.blockedId}`;
        const pair = hiddenBlocked.get(key) ?? {
          blocker,
          typeNames: new Set<string>(),
          blockedId: link.blockedId,
        };
        pair.typeNames.add(link.typeName);
        hiddenBlocked.set(key, pair);
      }
      continue;
    }
    if (blocked === -1 || inScope[blocked] === 0 || link.blockerId === link.blockedId) continue;
    let blocker = indexOf(link.blockerId);
    if (blocker === -1) {
      blocker = hiddenIndex.get(link.blockerId) ?? -1;
      if (blocker === -1) {
        blocker = n + hiddenIds.length;
        hiddenIndex.set(link.blockerId, blocker);
        hiddenIds.push(link.blockerId);
      }
    }
    if (link.typeName !== lastType) {
      lastType = link.typeName;
      let number = typeNumbers.get(lastType);
      if (number === undefined) {
        number = typeNames.length;
        typeNumbers.set(lastType, number);
        typeNames.push(lastType);
      }
      lastTypeNumber = number;
    }
    linkType[l] = lastTypeNumber;
    linkBlocker[l] = blocker;
    linkBlocked[l] = blocked;
    perBlocked[rank[blocked]! + 1]! += 1;
  }
  const pairs = blockingPairs(rank, issueAtRank, perBlocked, linkBlocker, linkBlocked, linkType, typeNames);

  // The risk of each pair, the counts, the matrix and the open graph, from columns of numbers.
  const pairCount = pairs.count;
  const pairRisk = new Uint8Array(pairCount);
  const pairMask = new Uint8Array(pairCount);
  const openFrom = new Int32Array(pairCount);
  const openTo = new Int32Array(pairCount);
  let openCount = 0;
  const teams = new Set<string>();
  for (let i = 0; i < n; i++) if (inScope[i] === 1) teams.add(teamNames[team[i]!]!);
  const teamSeen = new Uint8Array(teamNames.length);
  const cells = teamCells(teamNames.length);
  const riskCounts = new Int32Array(RISK_ORDER.length);
  let crossTeamCount = 0;
  let outsideScopeCount = 0;
  for (let p = 0; p < pairCount; p++) {
    const blocker = pairs.blocker[p]!;
    const blocked = pairs.blocked[p]!;
    let risk: number;
    if (blocker >= n) risk = HIDDEN_RISK;
    else if (done[blocker] === 1 || done[blocked] === 1) risk = RESOLVED_RISK;
    else {
      const late = dateRank[blocker]! > dateRank[blocked]! && dateRank[blocked] !== -1;
      const mask = reasonsOf(blocker) | (late ? LATE : 0);
      pairMask[p] = mask;
      risk = mask === 0 ? OK_RISK : AT_RISK;
    }
    pairRisk[p] = risk;
    riskCounts[risk]!++;
    if (blocker >= n) continue;
    if (team[blocker] !== team[blocked]) crossTeamCount++;
    if (inScope[blocker] === 0) outsideScopeCount++;
    if (teamSeen[team[blocker]!] === 0) {
      teamSeen[team[blocker]!] = 1;
      teams.add(teamNames[team[blocker]!]!);
    }
    cells.add(team[blocker]!, team[blocked]!, risk === AT_RISK);
    if (risk !== RESOLVED_RISK) {
      openFrom[openCount] = blocker;
      openTo[openCount++] = blocked;
    }
  }

  // The dependencies, at-risk first then hidden, ok and resolved, each in key order of the blocked issue then
  // of the blocker: created straight into their place.
  const next = new Int32Array(RISK_ORDER.length);
  for (let r = 1; r < RISK_ORDER.length; r++) next[r] = next[r - 1]! + riskCounts[r - 1]!;
  const dependencies = new Array<Dependency>(pairCount);
  // Pairs come grouped by blocked issue: its summary and the end of the ids are made once per group.
  let blocked = -1;
  let blockedIssue: DependencyIssue | undefined;
  let blockedSummary: IssueSummary | undefined;
  let idEnd = '';
  for (let p = 0; p < pairCount; p++) {
    const blocker = pairs.blocker[p]!;
    if (pairs.blocked[p] !== blocked || !blockedIssue || !blockedSummary) {
      blocked = pairs.blocked[p]!;
      blockedIssue = issues[blocked]!;
      blockedSummary = summaryAt(blocked);
      idEnd = `>${blockedIssue.id}`;
    }
    const riskNumber = pairRisk[p]!;
    const risk = RISK_ORDER[riskNumber]!;
    const blockerIssue = blocker < n ? issues[blocker]! : undefined;
    dependencies[next[riskNumber]!++] = {
      id: (blockerIssue ? blockerIssue.id : hiddenIds[blocker - n]!) + idEnd,
      blocker: blockerIssue ? summaryAt(blocker) : null,
      blocked: blockedSummary,
      blockerTeam: blockerIssue ? blockerIssue.team : null,
      blockedTeam: blockedIssue.team,
      crossTeam: blockerIssue !== undefined && team[blocker] !== team[blocked],
      risk,
      reasons: riskNumber === AT_RISK ? REASON_LISTS[pairMask[p]!]! : NO_REASONS,
      linkTypes: pairs.typeLists[pairs.typeList[p]!]!,
    };
  }

  if (hiddenBlocked.size > 0) {
    // After the hidden blockers, before the ok ones: the list stays at-risk, hidden, ok, resolved.
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
    }));
    waiting.sort((a, b) => rank[indexOf(idOf(a))]! - rank[indexOf(idOf(b))]! || a.id.localeCompare(b.id));
    dependencies.splice(riskCounts[AT_RISK]! + riskCounts[HIDDEN_RISK]!, 0, ...waiting);
  }

  return {
    scanned: inScope.reduce((sum, flag) => sum + flag, 0),
    teams: [...teams].sort((a, b) => a.localeCompare(b)),
    dependencies,
    matrix: cells.matrix(teamNames),
    readyNext: readyNext(issues, done, rank, pairs.blocker, pairs.blocked),
    counts: {
      ok: riskCounts[OK_RISK]!,
      'at-risk': riskCounts[AT_RISK]!,
      resolved: riskCounts[RESOLVED_RISK]!,
      hidden: riskCounts[HIDDEN_RISK]! + hiddenBlocked.size,
      crossTeam: crossTeamCount,
      outsideScope: outsideScopeCount,
    },
    ...analyseOpenGraph(issues, rank, openFrom.subarray(0, openCount), openTo.subarray(0, openCount), top),
  };
}

/** The blocker's issue id of a dependency (`<blocker id>><blocked id>`). */
const idOf = (dependency: Dependency): string => dependency.id.slice(0, dependency.id.indexOf('>'));

/** Risks by number, in the order the report lists them. */
const RISK_ORDER: readonly Risk[] = ['at-risk', 'hidden', 'ok', 'resolved'];
const AT_RISK = 0;
const HIDDEN_RISK = 1;
const OK_RISK = 2;
const RESOLVED_RISK = 3;

/**
 * The team × team counts, kept by team numbers; cells are listed in the order the dependencies first meet
 * them, as the report has always listed them.
 */
function teamCells(teamCount: number): {
  add: (from: number, to: number, atRisk: boolean) => void;
  matrix: (teamNames: readonly string[]) => TeamCell[];
} {
  const slotOf = new Map<number, number>();
  const count: number[] = [];
  const atRisk: number[] = [];
  const cellFrom: number[] = [];
  const cellTo: number[] = [];
  return {
    add(from, to, risky) {
      const key = from * teamCount + to;
      let slot = slotOf.get(key);
      if (slot === undefined) {
        slot = count.length;
        slotOf.set(key, slot);
        count.push(0);
        atRisk.push(0);
        cellFrom.push(from);
        cellTo.push(to);
      }
      count[slot]!++;
      if (risky) atRisk[slot]!++;
    },
    matrix(teamNames) {
      return count.map((cellCount, slot) => ({
        blockerTeam: teamNames[cellFrom[slot]!]!,
        blockedTeam: teamNames[cellTo[slot]!]!,
        count: cellCount,
        atRisk: atRisk[slot]!,
      }));
    },
  };
}

/**
 * What makes each blocker risky whatever it blocks (no date, nobody on it, stale), computed once per issue;
 * the combinations share one array each, so 300,000 dependencies do not mean 300,000 arrays.
 */
function blockerReasons(
  issues: readonly DependencyIssue[],
  now: Date,
  staleDays: number,
): (index: number) => number {
  const flags = new Uint8Array(issues.length);
  issues.forEach((issue, index) => {
    flags[index] =
      (issue.plannedDate === null ? UNSCHEDULED : 0) |
      (issue.assignee === null ? UNASSIGNED : 0) |
      (isStaleInProgress(issue, now, staleDays) ? STALE : 0);
  });
  return (index) => flags[index] ?? 0;
}

const UNSCHEDULED = 1;
const LATE = 2;
const UNASSIGNED = 4;
const STALE = 8;
const REASON_LISTS: readonly (readonly RiskReason[])[] = Array.from({ length: 16 }, (_, mask) => {
  const reasons: RiskReason[] = [];
  if (mask & UNSCHEDULED) reasons.push('unscheduled');
  if (mask & LATE) reasons.push('scheduled-after-blocked');
  if (mask & UNASSIGNED) reasons.push('unassigned');
  if (mask & STALE) reasons.push('stale');
  return Object.freeze(reasons);
});

function pairRisk(
  blocker: DependencyIssue,
  blocked: DependencyIssue,
  blockerFlags: number,
): { risk: Risk; reasons: readonly RiskReason[] } {
  if (blocker.statusCategory === 'done' || blocked.statusCategory === 'done') return RESOLVED;
  const late =
    blocker.plannedDate !== null && blocked.plannedDate !== null && blocker.plannedDate > blocked.plannedDate;
  const mask = blockerFlags | (late ? LATE : 0);
  return mask === 0 ? OK : { risk: 'at-risk', reasons: REASON_LISTS[mask] as readonly RiskReason[] };
}

const NO_REASONS: readonly RiskReason[] = [];
const RESOLVED = { risk: 'resolved', reasons: NO_REASONS } as const satisfies {
  risk: Risk;
  reasons: readonly RiskReason[];
};
const OK = { risk: 'ok', reasons: NO_REASONS } as const satisfies {
  risk: Risk;
  reasons: readonly RiskReason[];
};

const KEY_ORDER = new Intl.Collator('en', { numeric: true });

/** "PAY-9" before "PAY-10". */
function compareKeys(a: string, b: string): number {
  return KEY_ORDER.compare(a, b);
}

/** Open issues of the scope that had blockers and whose blockers are all visible and done. */
function readyNext(
  issues: readonly DependencyIssue[],
  done: Uint8Array,
  rank: Int32Array,
  pairBlocker: Int32Array,
  pairBlocked: Int32Array,
): string[] {
  const n = issues.length;
  // 0: no blocker seen, 1: every blocker done so far, 2: waiting on something.
  const state = new Uint8Array(n);
  for (let p = 0; p < pairBlocked.length; p++) {
    const blocked = pairBlocked[p]!;
    const blocker = pairBlocker[p]!;
    if (done[blocked] === 1) continue;
    const cleared = blocker < n && done[blocker] === 1;
    state[blocked] = !cleared || state[blocked] === 2 ? 2 : 1;
  }
  const ready: number[] = [];
  for (let i = 0; i < n; i++) if (state[i] === 1) ready.push(i);
  return ready.sort((a, b) => rank[a]! - rank[b]!).map((i) => (issues[i] as DependencyIssue).key);
}

/** How many keys of a loop a chain lists. */
const CHAIN_LOOP_KEYS = 20;

/** Cycles, chains and blast radii, on the graph of blockers that are still open. */
function analyseOpenGraph(
  issues: readonly DependencyIssue[],
  rank: Int32Array,
  openFrom: Int32Array,
  openTo: Int32Array,
  top: number,
): Pick<DependencyReport, 'cycles' | 'chains' | 'blastRadius'> {
  // Renumber the issues that take part, so the graph is as small as the open work.
  const nodeOf = new Int32Array(issues.length).fill(-1);
  const issueOf: number[] = [];
  const node = (index: number): number => {
    let id = nodeOf[index]!;
    if (id === -1) {
      id = nodeOf[index] = issueOf.length;
      issueOf.push(index);
    }
    return id;
  };
  // Blockers numbered first, then blocked issues: the numbering decides ties between equal chains.
  const from = new Int32Array(openFrom.length);
  for (let e = 0; e < openFrom.length; e++) from[e] = node(openFrom[e]!);
  const to = new Int32Array(openTo.length);
  for (let e = 0; e < openTo.length; e++) to[e] = node(openTo[e]!);
  const graph = buildGraph(issueOf.length, from, to);
  const components = stronglyConnectedComponents(graph);
  const { dag, size } = condense(graph, components);

  // Members of each component, grouped by a counting sort (one array, not one per component).
  const memberStart = new Int32Array(components.componentCount + 1);
  for (let c = 0; c < components.componentCount; c++) memberStart[c + 1] = memberStart[c]! + size[c]!;
  const memberFill = memberStart.slice(0, components.componentCount);
  const memberIssues = new Int32Array(graph.nodeCount);
  for (let v = 0; v < graph.nodeCount; v++)
    memberIssues[memberFill[components.componentOf[v]!]!++] = issueOf[v]!;
  const membersOf = (component: number): Int32Array =>
    memberIssues.subarray(memberStart[component], memberStart[component + 1]);
  const sortedKeys = new Map<number, string[]>();
  const keysOf = (component: number): string[] => {
    let keys = sortedKeys.get(component);
    if (!keys) {
      keys = Array.from(membersOf(component))
        .sort((x, y) => rank[x]! - rank[y]!)
        .map((index) => (issues[index] as DependencyIssue).key);
      sortedKeys.set(component, keys);
    }
    return keys;
  };

  const cycles: string[][] = [];
  for (let c = 0; c < components.componentCount; c++) if (size[c]! > 1) cycles.push(keysOf(c));
  cycles.sort((x, y) => y.length - x.length || compareKeys(x[0] ?? '', y[0] ?? ''));
  // A loop met along a chain is shown by its first keys: a chain through a loop of 5,000 issues would be unreadable.
  const chains = longestChains(dag, size, Math.min(top, 10)).map((chain) =>
    chain.flatMap((component) => keysOf(component).slice(0, CHAIN_LOOP_KEYS)),
  );

  const weight = new Float64Array(components.componentCount);
  for (let v = 0; v < graph.nodeCount; v++) {
    weight[components.componentOf[v]!]! += (issues[issueOf[v]!] as DependencyIssue).storyPoints ?? 0;
  }
  const blastRadius: BlastRadius[] = [];
  for (const reach of largestReaches(dag, size, weight, top)) {
    for (const index of membersOf(reach.component)) {
      const blocker = issues[index] as DependencyIssue;
      // Everything downstream waits on it, including the other members of its own cycle.
      const issuesWaiting = reach.members - 1;
      if (issuesWaiting === 0) continue;
      blastRadius.push({
        key: blocker.key,
        team: blocker.team,
        issues: issuesWaiting,
        storyPoints: reach.weight - (blocker.storyPoints ?? 0),
      });
    }
  }
  blastRadius.sort(
    (a, b) => b.issues - a.issues || b.storyPoints - a.storyPoints || compareKeys(a.key, b.key),
  );
  return { cycles, chains, blastRadius: blastRadius.slice(0, top) };
}
