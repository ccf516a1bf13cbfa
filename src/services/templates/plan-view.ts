import type { PlanView } from '../../contract/templates';
import { conflictFingerprint, mergeConflicts } from '../../templates/merge';
import { summarisePlan, type SpacePage } from '../../templates/plan';
import { isWrite, prepareInstall, wireAction, type InstallRequest } from './prepare';
import { compareUrl, type TemplatesContext } from './space';

/** Confluence's diff of what people changed since the install, for a page with blocks to choose on. */
function comparison(page: SpacePage | undefined): string | null {
  return page ? compareUrl(page.id, page.marker?.pageVersion ?? 1, page.version) : null;
}

/**
 * What installing would do, page by page, as the installer shows it: each page with its depth in the tree, each
 * template, and the plan's counts. Writes nothing; space admins only (prepareInstall checks first).
 */
export async function planView(context: TemplatesContext, request: InstallRequest): Promise<PlanView> {
  const prepared = await prepareInstall(context, request);
  const depth = new Map<string, number>();
  for (const step of prepared.plan.pages)
    depth.set(step.key, step.parentKey ? (depth.get(step.parentKey) ?? 0) + 1 : 0);
  return {
    bundleId: prepared.plan.bundleId,
    version: prepared.plan.version,
    spaceKey: prepared.space.key,
    parentId: prepared.parentId,
    pages: prepared.plan.pages.map((step) => ({
      key: step.key,
      title: step.title,
      depth: depth.get(step.key) ?? 0,
      action: wireAction(step),
      reason: step.reason,
      pageId: step.pageId ?? null,
      compareUrl: comparison(step.merge ? prepared.pages.get(step.pageId ?? '') : undefined),
      conflicts: mergeConflicts(step.merge ?? []).map(({ base, ours, theirs }, index) => ({
        base,
        ours,
        theirs,
        choice: step.choices?.[index] ?? null,
        fingerprint: conflictFingerprint({ ours, theirs }),
      })),
    })),
    templates: prepared.plan.templates.map((step) => ({
      key: step.key,
      name: step.name,
      action: step.action,
      reason: step.reason,
    })),
    summary: summarisePlan(prepared.plan),
    writes: [...prepared.plan.pages, ...prepared.plan.templates].filter((step) => isWrite(step.action))
      .length,
  };
}
