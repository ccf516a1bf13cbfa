import type { TeamCell } from '@contract/dependency-report';

/** Finds a cell of the matrix by its two teams (`undefined` when they have no dependency). */
export function teamCellFinder(
  matrix: readonly TeamCell[],
): (blockerTeam: string, blockedTeam: string) => TeamCell | undefined {
  const rows = new Map<string, Map<string, TeamCell>>();
  for (const cell of matrix) {
    let row = rows.get(cell.blockerTeam);
    if (!row) {
      row = new Map<string, TeamCell>();
      rows.set(cell.blockerTeam, row);
    }
    row.set(cell.blockedTeam, cell);
  }
  return (blockerTeam, blockedTeam) => rows.get(blockerTeam)?.get(blockedTeam);
}
