import { z } from 'zod';
import { JiraAgileClient } from './agile';
import { chunksOf, mapConcurrent, send, type RetryPolicy, type SendOptions } from './request';
import type { Transport, TransportRequest } from './transport';
import {
  bulkFetchSchema,
  fieldSchema,
  issueSchema,
  linkTypesSchema,
  permissionsSchema,
  projectPageSchema,
  projectSchema,
  propertySchema,
  searchPageSchema,
  toIssue,
  userSchema,
  type JiraField,
  type JiraIssue,
  type JiraLinkType,
  type JiraProject,
  type JiraUser,
} from './jira-wire';

export type { JiraField, JiraIssue, JiraLinkType, JiraProject, JiraUser } from './jira-wire';

export interface Progress {
  readonly done: number;
  readonly total: number;
}

export interface JiraClientOptions {
  /** bulkfetch calls in flight at once. */
  readonly concurrency?: number;
  readonly retry?: Partial<RetryPolicy>;
}

/** Jira answers up to 5000 ids a page when only `id` is asked (DESIGN.md). */
const ID_PAGE_SIZE = 5000;
/** `/issue/bulkfetch` takes at most 100 issues a call. */
const BULK_FETCH_SIZE = 100;
/** Issues per bulk property request (`/issue/properties/multi` takes up to 100). */
const BULK_PROPERTY_SIZE = 100;
const PROJECT_PAGE_SIZE = 50;

/**
 * Jira Cloud REST v3, as the app needs it: the wide read (ids by enhanced search, then bulk fetch), single
 * issues, fields, link types, projects, permissions and issue properties; versions, boards and sprints through
 * `agile`. Written against a `Transport`, so it runs the same in Forge, the CLI and the tests.
 */
export class JiraClient {
  private readonly concurrency: number;
  private readonly retry: Partial<RetryPolicy> | undefined;
  /** Versions, boards and sprints, over the same transport. */
  readonly agile: JiraAgileClient;

  constructor(
    private readonly transport: Transport,
    options: JiraClientOptions = {},
  ) {
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.retry = options.retry;
    this.agile = new JiraAgileClient(transport, options.retry);
  }

  private async call<S extends z.ZodType>(
    schema: S,
    request: Omit<TransportRequest, 'product'>,
    options: Omit<SendOptions, 'retry'> = {},
  ): Promise<z.output<S>> {
    const sendOptions: SendOptions = this.retry ? { ...options, retry: this.retry } : options;
    const response = await send(this.transport, { product: 'jira', ...request }, sendOptions);
    return schema.parse(response.body);
  }

  /** Ids of every issue the JQL selects, in Jira's order, following `nextPageToken` until the last page. */
  async searchIds(jql: string, options: { onPage?: (idsSoFar: number) => void } = {}): Promise<string[]> {
    const ids: string[] = [];
    for await (const page of this.searchIdPages(jql)) {
      for (const id of page) ids.push(id);
      options.onPage?.(ids.length);
    }
    return ids;
  }

  /** Whether the JQL selects at least one issue: one search asking for a single id. */
  async anyIssue(jql: string): Promise<boolean> {
    const page = await this.call(
      searchPageSchema,
      { method: 'POST', path: '/rest/api/3/search/jql', body: { jql, fields: ['id'], maxResults: 1 } },
      { idempotent: true },
    );
    return page.issues.length > 0;
  }

  /**
   * The same ids page by page (up to 5000 each), as Jira answers them: a caller can fetch the issues of one
   * page while the next one is on its way.
   */
  async *searchIdPages(jql: string): AsyncGenerator<string[], void, undefined> {
    let nextPageToken: string | undefined;
    for (;;) {
      const page = await this.idPage(jql, { nextPageToken });
      yield page.ids;
      if (page.nextPageToken === undefined) return;
      nextPageToken = page.nextPageToken;
    }
  }

