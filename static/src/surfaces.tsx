import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { ContextReport } from './shell/placeholders';
import { isSurfaceKey, surfaceKeyFor, type SurfaceKey } from './surface-keys';

/**
 * The registry of screens: one Custom UI bundle serves every module of manifest.yml, and main.tsx renders the
 * entry for `context.moduleKey` (for the project page, `vertebra-project-page/<route>`).
 *
 * HOW TO ADD A SURFACE: declare the module in manifest.yml, add its key to SURFACE_KEYS (surface-keys.ts; a test
 * compares the two), put the component in `static/src/<cap>/`, default-exported, and add a lazy line below so
 * each capability stays in its own chunk:
 *     'hygiene-issue-panel': lazy(() => import('./hygiene/IssuePanel')),
 * Inside it: `useProductContext()` (shell/context) for the issue/project/space, `useResolver(key, payload)` or
 * `callResolver(key, payload)` (shell/invoke) for data, `useT()` (shell/i18n) for every string; add your
 * catalogue `static/src/<cap>/messages.ts` (`export const messages = defineMessages({ en, fr })`) with two lines
 * in `catalogue.ts`. Failures become flags on their own (shell/flags); more in shell/README.md.
 */
export type Surface = ComponentType | LazyExoticComponent<ComponentType>;

const surfaces = {
  'hygiene-issue-panel': lazy(() => import('./hygiene/IssuePanel')),
  'hygiene-issue-context': lazy(() => import('./hygiene/IssueContext')),
  'vertebra-project-page/hygiene': lazy(() => import('./hygiene/ProjectReport')),
  'hygiene-admin-page': lazy(() => import('./hygiene/AdminPage')),
  'vertebra-project-page/dependencies': lazy(() => import('./dependencies/ProjectPage')),
  'dependencies-global-page': lazy(() => import('./dependencies/GlobalPage')),
  'dependencies-issue-panel': lazy(() => import('./dependencies/IssuePanel')),
  'templates-space-settings': lazy(() => import('./templates/SpaceSettings')),
  'templates-global-settings': lazy(() => import('./templates/GlobalSettings')),
} satisfies Record<SurfaceKey, Surface>;

/** The screen to render; the context report for a module key Vertebra does not know (never a blank frame). */
export function surfaceFor(moduleKey: string, route: string | undefined): Surface {
  const key = surfaceKeyFor(moduleKey, route);
  return isSurfaceKey(key) ? surfaces[key] : ContextReport;
}
