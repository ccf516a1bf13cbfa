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
} from './model';
import { DEFAULT_STALE_DAYS, isStaleInProgress } from './stale';

export interface AnalysisInput {
  /** Every issue the user may see: the scope (`inScope`) and the blockers fetched from outside it. */
  readonly issues: readonly DependencyIssue[];
  /** Blocking links as read from any side; a pair read twice counts once. */
  readonly links: readonly BlockingLink[];
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

const HIDDEN: { risk: Risk; reasons: readonly RiskReason[] } = { risk: 'hidden', reasons: [] };

/**
 * Builds the report. Dependencies are those whose blocked issue is in the scope; a blocker the user may not see
 * (absent from `issues`) is `hidden`: counted, its key and summary never shown, left out of the matrix and graph.
 */
export function analyseDependencies(input: AnalysisInput): DependencyReport {
  const staleDays = input.staleDays ?? DEFAULT_STALE_DAYS;
  const top = input.top ?? 20;
  const issues = input.issues;
  const n = issues.length;
  const byId = new Map<string, number>();
  for (let i = 0; i < n; i++) byId.set((issues[i] as DependencyIssue).id, i);
  const rank = keyRanks(issues);
  const issueAtRank = new Int32Array(n);
  for (let i = 0; i < n; i++) issueAtRank[rank[i] as number] = i;
  const summaries: (IssueSummary | undefined)[] = new Array<IssueSummary | undefined>(n);
  const summaryAt = (index: number): IssueSummary =>
    (summaries[index] ??= summaryOf(issues[index] as DependencyIssue));
  const reasonsOf = blockerReasons(issues, input.now, staleDays);

  // Orient every link onto issue numbers; blockers the user cannot see are numbered after the visible issues.
  const links = input.links;
  const hiddenIndex = new Map<string, number>();
  const hiddenIds: string[] = [];
  const linkBlocker = new Int32Array(links.length);
  const linkBlocked = new Int32Array(links.length).fill(-1);
  const perBlocked = new Int32Array(n + 1);
  for (let l = 0; l < links.length; l++) {
    const link = links[l] as BlockingLink;
    const blocked = byId.get(link.blockedId);
    if (
      blocked === undefined ||
      !(issues[blocked] as DependencyIssue).inScope ||
      link.blockerId === link.blockedId
    )
      continue;
    let blocker = byId.get(link.blockerId);
    if (blocker === undefined) {
      blocker = hiddenIndex.get(link.blockerId);
      if (blocker === undefined) {
        blocker = n + hiddenIds.length;
        hiddenIndex.set(link.blockerId, blocker);
        hiddenIds.push(link.blockerId);
      }
    }
    linkBlocker[l] = blocker;
    linkBlocked[l] = blocked;
    perBlocked[(rank[blocked] as number) + 1]! += 1;
  }
  // Group links by blocked issue in key order (a counting sort: comparing keys 300,000 times is what is slow).
  for (let r = 0; r < n; r++) perBlocked[r + 1]! += perBlocked[r]!;
  const grouped = new Int32Array(perBlocked[n]!);
  const fill = perBlocked.slice(0, n);
  for (let l = 0; l < links.length; l++) {
    const blocked = linkBlocked[l]!;
    if (blocked !== -1) grouped[fill[rank[blocked]!]!++] = l;
  }

  const byRisk: Record<Risk, Dependency[]> = { 'at-risk': [], hidden: [], ok: [], resolved: [] };
  const pairBlocker: number[] = [];
  const pairBlocked: number[] = [];
  const openFrom: number[] = [];
  const openTo: number[] = [];
  const teams = new Set<string>();
  const matrix: Record<string, Record<string, { count: number; atRisk: number }>> = {};
  const counts = { ok: 0, 'at-risk': 0, resolved: 0, hidden: 0, crossTeam: 0, outsideScope: 0 };
  const typeLists = new Map<string, readonly string[]>();
  for (const issue of issues) if (issue.inScope) teams.add(issue.team);

  const groupBlockers: number[] = [];
  const groupTypes: string[][] = [];
  const blockerOrder = (b: number): number => (b < n ? (rank[b] as number) + 1 : 0);
  for (let r = 0; r < n; r++) {
    const start = perBlocked[r]!;
    const end = perBlocked[r + 1]!;
    if (start === end) continue;
    const blocked = issueAtRank[r]!;
    const blockedIssue = issues[blocked] as DependencyIssue;
    // One dependency per (blocker, blocked) pair, whichever issue the link was read from, however many types.
    groupBlockers.length = 0;
    groupTypes.length = 0;
    for (let g = start; g < end; g++) {
      const l = grouped[g]!;
      const blocker = linkBlocker[l]!;
      const typeName = (links[l] as BlockingLink).typeName;
      const seen = groupBlockers.indexOf(blocker);
      if (seen === -1) {
        groupBlockers.push(blocker);
        groupTypes.push([typeName]);
      } else if (!groupTypes[seen]!.includes(typeName)) groupTypes[seen]!.push(typeName);
    }
    // Blockers in key order inside the group (groups are small: an insertion sort allocates nothing).
    for (let i = 1; i < groupBlockers.length; i++) {
      const blocker = groupBlockers[i]!;
      const types = groupTypes[i]!;
      let j = i - 1;
      while (j >= 0 && blockerOrder(groupBlockers[j]!) > blockerOrder(blocker)) {
        groupBlockers[j + 1] = groupBlockers[j]!;
        groupTypes[j + 1] = groupTypes[j]!;
        j--;
      }
      groupBlockers[j + 1] = blocker;
      groupTypes[j + 1] = types;
    }
    for (let position = 0; position < groupBlockers.length; position++) {
      const blocker = groupBlockers[position]!;
      const types = groupTypes[position]!;
      // Dependencies share one list per combination of link types rather than one array each.
      const typeKey = types.length === 1 ? types[0]! : types.join('\u0000');
      let linkTypes = typeLists.get(typeKey);
      if (!linkTypes) typeLists.set(typeKey, (linkTypes = types));
      const blockerIssue = blocker < n ? (issues[blocker] as DependencyIssue) : undefined;
      const { risk, reasons } = blockerIssue
        ? pairRisk(blockerIssue, blockedIssue, reasonsOf(blocker))
        : HIDDEN;
      const crossTeam = blockerIssue !== undefined && blockerIssue.team !== blockedIssue.team;
      counts[risk]++;
      if (crossTeam) counts.crossTeam++;
      if (blockerIssue && !blockerIssue.inScope) counts.outsideScope++;
      pairBlocker.push(blocker);
      pairBlocked.push(blocked);
      byRisk[risk].push({
        id: `${blockerIssue ? blockerIssue.id : hiddenIds[blocker - n]}>${blockedIssue.id}`,
        blocker: blockerIssue ? summaryAt(blocker) : null,
        blocked: summaryAt(blocked),
        blockerTeam: blockerIssue?.team ?? null,
        blockedTeam: blockedIssue.team,
        crossTeam,
        risk,
        reasons,
        linkTypes,
      });
      if (!blockerIssue) continue;
      teams.add(blockerIssue.team);
      const row = (matrix[blockerIssue.team] ??= {});
      const cell = (row[blockedIssue.team] ??= { count: 0, atRisk: 0 });
      cell.count++;
      if (risk === 'at-risk') cell.atRisk++;
      if (risk !== 'resolved') {
        openFrom.push(blocker);
        openTo.push(blocked);
      }
    }
  }

  return {
    scanned: issues.reduce((sum, issue) => sum + (issue.inScope ? 1 : 0), 0),
    teams: [...teams].sort((a, b) => a.localeCompare(b)),
    dependencies: [...byRisk['at-risk'], ...byRisk.hidden, ...byRisk.ok, ...byRisk.resolved],
    matrix,
    readyNext: readyNext(issues, rank, pairBlocker, pairBlocked),
    counts,
    ...analyseOpenGraph(issues, rank, openFrom, openTo, top),
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
export function compareKeys(a: string, b: string): number {
  return KEY_ORDER.compare(a, b);
}

/** The position of each issue in key order ("PAY-9" before "PAY-10"), computed once. */
function keyRanks(issues: readonly DependencyIssue[]): Int32Array {
  const n = issues.length;
  const prefix: string[] = new Array<string>(n);
  const number = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const key = (issues[i] as DependencyIssue).key;
    const dash = key.lastIndexOf('-');
    const suffix = Number(key.slice(dash + 1));
    prefix[i] = dash > 0 && Number.isFinite(suffix) ? key.slice(0, dash) : key;
    number[i] = dash > 0 && Number.isFinite(suffix) ? suffix : -1;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    const pa = prefix[a] as string;
    const pb = prefix[b] as string;
    return pa < pb ? -1 : pa > pb ? 1 : (number[a] as number) - (number[b] as number);
  });
  const rank = new Int32Array(n);
  order.forEach((issueIndex, position) => (rank[issueIndex] = position));
  return rank;
}

/** Open issues of the scope that had blockers and whose blockers are all visible and done. */
function readyNext(
  issues: readonly DependencyIssue[],
  rank: Int32Array,
  pairBlocker: readonly number[],
  pairBlocked: readonly number[],
): string[] {
  const n = issues.length;
  // 0: no blocker seen, 1: every blocker done so far, 2: waiting on something.
  const state = new Uint8Array(n);
  for (let p = 0; p < pairBlocked.length; p++) {
    const blocked = pairBlocked[p]!;
    const blocker = pairBlocker[p]!;
    if ((issues[blocked] as DependencyIssue).statusCategory === 'done') continue;
    const cleared = blocker < n && (issues[blocker] as DependencyIssue).statusCategory === 'done';
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
  openFrom: readonly number[],
  openTo: readonly number[],
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
  const from = Int32Array.from(openFrom, node);
  const to = Int32Array.from(openTo, node);
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