  /**
   * One page of the ids the JQL selects (up to `maxResults`, 5000 at most), and the token of the next page when
   * there is one: a job lists a large scope a few pages per event, carrying the token to the next.
   */
  async idPage(
    jql: string,
    options: { nextPageToken?: string | undefined; maxResults?: number } = {},
  ): Promise<{ ids: string[]; nextPageToken: string | undefined }> {
    const maxResults = Math.min(options.maxResults ?? ID_PAGE_SIZE, ID_PAGE_SIZE);
    const body: Record<string, unknown> = { jql, fields: ['id'], maxResults };
    if (options.nextPageToken !== undefined) body.nextPageToken = options.nextPageToken;
    // A search is a read sent as POST: safe to send again after a 5xx.
    const page = await this.call(
      searchPageSchema,
      { method: 'POST', path: '/rest/api/3/search/jql', body },
      { idempotent: true },
    );
    const ids = page.issues.map((issue) => issue.id);
    const more = page.isLast !== true && Boolean(page.nextPageToken) && ids.length > 0;
    return { ids, nextPageToken: more ? (page.nextPageToken ?? undefined) : undefined };
  }

  /**
   * The issues with these ids (or keys), with only `fields` (and `properties`), fetched 100 at a time with a
   * few calls in flight. Keeps the order of `ids`; issues Jira leaves out (deleted, not visible) are absent.
   */
  async bulkFetch(
    ids: readonly string[],
    fields: readonly string[],
    options: { properties?: readonly string[]; onProgress?: (progress: Progress) => void } = {},
  ): Promise<JiraIssue[]> {
    const chunks = chunksOf(ids, BULK_FETCH_SIZE);
    let done = 0;
    options.onProgress?.({ done, total: ids.length });
    const pages = await mapConcurrent(chunks, this.concurrency, async (chunk) => {
      const body: Record<string, unknown> = { issueIdsOrKeys: chunk, fields: [...fields] };
      if (options.properties && options.properties.length > 0) body.properties = [...options.properties];
      const page = await this.call(
        bulkFetchSchema,
        { method: 'POST', path: '/rest/api/3/issue/bulkfetch', body },
        { idempotent: true },
      );
      done += chunk.length;
      options.onProgress?.({ done, total: ids.length });
      return page.issues.map(toIssue);
    });
    // Jira does not promise the order inside a page: put issues back in the order asked.
    const byIdOrKey = new Map<string, JiraIssue>();
    for (const issue of pages.flat()) {
      byIdOrKey.set(issue.id, issue);
      byIdOrKey.set(issue.key, issue);
    }
    const seen = new Set<string>();
    const issues: JiraIssue[] = [];
    for (const id of ids) {
      const issue = byIdOrKey.get(id);
      if (issue && !seen.has(issue.id)) {
        seen.add(issue.id);
        issues.push(issue);
      }
    }
    return issues;
  }

  /** The wide read of DESIGN.md: every id the JQL selects, then the issues with only the fields needed. */
  async searchIssues(
    jql: string,
    fields: readonly string[],
    options: { properties?: readonly string[]; onProgress?: (progress: Progress) => void } = {},
  ): Promise<{ issues: JiraIssue[]; ids: string[] }> {
    const ids = await this.searchIds(jql);
    const issues = await this.bulkFetch(ids, fields, options);
    return { issues, ids };
  }

  /** One issue by id or key; a 404 (missing or not visible to the acting user) is an `AtlassianError`. */
  async getIssue(
    idOrKey: string,
    fields: readonly string[],
    options: { properties?: readonly string[] } = {},
  ): Promise<JiraIssue> {
    const raw = await this.call(issueSchema, {
      method: 'GET',
      path: `/rest/api/3/issue/${encodeURIComponent(idOrKey)}`,
      query: {
        fields: fields.join(','),
        properties:
          options.properties && options.properties.length > 0 ? options.properties.join(',') : undefined,
      },
    });
    return toIssue(raw);
  }

  /** Every field of the site, system and custom. */
  async fields(): Promise<JiraField[]> {
    return this.call(z.array(fieldSchema), { method: 'GET', path: '/rest/api/3/field' });
  }

  async issueLinkTypes(): Promise<JiraLinkType[]> {
    return (await this.call(linkTypesSchema, { method: 'GET', path: '/rest/api/3/issueLinkType' }))
      .issueLinkTypes;
  }

