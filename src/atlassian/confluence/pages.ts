import { z } from 'zod';
import { AtlassianError, ProductUnavailableError } from '../errors';
import type { QueryValue } from '../transport';
import { cqlValue, type ConfluenceCall } from './call';
import {
  propertySchema,
  spaceSchema,
  toListedPage,
  toProperty,
  v1ArraySchema,
  v1ContentSchema,
  v2PageSchema,
  type ConfluenceSpace,
  type ListedPage,
  type NewPage,
  type PageProperty,
} from './schemas';

/** Spaces, pages, page properties, labels, archiving and page views: v2 where it can, v1 where v2 has no equivalent. */

// Declared in each module rather than shared: the scope test resolves path constants within one file.
const V2 = '/wiki/api/v2';
const V1 = '/wiki/rest/api';

/** The space with this key, or undefined when it does not exist or the caller may not see it. */
export async function spaceByKey(call: ConfluenceCall, key: string): Promise<ConfluenceSpace | undefined> {
  // The space list answers an unknown key with no results; a 404 means the site has no Confluence at all.
  const answer = await call('GET', `${V2}/spaces`, { keys: key, limit: 1 }).catch((error: unknown) => {
    if (error instanceof AtlassianError && error.status === 404)
      throw new ProductUnavailableError('confluence', error.message);
    throw error;
  });
  const body = z.looseObject({ results: z.array(spaceSchema) }).parse(answer);
  const space = body.results.find((candidate) => candidate.key === key);
  return space
    ? { id: space.id, key: space.key, name: space.name, homepageId: space.homepageId ?? null }
    : undefined;
}

/** What the caller may do in a space, as `operation:targetType` (e.g. `administer:space`). */
export async function spaceOperations(call: ConfluenceCall, spaceId: string): Promise<string[]> {
  const body = z
    .looseObject({
      operations: z.array(z.looseObject({ operation: z.string(), targetType: z.string() })).optional(),
    })
    .parse(await call('GET', `${V2}/spaces/${encodeURIComponent(spaceId)}/operations`));
  return (body.operations ?? []).map((entry) => `${entry.operation}:${entry.targetType}`);
}

/**
 * What the caller may do on the site (`administer:application` for Confluence administrators), from v1's
 * current user with `expand=operations`: v2 has no site-level permission check.
 */
export async function siteOperations(call: ConfluenceCall): Promise<string[]> {
  const body = z
    .looseObject({
      operations: z.array(z.looseObject({ operation: z.string(), targetType: z.string() })).nullish(),
    })
    .parse(await call('GET', `${V1}/user/current`, { expand: 'operations' }));
  return (body.operations ?? []).map((entry) => `${entry.operation}:${entry.targetType}`);
}

/**
 * Pages found by CQL, each with its storage body, version, parent, labels and the given page properties
 * expanded: one read per 50 pages. v2 cannot return properties with pages, and v1's plain content listing
 * is deprecated, so this is the way to read a bundle's pages and their markers at once.
 */
export async function searchPages(
  call: ConfluenceCall,
  cql: string,
  propertyKeys: readonly string[],
): Promise<ListedPage[]> {
  const expand = [
    'version',
    'ancestors',
    'body.storage',
    'metadata.labels',
    ...propertyKeys.map((key) => `metadata.properties.${key}`),
  ].join(',');
  const results: ListedPage[] = [];
  let query: Record<string, QueryValue> = { cql, expand, limit: 50 };
  for (;;) {
    const page = v1ArraySchema.parse(await call('GET', `${V1}/content/search`, query));
    results.push(...page.results.map(toListedPage));
    const next = page._links?.next;
    if (!next || page.size === 0) return results;
    const cursor = new URL(next, 'https://site.invalid').searchParams.get('cursor');
    if (!cursor) return results;
    query = { cql, expand, limit: 50, cursor };
  }
}

