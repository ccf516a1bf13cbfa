import { z } from 'zod';
import { AtlassianError, ProductUnavailableError } from './errors';
import { send, type SendOptions } from './request';
import type { QueryValue, Transport } from './transport';

/**
 * Confluence Cloud client over a `Transport`: v2 for spaces, pages and page properties, v1 where v2 has no
 * equivalent (CQL search with properties expanded, labels, archiving, content templates, page views). Responses are parsed with zod; unknown fields are ignored.
 */

const V2 = '/wiki/api/v2';
const V1 = '/wiki/rest/api';

const spaceSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  homepageId: z.string().nullish(),
});
export type ConfluenceSpace = { id: string; key: string; name: string; homepageId: string | null };

const v2PageSchema = z.looseObject({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  spaceId: z.string(),
  parentId: z.string().nullish(),
  version: z.looseObject({ number: z.number() }),
  body: z.looseObject({ storage: z.looseObject({ value: z.string() }).optional() }).optional(),
  _links: z.looseObject({ webui: z.string().optional() }).optional(),
});

const propertySchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  value: z.unknown(),
  version: z.looseObject({ number: z.number() }),
});
export type PageProperty = { id: string; key: string; value: unknown; version: number };

const v1ContentSchema = z.looseObject({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  version: z
    .looseObject({
      number: z.number(),
      when: z.string().optional(),
      by: z.looseObject({ accountId: z.string().optional() }).optional(),
    })
    .optional(),
  ancestors: z.array(z.looseObject({ id: z.string() })).optional(),
  body: z.looseObject({ storage: z.looseObject({ value: z.string() }).optional() }).optional(),
  metadata: z
    .looseObject({
      labels: z.looseObject({ results: z.array(z.looseObject({ name: z.string() })) }).optional(),
      properties: z.record(z.string(), propertySchema).optional(),
    })
    .optional(),
  _links: z.looseObject({ webui: z.string().optional() }).optional(),
});

const v1ArraySchema = z.looseObject({
  results: z.array(z.unknown()),
  size: z.number(),
  _links: z.looseObject({ next: z.string().optional() }).optional(),
});

const templateSchema = z.looseObject({
  templateId: z.string(),
  name: z.string(),
  description: z.string().optional(),
  labels: z.array(z.looseObject({ name: z.string() })).optional(),
  body: z.looseObject({ storage: z.looseObject({ value: z.string() }).optional() }).optional(),
});

/** A page as the v1 listing reports it: body, version, parent, labels and the asked properties. */
export interface ListedPage {
  readonly id: string;
  readonly title: string;
  readonly status: string;
  readonly parentId: string | null;
  readonly version: number;
  readonly lastEditedAt: string | null;
  readonly lastEditedBy: string | null;
  readonly body: string;
  readonly labels: readonly string[];
  readonly properties: Readonly<Record<string, PageProperty>>;
  readonly webui: string | null;
}

export interface ContentTemplate {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly body: string;
  readonly labels: readonly string[];
}

export interface NewPage {
  readonly spaceId: string;
  readonly parentId: string;
  readonly title: string;
  readonly body: string;
}

/** A CQL string literal: double quotes, with `"` and `\\` escaped. */
export function cqlValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export interface NewTemplate {
  readonly spaceKey: string;
  readonly name: string;
  readonly description: string;
  readonly body: string;
  readonly labels: readonly string[];
}

function toProperty(raw: z.output<typeof propertySchema>): PageProperty {
  return { id: raw.id, key: raw.key, value: raw.value, version: raw.version.number };
}

function toListedPage(raw: unknown): ListedPage {
  const content = v1ContentSchema.parse(raw);
  // Property keys are whatever anyone editing the page stored: no name may reach a prototype.
  const properties = Object.create(null) as Record<string, PageProperty>;
  for (const [key, property] of Object.entries(content.metadata?.properties ?? {}))
    properties[key] = toProperty(property);
  return {
    id: content.id,
    title: content.title,
    status: content.status,
    parentId: content.ancestors?.at(-1)?.id ?? null,
    version: content.version?.number ?? 1,
    lastEditedAt: content.version?.when ?? null,
    lastEditedBy: content.version?.by?.accountId ?? null,
    body: content.body?.storage?.value ?? '',
    labels: content.metadata?.labels?.results.map((label) => label.name) ?? [],
    properties,
    webui: content._links?.webui ?? null,
  };
}

function toTemplate(raw: unknown): ContentTemplate {
  const template = templateSchema.parse(raw);
  return {
    id: template.templateId,
    name: template.name,
    description: template.description ?? '',
    body: template.body?.storage?.value ?? '',
    labels: template.labels?.map((label) => label.name) ?? [],
  };
}

export interface ConfluenceClientOptions {
  readonly retry?: SendOptions['retry'];
}

