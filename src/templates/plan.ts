import {
  bodyHash,
  placeholderNames,
  renderStorage,
  renderTitle,
  storageError,
  type RenderedValue,
} from './storage';
import {
  conflictFingerprint,
  mergeConflicts,
  mergeStorage,
  resolveMerge,
  sameBlocks,
  type ConflictChoice,
  type GivenChoice,
  type MergePart,
} from './merge';
import { flattenPages, type Bundle, type BundlePage, type InstalledMarker } from './model';

/** A page as it stands in the space, with the marker Vertebra left on it when it installed it. */
export interface SpacePage {
  readonly id: string;
  readonly title: string;
  readonly parentId: string | null;
  readonly version: number;
  readonly body: string;
  readonly marker?: InstalledMarker;
  /** The property holding the marker, needed to update it (Confluence versions properties too). */
  readonly markerProperty?: { readonly id: string; readonly version: number };
  readonly labels?: readonly string[];
}

/** A content template registered in the space (Confluence's Create menu). */
export interface SpaceTemplate {
  readonly id: string;
  readonly name: string;
  readonly body: string;
}

interface RenderedPage {
  readonly key: string;
  readonly parentKey: string | undefined;
  readonly title: string;
  readonly body: string;
  readonly labels: readonly string[];
  readonly hash: string;
}

interface RenderedTemplate {
  readonly key: string;
  readonly name: string;
  readonly description: string;
  readonly body: string;
  readonly labels: readonly string[];
  readonly hash: string;
}

export interface RenderedBundle {
  readonly id: string;
  readonly version: string;
  readonly pages: readonly RenderedPage[];
  readonly templates: readonly RenderedTemplate[];
}

/**
 * The problems that make a bundle unusable: undeclared variables, bodies that are not well-formed storage.
 * Each is reported at the path of the field as it stands in the file (`pages[0].children[2].body`), the same
 * notation the schema check uses, so ops find the line to fix.
 */
export function bundleProblems(bundle: Bundle): { path: string; message: string }[] {
  const declared = new Set(bundle.variables.map((variable) => variable.name));
  const problems: { path: string; message: string }[] = [];
  const check = (path: string, source: string, isBody: boolean): void => {
    for (const name of placeholderNames(source)) {
      if (!declared.has(name))
        problems.push({ path, message: `uses {{${name}}}, which is not a declared variable` });
    }
    if (isBody) {
      const error = storageError(source);
      if (error) problems.push({ path, message: `is not valid storage format: ${error}` });
    }
  };
  const visit = (pages: readonly BundlePage[], path: string): void => {
    pages.forEach((page, index) => {
      const at = `${path}[${String(index)}]`;
      check(`${at}.title`, page.title, false);
      check(`${at}.body`, page.body, true);
      visit(page.children, `${at}.children`);
    });
  };
  visit(bundle.pages, 'pages');
  bundle.templates.forEach((template, index) => {
    check(`templates[${String(index)}].body`, template.body, true);
  });
  return problems;
}

/** Renders every page and template of a bundle with validated variable values. */
export function renderBundle(
  bundle: Bundle,
  values: Readonly<Record<string, RenderedValue>>,
): RenderedBundle {
  return {
    id: bundle.id,
    version: bundle.version,
    pages: flattenPages(bundle.pages).map(({ page, parentKey }) => {
      const body = renderStorage(page.body, values);
      return {
        key: page.key,
        parentKey,
        title: renderTitle(page.title, values),
        body,
        labels: page.labels,
        hash: bodyHash(body),
      };
    }),
    // Template bodies keep their variables: Confluence fills them in when someone creates a page from it.
    templates: bundle.templates.map((template) => ({
      key: template.key,
      name: template.name,
      description: template.description,
      body: template.body,
      labels: template.labels,
      hash: bodyHash(template.body),
    })),
  };
}

export type PageAction = 'create' | 'update' | 'merge' | 'skip' | 'conflict';

type PageReason =
  | 'new'
  | 'installed'
  | 'edited-nothing-new'
  | 'newer-content'
  | 'merged'
  | 'resolved'
  | 'marker-behind'
  | 'marker-missing'
  | 'edited-since-install'
  | 'title-taken';

