/** Preparing an install or an upgrade: who may, where, and the plan of what it would write. */
import type { ConfluenceSpace } from '../../atlassian/confluence/schemas';
import type { PlanAction } from '../../contract/templates';
import { templatesError } from './errors';
import { PAGE_PROPERTY_KEY, type Bundle, type Language } from '../../templates/model';
import {
  planInstall,
  renderBundle,
  type InstallPlan,
  type PagePlan,
  type RenderedBundle,
  type SpacePage,
} from '../../templates/plan';
import { resolveVariables } from '../../templates/variables';
import { findBundle, readBases, readRecord, type InstallRecord } from './records';
import { checkResolutions, choicesByPage, type Resolution } from './resolutions';
import { requireSpace, requireSpaceAdmin, toSpacePage, type TemplatesContext } from './space';

export interface InstallRequest {
  readonly spaceKey: string;
  readonly bundleId: string;
  readonly language: Language;
  readonly variables: Readonly<Record<string, string>>;
  /** Where the bundle's top pages go; the space home page when absent. */
  readonly parentId?: string | undefined;
  /** A person's choice for conflicting blocks: block 1 is the page's first conflict in page order. */
  readonly resolutions?: readonly Resolution[] | undefined;
}

export interface PreparedInstall {
  readonly bundle: Bundle;
  readonly space: ConfluenceSpace;
  readonly parentId: string;
  readonly rendered: RenderedBundle;
  readonly plan: InstallPlan;
  readonly pages: ReadonlyMap<string, SpacePage>;
  readonly record: InstallRecord | undefined;
  /** The bodies the pages were installed with, by bundle page key: the bases of three-way merges. */
  readonly bases: ReadonlyMap<string, string>;
  /** The values installed with: those given, and the last install's for the others. */
  readonly variables: Readonly<Record<string, string>>;
}

/**
 * Reads what an install needs and plans it, writing nothing. Reads, in order: the space, the caller's
 * operations on it (the admin check, before anything else), one CQL search for the parent, the pages the last
 * install recorded and the pages holding the bundle's titles (bodies and markers expanded), and the space's
 * templates when the bundle has some: four requests for a bundle of up to 50 pages, whatever the space's size.
 * A missing space, a non-admin, bad variables or a parent page from another space fail here, so nothing is ever
 * half-written because of them.
 */
export async function prepareInstall(
  context: TemplatesContext,
  request: InstallRequest,
): Promise<PreparedInstall> {
  const { space, bundle } = await authorisedTarget(context, request);
  return planTarget(context, request, space, bundle);
}

/** The space and bundle of a request, once the caller is known to administer the space. */
export async function authorisedTarget(
  context: TemplatesContext,
  request: Pick<InstallRequest, 'spaceKey' | 'bundleId' | 'language'>,
): Promise<{ space: ConfluenceSpace; bundle: Bundle }> {
  // Who may install comes first: someone who cannot install is told so, not asked to fix their values.
  const space = await requireSpace(context, request.spaceKey);
  await requireSpaceAdmin(context, space);
  return { space, bundle: await findBundle(context.store, request.bundleId, request.language) };
}

export async function planTarget(
  context: TemplatesContext,
  request: InstallRequest,
  space: ConfluenceSpace,
  bundle: Bundle,
): Promise<PreparedInstall> {
  const record = await readRecord(context.store, space.key, bundle.id);
  // An upgrade keeps the values of the last install unless new ones are given (the plan shows the effect).
  const declared = new Set(bundle.variables.map((variable) => variable.name));
  const previous = Object.entries(record?.variables ?? {}).filter(([name]) => declared.has(name));
  const variables = { ...Object.fromEntries(previous), ...request.variables };
  const resolved = resolveVariables(bundle.variables, variables);
  if (!resolved.ok) {
    const lines = resolved.problems.map((problem) => `${problem.variable} ${problem.message}`);
    throw templatesError(
      'INVALID_INPUT',
      'badVariables',
      { problems: lines.join('; ') },
      { variables: resolved.problems },
    );
  }
  const parentId = request.parentId ?? record?.parentId ?? space.homepageId;
  if (!parentId) throw templatesError('INVALID_INPUT', 'noHomePage', { space: space.key });
  const rendered = renderBundle(bundle, resolved.values);
  // One search, however large the space: the parent, the pages the last install recorded (found even if
  // people renamed or moved them) and any page holding one of the bundle's titles (Confluence's unique key).
  const listing = await context.confluence.listSpacePages(space.key, [PAGE_PROPERTY_KEY], {
    ids: [parentId, ...Object.values(record?.pages ?? {})],
    titles: rendered.pages.map((page) => page.title),
  });
  const pages = new Map(listing.map((page) => [page.id, toSpacePage(page)]));
  if (!pages.has(parentId)) {
    throw templatesError('INVALID_INPUT', 'parentNotInSpace', { page: parentId, space: space.key });
  }
  const templates = bundle.templates.length > 0 ? await context.confluence.listTemplates(space.key) : [];
  const bases = await readBases(context.store, space.key, bundle.id);
  const resolutions = request.resolutions ?? [];
  const plan = planInstall(
    rendered,
    [...pages.values()],
    templates,
    record?.templates,
    bases,
    choicesByPage(resolutions),
  );
  checkResolutions(plan, resolutions);
  return { bundle, space, parentId, rendered, plan, pages, record, bases, variables };
}

/** A page step as the screens show it: one that only rewrites the marker changes nothing people see. */
export function wireAction(step: Pick<PagePlan, 'action' | 'bodyUpToDate'>): PlanAction {
  return step.bodyUpToDate ? 'skip' : step.action;
}

export const isWrite = (action: PagePlan['action']): boolean =>
  action === 'create' || action === 'update' || action === 'merge';
