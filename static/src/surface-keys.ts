/**
 * Every place of manifest.yml that shows the Custom UI, as the registry in surfaces.tsx keys it: the module key,
 * or `vertebra-project-page/<route>` for each sub-page of the project page. surfaces.tsx must have exactly these
 * keys (a compile error otherwise) and a test checks them against manifest.yml.
 */
export const SURFACE_KEYS = [
  'hygiene-issue-panel',
  'hygiene-issue-context',
  'vertebra-project-page/hygiene',
  'hygiene-admin-page',
  'vertebra-project-page/dependencies',
  'dependencies-global-page',
  'dependencies-issue-panel',
  'templates-space-settings',
  'templates-global-settings',
] as const;

export type SurfaceKey = (typeof SURFACE_KEYS)[number];

/** The project page's first sub-page, shown when Jira opens it without a route. */
const defaultProjectRoute = 'hygiene';

/** The registry key for a module (and, on the project page, its sub-page route). */
export function surfaceKeyFor(moduleKey: string, route: string | undefined): string {
  return moduleKey === 'vertebra-project-page' ? `${moduleKey}/${route ?? defaultProjectRoute}` : moduleKey;
}

/** True when the key names a registered surface. */
export function isSurfaceKey(key: string): key is SurfaceKey {
  return (SURFACE_KEYS as readonly string[]).includes(key);
}
