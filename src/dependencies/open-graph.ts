/* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loops over typed arrays whose indices are in range by construction; a check per access would cost the 100,000-issue budget */
/**
 * What the open work tells: the issues ready next, and on the graph of blockers still open the loops, the
 * longest chains and the blockers that hold the most work back.
 */
import {
  buildGraph,
  condense,
  largestReaches,
  longestChains,
  stronglyConnectedComponents,
  type Components,
} from './graph';
import type { IssueTable } from './intern';
import type { BlastRadius, DependencyIssue, DependencyReport } from './model';

const KEY_ORDER = new Intl.Collator('en', { numeric: true });

/** "PAY-9" before "PAY-10". */
function compareKeys(a: string, b: string): number {
  return KEY_ORDER.compare(a, b);
}

/** Open issues of the scope that had blockers and whose blockers are all visible and done. */
export function readyNext(
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

/**
 * Open visible edges into issues outside the scope that may close a loop: both ends still open, the outside
 * issue blocking something in turn and its blocker waiting on something (a loop needs both), as node pairs.
 */
function loopBackEdges(
  done: Uint8Array,
  nodeOf: Int32Array,
  outsideFrom: readonly number[],
  outsideTo: readonly number[],
): number[] {
  const sources = new Set<number>();
  const targets = new Set<number>();
  for (let e = 0; e < outsideFrom.length; e++) {
    if (done[outsideFrom[e]!] === 1 || done[outsideTo[e]!] === 1) continue;
    sources.add(outsideFrom[e]!);
    targets.add(outsideTo[e]!);
  }
  const kept: number[] = [];
  for (let e = 0; e < outsideFrom.length; e++) {
    const blocker = outsideFrom[e]!;
    const blocked = outsideTo[e]!;
    if (done[blocker] === 1 || done[blocked] === 1) continue;
    const blockerWaits = nodeOf[blocker] !== -1 || targets.has(blocker);
    const blockedBlocks = nodeOf[blocked] !== -1 || sources.has(blocked);
    if (blockerWaits && blockedBlocks) kept.push(blocker, blocked);
  }
  return kept;
}

/** The edges of the open graph: the open pairs, and the ways back through issues outside the scope. */
export interface OpenEdges {
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly outsideFrom: readonly number[];
  readonly outsideTo: readonly number[];
}

/**
 * Cycles, chains and blast radii, on the graph of blockers that are still open. A loop may pass through issues
 * outside the scope (the user sees them: they were fetched as such); those keys are listed in `outsideLoopKeys`.
 */
export function analyseOpenGraph(
  issues: readonly DependencyIssue[],
  table: IssueTable,
  edges: OpenEdges,
  top: number,
): Pick<DependencyReport, 'cycles' | 'chains' | 'blastRadius' | 'outsideLoopKeys'> {
  const { rank, done, inScope } = table;
  const { from: openFrom, to: openTo } = edges;
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
  let graph = buildGraph(issueOf.length, from, to);
  let components: Components | undefined;
  const back = loopBackEdges(done, nodeOf, edges.outsideFrom, edges.outsideTo);
  if (back.length > 0) {
    // The loops through outside issues are the components of the wider graph; its edges that join two
    // components are left out, so an outside issue adds nothing to chains or blast radii unless it closes a loop.
    const scopeNodes = issueOf.length;
    const wideFrom = new Int32Array(from.length + back.length / 2);
    const wideTo = new Int32Array(wideFrom.length);
    wideFrom.set(from);
    wideTo.set(to);
    for (let e = 0; e < back.length; e += 2) {
      wideFrom[from.length + e / 2] = node(back[e]!);
      wideTo[from.length + e / 2] = node(back[e + 1]!);
    }
    const wide = stronglyConnectedComponents(buildGraph(issueOf.length, wideFrom, wideTo));
    let kept = from.length;
    for (let e = from.length; e < wideFrom.length; e++) {
      if (wide.componentOf[wideFrom[e]!] !== wide.componentOf[wideTo[e]!]) continue;
      wideFrom[kept] = wideFrom[e]!;
      wideTo[kept++] = wideTo[e]!;
    }
    if (kept > from.length) {
      graph = buildGraph(issueOf.length, wideFrom.subarray(0, kept), wideTo.subarray(0, kept));
      components = wide;
    } else {
      for (const index of issueOf.splice(scopeNodes)) nodeOf[index] = -1;
    }
  }
  components ??= stronglyConnectedComponents(graph);
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
  const outsideLoopKeys: string[] = [];
  for (let c = 0; c < components.componentCount; c++) {
    if (size[c]! < 2) continue;
    cycles.push(keysOf(c));
    for (const index of membersOf(c)) if (inScope[index] === 0) outsideLoopKeys.push(issues[index]!.key);
  }
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
  return {
    cycles,
    chains,
    blastRadius: blastRadius.slice(0, top),
    outsideLoopKeys: outsideLoopKeys.sort(compareKeys),
  };
}
