import { mergeConflicts, type ConflictChoice, type GivenChoice } from '../../templates/merge';
import type { InstallPlan } from '../../templates/plan';
import { templatesError } from './errors';

/** People's choices on conflicting blocks, as plans and installs take them. */

/** How one conflicting block of a page is settled. */
export interface Resolution {
  readonly pageKey: string;
  readonly block: number;
  readonly choice: ConflictChoice;
  /** The fingerprint of the conflict the person saw (the plan gives it): the choice applies to it alone. */
  readonly fingerprint?: string | undefined;
}

/** How many choices an install record keeps: the latest, so the record stays far below KVS's value limit. */
export const KEPT_RESOLUTIONS = 200;

/** The choices by bundle page key, each at its conflict's index (a choice given twice: the last one counts). */
export function choicesByPage(resolutions: readonly Resolution[]): Map<string, (GivenChoice | undefined)[]> {
  const byPage = new Map<string, (GivenChoice | undefined)[]>();
  for (const { pageKey, block, choice, fingerprint } of resolutions) {
    const choices = byPage.get(pageKey) ?? [];
    choices[block - 1] = fingerprint === undefined ? choice : { choice, fingerprint };
    byPage.set(pageKey, choices);
  }
  return byPage;
}

/**
 * A choice for a block the page does not have is refused (the person chose on another state of the page).
 * Choices for pages that are not in conflict are let through: a resumed install has already written them.
 */
export function checkResolutions(plan: InstallPlan, resolutions: readonly Resolution[]): void {
  const steps = new Map(plan.pages.map((step) => [step.key, step]));
  for (const resolution of resolutions) {
    const step = steps.get(resolution.pageKey);
    if (!step?.merge) continue;
    const count = mergeConflicts(step.merge).length;
    if (resolution.block > count)
      throw templatesError('INVALID_INPUT', 'unknownConflictBlock', {
        page: step.title,
        block: resolution.block,
        count,
      });
  }
}

/** Nothing is written while a conflict a person can settle waits for their choice: CONFLICT naming the pages. */
export function refuseUnchosen(plan: InstallPlan): void {
  const unchosen = plan.pages.filter((step) => step.action === 'conflict' && step.merge);
  if (unchosen.length > 0)
    throw templatesError(
      'CONFLICT',
      'unresolvedConflicts',
      { count: unchosen.length, pages: unchosen.map((step) => step.title).join(', ') },
      { pages: unchosen.map((step) => ({ key: step.key, title: step.title })) },
    );
}
