import { z } from 'zod';
import type { FrameSpec, HostPage } from './routes';

/** What the visitor picked in the playground's top bar (kept in cookies so every page and frame agrees). */
export interface PlaygroundSettings {
  /** The demo user the frames act as; undefined = the site admin. */
  readonly accountId: string | undefined;
  /** `user` = the chosen user's own Jira language. */
  readonly language: 'user' | 'en' | 'fr';
  readonly colorMode: 'light' | 'dark';
}

export interface PlaygroundUser {
  readonly accountId: string;
  readonly displayName: string;
  readonly email: string;
  readonly locale: string;
}

const COOKIE = { user: 'vertebra-as', language: 'vertebra-lang', theme: 'vertebra-theme' } as const;
export const SETTINGS_COOKIES = COOKIE;

function cookies(header: string | undefined): Map<string, string> {
  const jar = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0) jar.set(part.slice(0, index).trim(), decodeURIComponent(part.slice(index + 1).trim()));
  }
  return jar;
}

/** Reads the settings from the request's cookies; unknown values fall back to the defaults. */
export function readSettings(
  cookieHeader: string | undefined,
  users: readonly PlaygroundUser[],
): PlaygroundSettings {
  const jar = cookies(cookieHeader);
  const accountId = jar.get(COOKIE.user);
  const language = jar.get(COOKIE.language);
  return {
    accountId: users.some((user) => user.accountId === accountId) ? accountId : undefined,
    language: language === 'en' || language === 'fr' ? language : 'user',
    colorMode: jar.get(COOKIE.theme) === 'dark' ? 'dark' : 'light',
  };
}

/** The Forge locale of the frames: the switch wins, else the acting user's own. */
export function localeFor(settings: PlaygroundSettings, user: PlaygroundUser): string {
  if (settings.language === 'fr') return 'fr-FR';
  if (settings.language === 'en') return 'en-US';
  return user.locale;
}

/** The Forge module type of each key, as manifest.yml declares it (`extension.type` in the context). */
const MODULE_TYPES: Record<string, string> = {
  'hygiene-issue-panel': 'jira:issuePanel',
  'dependencies-issue-panel': 'jira:issuePanel',
  'hygiene-issue-context': 'jira:issueContext',
  'vertebra-project-page': 'jira:projectPage',
  'hygiene-admin-page': 'jira:adminPage',
  'dependencies-global-page': 'jira:globalPage',
  'templates-space-settings': 'confluence:spaceSettings',
  'templates-global-settings': 'confluence:globalSettings',
};

/** What the host page learnt about the page's subject from the sandbox, acting as the chosen user. */
export interface PageSubject {
  readonly issue?: { readonly key: string; readonly id: string; readonly type: string };
  readonly project?: { readonly key: string; readonly id: string; readonly type: string };
  readonly space?: { readonly key: string; readonly id: string };
}

/**
 * The context `view.getContext()` answers inside one frame: the shape Forge gives a Custom UI module (accountId,
 * moduleKey, locale, theme, extension with the issue / project / space), so the app cannot tell it from Jira.
 */
export function framedContext(input: {
  readonly frame: FrameSpec;
  readonly subject: PageSubject;
  readonly user: PlaygroundUser;
  readonly settings: PlaygroundSettings;
  readonly siteUrl: string;
}): Record<string, unknown> {
  const { frame, subject, user, settings } = input;
  return {
    accountId: user.accountId,
    cloudId: 'playground-cloud',
    siteUrl: input.siteUrl,
    moduleKey: frame.moduleKey,
    localId: `playground/${frame.moduleKey}`,
    environmentId: 'playground',
    environmentType: 'DEVELOPMENT',
    locale: localeFor(settings, user),
    timezone: 'Europe/Paris',
    theme: { colorMode: settings.colorMode },
    extension: {
      type: MODULE_TYPES[frame.moduleKey] ?? 'playground:contextCheck',
      ...subject,
    },
  };
}

const issueJson = z.object({
  id: z.string(),
  key: z.string(),
  fields: z.object({
    issuetype: z.object({ name: z.string() }).optional(),
    project: z.object({ id: z.string(), key: z.string(), projectTypeKey: z.string().optional() }),
  }),
});
const projectJson = z.object({ id: z.string(), key: z.string(), projectTypeKey: z.string().optional() });
const spacesJson = z.object({
  results: z.array(z.object({ id: z.union([z.string(), z.number()]), key: z.string() })),
});

/** The page's subject could not be read: Jira shows its own "can't be found" page then, and so do we. */
export class SubjectUnavailable extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Looks the page's issue / project / space up through the sandbox's REST API as the chosen user, so a frame
 * only opens on what that user may see (a contractor gets Jira's "can't be found" page for a hidden project).
 */
export async function readSubject(page: HostPage, siteUrl: string, accountId: string): Promise<PageSubject> {
  const get = async (path: string): Promise<unknown> => {
    const response = await fetch(new URL(path, siteUrl), {
      headers: { accept: 'application/json', 'x-sandbox-act-as': accountId },
    });
    if (!response.ok)
      throw new SubjectUnavailable(response.status, `${path} answered ${String(response.status)}`);
    return response.json();
  };
  if (page.kind === 'issue') {
    const issue = issueJson.parse(
      await get(`/rest/api/3/issue/${encodeURIComponent(page.issueKey)}?fields=project,issuetype`),
    );
    const project = issue.fields.project;
    return {
      issue: { key: issue.key, id: issue.id, type: issue.fields.issuetype?.name ?? 'Task' },
      project: { key: project.key, id: project.id, type: project.projectTypeKey ?? 'software' },
    };
  }
  if (page.kind === 'project') {
    const project = projectJson.parse(
      await get(`/rest/api/3/project/${encodeURIComponent(page.projectKey)}`),
    );
    return { project: { key: project.key, id: project.id, type: project.projectTypeKey ?? 'software' } };
  }
  if (page.kind === 'space') {
    const spaces = spacesJson.parse(
      await get(`/wiki/api/v2/spaces?keys=${encodeURIComponent(page.spaceKey)}`),
    );
    const space = spaces.results[0];
    if (!space) throw new SubjectUnavailable(404, `No space ${page.spaceKey}`);
    return { space: { key: space.key, id: String(space.id) } };
  }
  return {};
}
