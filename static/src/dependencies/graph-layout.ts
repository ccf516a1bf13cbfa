/**
 * Where the dependency graph draws each issue and link. Each group of connected issues is laid out on its own
 * by dagre (left to right, blockers first), then the groups are packed in rows no wider than the page, loops
 * first, then the tallest: one dagre layout of a whole quarter stacks hundreds of small groups into one column thousands of
 * pixels tall, and stretches a loop's links across unrelated issues.
 */
import { Graph, layout } from '@dagrejs/dagre';
import type { Dependency, DependencyReport } from '@contract/dependency-report';

/** Past this many issues a graph stops being readable; loops and the most urgent dependencies are drawn first. */
export const MAX_NODES = 300;
export const NODE_WIDTH = 120;
export const NODE_HEIGHT = 40;
/** Space between two groups, and around the drawing. */
const GAP = 24;

interface DrawnNode {
  readonly id: string;
  /** The issue key; empty for an issue the user may not see. */
  readonly label: string;
  readonly team: string;
  /** Centre of the box. */
  readonly x: number;
  readonly y: number;
  readonly inCycle: boolean;
  readonly hidden: boolean;
}

interface DrawnEdge {
  readonly id: string;
  /** The node ids the link joins, blocker first. */
  readonly from: string;
  readonly to: string;
  readonly points: readonly { readonly x: number; readonly y: number }[];
  /** In conflict or at risk: drawn dashed. */
  readonly atRisk: boolean;
  /** In conflict: drawn red. */
  readonly conflict: boolean;
  readonly inCycle: boolean;
}

export interface Drawing {
  readonly nodes: readonly DrawnNode[];
  readonly edges: readonly DrawnEdge[];
  readonly width: number;
  readonly height: number;
  /** Open dependencies drawn, and how many there were. */
  readonly drawn: number;
  readonly open: number;
}

interface NodeInfo {
  readonly label: string;
  readonly team: string;
  readonly hidden: boolean;
}

interface Edge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly atRisk: boolean;
  readonly conflict: boolean;
}

/** Which loop each issue is part of (the report's cycles), to tell a loop's links from links between loops. */
function loopsOf(report: DependencyReport): Map<string, number> {
  const loopOf = new Map<string, number>();
  report.cycles.forEach((cycle, index) => {
    for (const key of cycle) loopOf.set(key, index);
  });
  return loopOf;
}

/** True when the link joins two issues of the same loop. */
const inSameLoop = (loopOf: ReadonlyMap<string, number>, from: string, to: string): boolean =>
  loopOf.has(from) && loopOf.get(from) === loopOf.get(to);

/** The open dependencies to draw, loops first, then in the report's order (at risk first), up to `maxNodes`. */
function pickEdges(
  report: DependencyReport,
  loopOf: ReadonlyMap<string, number>,
  maxNodes: number,
): { nodes: Map<string, NodeInfo>; edges: Edge[]; open: number } {
  const open = report.dependencies.filter((d) => d.risk !== 'resolved');
  const loops = (d: Dependency): boolean =>
    d.blocker !== null && d.blocked !== null && inSameLoop(loopOf, d.blocker.key, d.blocked.key);
  const ordered = [...open.filter(loops), ...open.filter((d) => !loops(d))];
  const nodes = new Map<string, NodeInfo>();
  const edges: Edge[] = [];
  // Each issue the user may not see is its own node, numbered: nothing of its Jira id reaches the drawing.
  let hidden = 0;
  for (const d of ordered) {
    const from = d.blocker?.key ?? `hidden-${hidden + 1}`;
    const to = d.blocked?.key ?? `hidden-${hidden + 1}`;
    const adds = (nodes.has(from) ? 0 : 1) + (nodes.has(to) ? 0 : 1);
    if (nodes.size + adds > maxNodes) continue;
    if (d.blocker === null || d.blocked === null) hidden++;
    nodes.set(from, { label: d.blocker?.key ?? '', team: d.blockerTeam ?? '', hidden: d.blocker === null });
    nodes.set(to, { label: d.blocked?.key ?? '', team: d.blockedTeam ?? '', hidden: d.blocked === null });
    edges.push({
      id: d.id,
      from,
      to,
      atRisk: d.risk === 'at-risk' || d.risk === 'conflict',
      conflict: d.risk === 'conflict',
    });
  }
  return { nodes, edges, open: open.length };
}

