/** Confluence's JSON shapes (v2 and v1) for the emulator's records, as the OpenAPI specs describe them. */
import type { SandboxResponse } from '../http';
import type { SandboxUser, UserDirectory } from '../users';
import type {
  ConfluencePage,
  ConfluenceSpace,
  ConfluenceState,
  ContentProperty,
  ContentTemplateRecord,
} from './state';

/** v2 error body: `{ errors: [{ status, code, title, detail }] }`. */
export function v2Error(status: number, title: string, detail?: string): SandboxResponse {
  const code =
    status === 404
      ? 'NOT_FOUND'
      : status === 403
        ? 'FORBIDDEN'
        : status === 409
          ? 'CONFLICT'
          : 'INVALID_REQUEST_PARAMETER';
  return { status, body: { errors: [{ status, code, title, ...(detail ? { detail } : {}) }] } };
}

/** v1 error body: `{ statusCode, message, data }`. */
export function v1Error(status: number, message: string): SandboxResponse {
  return {
    status,
    body: {
      statusCode: status,
      message,
      data: { authorized: status !== 403, valid: status !== 400, errors: [], successful: false },
    },
  };
}

const slug = (title: string): string => encodeURIComponent(title.replace(/\s+/g, '+'));

export function v2Space(space: ConfluenceSpace): Record<string, unknown> {
  return {
    id: space.id,
    key: space.key,
    name: space.name,
    type: 'global',
    status: 'current',
    authorId: space.authorId,
    createdAt: space.createdAt,
    homepageId: space.homepageId,
    _links: { webui: `/spaces/${space.key}` },
  };
}

export function v2Page(
  state: ConfluenceState,
  page: ConfluencePage,
  withBody: boolean,
): Record<string, unknown> {
  const space = state.spaces.get(page.spaceId);
  return {
    id: page.id,
    status: page.status,
    title: page.title,
    spaceId: page.spaceId,
    ...(page.parentId ? { parentId: page.parentId, parentType: 'page' } : {}),
    position: page.position,
    authorId: page.authorId,
    ownerId: page.authorId,
    lastOwnerId: null,
    createdAt: page.createdAt,
    version: { ...page.version },
    body: withBody ? { storage: { representation: 'storage', value: page.body } } : {},
    _links: {
      webui: `/spaces/${space?.key ?? ''}/pages/${page.id}/${slug(page.title)}`,
      editui: `/pages/resumedraft.action?draftId=${page.id}`,
      tinyui: `/x/${page.id}`,
    },
  };
}

export function v2Property(property: ContentProperty): Record<string, unknown> {
  return { id: property.id, key: property.key, value: property.value, version: { ...property.version } };
}

function v1User(users: UserDirectory, accountId: string): Record<string, unknown> {
  const user: SandboxUser | undefined = users.byAccountId(accountId);
  return {
    type: 'known',
    accountId,
    accountType: 'atlassian',
    email: user?.email ?? '',
    publicName: user?.displayName ?? 'Unknown user',
    displayName: user?.displayName ?? 'Unknown user',
    isExternalCollaborator: false,
    _expandable: {},
    _links: {},
  };
}

function v1Space(space: ConfluenceSpace): Record<string, unknown> {
  return {
    id: Number(space.id),
    key: space.key,
    name: space.name,
    type: 'global',
    status: 'current',
    _expandable: { homepage: `/rest/api/content/${space.homepageId}` },
    _links: { webui: `/spaces/${space.key}`, self: `/wiki/rest/api/space/${space.key}` },
  };
}

export function v1Labels(labels: readonly string[]): Record<string, unknown> {
  return {
    results: labels.map((name) => ({ prefix: 'global', name, id: String(hashLabel(name)), label: name })),
    start: 0,
    limit: 200,
    size: labels.length,
    _links: {},
  };
}

function hashLabel(name: string): number {
  let hash = 7;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) % 2_147_483_647;
  return hash;
}

/** v1 `Content`, with only what `expand` asked for (as Confluence does: the rest goes to `_expandable`). */
export function v1Content(
  state: ConfluenceState,
  users: UserDirectory,
  page: ConfluencePage,
  expand: ReadonlySet<string>,
): Record<string, unknown> {
  const space = state.spaces.get(page.spaceId);
  const content: Record<string, unknown> = {
    id: page.id,
    type: 'page',
    status: page.status,
    title: page.title,
  };
  const expandable: Record<string, string> = {};
  if (space && expand.has('space')) content.space = v1Space(space);
  else expandable.space = `/rest/api/space/${space?.key ?? ''}`;
  if (expand.has('version')) {
    content.version = {
      by: v1User(users, page.version.authorId),
      when: page.version.createdAt,
      number: page.version.number,
      minorEdit: page.version.minorEdit,
      message: page.version.message,
      _expandable: {},
      _links: {},
    };
  } else expandable.version = '';
  if (expand.has('ancestors')) {
    const ancestors: Record<string, unknown>[] = [];
    for (
      let parent = page.parentId ? state.pages.get(page.parentId) : undefined;
      parent;
      parent = parent.parentId ? state.pages.get(parent.parentId) : undefined
    ) {
      ancestors.unshift({
        id: parent.id,
        type: 'page',
        status: parent.status,
        title: parent.title,
        _expandable: {},
        _links: {},
      });
    }
    content.ancestors = ancestors;
  } else expandable.ancestors = '';
  if (expand.has('body.storage')) {
    content.body = {
      storage: { value: page.body, representation: 'storage', embeddedContent: [], _expandable: {} },
      _expandable: {},
    };
  } else expandable.body = '';
  const metadata: Record<string, unknown> = { _expandable: {} };
  if (expand.has('metadata.labels')) metadata.labels = v1Labels(page.labels);
  const propertyKeys = [...expand]
    .filter((item) => item.startsWith('metadata.properties.'))
    .map((item) => item.slice('metadata.properties.'.length));
  if (propertyKeys.length > 0) {
    const properties: Record<string, unknown> = {};
    for (const key of propertyKeys) {
      const property = page.properties.get(key);
      if (property)
        properties[key] = {
          ...v2Property(property),
          version: { number: property.version.number, when: property.version.createdAt, minorEdit: false },
        };
    }
    metadata.properties = properties;
  }
  content.metadata = metadata;
  content._expandable = expandable;
  content._links = {
    webui: `/spaces/${space?.key ?? ''}/pages/${page.id}/${slug(page.title)}`,
    self: `/wiki/rest/api/content/${page.id}`,
    tinyui: `/x/${page.id}`,
  };
  return content;
}

export function v1Template(
  template: ContentTemplateRecord,
  space: ConfluenceSpace | undefined,
  withBody: boolean,
): Record<string, unknown> {
  return {
    templateId: template.templateId,
    name: template.name,
    description: template.description,
    templateType: 'page',
    editorVersion: 'v2',
    labels: template.labels.map((name) => ({
      prefix: 'global',
      name,
      id: String(hashLabel(name)),
      label: name,
    })),
    ...(space ? { space: { key: space.key, name: space.name, id: Number(space.id) } } : {}),
    ...(withBody
      ? {
          body: {
            storage: {
              value: template.body,
              representation: 'storage',
              embeddedContent: [],
              _expandable: {},
            },
          },
        }
      : {}),
    _expandable: withBody ? {} : { body: '' },
    _links: { self: `/wiki/rest/api/template/${template.templateId}` },
  };
}
