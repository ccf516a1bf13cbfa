import {
  createConfluenceClient,
  type ConfluenceClient,
  type ConfluenceSpace,
  type ListedPage,
} from '../../atlassian/confluence';
import { templatesError } from '../../templates/errors';
import { installedMarkerSchema, PAGE_PROPERTY_KEY } from '../../templates/model';
import type { SpacePage } from '../../templates/plan';
import type { Clock, KeyValueStore, Platform, Principal } from '../ports';

/** What the templates services need: a Confluence client acting as someone, the store and the clock. */
export interface TemplatesContext {
  readonly confluence: ConfluenceClient;
  readonly store: KeyValueStore;
  readonly clock: Clock;
  /** Who acts (recorded as "installed by"); null when the app acts on its own. */
  readonly actorAccountId: string | null;
}

/** The context for a user (installs run as the current user, so Confluence enforces their permissions). */
export function templatesContext(platform: Platform, principal: Principal): TemplatesContext {
  return {
    confluence: createConfluenceClient(platform.confluence(principal)),
    store: platform.store,
    clock: platform.clock,
    actorAccountId: principal.kind === 'user' ? principal.accountId : null,
  };
}

/** The space, or NOT_FOUND worded for people (Confluence answers the same for "absent" and "hidden"). */
export async function requireSpace(context: TemplatesContext, spaceKey: string): Promise<ConfluenceSpace> {
  const space = await context.confluence.spaceByKey(spaceKey);
  if (!space) throw templatesError('NOT_FOUND', 'spaceNotFound', { space: spaceKey });
  return space;
}

/** Checked before anything else is read or written: only space admins install, upgrade or uninstall bundles. */
export async function requireSpaceAdmin(context: TemplatesContext, space: ConfluenceSpace): Promise<void> {
  const operations = await context.confluence.spaceOperations(space.id);
  if (!operations.includes('administer:space')) {
    throw templatesError('FORBIDDEN', 'notSpaceAdmin', { space: space.key });
  }
}

/** A listed page as the planner sees it: the marker read from its `vertebra-template` property. */
export function toSpacePage(page: ListedPage): SpacePage {
  const property = page.properties[PAGE_PROPERTY_KEY];
  const marker = property ? installedMarkerSchema.safeParse(property.value) : undefined;
  return {
    id: page.id,
    title: page.title,
    parentId: page.parentId,
    version: page.version,
    body: page.body,
    labels: page.labels,
    ...(marker?.success ? { marker: marker.data } : {}),
    ...(property ? { markerProperty: { id: property.id, version: property.version } } : {}),
  };
}

/** Confluence's page-history diff between two versions: where people see what they changed. */
export function compareUrl(pageId: string, fromVersion: number, toVersion: number): string {
  return `/wiki/pages/diffpagesbyversion.action?pageId=${encodeURIComponent(pageId)}&selectedPageVersions=${fromVersion}&selectedPageVersions=${toVersion}`;
}
