import { mergeConflicts } from '../../templates/merge';
import type { PreparedInstall } from './prepare';
import { compareUrl } from './space';

export interface InstallConflict {
  readonly page: string;
  /** The bundle's key of the page or template: what a choice (`--resolve KEY:BLOCK=…`) names. */
  readonly key: string;
  readonly id: string | null;
  readonly reason: 'edited-since-install' | 'title-taken' | 'template-edited';
  /** Confluence's diff of the installed version against the current one, site-relative. */
  readonly compareUrl: string | null;
  /**
   * The blocks people and the new version both changed, each as installed, as the new version has it and as
   * people wrote it, for a choice of keep theirs / take ours / keep both. Absent when no merge could be tried
   * (the body as installed is not known, or the conflict is not about an edited page).
   */
  readonly blocks?: readonly { base: string; ours: string; theirs: string }[];
}

/**
 * The conflicts of a plan: installed pages people edited that the bundle would change (with Confluence's diff
 * of the installed version against theirs), pages of another origin holding a bundle title, and page templates
 * people edited. Listed the same way by the plan and by the install.
 */
export function planConflicts(prepared: Pick<PreparedInstall, 'plan' | 'pages'>): InstallConflict[] {
  return [
    ...prepared.plan.pages
      .filter((step) => step.action === 'conflict')
      .map((step): InstallConflict => {
        const current = step.pageId ? prepared.pages.get(step.pageId) : undefined;
        const edited = step.reason === 'edited-since-install' && current;
        return {
          page: step.title,
          key: step.key,
          id: step.pageId ?? null,
          reason: step.reason === 'title-taken' ? 'title-taken' : 'edited-since-install',
          compareUrl: edited
            ? compareUrl(current.id, current.marker?.pageVersion ?? 1, current.version)
            : null,
          ...(step.merge
            ? { blocks: mergeConflicts(step.merge).map(({ base, ours, theirs }) => ({ base, ours, theirs })) }
            : {}),
        };
      }),
    ...prepared.plan.templates
      .filter((step) => step.action === 'conflict')
      .map((step): InstallConflict => ({
        page: step.name,
        key: step.key,
        id: step.templateId ?? null,
        reason: 'template-edited',
        compareUrl: null,
      })),
  ];
}
