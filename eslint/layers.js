/**
 * The layer map, kept by `no-restricted-imports` (static imports) and `no-restricted-syntax` (dynamic `import()`),
 * one block per folder. ESLint replaces a rule's options in a later block instead of merging them, so each block
 * lists every pattern that holds for its files, the `@forge/*` boundary included.
 *
 * - Only `src/platform/` imports `@forge/*`.
 * - The core (`src/hygiene`, `src/templates`, `src/dependencies`) is pure: it imports no service, client
 *   (`src/atlassian`), platform, resolver or contract code. A service gathers the data, the core computes.
 * - `src/shared` is the small kernel the core and the contract both speak: the message formatter and the English
 *   catalogues whose ids travel on the wire (finding messages, templates refusals), the unassigned-team name.
 *   It imports nothing else of the app, so neither side reaches the other through it.
 * - `src/contract` (resolver keys, payload schemas, the wire types) imports nothing of the app but `src/shared`.
 *   It writes the wire types out instead of naming the core's: the resolvers are checked against both, so a
 *   change in the core that would change what the screens receive fails the type check. Helpers the UI runs
 *   (CSV, version order, published projects) live in the contract; those the core needs too come from
 *   `src/shared` through the contract's re-exports.
 * - `static/` imports only the contract, through the `@contract` alias (static/tsconfig.json, static/vite.config.ts),
 *   never a relative path into `src/`, `sandbox/` or `test/`.
 * - `static/src/shell` imports no capability folder (`hygiene`, `templates`, `dependencies`): the app root
 *   (`static/src/catalogue.ts`, `surfaces.tsx`) composes the capabilities and hands the shell what it needs.
 * - `src/cli` does not import `sandbox/`: the CLI works against any site, and the entry point (bin/vertebra.mjs)
 *   hands it the sandbox's launcher (sandbox/launcher.ts), typed by the CLI's `LaunchSandbox`.
 * - `src/hygiene/view.ts` does not import `types.ts`, which imports it.
 */

/** Only src/platform/ may reach the Forge runtime; everything else works through its interfaces. */
const FORGE = { group: ['@forge/*'], message: 'Only src/platform/ may import @forge/* (see DESIGN.md).' };

/** A relative import whose path matches `regex` is refused with `message`. */
const refuse = (regex, message) => ({ regex, message, caseSensitive: true });

const CORE = [
  refuse(
    '^(\\.\\./)+(services|atlassian|platform|contract|resolvers|cli|sandbox|static)(/|$)',
    'The core (hygiene, templates, dependencies) is pure: no service, client, platform or contract import; words it shares with the UI live in src/shared.',
  ),
];

const SHARED = [
  refuse(
    '^\\.\\./',
    'src/shared is what the core and the contract both speak: it imports nothing else of the app.',
  ),
];

const CONTRACT = [
  refuse(
    '^(\\.\\./)+(?!shared(/|$))',
    'src/contract imports nothing of the app but src/shared: the wire stands alone, and the core must not change it unseen.',
  ),
];

const STATIC = [
  refuse(
    '^(\\.\\./)+(src|sandbox|test)(/|$)',
    "static/ reaches the back end only through the contract: import from '@contract/…'.",
  ),
];

const SHELL = [
  refuse(
    '^(\\.\\./)+(hygiene|templates|dependencies)(/|$)',
    'The shell imports no capability: the app root (static/src/catalogue.ts, surfaces.tsx) composes them.',
  ),
];

const CLI = [
  refuse(
    '^(\\.\\./)+sandbox(/|$)',
    'The CLI does not import the sandbox: the entry point hands it a launcher (sandbox/launcher.ts).',
  ),
];

const HYGIENE_VIEW = [
  refuse(
    '^\\./types$',
    'hygiene/view.ts must not import types.ts, which imports it: share through fields.ts.',
  ),
];

/** esquery reads `/` as the end of a regex literal, so slashes are written as `\x2F` in selectors. */
const dynamicImport = ({ regex, message }) => ({
  selector: `ImportExpression > Literal[value=/${regex.replaceAll('/', '\\x2F')}/]`,
  message,
});

/** One flat-config block holding `patterns` for `files`, in `import` declarations and `import()` alike. */
const restrict = (name, files, patterns) => {
  const relative = patterns.filter((pattern) => 'regex' in pattern);
  return {
    name: `vertebra/layers/${name}`,
    files,
    rules: {
      'no-restricted-imports': ['error', { patterns }],
      'no-restricted-syntax': relative.length === 0 ? 'off' : ['error', ...relative.map(dynamicImport)],
    },
  };
};

/** The base boundary for every file no layer below names. */
export const forgeBoundary = [FORGE];

const CORE_FILES = ['src/hygiene/**', 'src/templates/**', 'src/dependencies/**'];

export const layers = [
  restrict('core', CORE_FILES, [FORGE, ...CORE]),
  restrict('shared', ['src/shared/**'], [FORGE, ...SHARED]),
  restrict('contract', ['src/contract/**'], [FORGE, ...CONTRACT]),
  restrict('cli', ['src/cli/**'], [FORGE, ...CLI]),
  restrict('static', ['static/**'], STATIC),
  restrict('shell', ['static/src/shell/**'], [...STATIC, ...SHELL]),
  restrict('hygiene-view', ['src/hygiene/view.ts'], [FORGE, ...CORE, ...HYGIENE_VIEW]),
];
