import type { PlanAction } from '../../contract/templates';
import { AtlassianError } from '../../atlassian/errors';
import { mapConcurrent } from '../../atlassian/request';
import { PAGE_PROPERTY_KEY, type InstalledMarker } from '../../templates/model';
import { type PagePlan } from '../../templates/plan';
import { bodyHash } from '../../templates/storage';
import { lockInstall, writeBase, writeRecord, type InstallRecord } from './records';
import { planConflicts, type InstallConflict } from './conflicts';
import { KEPT_RESOLUTIONS, refuseUnchosen } from './resolutions';
import { createTemplateOnce, sameRecord } from './install-writes';
import { type TemplatesContext } from './space';

import {
  authorisedTarget,
  isWrite,
  planTarget,
  wireAction,
  type InstallRequest,
  type PreparedInstall,
} from './prepare';

export interface InstallOutcome {
  readonly bundleId: string;
  readonly version: string;
  readonly spaceKey: string;
  readonly created: number;
  /** Pages and templates whose body was written: new versions and merges. */
  readonly updated: number;
  /** How many of the updated pages merged people's edits with the new version. */
  readonly merged: number;
  /** Steps that changed nothing people see (a marker rewritten at most). */
  readonly skipped: number;
  readonly conflicts: readonly InstallConflict[];
  /** Page and template steps still to write (when the call was limited with `maxWrites`). */
  readonly remaining: number;
  readonly pages: readonly { key: string; title: string; id: string | null; action: PlanAction }[];
}

