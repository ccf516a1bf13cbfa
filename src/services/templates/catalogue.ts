import { mapConcurrent } from '../../atlassian/request';
import type { CatalogueEntryView } from '../../contract/templates';
import { compareVersions } from '../../contract/templates';
import { AppError } from '../../contract/result';
import { templatesError } from './errors';
import {
  bundleFromPageTree,
  parseBundleFile,
  serialiseBundle,
  type BundleFormat,
} from '../../templates/codec';
import { flattenPages, PAGE_PROPERTY_KEY, type Bundle, type Language } from '../../templates/model';
import { bodyHash } from '../../templates/storage';
import type { KeyValueStore } from '../ports';
import { peopleByAccountIds } from './people';
import { availableBundles, listRecords, saveCustomBundle, type InstallRecord } from './records';
import { requireConfluenceAdmin, requireSpace, toSpacePage, type TemplatesContext } from './space';

export interface BundleSummary {
  readonly id: string;
  readonly version: string;
  readonly languages: readonly Language[];
  readonly title: string;
  readonly description: string;
  readonly pageCount: number;
  readonly templateCount: number;
  readonly shipped: boolean;
  readonly variables: Bundle['variables'];
  readonly pages: readonly { key: string; title: string; depth: number }[];
}

interface Installation {
  readonly spaceKey: string;
  readonly version: string;
  readonly language: Language;
  readonly installedAt: string;
  readonly installedBy: string | null;
  readonly status: InstallRecord['status'];
  readonly upgradeAvailable: boolean;
}

export interface CatalogueEntry extends BundleSummary {
  readonly installations: readonly Installation[];
}

/** The bundles available (shipped and imported) in the asked language where it exists. */
export async function listBundles(store: KeyValueStore, language: Language): Promise<BundleSummary[]> {
  const bundles = await availableBundles(store);
  const ids = [...new Set(bundles.map((bundle) => bundle.id))];
  return ids.map((id) => {
    const variants = bundles.filter((bundle) => bundle.id === id);
    const bundle = variants.find((variant) => variant.language === language) ?? variants[0];
    if (!bundle) throw new Error(`bundle ${id} vanished`);
    const depthOf = (key: string | undefined, pages: ReturnType<typeof flattenPages>): number => {
      let depth = 0;
      for (let parent = key; parent; parent = pages.find((entry) => entry.page.key === parent)?.parentKey)
        depth++;
      return depth;
    };
    const flat = flattenPages(bundle.pages);
    return {
      id,
      version: bundle.version,
      languages: variants.map((variant) => variant.language),
      title: bundle.title,
      description: bundle.description,
      pageCount: flat.length,
      templateCount: bundle.templates.length,
      shipped: ['product-knowledge', 'product-ops', 'pm-onboarding'].includes(id),
      variables: bundle.variables,
      pages: flat.map(({ page, parentKey }) => ({
        key: page.key,
        title: page.title,
        depth: depthOf(parentKey, flat),
      })),
    };
  });
}

/** The catalogue of global settings: each bundle with the spaces where it is installed (version, date, who). */
export async function catalogue(store: KeyValueStore, language: Language): Promise<CatalogueEntry[]> {
  const [bundles, records] = await Promise.all([listBundles(store, language), listRecords(store)]);
  return bundles.map((bundle) => ({
    ...bundle,
    installations: records
      .filter((record) => record.bundleId === bundle.id)
      .map((record) => ({
        spaceKey: record.spaceKey,
        version: record.version,
        language: record.language,
        installedAt: record.installedAt,
        installedBy: record.installedBy,
        status: record.status,
        upgradeAvailable: compareVersions(bundle.version, record.version) > 0,
      }))
      .sort((a, b) => a.spaceKey.localeCompare(b.spaceKey)),
  }));
}

export interface Adoption {
  readonly spaceKey: string;
  readonly bundleId: string;
  readonly installedPages: number;
  /** Installed pages whose body differs from what was installed: people made them their own. */
  readonly editedPages: number;
  /** Installed pages someone opened at least once (Confluence analytics): the pages people read. */
  readonly viewedPages: number;
  /** Views of the installed pages, summed. */
  readonly views: number;
  /** Pages created from the bundle's templates: they carry the `vertebra-<bundle>` label, not the marker. */
  readonly createdFromTemplates: number;
}

