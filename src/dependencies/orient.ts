/* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loops over typed arrays whose indices are in range by construction; a check per access would cost the 100,000-issue budget */
/**
 * The first phase of the analysis: every blocking link oriented onto issue numbers and folded into pairs, with
 * the blockers the user cannot see numbered after the visible issues and the scope's links to hidden issues
 * kept aside.
 */
import type { IssueTable } from './intern';
import type { BlockingLink } from './model';
import { blockingPairs, type BlockingPairs } from './pairs';

/** A visible issue of the scope blocking an issue the user may not see. */
export interface HiddenBlockedPair {
  readonly blocker: number;
  readonly typeNames: Set<string>;
  readonly blockedId: string;
}

export interface OrientedLinks {
  readonly pairs: BlockingPairs;
  /** Ids of the blockers the user cannot see: the one numbered `n + i` is `hiddenBlockers[i]`. */
  readonly hiddenBlockers: readonly string[];
  /** Keyed by dependency id (`<blocker id>><blocked id>`). */
  readonly hiddenBlocked: ReadonlyMap<string, HiddenBlockedPair>;
  /**
   * Visible issues blocking a visible issue outside the scope (issue numbers): not dependencies of the scope,
   * but the way back of a loop that leaves the scope.
   */
  readonly outsideFrom: readonly number[];
  readonly outsideTo: readonly number[];
}

/**
 * Orients every link in the links' own order (reading each link object once). Links whose blocked issue is
 * outside the scope make no pair: those to issues known to be hidden (`hiddenIds`) are kept aside, those
 * between visible issues are kept as edges that may close a loop.
 */
export function orientLinks(
  links: readonly BlockingLink[],
  table: IssueTable,
  hiddenIds: ReadonlySet<string> | undefined,
): OrientedLinks {
  const { indexOf, inScope, rank } = table;
  const n = rank.length;
  const issueAtRank = new Int32Array(n);
  for (let i = 0; i < n; i++) issueAtRank[rank[i]!] = i;
  const hiddenIndex = new Map<string, number>();
  const hiddenBlockers: string[] = [];
  const linkBlocker = new Int32Array(links.length);
  const linkBlocked = new Int32Array(links.length).fill(-1);
  const linkType = new Int32Array(links.length);
  const typeNumbers = new Map<string, number>();
  const typeNames: string[] = [];
  let lastType: string | undefined;
  let lastTypeNumber = -1;
  const perBlocked = new Int32Array(n + 1);
  const hiddenBlocked = new Map<string, HiddenBlockedPair>();
  const outsideFrom: number[] = [];
  const outsideTo: number[] = [];
  for (let l = 0; l < links.length; l++) {
    const link = links[l]!;
    const blocked = indexOf(link.blockedId);
    if (blocked === -1 && hiddenIds?.has(link.blockedId) === true) {
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
    if (blocked !== -1 && inScope[blocked] === 0) {
      const blocker = indexOf(link.blockerId);
      if (blocker !== -1 && blocker !== blocked) {
        outsideFrom.push(blocker);
        outsideTo.push(blocked);
      }
      continue;
    }
    if (blocked === -1 || link.blockerId === link.blockedId) continue;
    let blocker = indexOf(link.blockerId);
    if (blocker === -1) {
      blocker = hiddenIndex.get(link.blockerId) ?? -1;
      if (blocker === -1) {
        blocker = n + hiddenBlockers.length;
        hiddenIndex.set(link.blockerId, blocker);
        hiddenBlockers.push(link.blockerId);
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
  return { pairs, hiddenBlockers, hiddenBlocked, outsideFrom, outsideTo };
}
