/* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loops over typed arrays whose indices are in range by construction; a check per access would cost the 100,000-issue budget */
/**
 * From oriented links to blocking pairs: one pair per (blocker, blocked), whichever issue the link was read from
 * and however many link types join the two, in key order of the blocked issue then of the blocker.
 */

export interface BlockingPairs {
  readonly count: number;
  /** Issue numbers; a blocker the user cannot see is numbered from the issue count up, before all others in order. */
  readonly blocker: Int32Array;
  readonly blocked: Int32Array;
  /** The link type names of each pair: an index into `typeLists`, one list per combination (not one per pair). */
  readonly typeList: Int32Array;
  readonly typeLists: readonly (readonly string[])[];
}

/**
 * Groups the links by blocked issue with a counting sort (comparing keys 300,000 times is what is slow), then
 * folds each group's repeated blockers. `perBlocked[r]..perBlocked[r+1]` must hold the number of links of the
 * issue of rank `r` once summed: the caller counted them while orienting the links; link `l` with
 * `linkBlocked[l] === -1` is left out.
 */
export function blockingPairs(
  rank: Int32Array,
  issueAtRank: Int32Array,
  perBlocked: Int32Array,
  linkBlocker: Int32Array,
  linkBlocked: Int32Array,
  linkType: Int32Array,
  typeNames: readonly string[],
): BlockingPairs {
  const n = rank.length;
  for (let r = 0; r < n; r++) perBlocked[r + 1]! += perBlocked[r]!;
  const total = perBlocked[n]!;
  // The blockers and types in group order, written once so the folding reads them in sequence.
  const groupedBlocker = new Int32Array(total);
  const groupedType = new Int32Array(total);
  const fill = perBlocked.slice(0, n);
  for (let l = 0; l < linkBlocked.length; l++) {
    const blocked = linkBlocked[l]!;
    if (blocked === -1) continue;
    const position = fill[rank[blocked]!]!++;
    groupedBlocker[position] = linkBlocker[l]!;
    groupedType[position] = linkType[l]!;
  }

  const typeLists: (readonly string[])[] = typeNames.map((name) => [name]);
  const combinations = new Map<string, number>();
  const typeListOf = (first: number, more: number[] | undefined): number => {
    if (!more) return first;
    const key = `${first},${more.join(',')}`;
    let list = combinations.get(key);
    if (list === undefined) {
      list = typeLists.length;
      combinations.set(key, list);
      typeLists.push([typeNames[first]!, ...more.map((type) => typeNames[type]!)]);
    }
    return list;
  };

  const blocker = new Int32Array(total);
  const blocked = new Int32Array(total);
  const typeList = new Int32Array(total);
  let count = 0;
  const groupBlockers: number[] = [];
  const groupFirstType: number[] = [];
  // Further types of a pair, rare: an array only for the pairs that have some.
  const groupMoreTypes: (number[] | undefined)[] = [];
  const blockerOrder = (b: number): number => (b < n ? rank[b]! + 1 : 0);
  for (let r = 0; r < n; r++) {
    const start = perBlocked[r]!;
    const end = perBlocked[r + 1]!;
    if (start === end) continue;
    groupBlockers.length = 0;
    groupFirstType.length = 0;
    groupMoreTypes.length = 0;
    for (let g = start; g < end; g++) {
      const b = groupedBlocker[g]!;
      const type = groupedType[g]!;
      const seen = groupBlockers.indexOf(b);
      if (seen === -1) {
        groupBlockers.push(b);
        groupFirstType.push(type);
        groupMoreTypes.push(undefined);
      } else if (groupFirstType[seen] !== type) {
        const more = groupMoreTypes[seen];
        if (!more) groupMoreTypes[seen] = [type];
        else if (!more.includes(type)) more.push(type);
      }
    }
    // Blockers in key order inside the group (groups are small: an insertion sort allocates nothing).
    for (let i = 1; i < groupBlockers.length; i++) {
      const b = groupBlockers[i]!;
      const firstType = groupFirstType[i]!;
      const moreTypes = groupMoreTypes[i];
      let j = i - 1;
      while (j >= 0 && blockerOrder(groupBlockers[j]!) > blockerOrder(b)) {
        groupBlockers[j + 1] = groupBlockers[j]!;
        groupFirstType[j + 1] = groupFirstType[j]!;
        groupMoreTypes[j + 1] = groupMoreTypes[j];
        j--;
      }
      groupBlockers[j + 1] = b;
      groupFirstType[j + 1] = firstType;
      groupMoreTypes[j + 1] = moreTypes;
    }
    const blockedIssue = issueAtRank[r]!;
    for (let position = 0; position < groupBlockers.length; position++) {
      blocker[count] = groupBlockers[position]!;
      blocked[count] = blockedIssue;
      typeList[count++] = typeListOf(groupFirstType[position]!, groupMoreTypes[position]);
    }
  }
  return {
    count,
    blocker: blocker.subarray(0, count),
    blocked: blocked.subarray(0, count),
    typeList: typeList.subarray(0, count),
    typeLists,
  };
}
