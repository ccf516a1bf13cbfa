/* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loops over typed arrays whose indices are in range by construction; a check per access would cost the 100,000-issue budget */
/**
 * Graph algorithms on the blocking graph, written for 100,000 issues and 300,000 links: adjacency in typed
 * arrays, and no recursion (a chain of 100,000 blockers would overflow the call stack).
 */

/** A directed graph in compressed form: the successors of node `v` are `targets[offsets[v] .. offsets[v+1])`. */
export interface Graph {
  readonly nodeCount: number;
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
}

/** Builds the compressed graph of the edges `from[i] → to[i]`. */
export function buildGraph(nodeCount: number, from: ArrayLike<number>, to: ArrayLike<number>): Graph {
  const offsets = new Int32Array(nodeCount + 1);
  for (let i = 0; i < from.length; i++) offsets[(from[i] as number) + 1]! += 1;
  for (let v = 0; v < nodeCount; v++) offsets[v + 1]! += offsets[v]!;
  const fill = offsets.slice(0, nodeCount);
  const targets = new Int32Array(from.length);
  for (let i = 0; i < from.length; i++) targets[fill[from[i] as number]!++] = to[i] as number;
  return { nodeCount, offsets, targets };
}

export interface Components {
  /** The component of each node. Numbered so that every edge between components goes from a higher number to a lower one. */
  readonly componentOf: Int32Array;
  readonly componentCount: number;
}

/** Strongly connected components (Tarjan's algorithm with an explicit stack). */
export function stronglyConnectedComponents(graph: Graph): Components {
  const { nodeCount: n, offsets, targets } = graph;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const callNode = new Int32Array(n);
  const callEdge = new Int32Array(n);
  const componentOf = new Int32Array(n);
  let stackSize = 0;
  let callSize = 0;
  let counter = 0;
  let componentCount = 0;

  const enter = (v: number): void => {
    index[v] = low[v] = counter++;
    stack[stackSize++] = v;
    onStack[v] = 1;
    callNode[callSize] = v;
    callEdge[callSize++] = offsets[v]!;
  };

  for (let start = 0; start < n; start++) {
    if (index[start] !== -1) continue;
    enter(start);
    while (callSize > 0) {
      const v = callNode[callSize - 1]!;
      const edge = callEdge[callSize - 1]!;
      if (edge < offsets[v + 1]!) {
        callEdge[callSize - 1] = edge + 1;
        const w = targets[edge]!;
        if (index[w] === -1) enter(w);
        else if (onStack[w] === 1 && index[w]! < low[v]!) low[v] = index[w]!;
        continue;
      }
      callSize--;
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--stackSize]!;
          onStack[w] = 0;
          componentOf[w] = componentCount;
        } while (w !== v);
        componentCount++;
      }
      if (callSize > 0) {
        const parent = callNode[callSize - 1]!;
        if (low[v]! < low[parent]!) low[parent] = low[v]!;
      }
    }
  }
  return { componentOf, componentCount };
}

/** The graph of components (edges inside a component dropped, duplicates kept), with each component's size. */
export function condense(graph: Graph, components: Components): { dag: Graph; size: Int32Array } {
  const { componentOf, componentCount } = components;
  const size = new Int32Array(componentCount);
  for (let v = 0; v < graph.nodeCount; v++) size[componentOf[v]!]! += 1;
  const from: number[] = [];
  const to: number[] = [];
  for (let v = 0; v < graph.nodeCount; v++) {
    for (let e = graph.offsets[v]!; e < graph.offsets[v + 1]!; e++) {
      const a = componentOf[v]!;
      const b = componentOf[graph.targets[e]!]!;
      if (a !== b) {
        from.push(a);
        to.push(b);
      }
    }
  }
  return { dag: buildGraph(componentCount, from, to), size };
}

/**
 * The longest paths of the component DAG, counted in issues (a component counts all its members), each starting
 * at a component nothing points to; at most `limit` of them, longest first, only those of two issues or more.
 */