/** Creates a Confluence client; every call goes through `send()` (retries, Retry-After, typed errors). */
export function createConfluenceClient(transport: Transport, options: ConfluenceClientOptions = {}) {
  const call = async (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    query?: Record<string, QueryValue>,
    body?: unknown,
    extra: SendOptions = {},
  ) =>
    (
      await send(
        transport,
        { product: 'confluence', method, path, query, body },
        { retry: options.retry, ...extra },
      )
    ).body;

  /** Reads every page of a v1 offset listing. */
  const listV1Offset = async (
    path: string,
    query: Record<string, QueryValue>,
    limit: number,
  ): Promise<unknown[]> => {
    const results: unknown[] = [];
    for (let start = 0; ;) {
      const page = v1ArraySchema.parse(await call('GET', path, { ...query, start, limit }));
      results.push(...page.results);
      if (!page._links?.next || page.size === 0) return results;
      start += page.size;
    }
  };

  const client = {
    /** The space with this key, or undefined when it does not exist or the caller may not see it. */
    async spaceByKey(key: string): Promise<ConfluenceSpace | undefined> {
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
    },

    /** What the caller may do in a space, as `operation:targetType` (e.g. `administer:space`). */
    async spaceOperations(spaceId: string): Promise<string[]> {
      const body = z
        .looseObject({
          operations: z.array(z.looseObject({ operation: z.string(), targetType: z.string() })).optional(),
        })
        .parse(await call('GET', `${V2}/spaces/${encodeURIComponent(spaceId)}/operations`));
      return (body.operations ?? []).map((entry) => `${entry.operation}:${entry.targetType}`);
    },

    /**
     * What the caller may do on the site (`administer:application` for Confluence administrators), from v1's
     * current user with `expand=operations`: v2 has no site-level permission check.
     */
    async siteOperations(): Promise<string[]> {
      const body = z
        .looseObject({
          operations: z.array(z.looseObject({ operation: z.string(), targetType: z.string() })).nullish(),
        })
        .parse(await call('GET', `${V1}/user/current`, { expand: 'operations' }));
      return (body.operations ?? []).map((entry) => `${entry.operation}:${entry.targetType}`);
    },

    /**
     * Pages found by CQL, each with its storage body, version, parent, labels and the given page properties
     * expanded: one read per 50 pages. v2 cannot return properties with pages, and v1's plain content listing
     * is deprecated, so this is the way to read a bundle's pages and their markers at once.
     */
    async searchPages(cql: string, propertyKeys: readonly string[]): Promise<ListedPage[]> {
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
    },

    /**
     * The current pages of a space, optionally narrowed to any page that has one of `ids`, one of `titles`
     * (Confluence titles are unique in a space, so those are the only pages a bundle can collide with), one of
     * `labels`, or sits under `underPageId`. Narrowing keeps a large space to one or two reads.
     */
    async listSpacePages(
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
      return client.searchPages(cql, propertyKeys);
    },

    /** The current page of a space with this exact title, if any (v2: not subject to search-index lag). */
    async findPageByTitle(
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
    },

    /**
     * Creates a page (v2). A create is not idempotent: after a 5xx or a network error the first attempt may
     * have landed, so the page is looked up by title before trying again; it is never created twice. A 400
     * because the title exists is answered the same way when that page sits under the same parent with the
     * same body (an earlier attempt the search index did not show yet).
     */
    async createPage(page: NewPage, attempts = 4): Promise<{ id: string; version: number }> {
      const landed = async (): Promise<{ id: string; version: number } | undefined> => {
        const found = await client.findPageByTitle(page.spaceId, page.title);
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
            const found = await client.findPageByTitle(page.spaceId, page.title);
            if (found?.parentId === page.parentId && found.body === page.body)
              return { id: found.id, version: found.version };
            throw error;
          }
          if (!error.isServerError || attempt >= attempts) throw error;
          const existing = await landed();
          if (existing) return existing;
        }
      }
    },

    /** Adds labels to a page (v1: v2 reads labels but cannot add them). */
    async addLabels(pageId: string, labels: readonly string[]): Promise<void> {
      if (labels.length === 0) return;
      await call(
        'POST',
        `${V1}/content/${encodeURIComponent(pageId)}/label`,
        undefined,
        labels.map((name) => ({ prefix: 'global', name })),
        // Adding a label a page already has changes nothing: safe to send again after a 5xx.
        { idempotent: true },
      );
    },

    /** A page property by key (v2), if the page has it. */
    async getPageProperty(pageId: string, key: string): Promise<PageProperty | undefined> {
      const body = z
        .looseObject({ results: z.array(propertySchema) })
        .parse(await call('GET', `${V2}/pages/${encodeURIComponent(pageId)}/properties`, { key }));
      const property = body.results.find((candidate) => candidate.key === key);
      return property ? toProperty(property) : undefined;
    },

    /** Replaces a page's body (v2); `version` is the current version, Confluence wants the next one. */
    async updatePage(page: {
      id: string;
      title: string;
      body: string;
      version: number;
      message?: string;
    }): Promise<number> {
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
    },

    /** Creates a page property (v2). */
    async createPageProperty(pageId: string, key: string, value: unknown): Promise<PageProperty> {
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
    },

    /** Replaces a page property's value (v2), moving it to the next version. */
    async updatePageProperty(
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
    },

    /** Archives pages (v1; v2 has no archive): nothing is deleted, people can restore them. */
    async archivePages(ids: readonly string[]): Promise<void> {
      for (let index = 0; index < ids.length; index += 300) {
        await call('POST', `${V1}/content/archive`, undefined, {
          pages: ids.slice(index, index + 300).map((id) => ({ id: Number(id) })),
        });
      }
    },

    /** The page templates of a space, with their bodies (v1: templates have no v2 API). */
    async listTemplates(spaceKey: string): Promise<ContentTemplate[]> {
      return (await listV1Offset(`${V1}/template/page`, { spaceKey, expand: 'body' }, 100)).map(toTemplate);
    },

    /** Registers a page template in a space (shown in Confluence's Create menu). */
    async createTemplate(template: NewTemplate): Promise<ContentTemplate> {
      return toTemplate(
        await call('POST', `${V1}/template`, undefined, templateBody(template), { idempotent: false }),
      );
    },

    async updateTemplate(id: string, template: NewTemplate): Promise<ContentTemplate> {
      return toTemplate(
        await call('PUT', `${V1}/template`, undefined, { templateId: id, ...templateBody(template) }),
      );
    },

    /** Total views of a page (v1 analytics). */
    async pageViews(id: string): Promise<number> {
      const body = z
        .looseObject({ count: z.number() })
        .parse(await call('GET', `${V1}/analytics/content/${encodeURIComponent(id)}/views`));
      return body.count;
    },

    /**
     * The first `limit` current pages of a space whose title matches `words` (CQL `title ~`, all pages when
     * empty): one light read, no bodies, for a page picker.
     */
    async findPagesByTitle(
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
    },

    /**
     * People whose name starts with or contains `name` (v1 user search, CQL `user.fullname ~`), at most
     * `limit`. Fields hidden by a person's privacy settings come back as null and are left out.
     */
    async searchUsers(name: string, limit = 10): Promise<ConfluenceUser[]> {
      const body = z.looseObject({ results: z.array(z.looseObject({ user: userSchema.nullish() })) }).parse(
        await call('GET', `${V1}/search/user`, {
          cql: `user.fullname ~ ${cqlValue(name)}`,
          limit,
        }),
      );
      return body.results.flatMap((result) => (result.user ? toUser(result.user) : []));
    },

    /**
     * People by account id, 100 ids a request (v1 bulk lookup). Ids Confluence does not know (deleted or
     * never existed) are simply absent from the answer.
     */
    async usersByAccountIds(accountIds: readonly string[]): Promise<ConfluenceUser[]> {
      const found: ConfluenceUser[] = [];
      for (let index = 0; index < accountIds.length; index += 100) {
        const ids = accountIds.slice(index, index + 100);
        const body = z
          .looseObject({ results: z.array(userSchema) })
          .parse(await call('GET', `${V1}/user/bulk`, { accountId: ids.join(','), limit: ids.length }));
        found.push(...body.results.flatMap(toUser));
      }
      return found;
    },
  };
  return client;
}

