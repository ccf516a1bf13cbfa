import type { GateConfig, GateProblem, GateView } from '@contract/gate';

/** The gate form as the person edits it. */
export interface GateDraft {
  readonly enabled: boolean;
  readonly statuses: readonly string[];
  readonly rules: readonly GateConfig['rules'][number][];
}

/** Which field a problem belongs to, and why: the form shows it under that field. */
export type GateFieldProblems = Partial<Record<GateProblem['field'], 'needsStatus' | 'needsRule' | 'server'>>;

export function draftOfGate(view: GateView): GateDraft {
  return { enabled: view.gate.enabled, statuses: view.gate.statuses, rules: view.gate.rules };
}

/**
 * What the form can tell before saving: a gate that is on guards at least one status with at least one rule.
 * The resolver checks the same (and that each status is still the project's), so this only spares a round trip.
 */
export function draftProblems(draft: GateDraft): GateFieldProblems {
  if (!draft.enabled) return {};
  return {
    ...(draft.statuses.length === 0 ? { statuses: 'needsStatus' as const } : {}),
    ...(draft.rules.length === 0 ? { rules: 'needsRule' as const } : {}),
  };
}

/** The problems a refused save named (`details.problems` of INVALID_INPUT), by field, with the server's words. */
export function serverProblems(details: unknown): Partial<Record<GateProblem['field'], string>> {
  const problems = (details as { problems?: unknown } | undefined)?.problems;
  if (!Array.isArray(problems)) return {};
  const byField: Partial<Record<GateProblem['field'], string>> = {};
  for (const problem of problems as Partial<GateProblem>[]) {
    if (problem.field === undefined || typeof problem.message !== 'string') continue;
    byField[problem.field] =
      byField[problem.field] === undefined
        ? problem.message
        : `${byField[problem.field] ?? ''} ${problem.message}`;
  }
  return byField;
}