export interface InstallOptions {
  /** Stops after this many page or template steps that write (the UI calls again: the install resumes). */
  readonly maxSteps?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

function depthOf(step: PagePlan, byKey: ReadonlyMap<string, PagePlan>): number {
  let depth = 0;
  for (let parent = step.parentKey; parent; parent = byKey.get(parent)?.parentKey) depth++;
  return depth;
}

/**
 * Installs (or upgrades) a bundle in a space, as planned by `prepareInstall`, holding the bundle's lock in the
 * space (a second install at once fails with CONFLICT). Two writes per page (plus one for pages that declare
 * labels): a create writes the page, its labels, then its marker property; an update writes the body then the
 * marker. The marker always comes last, so a run cut anywhere leaves a page the next run finishes (our title
 * and body, no marker), never one it mistakes for done. Safe to repeat: a second run writes nothing but a
 * record that needs repair, an interrupted one resumes, edited pages are never overwritten.
 */
export async function installBundle(
  context: TemplatesContext,
  request: InstallRequest,
  options: InstallOptions = {},
): Promise<InstallOutcome> {
  // Authorisation comes before the lock: someone who may not install never holds it. The plan is made under
  // the lock, so it is never one another run is busy making stale.
  const { space, bundle } = await authorisedTarget(context, request);
  const release = await lockInstall(context.store, space.key, bundle.id, context.clock.now().getTime());
  try {
    const prepared = await planTarget(context, request, space, bundle);
    refuseUnchosen(prepared.plan);
    return await installPlanned(context, prepared, options);
  } finally {
    await release();
  }
}

async function installPlanned(
  context: TemplatesContext,
  prepared: PreparedInstall,
  options: InstallOptions,
): Promise<InstallOutcome> {
  const { plan, rendered, space } = prepared;
  const wantedByKey = new Map(rendered.pages.map((page) => [page.key, page]));
  const stepsByKey = new Map(plan.pages.map((step) => [step.key, step]));
  const pageIds = new Map<string, string>();
  for (const step of plan.pages) if (step.pageId) pageIds.set(step.key, step.pageId);

  const writing = [
    ...plan.pages.filter((step) => isWrite(step.action)),
    ...plan.templates.filter((step) => step.action === 'create' || step.action === 'update'),
  ];
  const budget = Math.min(options.maxSteps ?? Number.POSITIVE_INFINITY, writing.length);
  let done = 0;
  const now = context.clock.now().toISOString();
  const marker = (key: string, hash: string, pageVersion: number): InstalledMarker => ({
    bundleId: rendered.id,
    version: rendered.version,
    pageKey: key,
    hash,
    pageVersion,
    installedAt: now,
    ...(context.actorAccountId ? { installedBy: context.actorAccountId } : {}),
  });

  const record: InstallRecord = {
    bundleId: prepared.bundle.id,
    version: prepared.bundle.version,
    language: prepared.bundle.language,
    spaceKey: space.key,
    spaceId: space.id,
    parentId: prepared.parentId,
    status: 'partial',
    installedAt: now,
    installedBy: context.actorAccountId,
    pages: Object.fromEntries(pageIds),
    templates: { ...(prepared.record?.templates ?? {}) },
    variables: prepared.variables,
  };
  // Templates already in the space as the bundle wants them are recorded too: a run that created one and
  // stopped before writing the record (or lost it to a concurrent run) is repaired by the next.
  const templateIds = new Map(Object.entries(record.templates));
  for (const step of plan.templates) {
    const wanted = rendered.templates.find((template) => template.key === step.key);
    if (step.action === 'skip' && step.reason === 'installed' && step.templateId && wanted)
      templateIds.set(step.key, { id: step.templateId, hash: wanted.hash });
  }
  const lateConflicts: InstallConflict[] = [];
  const chosen: NonNullable<InstallRecord['resolutions']> = [];
  const written = { created: 0, updated: 0, merged: 0 };

  /** Creates or replaces the marker; a create refused because it exists (an earlier attempt landed) becomes an update. */
  const writeMarker = async (
    pageId: string,
    known: { id: string; version: number } | undefined,
    value: InstalledMarker,
  ): Promise<void> => {
    if (known) {
      await context.confluence.updatePageProperty(
        pageId,
        { id: known.id, key: PAGE_PROPERTY_KEY, version: known.version },
        value,
      );
      return;
    }
    try {
      await context.confluence.createPageProperty(pageId, PAGE_PROPERTY_KEY, value);
    } catch (error) {
      if (!(error instanceof AtlassianError) || (error.status !== 400 && error.status !== 409)) throw error;
      const existing = await context.confluence.getPageProperty(pageId, PAGE_PROPERTY_KEY);
      if (!existing) throw error;
      await context.confluence.updatePageProperty(pageId, existing, value);
    }
  };

  const runPage = async (step: PagePlan): Promise<void> => {
    if (done >= budget || !isWrite(step.action)) return;
    done++;
    const wanted = wantedByKey.get(step.key);
    if (!wanted) return;
    if (step.action === 'create') {
      const parentId = step.parentKey ? pageIds.get(step.parentKey) : prepared.parentId;
      if (!parentId) return; // its parent was not written in this call; the next run creates both
      const created = await context.confluence.createPage({
        spaceId: space.id,
        parentId,
        title: wanted.title,
        body: wanted.body,
      });
      pageIds.set(step.key, created.id);
      // Labels need v1 (one more write), so only pages that declare labels pay for it. The marker comes last:
      // it says the page is complete.
      await context.confluence.addLabels(created.id, wanted.labels);
      await writeMarker(created.id, undefined, marker(step.key, wanted.hash, created.version));
      written.created++;
    } else if (step.pageId) {
      let version = step.currentVersion ?? 1;
      const body = step.mergedBody ?? wanted.body;
      if (!step.bodyUpToDate) {
        try {
          version = await context.confluence.updatePage({
            id: step.pageId,
            title: wanted.title,
            body,
            version,
            message: `Vertebra: ${rendered.id} ${rendered.version}`,
          });
        } catch (error) {
          if (!(error instanceof AtlassianError) || error.status !== 409) throw error;
          // A 409 after a retried PUT may be our own first attempt, which landed: the page then holds our body.
          const current = await context.confluence.findPageByTitle(space.id, wanted.title);
          if (current?.id !== step.pageId || bodyHash(current.body) !== bodyHash(body)) {
            // Someone saved the page between our read and our write: their edit wins.
            lateConflicts.push({
              page: wanted.title,
              key: step.key,
              id: step.pageId,
              reason: 'edited-since-install',
              compareUrl: null,
            });
            return;
          }
          version = current.version;
        }
      }
      if (step.reason === 'marker-missing') await context.confluence.addLabels(step.pageId, wanted.labels);
      // A merged page's marker holds the new version's hash, not the merge's: the page still differs from
      // what Vertebra installed by people's edits, so the next upgrade merges again instead of replacing it.
      await writeMarker(step.pageId, step.markerProperty, marker(step.key, wanted.hash, version));
      if (!step.bodyUpToDate) {
        written.updated++;
        if (step.action === 'merge') written.merged++;
      }
      step.choices?.forEach((choice, index) => {
        if (choice)
          chosen.push({
            pageKey: step.key,
            page: wanted.title,
            block: index + 1,
            choice,
            version: rendered.version,
            chosenBy: context.actorAccountId,
            chosenAt: now,
          });
      });
    }
    // The base goes last: a base is only used when it matches the marker, so a run cut before it merely leaves
    // the page without one (its next edits are a conflict, not a wrong merge).
    await writeBase(context.store, space.key, rendered.id, step.key, wanted.body);
    options.onProgress?.(done, budget);
  };

  try {
    // Pages installed before bases were kept, or whose base was lost to a cut run, get theirs while untouched.
    for (const step of plan.pages) {
      const wanted = wantedByKey.get(step.key);
      const base = prepared.bases.get(step.key);
      if (step.action !== 'skip' || step.reason !== 'installed' || !wanted) continue;
      if (base === undefined || bodyHash(base) !== wanted.hash)
        await writeBase(context.store, space.key, rendered.id, step.key, wanted.body);
    }
    const depths = [...new Set(plan.pages.map((step) => depthOf(step, stepsByKey)))].sort((a, b) => a - b);
    for (const depth of depths) {
      // Siblings are independent: a few at once; parents are always written before their children.
      await mapConcurrent(
        plan.pages.filter((step) => depthOf(step, stepsByKey) === depth),
        4,
        runPage,
      );
    }
    for (const step of plan.templates) {
      if (done >= budget || (step.action !== 'create' && step.action !== 'update')) continue;
      const wanted = rendered.templates.find((template) => template.key === step.key);
      if (!wanted) continue;
      const labels = [...new Set([...wanted.labels, `vertebra-${rendered.id}`])];
      const input = {
        spaceKey: space.key,
        name: wanted.name,
        description: wanted.description,
        body: wanted.body,
        labels,
      };
      const saved =
        step.action === 'create' || !step.templateId
          ? await createTemplateOnce(context, input)
          : await context.confluence.updateTemplate(step.templateId, input);
      templateIds.set(step.key, { id: saved.id, hash: wanted.hash });
      written[step.action === 'create' ? 'created' : 'updated']++;
      done++;
      options.onProgress?.(done, budget);
    }
  } finally {
    record.pages = Object.fromEntries(pageIds);
    record.templates = Object.fromEntries(templateIds);
    record.status = done >= writing.length ? 'installed' : 'partial';
    const resolutions = [...(prepared.record?.resolutions ?? []), ...chosen].slice(-KEPT_RESOLUTIONS);
    if (resolutions.length > 0) record.resolutions = resolutions;
    // Written whenever it would change: a partial or incomplete record left by an earlier run is repaired.
    if (writing.length > 0 || !sameRecord(prepared.record, record)) await writeRecord(context.store, record);
  }

  const conflicts = [...planConflicts(prepared), ...lateConflicts];
  const count = (action: PagePlan['action']): number =>
    [...plan.pages, ...plan.templates].filter((step) => step.action === action).length;
  return {
    bundleId: rendered.id,
    version: rendered.version,
    spaceKey: space.key,
    created: written.created,
    updated: written.updated,
    merged: written.merged,
    skipped: count('skip') + plan.pages.filter((step) => step.bodyUpToDate).length,
    conflicts,
    remaining: writing.length - done,
    pages: plan.pages.map((step) => ({
      key: step.key,
      title: step.title,
      id: pageIds.get(step.key) ?? null,
      action: wireAction(step),
    })),
  };
}
