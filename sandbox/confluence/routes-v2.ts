/** Confluence REST v2: spaces, space operations, pages (create, read, update, children), page properties. */
import { z } from 'zod';
import type { Router, SandboxRequest, SandboxResponse } from '../http';
import { v2Error, v2Page, v2Property, v2Space } from './json';
import { titleTaken, type ConfluencePage, type ConfluenceSpace, type ConfluenceState } from './state';

const V2 = '/wiki/api/v2';

/** Cursor paging as Confluence v2 does it: an opaque cursor in `_links.next` and the `Link` header. */
function paginate<T>(
  request: SandboxRequest,
  items: readonly T[],
  render: (item: T) => unknown,
): SandboxResponse {
  const limit = Math.min(Math.max(Number(request.query.get('limit') ?? 25) || 25, 1), 250);
  const cursor = request.query.get('cursor');
  const start = cursor ? Number(Buffer.from(cursor, 'base64url').toString('utf8')) || 0 : 0;
  const slice = items.slice(start, start + limit);
  const links: Record<string, string> = {};
  const headers: Record<string, string> = {};
  if (start + limit < items.length) {
    const next = new URLSearchParams(request.query);
    next.set('cursor', Buffer.from(String(start + limit)).toString('base64url'));
    links.next = `${request.path}?${next.toString()}`;
    headers.link = `<${links.next}>; rel="next"`;
  }
  return { status: 200, headers, body: { results: slice.map(render), _links: links } };
}

const pageBody = z.object({ representation: z.literal('storage'), value: z.string() });

const createPage = z.object({
  spaceId: z.string().min(1),
  status: z.enum(['current', 'draft']).optional(),
  title: z.string().min(1).max(255),
  parentId: z.string().optional(),
  body: pageBody,
});

const updatePage = z.object({
  id: z.string(),
  status: z.enum(['current', 'draft']),
  title: z.string().min(1).max(255),
  parentId: z.string().optional(),
  body: pageBody,
  version: z.object({ number: z.number().int(), message: z.string().optional() }),
});

const propertyBody = z.object({ key: z.string().min(1).max(255), value: z.unknown() });
const propertyUpdate = propertyBody.extend({
  version: z.object({ number: z.number().int(), message: z.string().optional() }),
});