export interface PagePlan {
  readonly key: string;
  readonly title: string;
  readonly parentKey: string | undefined;
  readonly action: PageAction;
  readonly reason: PageReason;
  readonly pageId?: string;
  readonly currentVersion?: number;
  /** The page already holds the new body (an earlier run stopped before recording it): only the marker changes. */
  readonly bodyUpToDate?: boolean;
  readonly markerProperty?: { readonly id: string; readonly version: number };
  /** `merge`: the body to write, people's edits and the new version's changes together. */
  readonly mergedBody?: string;
  /** `conflict` of an edited page: the merge, with the three versions of each block both sides changed. */
  readonly merge?: readonly MergePart[];
  /** The person's choice for each conflict of `merge`, in page order (undefined: not chosen yet). */
  readonly choices?: readonly (ConflictChoice | undefined)[];
}

interface TemplatePlan {
  readonly key: string;
  readonly name: string;
  /** Templates are not merged: Confluence keeps no history of them to take a base from. */
  readonly action: Exclude<PageAction, 'merge'>;
  /** `title-taken`: a template of that name that Vertebra did not register (the space's own). */
  readonly reason: 'new' | 'installed' | 'newer-content' | 'edited-since-install' | 'title-taken';
  readonly templateId?: string;
}

export interface InstallPlan {
  readonly bundleId: string;
  readonly version: string;
  readonly pages: readonly PagePlan[];
  readonly templates: readonly TemplatePlan[];
}

/**
 * Decides, for each page of a rendered bundle, what installing it into the space would do, before anything
 * is written:
 * - no page carries this bundle page's marker: create it, unless another page already has the title (Confluence
 *   titles are unique in a space), which is a conflict, or that page holds exactly the wanted body (an earlier
 *   run created it and stopped before marking it), which only needs its marker;
 * - the page's body still matches the hash recorded at install (untouched): skip when it already has the
 *   wanted content (whichever version wrote it), update otherwise (newer bundle version or other values);
 * - people edited it: skip when the bundle brings nothing new for it; otherwise a three-way merge of the body as
 *   installed, the new one and theirs: `merge` when the changes do not overlap, a conflict carrying the blocks
 *   both sides changed when they do, or when the installed body is not known (never overwritten); a conflict
 *   whose every block has a person's choice in `choices` (by bundle page key, in page order) becomes a `merge`
 *   of what they chose.
 * `installedTemplates` are the templates a previous install registered, with the hash of what it wrote;
 * `installedBodies` the bodies it wrote, by bundle page key.
 */