export function longestChains(dag: Graph, size: Int32Array, limit: number): number[][] {
  const n = dag.nodeCount;
  const best = new Float64Array(n);
  const next = new Int32Array(n).fill(-1);
  const hasPredecessor = new Uint8Array(n);
  // Successors carry lower numbers, so increasing order sees every successor before its predecessors.
  for (let c = 0; c < n; c++) {
    let tail = 0;
    for (let e = dag.offsets[c]!; e < dag.offsets[c + 1]!; e++) {
      const s = dag.targets[e]!;
      hasPredecessor[s] = 1;
      if (best[s]! > tail) {
        tail = best[s]!;
        next[c] = s;
      }
    }
    best[c] = size[c]! + tail;
  }
  // The `limit` best starts (longest first, then lowest number), kept in a short sorted list rather than sorting
  // every start.
  const before = (a: number, b: number): boolean => best[a]! > best[b]! || (best[a] === best[b] && a < b);
  const starts: number[] = [];
  for (let c = 0; c < n; c++) {
    if (hasPredecessor[c] === 1 || best[c]! < 2 || limit <= 0) continue;
    if (starts.length === limit && !before(c, starts[limit - 1]!)) continue;
    let i = Math.min(starts.length, limit - 1);
    while (i > 0 && before(c, starts[i - 1]!)) {
      starts[i] = starts[i - 1]!;
      i--;
    }
    starts[i] = c;
  }
  return starts.map((start) => {
    const chain: number[] = [];
    for (let c = start; c !== -1; c = next[c]!) chain.push(c);
    return chain;
  });
}

export interface Reach {
  readonly component: number;
  /** Members of all components reachable from this one, itself included. */
  readonly members: number;
  readonly weight: number;
}

const SKETCH = 16;

/**
 * An estimate of how many members each component reaches, from bottom-k sketches (Cohen's size estimation):
 * every member draws a random number, each component keeps the `SKETCH` smallest numbers it can reach, and few
 * small numbers mean few members. Linear in the edges, where exact counts for every component are quadratic.
 */
function estimateReach(dag: Graph, size: Int32Array, seed = 1): Float64Array {
  const n = dag.nodeCount;
  const sketches = new Float64Array(n * SKETCH).fill(Infinity);
  const merged = new Float64Array(SKETCH);
  let state = seed >>> 0;
  const draw = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state + 0.5) / 4294967296;
  };
  const insert = (base: number, value: number): void => {
    // Keeps the component's sketch sorted and free of repeats.
    if (value >= sketches[base + SKETCH - 1]!) return;
    let i = SKETCH - 1;
    while (i > 0 && sketches[base + i - 1]! > value) {
      sketches[base + i] = sketches[base + i - 1]!;
      i--;
    }
    if (i > 0 && sketches[base + i - 1] === value) {
      for (let j = i; j < SKETCH - 1; j++) sketches[base + j] = sketches[base + j + 1]!;
      sketches[base + SKETCH - 1] = Infinity;
      return;
    }
    sketches[base + i] = value;
  };
  const estimate = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    const base = c * SKETCH;
    for (let m = 0; m < size[c]!; m++) insert(base, draw());
    for (let e = dag.offsets[c]!; e < dag.offsets[c + 1]!; e++) {
      const other = dag.targets[e]! * SKETCH;
      // Nothing to take when the other's smallest value is above all of this full sketch (or it is empty).
      if (sketches[other]! >= sketches[base + SKETCH - 1]!) continue;
      // Merge two sorted sketches, keeping the smallest distinct values.
      let i = 0;
      let j = 0;
      let k = 0;
      while (k < SKETCH) {
        const a = sketches[base + i]!;
        const b = sketches[other + j]!;
        const next = a <= b ? a : b;
        if (a <= b) i++;
        if (b <= a) j++;
        merged[k++] = next;
        if (next === Infinity) break;
      }
      for (; k < SKETCH; k++) merged[k] = Infinity;
      sketches.set(merged, base);
    }
    const last = sketches[base + SKETCH - 1]!;
    if (last === Infinity) {
      let count = 0;
      while (count < SKETCH && sketches[base + count]! !== Infinity) count++;
      estimate[c] = count;
    } else estimate[c] = (SKETCH - 1) / last;
  }
  return estimate;
}

/**
 * The components with the largest reach (members and summed weight of everything downstream). Candidates are
 * ranked by an estimate, and the best `3 × limit` of them are counted exactly by a walk each (bounded by
 * `workBudget` edge visits), so the figures shown are exact and the ranking is right but for near ties.
 */
export function largestReaches(
  dag: Graph,
  size: Int32Array,
  weight: Float64Array,
  limit: number,
  workBudget = 2_000_000,
): Reach[] {
  const n = dag.nodeCount;
  const estimate = estimateReach(dag, size);
  // The best candidates by estimate, kept in a short sorted list (sorting every component would cost more).
  const wanted = limit * 3;
  const order: number[] = [];
  for (let c = 0; c < n; c++) {
    if (dag.offsets[c + 1]! === dag.offsets[c]! && size[c]! <= 1) continue;
    if (order.length === wanted && estimate[order[wanted - 1]!]! >= estimate[c]!) continue;
    let i = Math.min(order.length, wanted - 1);
    order[i] = c;
    while (i > 0 && estimate[order[i - 1]!]! < estimate[c]!) {
      order[i] = order[i - 1]!;
      order[i - 1] = c;
      i--;
    }
  }
  const found = exactlySummable(weight)
    ? reachesByBitsets(dag, size, weight, order, workBudget)
    : reachesByWalks(dag, size, weight, order, workBudget);
  found.sort((a, b) => b.members - a.members || b.weight - a.weight || a.component - b.component);
  return found.slice(0, limit);
}

