import { ConfluenceClient } from '../../atlassian/confluence';
import type { ConfluenceSpace, ListedPage } from '../../atlassian/confluence/schemas';
import { templatesError } from './errors';
import { installedMarkerSchema, PAGE_PROPERTY_KEY, type Language } from '../../templates/model';
import type { SpacePage } from '../../templates/plan';
import type { Clock, KeyValueStore, Platform, Principal } from '../ports';
import { peopleByAccountIds, type Person } from './people';
import { availableBundles, listRecords, type InstallRecord } from './records';

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
    confluence: new ConfluenceClient(platform.confluence(principal)),
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

/** Whether the caller administers the space (Confluence's `administer` operation on it). */
async function administers(context: TemplatesContext, space: ConfluenceSpace): Promise<boolean> {
  return (await context.confluence.spaceOperations(space.id)).includes('administer:space');
}

/** Checked before anything else is read or written: only space admins install, upgrade or uninstall bundles. */
export async function requireSpaceAdmin(context: TemplatesContext, space: ConfluenceSpace): Promise<void> {
  if (!(await administers(context, space))) {
    throw templatesError('FORBIDDEN', 'notSpaceAdmin', { space: space.key });
  }
}

/** What the installer needs to know before anyone fills anything in: may the caller install here, and what is. */
export interface SpaceAccess {
  readonly spaceKey: string;
  readonly spaceName: string;
  readonly canAdminister: boolean;
  readonly installations: readonly {
    readonly bundleId: string;
    readonly version: string;
    readonly language: Language;
    readonly status: InstallRecord['status'];
    readonly installedAt: string;
    /** The values it was installed with: the installer starts from them, so an upgrade changes nothing else. */
    readonly variables: Readonly<Record<string, string>>;
    /** The version of the bundle available now (shipped or imported); null when the bundle is gone. */
    readonly availableVersion: string | null;
    /** The choices people made on conflicting blocks at upgrades, who made them and when, latest last. */
    readonly resolutions: readonly (Omit<NonNullable<InstallRecord['resolutions']>[number], 'chosenBy'> & {
      readonly chosenBy: Person | null;
    })[];
  }[];
}

/**
 * The space as the installer opens it: whether the caller administers it (so a non-admin is told at once, not
 * after filling the form in), the bundles installed there with the version available now (a newer one: the
 * space is behind), and to space admins the choices made at upgrades, by name as the caller may see them. Two
 * reads and the store, and one lookup of people when choices were made.
 */
export async function spaceAccess(context: TemplatesContext, spaceKey: string): Promise<SpaceAccess> {
  const space = await requireSpace(context, spaceKey);
  const [canAdminister, allRecords, bundles] = await Promise.all([
    administers(context, space),
    listRecords(context.store),
    availableBundles(context.store),
  ]);
  // Choices name pages and people: they are the space admins' record of upgrades, and shown to them only.
  const records = allRecords
    .filter((record) => record.spaceKey === space.key)
    .map((record) => (canAdminister ? record : { ...record, resolutions: [] }));
  const choosers = records.flatMap((record) =>
    (record.resolutions ?? []).flatMap((resolution) => (resolution.chosenBy ? [resolution.chosenBy] : [])),
  );
  const people = new Map(
    (choosers.length > 0 ? await peopleByAccountIds(context, choosers) : []).map((person) => [
      person.accountId,
      person,
    ]),
  );
  return {
    spaceKey: space.key,
    spaceName: space.name,
    canAdminister,
    installations: records.map(({ bundleId, version, language, status, installedAt, variables, ...rest }) => {
      const variants = bundles.filter((bundle) => bundle.id === bundleId);
      const available = variants.find((bundle) => bundle.language === language) ?? variants[0];
      return {
        bundleId,
        version,
        language,
        status,
        installedAt,
        variables,
        availableVersion: available?.version ?? null,
        resolutions: (rest.resolutions ?? []).map((resolution) => ({
          ...resolution,
          chosenBy: resolution.chosenBy ? (people.get(resolution.chosenBy) ?? null) : null,
        })),
      };
    }),
  };
}

/**
 * The catalogue and imports concern every space of the site: Confluence administrators only. Confluence shows
 * global settings to them alone, but any module of the app could invoke the resolver, so it is checked here.
 */
export async function requireConfluenceAdmin(context: TemplatesContext): Promise<void> {
  const operations = await context.confluence.siteOperations();
  if (!operations.includes('administer:application')) {
    throw templatesError('FORBIDDEN', 'notConfluenceAdmin');
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