/** Registers the v2 routes on the sandbox router. */
export function registerV2(router: Router, state: ConfluenceState): void {
  const visibleSpace = (request: SandboxRequest, id: string): ConfluenceSpace | undefined => {
    const space = state.spaces.get(id);
    return space && state.canView(request.user, space) ? space : undefined;
  };
  const visiblePage = (request: SandboxRequest, id: string): ConfluencePage | undefined => {
    const page = state.pages.get(id);
    return page && visibleSpace(request, page.spaceId) ? page : undefined;
  };
  const withBody = (request: SandboxRequest): boolean => request.query.get('body-format') === 'storage';

  router.add('GET', `${V2}/spaces`, (request) => {
    const keys = request.query.getAll('keys').flatMap((value) => value.split(','));
    const ids = request.query.getAll('ids').flatMap((value) => value.split(','));
    const spaces = [...state.spaces.values()].filter(
      (space) =>
        state.canView(request.user, space) &&
        (keys.length === 0 || keys.includes(space.key)) &&
        (ids.length === 0 || ids.includes(space.id)),
    );
    return paginate(request, spaces, v2Space);
  });

  router.add('GET', `${V2}/spaces/:id`, (request) => {
    const space = visibleSpace(request, request.params.id ?? '');
    return space
      ? { status: 200, body: v2Space(space) }
      : v2Error(404, 'Not Found', 'No space with this id, or you may not see it.');
  });

  router.add('GET', `${V2}/spaces/:id/operations`, (request) => {
    const space = visibleSpace(request, request.params.id ?? '');
    if (!space) return v2Error(404, 'Not Found');
    const operations = [
      { operation: 'read', targetType: 'space' },
      { operation: 'create', targetType: 'page' },
      { operation: 'create', targetType: 'blogpost' },
      ...(state.canAdminister(request.user, space) ? [{ operation: 'administer', targetType: 'space' }] : []),
    ];
    return { status: 200, body: { operations } };
  });

  router.add('GET', `${V2}/spaces/:id/pages`, (request) => {
    const space = visibleSpace(request, request.params.id ?? '');
    if (!space) return v2Error(404, 'Not Found');
    const title = request.query.get('title');
    const statuses = request.query.getAll('status').flatMap((value) => value.split(','));
    const wanted = statuses.length > 0 ? statuses : ['current', 'archived'];
    const pages = [...state.pages.values()].filter(
      (page) =>
        page.spaceId === space.id && wanted.includes(page.status) && (title === null || page.title === title),
    );
    return paginate(request, pages, (page) => v2Page(state, page, withBody(request)));
  });

  router.add('POST', `${V2}/pages`, (request) => {
    const parsed = createPage.safeParse(request.body);
    if (!parsed.success) return v2Error(400, 'Invalid request', z.prettifyError(parsed.error));
    const input = parsed.data;
    const space = visibleSpace(request, input.spaceId);
    if (!space) return v2Error(404, 'Not Found', `No space ${input.spaceId}`);
    const parentId = input.parentId ?? space.homepageId;
    const parent = state.pages.get(parentId);
    if (!parent || parent.spaceId !== space.id)
      return v2Error(400, 'Invalid request', 'The parent page must be in the same space.');
    if (titleTaken(state, space.id, input.title)) {
      return v2Error(
        400,
        'A page with this title already exists',
        `A page already exists with the same TITLE in this space`,
      );
    }
    const page = state.addPage({
      spaceId: space.id,
      title: input.title,
      parentId,
      body: input.body.value,
      authorId: request.user.accountId,
    });
    return { status: 200, body: v2Page(state, page, true) };
  });

  router.add('GET', `${V2}/pages/:id`, (request) => {
    const page = visiblePage(request, request.params.id ?? '');
    return page ? { status: 200, body: v2Page(state, page, withBody(request)) } : v2Error(404, 'Not Found');
  });

  router.add('PUT', `${V2}/pages/:id`, (request) => {
    const page = visiblePage(request, request.params.id ?? '');
    if (!page) return v2Error(404, 'Not Found');
    const parsed = updatePage.safeParse(request.body);
    if (!parsed.success) return v2Error(400, 'Invalid request', z.prettifyError(parsed.error));
    const input = parsed.data;
    if (input.version.number !== page.version.number + 1) {
      return v2Error(
        409,
        'Version must be incremented when updating a page',
        `Current version is ${page.version.number}, got ${input.version.number}.`,
      );
    }
    if (titleTaken(state, page.spaceId, input.title, page.id))
      return v2Error(400, 'A page with this title already exists');
    page.history.push({
      number: page.version.number,
      title: page.title,
      body: page.body,
      createdAt: page.version.createdAt,
      authorId: page.version.authorId,
    });
    page.title = input.title;
    page.body = input.body.value;
    if (input.parentId) page.parentId = input.parentId;
    page.version = {
      number: input.version.number,
      createdAt: state.now(),
      authorId: request.user.accountId,
      message: input.version.message ?? '',
      minorEdit: false,
    };
    return { status: 200, body: v2Page(state, page, true) };
  });

  router.add('GET', `${V2}/pages/:id/children`, (request) => {
    const parent = visiblePage(request, request.params.id ?? '');
    if (!parent) return v2Error(404, 'Not Found');
    const children = [...state.pages.values()].filter(
      (page) => page.parentId === parent.id && page.status === 'current',
    );
    return paginate(request, children, (page) => ({
      id: page.id,
      status: page.status,
      title: page.title,
      spaceId: page.spaceId,
      childPosition: page.position,
    }));
  });

  router.add('GET', `${V2}/pages/:pageId/properties`, (request) => {
    const page = visiblePage(request, request.params.pageId ?? '');
    if (!page) return v2Error(404, 'Not Found');
    const key = request.query.get('key');
    const properties = [...page.properties.values()].filter(
      (property) => key === null || property.key === key,
    );
    return paginate(request, properties, v2Property);
  });

  router.add('POST', `${V2}/pages/:pageId/properties`, (request) => {
    const page = visiblePage(request, request.params.pageId ?? '');
    if (!page) return v2Error(404, 'Not Found');
    const parsed = propertyBody.safeParse(request.body);
    if (!parsed.success) return v2Error(400, 'Invalid request', z.prettifyError(parsed.error));
    if (page.properties.has(parsed.data.key))
      return v2Error(400, 'A property with this key already exists on the page');
    const property = {
      id: state.nextId(),
      key: parsed.data.key,
      value: parsed.data.value,
      version: {
        number: 1,
        createdAt: state.now(),
        authorId: request.user.accountId,
        message: '',
        minorEdit: false,
      },
    };
    page.properties.set(property.key, property);
    return { status: 200, body: v2Property(property) };
  });

  const findProperty = (page: ConfluencePage, id: string) =>
    [...page.properties.values()].find((property) => property.id === id);

  router.add('GET', `${V2}/pages/:pageId/properties/:propertyId`, (request) => {
    const page = visiblePage(request, request.params.pageId ?? '');
    const property = page && findProperty(page, request.params.propertyId ?? '');
    return property ? { status: 200, body: v2Property(property) } : v2Error(404, 'Not Found');
  });

  router.add('PUT', `${V2}/pages/:pageId/properties/:propertyId`, (request) => {
    const page = visiblePage(request, request.params.pageId ?? '');
    const property = page && findProperty(page, request.params.propertyId ?? '');
    if (!page || !property) return v2Error(404, 'Not Found');
    const parsed = propertyUpdate.safeParse(request.body);
    if (!parsed.success) return v2Error(400, 'Invalid request', z.prettifyError(parsed.error));
    if (parsed.data.key !== property.key) return v2Error(400, 'The key of a property cannot change');
    if (parsed.data.version.number !== property.version.number + 1)
      return v2Error(409, 'Version must be incremented when updating a property');
    property.value = parsed.data.value;
    property.version = {
      number: parsed.data.version.number,
      createdAt: state.now(),
      authorId: request.user.accountId,
      message: parsed.data.version.message ?? '',
      minorEdit: false,
    };
    return { status: 200, body: v2Property(property) };
  });

  router.add('DELETE', `${V2}/pages/:pageId/properties/:propertyId`, (request) => {
    const page = visiblePage(request, request.params.pageId ?? '');
    const property = page && findProperty(page, request.params.propertyId ?? '');
    if (!page || !property) return v2Error(404, 'Not Found');
    page.properties.delete(property.key);
    return { status: 204 };
  });
}
