/**
 * The report in the shapes people take away: the CLI's JSON, Mermaid for a diagram in a page or pull request
 * (CSV, which the UI downloads too, is in src/contract/dependency-csv.ts). A hidden issue, blocker or blocked,
 * stays hidden in each of them.
 */
import type { Agreement } from './agreements';
import type { Dependency, DependencyReport, Risk, RiskReason } from './model';

export interface DependencyJson {
  readonly scanned: number;
  readonly teams: readonly string[];
  readonly dependencies: readonly {
    readonly blocker: string | null;
    /** `null` when the blocked issue is one the user may not see. */
    readonly blocked: string | null;
    readonly blockerTeam: string | null;
    readonly blockedTeam: string | null;
    readonly crossTeam: boolean;
    readonly risk: Risk;
    readonly reasons: readonly RiskReason[];
    readonly blockerStatus: string | null;
    readonly blockerOutsideScope: boolean;
    /** What the two teams agreed on; `null` when nothing was asked or either side is hidden. */
    readonly agreement: Agreement | null;
  }[];
  readonly cycles: readonly (readonly string[])[];
  /** Keys of loop members outside the scope. */
  readonly outsideLoopKeys: readonly string[];
  /** `matrix[blockerTeam][blockedTeam]`: how many dependencies. */
  readonly matrix: Record<string, Record<string, number>>;
  /** In conflict or at risk. */
  readonly atRiskMatrix: Record<string, Record<string, number>>;
  readonly conflictMatrix: Record<string, Record<string, number>>;
  readonly chains: readonly (readonly string[])[];
  readonly readyNext: readonly string[];
  readonly blastRadius: DependencyReport['blastRadius'];
  readonly counts: DependencyReport['counts'];
  /** Keys of issues whose agreements property could not be read. */
  readonly unreadableAgreements: readonly string[];
}

/**
 * Objects keyed by team name, made without a prototype: a team named `__proto__` or `constructor` is then an
 * ordinary key, which `JSON.stringify` writes like any other.
 */
function teamRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** The JSON the CLI prints (`--format json`). */
export function toJson(report: DependencyReport): DependencyJson {
  const matrix = teamRecord<Record<string, number>>();
  const atRiskMatrix = teamRecord<Record<string, number>>();
  const conflictMatrix = teamRecord<Record<string, number>>();
  for (const cell of report.matrix) {
    (matrix[cell.blockerTeam] ??= teamRecord<number>())[cell.blockedTeam] = cell.count;
    (atRiskMatrix[cell.blockerTeam] ??= teamRecord<number>())[cell.blockedTeam] = cell.atRisk;
    (conflictMatrix[cell.blockerTeam] ??= teamRecord<number>())[cell.blockedTeam] = cell.conflict ?? 0;
  }
  return {
    scanned: report.scanned,
    teams: report.teams,
    dependencies: report.dependencies.map((d) => ({
      blocker: d.blocker?.key ?? null,
      blocked: d.blocked?.key ?? null,
      blockerTeam: d.blockerTeam,
      blockedTeam: d.blockedTeam,
      crossTeam: d.crossTeam,
      risk: d.risk,
      reasons: d.reasons,
      blockerStatus: d.blocker?.status ?? null,
      blockerOutsideScope: d.blocker?.outsideScope ?? false,
      agreement: d.agreement ?? null,
    })),
    cycles: report.cycles,
    outsideLoopKeys: report.outsideLoopKeys ?? [],
    matrix,
    atRiskMatrix,
    conflictMatrix,
    chains: report.chains,
    readyNext: report.readyNext,
    blastRadius: report.blastRadius,
    counts: report.counts,
    unreadableAgreements: report.unreadableAgreements ?? [],
  };
}

const mermaidId = (key: string): string => key.replace(/[^A-Za-z0-9_]/g, '_');
const mermaidLabel = (text: string): string => `"${text.replace(/"/g, '#quot;')}"`;

/**
 * A Mermaid flowchart of the open dependencies (blocker → blocked): links in conflict or at risk dashed, those in
 * conflict red, cycles in red.
 */
export function toMermaid(report: DependencyReport): string {
  const lines = ['flowchart LR'];
  const inCycle = new Set(report.cycles.flat());
  const nodes = new Set<string>();
  let hidden = 0;
  const node = (issue: Dependency['blocker'], team: string | null): string => {
    if (!issue) {
      const id = `hidden${++hidden}`;
      lines.push(`  ${id}["hidden issue"]`);
      return id;
    }
    if (!nodes.has(issue.key)) {
      nodes.add(issue.key);
      lines.push(`  ${mermaidId(issue.key)}[${mermaidLabel(`${issue.key} (${team ?? ''})`)}]`);
    }
    return mermaidId(issue.key);
  };
  const conflicts: number[] = [];
  let link = 0;
  for (const d of report.dependencies) {
    if (d.risk === 'resolved') continue;
    const blocker = node(d.blocker, d.blockerTeam);
    const blocked = node(d.blocked, d.blockedTeam);
    const dashed = d.risk === 'at-risk' || d.risk === 'conflict';
    lines.push(`  ${blocker} ${dashed ? '-.->' : '-->'} ${blocked}`);
    if (d.risk === 'conflict') conflicts.push(link);
    link++;
  }
  if (conflicts.length > 0) lines.push(`  linkStyle ${conflicts.join(',')} stroke:#c9372c`);
  for (const key of [...inCycle].sort())
    lines.push(`  style ${mermaidId(key)} stroke:#c9372c,stroke-width:2px`);
  return lines.join('\n') + '\n';
}