const userSchema = z.looseObject({
  type: z.string(),
  accountId: z.string().nullish(),
  displayName: z.string().nullish(),
  publicName: z.string().nullish(),
  email: z.string().nullish(),
  profilePicture: z.looseObject({ path: z.string() }).nullish(),
});

/** A person as Confluence shows them; `avatarPath` is site-relative (`/wiki/aa-avatar/…`) or absolute. */
export interface ConfluenceUser {
  readonly accountId: string;
  readonly displayName: string;
  /** Null when the person's privacy settings hide it from the caller (Confluence then sends an empty string). */
  readonly email: string | null;
  readonly avatarPath: string | null;
}

function toUser(raw: z.output<typeof userSchema>): ConfluenceUser[] {
  const name = raw.displayName ?? raw.publicName;
  if (!raw.accountId || !name || raw.type === 'unknown' || raw.type === 'anonymous') return [];
  return [
    {
      accountId: raw.accountId,
      displayName: name,
      email: raw.email || null,
      avatarPath: raw.profilePicture?.path ?? null,
    },
  ];
}

function templateBody(template: NewTemplate): Record<string, unknown> {
  return {
    name: template.name,
    templateType: 'page',
    description: template.description,
    body: { storage: { value: template.body, representation: 'storage' } },
    labels: template.labels.map((name) => ({ prefix: 'global', name })),
    space: { key: template.spaceKey },
  };
}

export type ConfluenceClient = ReturnType<typeof createConfluenceClient>;
