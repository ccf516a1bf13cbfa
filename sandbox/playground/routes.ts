/**
 * The host pages of the playground and the Forge modules each one frames, as Jira and Confluence show them:
 * the issue view carries two issue panels and the issue-context badge, the project page one sub-page, etc.
 */

type Product = 'jira' | 'confluence';

/** One framed module on a host page. */
export interface FrameSpec {
  readonly moduleKey: string;
  /** The title Jira shows above the frame (the manifest's `title`). */
  readonly title: string;
  /** Where on the page: the issue view's side column (issue context) or its main column. */
  readonly slot: 'main' | 'side';
  /** The project page's sub-page, read by the app through `view.createHistory()`. */
  readonly route?: string;
}

export type HostPage =
  | { readonly kind: 'home'; readonly product: Product; readonly title: string }
  | {
      readonly kind: 'issue';
      readonly product: 'jira';
      readonly title: string;
      readonly issueKey: string;
      readonly frames: readonly FrameSpec[];
    }
  | {
      readonly kind: 'project';
      readonly product: 'jira';
      readonly title: string;
      readonly projectKey: string;
      readonly route: string;
      readonly frames: readonly FrameSpec[];
    }
  | {
      readonly kind: 'space';
      readonly product: 'confluence';
      readonly title: string;
      readonly spaceKey: string;
      readonly frames: readonly FrameSpec[];
    }
  | {
      readonly kind: 'site';
      readonly product: Product;
      readonly title: string;
      readonly frames: readonly FrameSpec[];
    };

/** A module key Vertebra has no screen for, so the app shows its context report. */
const CONTEXT_CHECK_MODULE = 'playground-context-check';

const PROJECT_ROUTES = ['hygiene', 'dependencies'] as const;

/** A key as Jira writes it (`PAY`, `PAY-12`), so a path segment never carries markup into the page. */
const projectKeyPattern = /^[A-Z][A-Z0-9_]{0,19}$/;
const issueKeyPattern = /^[A-Z][A-Z0-9_]{0,19}-\d{1,9}$/;
const spaceKeyPattern = /^~?[A-Za-z0-9_]{1,255}$/;

/**
 * Where Jira's own issue address (`/browse/PAY-12`, as the app links issues from a frame) leads in the
 * playground: its issue page, `/jira/issue/PAY-12`. Undefined for any other path.
 */
export function browseTarget(pathname: string): string | undefined {
  // Not decoded: a key has nothing to encode, so anything encoded is not a key.
  const key = /^\/browse\/([^/]+)\/?$/.exec(pathname)?.[1];
  return key !== undefined && issueKeyPattern.test(key) ? `/jira/issue/${key}` : undefined;
}

/** The host page for a path, or undefined when the path is not one of the playground's pages. */
export function hostPageFor(pathname: string): HostPage | undefined {
  const segments = pathname
    .split('/')
    .filter((segment) => segment !== '')
    .map(decodeURIComponent);
  const [product, first, second, third] = segments;
  if (segments.length === 0) return { kind: 'home', product: 'jira', title: 'Vertebra playground' };
  if (product === 'jira') {
    if (first === 'issue' && second && issueKeyPattern.test(second) && segments.length === 3) {
      return {
        kind: 'issue',
        product,
        title: second,
        issueKey: second,
        frames: [
          { moduleKey: 'hygiene-issue-panel', title: 'Hygiene', slot: 'main' },
          { moduleKey: 'dependencies-issue-panel', title: 'Cross-team blockers', slot: 'main' },
          { moduleKey: 'hygiene-issue-context', title: 'Hygiene', slot: 'side' },
        ],
      };
    }
    if (first === 'project' && second && projectKeyPattern.test(second) && segments.length <= 4) {
      const route = third ?? 'hygiene';
      if (!(PROJECT_ROUTES as readonly string[]).includes(route)) return undefined;
      return {
        kind: 'project',
        product,
        title: `${second} · Vertebra`,
        projectKey: second,
        route,
        frames: [{ moduleKey: 'vertebra-project-page', title: 'Vertebra', slot: 'main', route }],
      };
    }
    if (first === 'global' && second === 'dependencies' && segments.length === 3) {
      return {
        kind: 'site',
        product,
        title: 'Quarterly alignment',
        frames: [{ moduleKey: 'dependencies-global-page', title: 'Quarterly alignment', slot: 'main' }],
      };
    }
    if (first === 'admin' && second === 'hygiene' && segments.length === 3) {
      return {
        kind: 'site',
        product,
        title: 'Vertebra hygiene rules',
        frames: [{ moduleKey: 'hygiene-admin-page', title: 'Vertebra hygiene rules', slot: 'main' }],
      };
    }
    if (first === 'app' && second === 'context' && segments.length <= 4) {
      // Not a Forge module: the app's own context report, to check the bridge end to end (optionally on an issue).
      const frames: FrameSpec[] = [{ moduleKey: CONTEXT_CHECK_MODULE, title: 'App context', slot: 'main' }];
      if (third === undefined) return { kind: 'site', product, title: 'App context', frames };
      if (!issueKeyPattern.test(third)) return undefined;
      return { kind: 'issue', product, title: `${third} · App context`, issueKey: third, frames };
    }
  }
  if (product === 'confluence') {
    if (
      first === 'space' &&
      second &&
      spaceKeyPattern.test(second) &&
      third === 'settings' &&
      segments.length === 4
    ) {
      return {
        kind: 'space',
        product,
        title: `${second} · Space settings`,
        spaceKey: second,
        frames: [{ moduleKey: 'templates-space-settings', title: 'Vertebra templates', slot: 'main' }],
      };
    }
    if (first === 'settings' && second === 'templates' && segments.length === 3) {
      return {
        kind: 'site',
        product,
        title: 'Vertebra template catalogue',
        frames: [
          { moduleKey: 'templates-global-settings', title: 'Vertebra template catalogue', slot: 'main' },
        ],
      };
    }
  }
  return undefined;
}
