import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ManifestSchema } from '@forge/manifest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { runForgeLint, type ForgeLintProblem } from './forge-lint';
import { collectRestCalls, sourceFiles, type RestCall } from './rest-calls';
import { loadSpecOperations, matchSpecPath, scopesAllow, type SpecOperation } from './spec-scopes';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const manifestText = readFileSync(path.join(repoRoot, 'manifest.yml'), 'utf8');
const manifestScopes = (text: string): Set<string> =>
  new Set(
    z.object({ permissions: z.object({ scopes: z.array(z.string()) }) }).parse(parse(text)).permissions
      .scopes,
  );

const calls = collectRestCalls(path.join(repoRoot, 'src'), repoRoot);
const operations = loadSpecOperations();
const specPaths = [...new Set(operations.map((operation) => operation.path))];

/** The spec operation a call reaches; a call whose method is not written beside its path is taken for a GET. */
function operationOf(call: RestCall): SpecOperation | undefined {
  const specPath = matchSpecPath(call.path, specPaths);
  return operations.find(
    (operation) => operation.path === specPath && operation.method === (call.method ?? 'GET'),
  );
}

/** The calls the scopes do not allow, as `METHOD path (where)`. */
function uncovered(scopes: ReadonlySet<string>): string[] {
  return calls
    .filter((call) => {
      const operation = operationOf(call);
      return !operation || !scopesAllow(operation, scopes);
    })
    .map((call) => `${call.method ?? 'GET'} ${call.path} (${call.where})`);
}

describe('the REST calls of the app, checked against the specs and the manifest', () => {
  it('are found in the Jira and Confluence clients (the collector still sees them)', () => {
    const found = calls.map((call) => `${call.method ?? '?'} ${call.path}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'POST /rest/api/3/search/jql',
        'POST /rest/api/3/issue/bulkfetch',
        'GET /rest/api/3/field',
        'POST /wiki/api/v2/pages',
        'GET /wiki/api/v2/spaces',
      ]),
    );
  });

  it.each(calls.map((call) => [`${call.method ?? 'GET'} ${call.path}`, call.where, call] as const))(
    '%s (%s) is an operation of Atlassian’s spec that the manifest’s scopes allow',
    (_name, _where, call) => {
      const operation = operationOf(call);
      expect(operation, 'no such operation in ../shared/specs').toBeDefined();
      if (operation)
        expect(
          scopesAllow(operation, manifestScopes(manifestText)),
          JSON.stringify(operation.scopeSets),
        ).toBe(true);
    },
  );

  it('fails when a scope the calls need is taken out of the manifest', () => {
    const scopes = manifestScopes(manifestText);
    scopes.delete('write:page:confluence');
    expect(uncovered(scopes)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^POST \/wiki\/api\/v2\/pages /)]),
    );
    scopes.delete('read:jira-work');
    expect(uncovered(scopes)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^POST \/rest\/api\/3\/search\/jql /)]),
    );
  });
});

/**
 * `@forge/lint` itself, offline. Two quirks decide how it is driven:
 * - it only reads `.ts` files that tsconfig.json's `include` lists through a glob; our include names folders
 *   (`"src"`), so it would silently read none. It runs here in a scratch folder whose tsconfig includes
 *   `src/**\/*.ts`, with src/, static/ and manifest.yml linked in.
 * - it only sees `requestJira(route\`…\`)` literals, and the app calls through a Transport. So the calls found
 *   above are also written out as such literals (generated-calls.ts) for the linter's own scope check.
 */
describe('@forge/lint offline, in client-side mode, against ../shared/specs', () => {
  let workspace: string;
  let problems: ForgeLintProblem[];
  const cwd = process.cwd();

  const literalCall = (call: RestCall, index: number): string => {
    const product = call.path.startsWith('/wiki/') ? 'requestConfluence' : 'requestJira';
    const template = call.path.replaceAll('{}', '${value}');
    return `  await api.asUser().${product}(route\`${template}\`, { method: '${call.method ?? 'GET'}' }); // ${String(index)}: ${call.where}`;
  };

  beforeAll(async () => {
    workspace = mkdtempSync(path.join(tmpdir(), 'vertebra-forge-lint-'));
    for (const name of ['src', 'static', 'node_modules', 'manifest.yml', 'package.json'])
      symlinkSync(path.join(repoRoot, name), path.join(workspace, name));
    writeFileSync(
      path.join(workspace, 'tsconfig.json'),
      JSON.stringify({ include: ['src/**/*.ts', 'checks/**/*.ts'] }),
    );
    mkdirSync(path.join(workspace, 'checks'));
    const header =
      "import api, { route } from '@forge/api';\n\nexport async function calls(value: string): Promise<void> {\n";
    writeFileSync(
      path.join(workspace, 'checks', 'generated-calls.ts'),
      `${header}${calls.map(literalCall).join('\n')}\n}\n`,
    );
    // A call the manifest does not cover (no delete:page:confluence): proves the linter reads the specs.
    writeFileSync(
      path.join(workspace, 'checks', 'missing-scope.ts'),
      `${header}  await api.asUser().requestConfluence(route\`/wiki/api/v2/pages/\${value}\`, { method: 'DELETE' });\n}\n`,
    );
    const sources = sourceFiles(path.join(repoRoot, 'src')).map((file) => path.relative(repoRoot, file));
    process.chdir(workspace);
    try {
      problems = await runForgeLint(
        [...sources, 'checks/generated-calls.ts', 'checks/missing-scope.ts'],
        parse(manifestText) as ManifestSchema,
      );
    } finally {
      process.chdir(cwd);
    }
  }, 240_000);

  afterAll(() => {
    rmSync(workspace, { recursive: true, force: true });
  });

  const errorsIn = (file: string): string[] =>
    problems
      .filter((problem) => problem.level === 'error' && problem.file === file)
      .map((problem) => `${problem.message} (line ${String(problem.line)})`);

  it('finds every REST call of the clients covered by the manifest’s scopes', () => {
    expect(errorsIn('checks/generated-calls.ts')).toEqual([]);
  });

  it('finds no error in src/ or in the manifest', () => {
    const errors = problems.filter(
      (problem) => problem.level === 'error' && !problem.file.startsWith('checks/'),
    );
    expect(errors).toEqual([]);
  });

  it('flags a call whose scope the manifest lacks, naming the scope', () => {
    expect(errorsIn('checks/missing-scope.ts')).toEqual([
      expect.stringContaining('requires "delete:page:confluence" scope'),
    ]);
  });
});
