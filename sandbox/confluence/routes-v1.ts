/**
 * Confluence REST v1, for what v2 does not offer: CQL search (pages with their bodies and properties expanded
 * in one call), archiving, content templates, labels and page views. v1's GET/POST `/content` are deprecated
 * in favour of v2 and are deliberately not served.
 */
import { z } from 'zod';
import type { Router, SandboxRequest, SandboxResponse } from '../http';
import type { UserDirectory } from '../users';
import { v1Content, v1Error, v1Labels, v1Template } from './json';
import { CqlError, parseCql } from './cql';
import type { ConfluencePage, ConfluenceState } from './state';

const V1 = '/wiki/rest/api';

/** Offset paging as v1 does it: `start`, `limit`, `size` and `_links.next`. */
function offsetPage<T>(
  request: SandboxRequest,
  items: readonly T[],
  render: (item: T) => unknown,
  maxLimit: number,
): SandboxResponse {
  const start = Math.max(Number(request.query.get('start') ?? 0) || 0, 0);
  const limit = Math.min(Math.max(Number(request.query.get('limit') ?? 25) || 25, 1), maxLimit);
  const slice = items.slice(start, start + limit);
  const links: Record<string, string> = { base: '', context: '/wiki', self: request.path };
  if (start + limit < items.length) {
    const next = new URLSearchParams(request.query);
    next.set('start', String(start + limit));
    next.set('limit', String(limit));
    links.next = `${request.path.replace(/^\/wiki/, '')}?${next.toString()}`;
  }
  return {
    status: 200,
    body: { results: slice.map(render), start, limit, size: slice.length, _links: links },
  };
}

const labelInput = z.object({ prefix: z.string().default('global'), name: z.string().min(1).max(255) });

const templateInput = z.object({
  templateId: z.string().optional(),
  name: z.string().min(1).max(255),
  templateType: z.literal('page'),
  body: z.object({ storage: z.object({ value: z.string(), representation: z.literal('storage') }) }),
  description: z.string().max(255).optional(),
  labels: z.array(labelInput).optional(),
  space: z.object({ key: z.string() }).optional(),
});

