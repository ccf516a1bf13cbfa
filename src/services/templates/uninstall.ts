import type { ConfluenceSpace } from '../../atlassian/confluence/schemas';
import { PAGE_PROPERTY_KEY } from '../../templates/model';
import { planUninstall } from '../../templates/plan';
import { lockInstall, readRecord, writeRecord } from './records';
import { requireSpace, requireSpaceAdmin, toSpacePage, type TemplatesContext } from './space';

export interface UninstallOutcome {
  readonly archived: readonly { id: string; title: string }[];
  readonly kept: readonly { id: string; title: string }[];
}

/** Archives the bundle's untouched pages (never deletes) and lists the pages people edited, which stay. */
export async function uninstallBundle(
  context: TemplatesContext,
  request: { spaceKey: string; bundleId: string },
): Promise<UninstallOutcome> {
  const space = await requireSpace(context, request.spaceKey);
  await requireSpaceAdmin(context, space);
  const release = await lockInstall(
    context.store,
    space.key,
    request.bundleId,
    context.clock.now().getTime(),
  );
  try {
    return await uninstallLocked(context, space, request.bundleId);
  } finally {
    await release();
  }
}

async function uninstallLocked(
  context: TemplatesContext,
  space: ConfluenceSpace,
  bundleId: string,
): Promise<UninstallOutcome> {
  const record = await readRecord(context.store, space.key, bundleId);
  const listing = await context.confluence.listSpacePages(
    space.key,
    [PAGE_PROPERTY_KEY],
    // Without a record (installed from elsewhere), the whole space is read: uninstalling is rare.
    record ? { ids: Object.values(record.pages) } : {},
  );
  const plan = planUninstall(bundleId, listing.map(toSpacePage));
  if (plan.archive.length > 0) await context.confluence.archivePages(plan.archive.map((page) => page.id));
  if (record) await writeRecord(context.store, { ...record, status: 'uninstalled' });
  return { archived: plan.archive, kept: plan.keep };
}