/**
 * True when every weight is a multiple of 1/1024 and their total stays well inside a double's exact integers:
 * then sums come out the same in any order, and the reaches can be summed in whichever order is fastest.
 */
function exactlySummable(weight: Float64Array): boolean {
  let total = 0;
  for (let c = 0; c < weight.length; c++) {
    const scaled = weight[c]! * 1024;
    if (!Number.isInteger(scaled) || scaled < 0) return false;
    total += scaled;
  }
  return total < 2 ** 52;
}

/**
 * Exact reaches of the candidates, one walk each, in candidate order; a walk starts only while the edges
 * visited so far stay within `workBudget`.
 */
function reachesByWalks(
  dag: Graph,
  size: Int32Array,
  weight: Float64Array,
  order: readonly number[],
  workBudget: number,
): Reach[] {
  const n = dag.nodeCount;
  const seen = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const found: Reach[] = [];
  let work = 0;
  for (const start of order) {
    if (work > workBudget) break;
    let head = 0;
    let tail = 0;
    let members = 0;
    let reachWeight = 0;
    queue[tail++] = start;
    seen[start] = start;
    while (head < tail) {
      const c = queue[head++]!;
      members += size[c]!;
      reachWeight += weight[c]!;
      for (let e = dag.offsets[c]!; e < dag.offsets[c + 1]!; e++) {
        work++;
        const s = dag.targets[e]!;
        if (seen[s] !== start) {
          seen[s] = start;
          queue[tail++] = s;
        }
      }
    }
    found.push({ component: start, members, weight: reachWeight });
  }
  return found;
}

/**
 * The same reaches as `reachesByWalks`, candidates included under the same budget, from one sweep of the DAG
 * per 32 candidates: each component carries a bitset of the candidates reaching it down to its successors
 * (predecessors carry higher numbers, so a decreasing sweep sees them first). Linear in the edges however much
 * the candidates overlap, where walks cost their summed reach.
 */
function reachesByBitsets(
  dag: Graph,
  size: Int32Array,
  weight: Float64Array,
  order: readonly number[],
  workBudget: number,
): Reach[] {
  const n = dag.nodeCount;
  const { offsets, targets } = dag;
  const members = new Float64Array(order.length);
  const reachWeight = new Float64Array(order.length);
  const work = new Float64Array(order.length);
  const mask = new Int32Array(n);
  for (let first = 0; first < order.length; first += 32) {
    const last = Math.min(order.length, first + 32);
    mask.fill(0);
    let top = -1;
    for (let k = first; k < last; k++) {
      const c = order[k]!;
      mask[c]! |= 1 << (k - first);
      if (c > top) top = c;
    }
    // Components reached by the same candidates are summed together, then the sums shared out per candidate.
    const slotOf = new Map<number, number>();
    const slotBits: number[] = [];
    const slotMembers: number[] = [];
    const slotWeight: number[] = [];
    const slotWork: number[] = [];
    for (let c = top; c >= 0; c--) {
      const bits = mask[c]!;
      if (bits === 0) continue;
      const start = offsets[c]!;
      const end = offsets[c + 1]!;
      for (let e = start; e < end; e++) mask[targets[e]!]! |= bits;
      let slot = slotOf.get(bits);
      if (slot === undefined) {
        slot = slotBits.length;
        slotOf.set(bits, slot);
        slotBits.push(bits);
        slotMembers.push(0);
        slotWeight.push(0);
        slotWork.push(0);
      }
      slotMembers[slot]! += size[c]!;
      slotWeight[slot]! += weight[c]!;
      slotWork[slot]! += end - start;
    }
    for (let slot = 0; slot < slotBits.length; slot++) {
      for (let rest = slotBits[slot]!; rest !== 0; rest &= rest - 1) {
        const k = first + 31 - Math.clz32(rest & -rest);
        members[k]! += slotMembers[slot]!;
        reachWeight[k]! += slotWeight[slot]!;
        work[k]! += slotWork[slot]!;
      }
    }
  }
  const found: Reach[] = [];
  let spent = 0;
  for (let k = 0; k < order.length && spent <= workBudget; k++) {
    found.push({ component: order[k]!, members: members[k]!, weight: reachWeight[k]! });
    spent += work[k]!;
  }
  return found;
}