/** Registers the v1 routes on the sandbox router. */
export function registerV1(router: Router, state: ConfluenceState, users: UserDirectory): void {
  const visiblePage = (request: SandboxRequest, id: string): ConfluencePage | undefined => {
    const page = state.pages.get(id);
    const space = page && state.spaces.get(page.spaceId);
    return page && space && state.canView(request.user, space) ? page : undefined;
  };
  const expandOf = (request: SandboxRequest): Set<string> =>
    new Set(
      (request.query.get('expand') ?? '')
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    );

  router.add('GET', `${V1}/content/search`, (request) => {
    const cql = request.query.get('cql');
    if (!cql) return v1Error(400, 'cql is required');
    let predicate: (page: ConfluencePage) => boolean;
    try {
      predicate = parseCql(cql, state);
    } catch (error) {
      if (error instanceof CqlError) return v1Error(400, error.message);
      throw error;
    }
    const pages = [...state.pages.values()].filter(
      (page) => page.status === 'current' && visiblePage(request, page.id) !== undefined && predicate(page),
    );
    const expand = expandOf(request);
    // Confluence lowers the page size when bodies are expanded; 50 keeps that behaviour visible.
    const maxLimit = expand.has('body.storage') ? 50 : 200;
    const cursor = request.query.get('cursor');
    const start = cursor ? Number(Buffer.from(cursor, 'base64url').toString('utf8')) || 0 : 0;
    const limit = Math.min(Math.max(Number(request.query.get('limit') ?? 25) || 25, 1), maxLimit);
    const slice = pages.slice(start, start + limit);
    const links: Record<string, string> = { base: '', context: '/wiki', self: request.path };
    if (start + limit < pages.length) {
      const next = new URLSearchParams(request.query);
      next.set('cursor', Buffer.from(String(start + limit)).toString('base64url'));
      next.set('limit', String(limit));
      links.next = `/rest/api/content/search?${next.toString()}`;
    }
    return {
      status: 200,
      body: {
        results: slice.map((page) => v1Content(state, users, page, expand)),
        start,
        limit,
        size: slice.length,
        _links: links,
      },
    };
  });

  router.add('GET', `${V1}/content/:id/label`, (request) => {
    const page = visiblePage(request, request.params.id ?? '');
    return page ? { status: 200, body: v1Labels(page.labels) } : v1Error(404, 'No content found with id');
  });

  router.add('POST', `${V1}/content/:id/label`, (request) => {
    const page = visiblePage(request, request.params.id ?? '');
    if (!page) return v1Error(404, 'No content found with id');
    const parsed = z.array(labelInput).safeParse(request.body);
    if (!parsed.success) return v1Error(400, z.prettifyError(parsed.error));
    for (const label of parsed.data) if (!page.labels.includes(label.name)) page.labels.push(label.name);
    return { status: 200, body: v1Labels(page.labels) };
  });

  router.add('POST', `${V1}/content/archive`, (request) => {
    const parsed = z
      .object({
        pages: z
          .array(z.object({ id: z.union([z.string(), z.number()]) }))
          .min(1)
          .max(300),
      })
      .safeParse(request.body);
    if (!parsed.success) return v1Error(400, z.prettifyError(parsed.error));
    const pages = parsed.data.pages.map(({ id }) => visiblePage(request, String(id)));
    if (pages.some((page) => !page)) return v1Error(400, 'Some pages do not exist or you may not see them.');
    for (const page of pages) if (page) page.status = 'archived';
    return {
      status: 202,
      body: { id: state.nextId(), links: { status: `/wiki/rest/api/longtask/${state.nextId()}` } },
    };
  });

  router.add('GET', `${V1}/analytics/content/:contentId/views`, (request) => {
    const page = visiblePage(request, request.params.contentId ?? '');
    return page
      ? { status: 200, body: { id: Number(page.id), count: page.views } }
      : v1Error(404, 'No content found with id');
  });

  router.add('GET', `${V1}/template/page`, (request) => {
    const spaceKey = request.query.get('spaceKey');
    const space = spaceKey ? state.spaceByKey(spaceKey) : undefined;
    if (spaceKey && (!space || !state.canView(request.user, space)))
      return v1Error(403, 'You may not see the templates of this space.');
    const templates = [...state.templates.values()].filter(
      (template) => template.spaceKey === (spaceKey ?? null),
    );
    const withBody = expandOf(request).has('body');
    return offsetPage(request, templates, (template) => v1Template(template, space, withBody), 200);
  });

  router.add('GET', `${V1}/template/:contentTemplateId`, (request) => {
    const template = state.templates.get(request.params.contentTemplateId ?? '');
    const space = template?.spaceKey ? state.spaceByKey(template.spaceKey) : undefined;
    if (!template || (space && !state.canView(request.user, space)))
      return v1Error(404, 'No template found with id');
    return { status: 200, body: v1Template(template, space, true) };
  });

  const saveTemplate = (request: SandboxRequest, update: boolean): SandboxResponse => {
    const parsed = templateInput.safeParse(request.body);
    if (!parsed.success) return v1Error(400, z.prettifyError(parsed.error));
    const input = parsed.data;
    const space = input.space ? state.spaceByKey(input.space.key) : undefined;
    if (input.space && !space) return v1Error(400, `No space with key : ${input.space.key}`);
    if (space ? !state.canAdminister(request.user, space) : !request.user.isSiteAdmin) {
      return v1Error(403, 'Only space administrators can manage the templates of a space.');
    }
    const existing = update ? state.templates.get(input.templateId ?? '') : undefined;
    if (update && !existing) return v1Error(400, 'No template with this templateId.');
    const spaceKey = space?.key ?? null;
    const clash = [...state.templates.values()].find(
      (template) =>
        template.spaceKey === spaceKey &&
        template.name === input.name &&
        template.templateId !== existing?.templateId,
    );
    if (clash) return v1Error(400, 'A template with this name already exists in this space.');
    const record = existing ?? {
      templateId: state.nextId(),
      name: '',
      description: '',
      body: '',
      labels: [],
      spaceKey,
    };
    record.name = input.name;
    record.description = input.description ?? '';
    record.body = input.body.storage.value;
    record.labels = (input.labels ?? []).map((label) => label.name);
    state.templates.set(record.templateId, record);
    return { status: 200, body: v1Template(record, space, true) };
  };
  router.add('POST', `${V1}/template`, (request) => saveTemplate(request, false));
  router.add('PUT', `${V1}/template`, (request) => saveTemplate(request, true));
}