export function planInstall(
  rendered: RenderedBundle,
  spacePages: readonly SpacePage[],
  spaceTemplates: readonly SpaceTemplate[] = [],
  installedTemplates: Readonly<Record<string, { id: string; hash: string }>> = {},
  installedBodies: ReadonlyMap<string, string> = new Map(),
  choices: ReadonlyMap<string, readonly (GivenChoice | undefined)[]> = new Map(),
): InstallPlan {
  const byMarker = new Map<string, SpacePage>();
  for (const page of [...spacePages].sort(
    (a, b) => Number(a.id) - Number(b.id) || a.id.localeCompare(b.id),
  )) {
    if (page.marker?.bundleId === rendered.id && !byMarker.has(page.marker.pageKey))
      byMarker.set(page.marker.pageKey, page);
  }
  const titles = new Map(spacePages.map((page) => [page.title.toLowerCase(), page]));

  const pages = rendered.pages.map((wanted): PagePlan => {
    const base = { key: wanted.key, title: wanted.title, parentKey: wanted.parentKey };
    const existing = byMarker.get(wanted.key);
    if (!existing?.marker) {
      const holder = titles.get(wanted.title.toLowerCase());
      if (!holder) return { ...base, action: 'create', reason: 'new' };
      // Our title and exactly our body, but no marker: an earlier run created it and stopped before marking it.
      if (!holder.marker && bodyHash(holder.body) === wanted.hash) {
        return {
          ...base,
          action: 'update',
          reason: 'marker-missing',
          pageId: holder.id,
          currentVersion: holder.version,
          bodyUpToDate: true,
        };
      }
      return { ...base, action: 'conflict', reason: 'title-taken', pageId: holder.id };
    }
    const found = {
      ...base,
      pageId: existing.id,
      currentVersion: existing.version,
      markerProperty: existing.markerProperty,
    };
    const current = bodyHash(existing.body);
    if (current === wanted.hash) {
      // A marker naming an older version but this very content is left alone: the version that last wrote
      // the page is true of it, and an upgrade writes nothing to the pages it does not change.
      return existing.marker.hash === wanted.hash
        ? { ...found, action: 'skip', reason: 'installed' }
        : { ...found, action: 'update', reason: 'marker-behind', bodyUpToDate: true };
    }
    if (current === existing.marker.hash) return { ...found, action: 'update', reason: 'newer-content' };
    if (existing.marker.hash === wanted.hash)
      return { ...found, action: 'skip', reason: 'edited-nothing-new' };
    const installed = installedBodies.get(wanted.key);
    // A stored body that is not the one the marker describes (a run cut between the two) is no base.
    if (installed === undefined || bodyHash(installed) !== existing.marker.hash)
      return { ...found, action: 'conflict', reason: 'edited-since-install' };
    const merged = mergeStorage(installed, wanted.body, existing.body);
    if (merged.kind === 'conflict') {
      const given = choices.get(wanted.key) ?? [];
      // A choice made on another state of the page (its fingerprint differs) is no choice for this one.
      const chosen = mergeConflicts(merged.parts).map((part, index): ConflictChoice | undefined => {
        const choice = given[index];
        if (choice === undefined || typeof choice === 'string') return choice;
        return choice.fingerprint === conflictFingerprint(part) ? choice.choice : undefined;
      });
      const settled = chosen.flatMap((choice) => (choice ? [choice] : []));
      if (settled.length < chosen.length)
        return {
          ...found,
          action: 'conflict',
          reason: 'edited-since-install',
          merge: merged.parts,
          choices: chosen,
        };
      const body = resolveMerge(merged.parts, settled);
      return {
        ...found,
        action: 'merge',
        reason: 'resolved',
        mergedBody: body,
        merge: merged.parts,
        choices: chosen,
        // Keeping theirs everywhere the new version brought nothing else: only the marker moves on.
        ...(bodyHash(body) === current || sameBlocks(body, existing.body) ? { bodyUpToDate: true } : {}),
      };
    }
    return {
      ...found,
      action: 'merge',
      reason: 'merged',
      mergedBody: merged.body,
      // The page already holds the merge (an earlier run wrote it and stopped before its marker).
      ...(bodyHash(merged.body) === current ? { bodyUpToDate: true } : {}),
    };
  });

  const templateByName = new Map(spaceTemplates.map((template) => [template.name.toLowerCase(), template]));
  const templates = rendered.templates.map((wanted): TemplatePlan => {
    const base = { key: wanted.key, name: wanted.name };
    const existing = templateByName.get(wanted.name.toLowerCase());
    if (!existing) return { ...base, action: 'create', reason: 'new' };
    const found = { ...base, templateId: existing.id };
    const current = bodyHash(existing.body);
    if (current === wanted.hash) return { ...found, action: 'skip', reason: 'installed' };
    const recorded = Object.hasOwn(installedTemplates, wanted.key)
      ? installedTemplates[wanted.key]
      : undefined;
    if (recorded?.id !== existing.id) return { ...found, action: 'conflict', reason: 'title-taken' };
    return recorded.hash === current
      ? { ...found, action: 'update', reason: 'newer-content' }
      : { ...found, action: 'conflict', reason: 'edited-since-install' };
  });

  return { bundleId: rendered.id, version: rendered.version, pages, templates };
}

/**
 * Counts of a plan's actions, pages and templates together, as the CLI and the UI summarise it. A step that
 * only rewrites Vertebra's marker (the page already holds the new body) changes nothing people see, so it
 * counts as skipped, not updated.
 */
export function summarisePlan(plan: InstallPlan): Record<PageAction, number> {
  const counts: Record<PageAction, number> = { create: 0, update: 0, merge: 0, skip: 0, conflict: 0 };
  for (const step of plan.pages) counts[step.bodyUpToDate ? 'skip' : step.action]++;
  for (const step of plan.templates) counts[step.action]++;
  return counts;
}

export interface UninstallPlan {
  /** Untouched installed pages: archived (never deleted), so nothing is lost. */
  readonly archive: readonly { id: string; title: string }[];
  /** Installed pages people edited: left in place and listed. */
  readonly keep: readonly { id: string; title: string }[];
}

/** Which installed pages of a bundle an uninstall archives (untouched) and which it leaves (edited). */
export function planUninstall(bundleId: string, spacePages: readonly SpacePage[]): UninstallPlan {
  const installed = spacePages.filter((page) => page.marker?.bundleId === bundleId);
  const untouched = (page: SpacePage): boolean => bodyHash(page.body) === page.marker?.hash;
  return {
    archive: installed.filter(untouched).map(({ id, title }) => ({ id, title })),
    keep: installed.filter((page) => !untouched(page)).map(({ id, title }) => ({ id, title })),
  };
}