  /** Every project the acting user can browse, page after page. */
  async projects(): Promise<JiraProject[]> {
    const projects: JiraProject[] = [];
    for (let startAt = 0; ;) {
      const page = await this.call(projectPageSchema, {
        method: 'GET',
        path: '/rest/api/3/project/search',
        query: { startAt, maxResults: PROJECT_PAGE_SIZE, expand: 'lead' },
      });
      projects.push(...page.values);
      startAt += page.values.length;
      const more =
        page.isLast === undefined ? page.total !== undefined && startAt < page.total : !page.isLast;
      if (!more || page.values.length === 0) return projects;
    }
  }

  async project(key: string): Promise<JiraProject> {
    return this.call(projectSchema, {
      method: 'GET',
      path: `/rest/api/3/project/${encodeURIComponent(key)}`,
    });
  }

  /** The acting user. */
  async myself(): Promise<JiraUser> {
    return this.call(userSchema, { method: 'GET', path: '/rest/api/3/myself' });
  }

  /**
   * Which of `permissions` the acting user holds, site-wide, in one project or on one issue (an issue's security
   * level can narrow its project's rights); an issue the user may not see is a 404.
   */
  async myPermissions(
    permissions: readonly string[],
    options: { projectKey?: string; issueKey?: string } = {},
  ): Promise<Record<string, boolean>> {
    const body = await this.call(permissionsSchema, {
      method: 'GET',
      path: '/rest/api/3/mypermissions',
      query: {
        permissions: permissions.join(','),
        projectKey: options.projectKey,
        issueKey: options.issueKey,
      },
    });
    const held: Record<string, boolean> = {};
    for (const permission of permissions)
      held[permission] = body.permissions[permission]?.havePermission ?? false;
    return held;
  }

  /** An issue's entity property value, or undefined when the issue has none under that key. */
  async getIssueProperty(issueIdOrKey: string, propertyKey: string): Promise<unknown> {
    const response = await send(
      this.transport,
      {
        product: 'jira',
        method: 'GET',
        path: `/rest/api/3/issue/${encodeURIComponent(issueIdOrKey)}/properties/${encodeURIComponent(propertyKey)}`,
      },
      { acceptStatuses: [404], ...(this.retry ? { retry: this.retry } : {}) },
    );
    if (response.status === 404) return undefined;
    return propertySchema.parse(response.body).value;
  }

  /** Sets an issue's entity property (PUT replaces it whole, so sending it twice is harmless). */
  async setIssueProperty(issueIdOrKey: string, propertyKey: string, value: unknown): Promise<void> {
    await send(
      this.transport,
      {
        product: 'jira',
        method: 'PUT',
        path: `/rest/api/3/issue/${encodeURIComponent(issueIdOrKey)}/properties/${encodeURIComponent(propertyKey)}`,
        body: value,
      },
      { idempotent: true, ...(this.retry ? { retry: this.retry } : {}) },
    );
  }

  /**
   * Sets one entity property on many issues, each its own value: 100 issues a request (Jira's bulk set by
   * issue), a few requests in flight. Jira runs each request as a task and answers 303 to it (followed or not,
   * both are an answer); it skips issues it cannot find. Sending it twice is harmless: the values are replaced.
   */
  async setIssuePropertyBulk(
    propertyKey: string,
    values: readonly { readonly issueId: string; readonly value: unknown }[],
  ): Promise<void> {
    await mapConcurrent(chunksOf(values, BULK_PROPERTY_SIZE), this.concurrency, async (chunk) => {
      await send(
        this.transport,
        {
          product: 'jira',
          method: 'POST',
          path: '/rest/api/3/issue/properties/multi',
          body: {
            issues: chunk.map(({ issueId, value }) => ({
              issueID: Number(issueId),
              properties: { [propertyKey]: value },
            })),
          },
        },
        { idempotent: true, acceptStatuses: [303], ...(this.retry ? { retry: this.retry } : {}) },
      );
    });
  }
}
