/**
 * The Confluence emulator's data: spaces with their permissions, pages (storage bodies kept byte for byte),
 * page properties, labels, view counts and v1 content templates.
 */
import type { SandboxUser } from '../users';

export interface ConfluenceSpace {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly description: string;
  homepageId: string;
  readonly createdAt: string;
  readonly authorId: string;
  /** Groups whose members may view the space; `employees` means everyone on staff. */
  readonly viewGroups: readonly string[];
  /** Account ids and groups that administer the space (site admins always do). */
  readonly adminUsers: readonly string[];
  readonly adminGroups: readonly string[];
}

export interface ContentProperty {
  readonly id: string;
  readonly key: string;
  value: unknown;
  version: { number: number; createdAt: string; authorId: string; message: string; minorEdit: boolean };
}

export interface ConfluencePage {
  readonly id: string;
  readonly spaceId: string;
  title: string;
  parentId: string | null;
  status: 'current' | 'archived';
  body: string;
  version: { number: number; createdAt: string; authorId: string; message: string; minorEdit: boolean };
  readonly authorId: string;
  readonly createdAt: string;
  readonly position: number;
  readonly properties: Map<string, ContentProperty>;
  readonly labels: string[];
  /** Views in Confluence's page view (the playground's), counted by Confluence analytics. */
  views: number;
  /** The versions before the current one, oldest first: what Confluence's page history compares. */
  readonly history: PageVersion[];
}

/** A past version of a page, as its history keeps it. */
interface PageVersion {
  readonly number: number;
  readonly title: string;
  readonly body: string;
  readonly createdAt: string;
  readonly authorId: string;
}

export interface ContentTemplateRecord {
  readonly templateId: string;
  name: string;
  description: string;
  body: string;
  labels: string[];
  readonly spaceKey: string | null;
}

export interface ConfluenceState {
  readonly spaces: Map<string, ConfluenceSpace>;
  readonly pages: Map<string, ConfluencePage>;
  readonly templates: Map<string, ContentTemplateRecord>;
  /** Fresh numeric id, as Confluence's ids are (strings of digits). */
  nextId(): string;
  /** The emulator's clock; tests may pin it. */
  now(): string;
  spaceByKey(key: string): ConfluenceSpace | undefined;
  canView(user: SandboxUser, space: ConfluenceSpace): boolean;
  canAdminister(user: SandboxUser, space: ConfluenceSpace): boolean;
  addSpace(
    space: Omit<ConfluenceSpace, 'id' | 'homepageId' | 'createdAt'>,
    homeBody: string,
  ): ConfluenceSpace;
  addPage(input: {
    spaceId: string;
    title: string;
    parentId: string | null;
    body: string;
    authorId: string;
  }): ConfluencePage;
}

/** An empty Confluence; `seedDemo` fills it. */
export function createConfluenceState(options: { now?: () => Date } = {}): ConfluenceState {
  let counter = 65_536;
  const clock = options.now ?? (() => new Date());
  const spaces = new Map<string, ConfluenceSpace>();
  const pages = new Map<string, ConfluencePage>();
  const templates = new Map<string, ContentTemplateRecord>();

  const state: ConfluenceState = {
    spaces,
    pages,
    templates,
    nextId: () => String(++counter),
    now: () => clock().toISOString(),
    spaceByKey: (key) => [...spaces.values()].find((space) => space.key === key),
    canView(user, space) {
      return (
        user.isSiteAdmin ||
        state.canAdminister(user, space) ||
        space.viewGroups.some((group) => user.groups.includes(group))
      );
    },
    canAdminister(user, space) {
      return (
        user.isSiteAdmin ||
        space.adminUsers.includes(user.accountId) ||
        space.adminGroups.some((group) => user.groups.includes(group))
      );
    },
    addSpace(input, homeBody) {
      const space: ConfluenceSpace = { ...input, id: state.nextId(), homepageId: '', createdAt: state.now() };
      spaces.set(space.id, space);
      const home = state.addPage({
        spaceId: space.id,
        title: `${space.name} Home`,
        parentId: null,
        body: homeBody,
        authorId: space.authorId,
      });
      space.homepageId = home.id;
      return space;
    },
    addPage(input) {
      const at = state.now();
      const siblings = [...pages.values()].filter(
        (page) => page.parentId === input.parentId && page.spaceId === input.spaceId,
      );
      const page: ConfluencePage = {
        id: state.nextId(),
        spaceId: input.spaceId,
        title: input.title,
        parentId: input.parentId,
        status: 'current',
        body: input.body,
        version: { number: 1, createdAt: at, authorId: input.authorId, message: '', minorEdit: false },
        authorId: input.authorId,
        createdAt: at,
        position: siblings.length,
        properties: new Map(),
        labels: [],
        views: 0,
        history: [],
      };
      pages.set(page.id, page);
      return page;
    },
  };
  return state;
}

/** Confluence keeps titles unique among a space's current pages (case-insensitively). */
export function titleTaken(
  state: ConfluenceState,
  spaceId: string,
  title: string,
  exceptId?: string,
): boolean {
  const wanted = title.trim().toLowerCase();
  return [...state.pages.values()].some(
    (page) =>
      page.spaceId === spaceId &&
      page.status === 'current' &&
      page.id !== exceptId &&
      page.title.trim().toLowerCase() === wanted,
  );
}