/**
 * How much a space uses an installed bundle: edited pages, views, pages created from its templates. Reads as
 * the caller: the space, one listing, and one view count per installed page (a few at once).
 */
export async function spaceAdoption(
  context: TemplatesContext,
  request: { spaceKey: string; bundleId: string },
): Promise<Adoption> {
  const space = await requireSpace(context, request.spaceKey);
  const record = (await listRecords(context.store)).find(
    (candidate) => candidate.spaceKey === space.key && candidate.bundleId === request.bundleId,
  );
  const scope = {
    labels: [`vertebra-${request.bundleId}`],
    ...(record ? { ids: Object.values(record.pages) } : {}),
  };
  const listing = (await context.confluence.listSpacePages(space.key, [PAGE_PROPERTY_KEY], scope)).map(
    toSpacePage,
  );
  const installed = listing.filter((page) => page.marker?.bundleId === request.bundleId);
  const views = await mapConcurrent(installed, 4, (page) => context.confluence.pageViews(page.id));
  return {
    spaceKey: space.key,
    bundleId: request.bundleId,
    installedPages: installed.length,
    editedPages: installed.filter((page) => bodyHash(page.body) !== page.marker?.hash).length,
    viewedPages: views.filter((count) => count > 0).length,
    views: views.reduce((sum, count) => sum + count, 0),
    createdFromTemplates: listing.filter(
      (page) => !page.marker && page.labels?.includes(`vertebra-${request.bundleId}`),
    ).length,
  };
}

/** Exports a page tree of a space (the page and everything below it) as a bundle file to edit and import. */
export async function exportPageTree(
  context: TemplatesContext,
  request: {
    spaceKey: string;
    rootPageId: string;
    id: string;
    version: string;
    language: Language;
    title: string;
    format: BundleFormat;
  },
): Promise<string> {
  const space = await requireSpace(context, request.spaceKey);
  const listing = await context.confluence.listSpacePages(space.key, [], { underPageId: request.rootPageId });
  if (!listing.some((page) => page.id === request.rootPageId)) {
    throw templatesError('INVALID_INPUT', 'rootNotInSpace', { page: request.rootPageId, space: space.key });
  }
  const bundle = bundleFromPageTree(
    { id: request.id, version: request.version, language: request.language, title: request.title },
    listing,
    request.rootPageId,
  );
  return serialiseBundle(bundle, request.format);
}

/**
 * Global settings: every bundle and where it is installed, with who installed it by name as the caller may see
 * them (Confluence admins only).
 */
export async function catalogueView(
  user: TemplatesContext,
  language: Language,
): Promise<CatalogueEntryView[]> {
  await requireConfluenceAdmin(user);
  const entries = await catalogue(user.store, language);
  const installers = entries.flatMap((entry) =>
    entry.installations.flatMap((installation) =>
      installation.installedBy ? [installation.installedBy] : [],
    ),
  );
  const people = new Map(
    (installers.length > 0 ? await peopleByAccountIds(user, installers) : []).map((person) => [
      person.accountId,
      person,
    ]),
  );
  return entries.map((entry) => ({
    ...entry,
    installations: entry.installations.map((installation) => ({
      ...installation,
      installedBy: installation.installedBy
        ? (people.get(installation.installedBy) ?? {
            accountId: installation.installedBy,
            displayName: null,
            avatarUrl: null,
          })
        : null,
    })),
  }));
}

/**
 * Imports a custom bundle file (Confluence admins: it becomes installable in every space); every problem comes
 * back with its path, and nothing is saved then.
 */
export async function importBundle(
  user: TemplatesContext,
  text: string,
  format: BundleFormat | undefined,
): Promise<BundleSummary> {
  await requireConfluenceAdmin(user);
  const parsed = parseBundleFile(text, format);
  if (!parsed.ok) {
    const lines = parsed.problems.slice(0, 10).map((problem) => `${problem.path}: ${problem.message}`);
    throw templatesError(
      'INVALID_INPUT',
      'badBundleFile',
      { count: parsed.problems.length, problems: lines.join('; ') },
      { problems: parsed.problems },
    );
  }
  await saveCustomBundle(user.store, parsed.bundle);
  const [view] = (await listBundles(user.store, parsed.bundle.language)).filter(
    (bundle) => bundle.id === parsed.bundle.id,
  );
  if (!view) throw new AppError('INTERNAL', 'The bundle was saved but cannot be read back.');
  return view;
}
