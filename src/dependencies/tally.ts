/* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loops over typed arrays whose indices are in range by construction; a check per access would cost the 100,000-issue budget */
/**
 * The counts of the analysis from its scored pairs: the teams taking part, the team × team matrix, cross-team
 * and outside-scope counts, and the edges of the graph of blockers still open.
 */
import type { IssueTable } from './intern';
import type { TeamCell } from './model';
import type { BlockingPairs } from './pairs';
import { isConflict, needsAction, RESOLVED_RISK, type PairRisks } from './risk';

export interface PairTally {
  readonly teams: readonly string[];
  readonly matrix: readonly TeamCell[];
  readonly crossTeam: number;
  readonly outsideScope: number;
  /** Blocker and blocked issue numbers of the open visible pairs. */
  readonly openFrom: Int32Array;
  readonly openTo: Int32Array;
}

/** Counts the visible pairs (a blocker numbered past the `n` issues is hidden and counted by risk only). */
export function tallyPairs(pairs: BlockingPairs, risks: PairRisks, table: IssueTable, n: number): PairTally {
  const { inScope, team, teamNames } = table;
  const openFrom = new Int32Array(pairs.count);
  const openTo = new Int32Array(pairs.count);
  let openCount = 0;
  const teams = new Set<string>();
  for (let i = 0; i < n; i++) if (inScope[i] === 1) teams.add(teamNames[team[i]!]!);
  const teamSeen = new Uint8Array(teamNames.length);
  const cells = teamCells(teamNames.length);
  let crossTeam = 0;
  let outsideScope = 0;
  for (let p = 0; p < pairs.count; p++) {
    const blocker = pairs.blocker[p]!;
    if (blocker >= n) continue;
    const blocked = pairs.blocked[p]!;
    const risk = risks.risk[p]!;
    if (team[blocker] !== team[blocked]) crossTeam++;
    if (inScope[blocker] === 0) outsideScope++;
    if (teamSeen[team[blocker]!] === 0) {
      teamSeen[team[blocker]!] = 1;
      teams.add(teamNames[team[blocker]!]!);
    }
    cells.add(team[blocker]!, team[blocked]!, needsAction(risk), isConflict(risk));
    if (risk !== RESOLVED_RISK) {
      openFrom[openCount] = blocker;
      openTo[openCount++] = blocked;
    }
  }
  return {
    teams: [...teams].sort((a, b) => a.localeCompare(b)),
    matrix: cells.matrix(teamNames),
    crossTeam,
    outsideScope,
    openFrom: openFrom.subarray(0, openCount),
    openTo: openTo.subarray(0, openCount),
  };
}

/**
 * The team × team counts, kept by team numbers; cells are listed in the order the dependencies first meet
 * them, as the report has always listed them.
 */
function teamCells(teamCount: number): {
  add: (from: number, to: number, atRisk: boolean, conflict: boolean) => void;
  matrix: (teamNames: readonly string[]) => TeamCell[];
} {
  const slotOf = new Map<number, number>();
  const count: number[] = [];
  const atRisk: number[] = [];
  const conflict: number[] = [];
  const cellFrom: number[] = [];
  const cellTo: number[] = [];
  return {
    add(from, to, risky, conflicting) {
      const key = from * teamCount + to;
      let slot = slotOf.get(key);
      if (slot === undefined) {
        slot = count.length;
        slotOf.set(key, slot);
        count.push(0);
        atRisk.push(0);
        conflict.push(0);
        cellFrom.push(from);
        cellTo.push(to);
      }
      count[slot]!++;
      if (risky) atRisk[slot]!++;
      if (conflicting) conflict[slot]!++;
    },
    matrix(teamNames) {
      return count.map((cellCount, slot) => ({
        blockerTeam: teamNames[cellFrom[slot]!]!,
        blockedTeam: teamNames[cellTo[slot]!]!,
        count: cellCount,
        atRisk: atRisk[slot]!,
        conflict: conflict[slot]!,
      }));
    },
  };
}
