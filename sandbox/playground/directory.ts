import { z } from 'zod';

/** What the host page's navigation links to: the site's projects (with one issue each) and spaces. */
export interface SiteDirectory {
  readonly projects: readonly { readonly key: string; readonly name: string; readonly sampleIssue: string }[];
  readonly spaces: readonly { readonly key: string; readonly name: string }[];
}

const projectPage = z.object({ values: z.array(z.object({ key: z.string(), name: z.string() })) });
const searchPage = z.object({ issues: z.array(z.object({ key: z.string().optional(), id: z.string() })) });
const spacesPage = z.object({ results: z.array(z.object({ key: z.string(), name: z.string() })) });
const issueKey = z.object({ key: z.string() });

async function getJson(siteUrl: string, path: string): Promise<unknown> {
  const response = await fetch(new URL(path, siteUrl), { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${path} answered ${String(response.status)}`);
  return response.json();
}

async function firstIssueOf(siteUrl: string, projectKey: string): Promise<string> {
  try {
    const jql = encodeURIComponent(`project = "${projectKey}" ORDER BY created ASC`);
    const page = searchPage.parse(
      await getJson(siteUrl, `/rest/api/3/search/jql?jql=${jql}&maxResults=1&fields=key`),
    );
    const first = page.issues[0];
    if (!first) return `${projectKey}-1`;
    return (
      first.key ?? issueKey.parse(await getJson(siteUrl, `/rest/api/3/issue/${first.id}?fields=key`)).key
    );
  } catch {
    return `${projectKey}-1`;
  }
}

/**
 * Reads the directory as the site admin (no credentials), through the same REST API the app uses. A part the
 * sandbox cannot answer is left empty: the playground still serves its pages, the nav is just shorter.
 */
export async function readSiteDirectory(siteUrl: string): Promise<SiteDirectory> {
  const [projects, spaces] = await Promise.all([
    getJson(siteUrl, '/rest/api/3/project/search?maxResults=50')
      .then((body) => projectPage.parse(body).values)
      .catch(() => []),
    getJson(siteUrl, '/wiki/api/v2/spaces?limit=25')
      .then((body) => spacesPage.parse(body).results)
      .catch(() => []),
  ]);
  const withIssues = await Promise.all(
    projects.map(async (project) => ({ ...project, sampleIssue: await firstIssueOf(siteUrl, project.key) })),
  );
  return { projects: withIssues, spaces };
}