/** Groups of issues joined by a drawn link, each with its links. */
function connectedGroups(nodes: ReadonlyMap<string, NodeInfo>, edges: readonly Edge[]): string[][] {
  const parent = new Map<string, string>([...nodes.keys()].map((id) => [id, id]));
  const root = (id: string): string => {
    let at = id;
    while (parent.get(at) !== at) at = parent.get(at) ?? at;
    parent.set(id, at);
    return at;
  };
  for (const edge of edges) parent.set(root(edge.from), root(edge.to));
  const groups = new Map<string, string[]>();
  for (const id of nodes.keys()) {
    const members = groups.get(root(id)) ?? [];
    members.push(id);
    groups.set(root(id), members);
  }
  return [...groups.values()];
}

interface LaidOutGroup {
  readonly members: readonly string[];
  readonly edges: readonly Edge[];
  readonly width: number;
  readonly height: number;
  readonly at: Map<string, { x: number; y: number }>;
  readonly routes: Map<string, { x: number; y: number }[]>;
  readonly hasLoop: boolean;
}

function layoutGroup(
  members: readonly string[],
  edges: readonly Edge[],
  loopOf: ReadonlyMap<string, number>,
): LaidOutGroup {
  const graph = new Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'LR', nodesep: 16, ranksep: 48, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const id of members) graph.setNode(id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const edge of edges) graph.setEdge(edge.from, edge.to, {}, edge.id);
  layout(graph);
  const size = graph.graph() as { width?: number; height?: number };
  const at = new Map(members.map((id) => [id, graph.node(id) as { x: number; y: number }]));
  const routes = new Map(
    edges.map((edge) => [
      edge.id,
      (graph.edge({ v: edge.from, w: edge.to, name: edge.id }) as { points?: { x: number; y: number }[] })
        .points ?? [],
    ]),
  );
  return {
    members,
    edges,
    width: size.width ?? NODE_WIDTH,
    height: size.height ?? NODE_HEIGHT,
    at,
    routes,
    hasLoop: members.some((id) => loopOf.has(id)),
  };
}

/**
 * Lays out the open dependencies of a report: at most `maxNodes` issues, in groups packed in rows of at most
 * `maxWidth` pixels (a group wider than that gets a row of its own), loops and large groups first.
 */
export function layoutDependencies(
  report: DependencyReport,
  { maxWidth = 1100, maxNodes = MAX_NODES }: { maxWidth?: number; maxNodes?: number } = {},
): Drawing {
  const loopOf = loopsOf(report);
  const { nodes, edges, open } = pickEdges(report, loopOf, maxNodes);
  const groups = connectedGroups(nodes, edges);
  const groupOf = new Map<string, number>();
  groups.forEach((members, index) => {
    for (const id of members) groupOf.set(id, index);
  });
  const edgesOf = groups.map((): Edge[] => []);
  for (const edge of edges) edgesOf[groupOf.get(edge.from) ?? 0]?.push(edge);
  const laidOut = groups
    .map((members, index) => layoutGroup(members, edgesOf[index] ?? [], loopOf))
    .sort(
      (a, b) =>
        Number(b.hasLoop) - Number(a.hasLoop) ||
        // Tallest first: each row is as tall as its first group, so rows of like heights waste little space.
        b.height - a.height ||
        b.width - a.width ||
        (a.members[0] ?? '').localeCompare(b.members[0] ?? ''),
    );

  // Shelf packing: groups left to right, a new row when the next one would pass the width.
  const drawnNodes: DrawnNode[] = [];
  const drawnEdges: DrawnEdge[] = [];
  let x = GAP;
  let y = GAP;
  let rowHeight = 0;
  let width = 0;
  for (const group of laidOut) {
    if (x > GAP && x + group.width + GAP > maxWidth) {
      x = GAP;
      y += rowHeight + GAP;
      rowHeight = 0;
    }
    for (const id of group.members) {
      const info = nodes.get(id);
      const centre = group.at.get(id);
      if (!info || !centre) continue;
      drawnNodes.push({ id, ...info, x: x + centre.x, y: y + centre.y, inCycle: loopOf.has(id) });
    }
    for (const edge of group.edges) {
      drawnEdges.push({
        id: edge.id,
        from: edge.from,
        to: edge.to,
        points: (group.routes.get(edge.id) ?? []).map((point) => ({ x: x + point.x, y: y + point.y })),
        atRisk: edge.atRisk,
        conflict: edge.conflict,
        inCycle: inSameLoop(loopOf, edge.from, edge.to),
      });
    }
    x += group.width + GAP;
    width = Math.max(width, x);
    rowHeight = Math.max(rowHeight, group.height);
  }
  return {
    nodes: drawnNodes,
    edges: drawnEdges,
    width,
    height: laidOut.length === 0 ? 0 : y + rowHeight + GAP,
    drawn: edges.length,
    open,
  };
}