/**
 * The current pages of a space, optionally narrowed to any page that has one of `ids`, one of `titles`
 * (Confluence titles are unique in a space, so those are the only pages a bundle can collide with), one of
 * `labels`, or sits under `underPageId`. Narrowing keeps a large space to one or two reads.
 */
export async function listSpacePages(
  call: ConfluenceCall,
  spaceKey: string,
  propertyKeys: readonly string[],
  scope: {
    underPageId?: string;
    ids?: readonly string[];
    titles?: readonly string[];
    labels?: readonly string[];
  } = {},
): Promise<ListedPage[]> {
  const narrow = [
    ...(scope.ids && scope.ids.length > 0 ? [`id in (${scope.ids.map(cqlValue).join(', ')})`] : []),
    ...(scope.labels && scope.labels.length > 0
      ? [`label in (${scope.labels.map(cqlValue).join(', ')})`]
      : []),
    ...(scope.underPageId
      ? [`ancestor = ${cqlValue(scope.underPageId)}`, `id = ${cqlValue(scope.underPageId)}`]
      : []),
    ...(scope.titles && scope.titles.length > 0
      ? [`title in (${scope.titles.map(cqlValue).join(', ')})`]
      : []),
  ];
  const cql = `space = ${cqlValue(spaceKey)} and type = page${narrow.length > 0 ? ` and (${narrow.join(' or ')})` : ''}`;
  return searchPages(call, cql, propertyKeys);
}

/** The current page of a space with this exact title, if any (v2: not subject to search-index lag). */
export async function findPageByTitle(
  call: ConfluenceCall,
  spaceId: string,
  title: string,
): Promise<{ id: string; parentId: string | null; version: number; body: string } | undefined> {
  const body = z.looseObject({ results: z.array(v2PageSchema) }).parse(
    await call('GET', `${V2}/spaces/${encodeURIComponent(spaceId)}/pages`, {
      title,
      status: 'current',
      'body-format': 'storage',
      limit: 5,
    }),
  );
  const page = body.results.find((candidate) => candidate.title === title);
  return page
    ? {
        id: page.id,
        parentId: page.parentId ?? null,
        version: page.version.number,
        body: page.body?.storage?.value ?? '',
      }
    : undefined;
}

/**
 * Creates a page (v2). A create is not idempotent: after a 5xx or a network error the first attempt may
 * have landed, so the page is looked up by title before trying again; it is never created twice. A 400
 * because the title exists is answered the same way when that page sits under the same parent with the
 * same body (an earlier attempt the search index did not show yet).
 */
export async function createPage(
  call: ConfluenceCall,
  page: NewPage,
  attempts = 4,
): Promise<{ id: string; version: number }> {
  const landed = async (): Promise<{ id: string; version: number } | undefined> => {
    const found = await findPageByTitle(call, page.spaceId, page.title);
    return found?.parentId === page.parentId ? { id: found.id, version: found.version } : undefined;
  };
  for (let attempt = 1; ; attempt++) {
    try {
      const created = v2PageSchema.parse(
        await call(
          'POST',
          `${V2}/pages`,
          undefined,
          {
            spaceId: page.spaceId,
            status: 'current',
            title: page.title,
            parentId: page.parentId,
            body: { representation: 'storage', value: page.body },
          },
          { idempotent: false },
        ),
      );
      return { id: created.id, version: created.version.number };
    } catch (error) {
      if (!(error instanceof AtlassianError)) throw error;
      if (error.status === 400) {
        const found = await findPageByTitle(call, page.spaceId, page.title);
        if (found?.parentId === page.parentId && found.body === page.body)
          return { id: found.id, version: found.version };
        throw error;
      }
      if (!error.isServerError || attempt >= attempts) throw error;
      const existing = await landed();
      if (existing) return existing;
    }
  }
}

/** Adds labels to a page (v1: v2 reads labels but cannot add them). */
export async function addLabels(
  call: ConfluenceCall,
  pageId: string,
  labels: readonly string[],
): Promise<void> {
  if (labels.length === 0) return;
  await call(
    'POST',
    `${V1}/content/${encodeURIComponent(pageId)}/label`,
    undefined,
    labels.map((name) => ({ prefix: 'global', name })),
    // Adding a label a page already has changes nothing: safe to send again after a 5xx.
    { idempotent: true },
  );
}

/** A page property by key (v2), if the page has it. */
export async function getPageProperty(
  call: ConfluenceCall,
  pageId: string,
  key: string,
): Promise<PageProperty | undefined> {
  const body = z
    .looseObject({ results: z.array(propertySchema) })
    .parse(await call('GET', `${V2}/pages/${encodeURIComponent(pageId)}/properties`, { key }));
  const property = body.results.find((candidate) => candidate.key === key);
  return property ? toProperty(property) : undefined;
}

/** Replaces a page's body (v2); `version` is the current version, Confluence wants the next one. */
export async function updatePage(
  call: ConfluenceCall,
  page: {
    id: string;
    title: string;
    body: string;
    version: number;
    message?: string;
  },
): Promise<number> {
  const updated = v2PageSchema.parse(
    await call('PUT', `${V2}/pages/${encodeURIComponent(page.id)}`, undefined, {
      id: page.id,
      status: 'current',
      title: page.title,
      body: { representation: 'storage', value: page.body },
      version: { number: page.version + 1, message: page.message ?? '' },
    }),
  );
  return updated.version.number;
}

/** Creates a page property (v2). */
export async function createPageProperty(
  call: ConfluenceCall,
  pageId: string,
  key: string,
  value: unknown,
): Promise<PageProperty> {
  return toProperty(
    propertySchema.parse(
      await call(
        'POST',
        `${V2}/pages/${encodeURIComponent(pageId)}/properties`,
        undefined,
        { key, value },
        // Sent again after a 5xx: if the first attempt landed, Confluence refuses the second as a
        // duplicate key, which the caller turns into an update.
        { idempotent: true },
      ),
    ),
  );
}

/** Replaces a page property's value (v2), moving it to the next version. */
export async function updatePageProperty(
  call: ConfluenceCall,
  pageId: string,
  property: { id: string; key: string; version: number },
  value: unknown,
): Promise<PageProperty> {
  return toProperty(
    propertySchema.parse(
      await call(
        'PUT',
        `${V2}/pages/${encodeURIComponent(pageId)}/properties/${encodeURIComponent(property.id)}`,
        undefined,
        {
          key: property.key,
          value,
          version: { number: property.version + 1, message: 'Vertebra' },
        },
      ),
    ),
  );
}

/** Archives pages (v1; v2 has no archive): nothing is deleted, people can restore them. */
export async function archivePages(call: ConfluenceCall, ids: readonly string[]): Promise<void> {
  for (let index = 0; index < ids.length; index += 300) {
    await call('POST', `${V1}/content/archive`, undefined, {
      pages: ids.slice(index, index + 300).map((id) => ({ id: Number(id) })),
    });
  }
}

/** Total views of a page (v1 analytics). */
export async function pageViews(call: ConfluenceCall, id: string): Promise<number> {
  const body = z
    .looseObject({ count: z.number() })
    .parse(await call('GET', `${V1}/analytics/content/${encodeURIComponent(id)}/views`));
  return body.count;
}

/**
 * The first `limit` current pages of a space whose title matches `words` (CQL `title ~`, all pages when
 * empty): one light read, no bodies, for a page picker.
 */
export async function findPagesByTitle(
  call: ConfluenceCall,
  spaceKey: string,
  words: string,
  limit = 25,
): Promise<{ id: string; title: string }[]> {
  const match = words.trim() === '' ? '' : ` and title ~ ${cqlValue(`${words.trim()}*`)}`;
  const page = v1ArraySchema.parse(
    await call('GET', `${V1}/content/search`, {
      cql: `space = ${cqlValue(spaceKey)} and type = page${match}`,
      limit,
    }),
  );
  return page.results.map((raw) => {
    const content = v1ContentSchema.parse(raw);
    return { id: content.id, title: content.title };
  });
}
