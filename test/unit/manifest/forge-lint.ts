/**
 * Runs `@forge/lint` offline, in client-side mode, as `forge lint` would before a deploy: no login, no network.
 * Its permission linter reads the REST specs from `../shared/specs` (USE_LOCAL_SWAGGER) instead of
 * developer.atlassian.com; the products the app does not use get an empty `{"paths":{}}` spec.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lint, type LintResultRule } from '@forge/lint';
import type { ManifestSchema } from '@forge/manifest';

const SPECS_DIR = path.resolve(import.meta.dirname, '../../../..', 'shared', 'specs');
export const SPECS = {
  jira: path.join(SPECS_DIR, 'jira-platform-rest-v3.openapi.2025-12-25.json'),
  jiraSoftware: path.join(SPECS_DIR, 'jira-software-agile-rest.openapi.2024-03-28.json'),
  confluenceV1: path.join(SPECS_DIR, 'confluence-cloud-rest-v1.openapi.2021-11-23.json'),
  confluenceV2: path.join(SPECS_DIR, 'confluence-cloud-rest-v2.openapi.2025-02-04.json'),
} as const;

/**
 * Feature gates off, no remote config: what the CLI falls back to when Statsig cannot be reached. The linters
 * only ask for the deprecated runtimes (@forge/cli-shared's StatsigReader, a transitive dependency).
 */
const offlineStatsig = {
  checkGate: () => Promise.resolve(false),
  getDynamicConfig: () => Promise.resolve(null),
  getDeprecatedRuntimes: () => Promise.resolve([] as string[]),
};

function useLocalSpecs(): void {
  const empty = path.join(mkdtempSync(path.join(tmpdir(), 'vertebra-specs-')), 'empty.json');
  writeFileSync(empty, '{"paths":{}}');
  Object.assign(process.env, {
    USE_LOCAL_SWAGGER: '1',
    LOCAL_JIRA_SWAGGER: SPECS.jira,
    LOCAL_JSW_SWAGGER: SPECS.jiraSoftware,
    LOCAL_CONF_SWAGGER: SPECS.confluenceV1,
    LOCAL_CONF_V2_SWAGGER: SPECS.confluenceV2,
    LOCAL_JSM_SWAGGER: empty,
    LOCAL_BB_SWAGGER: empty,
  });
}

export interface ForgeLintProblem {
  readonly file: string;
  readonly level: 'error' | 'warning';
  readonly message: string;
  readonly line: number;
}

/**
 * Lints the files (paths relative to the repository root, which must be the working directory, since the
 * linter reads tsconfig.json and the handlers from there) against a parsed manifest.
 */
export async function runForgeLint(
  files: readonly string[],
  manifest: ManifestSchema,
): Promise<ForgeLintProblem[]> {
  useLocalSpecs();
  const results = await lint(
    [...files],
    manifest,
    'development',
    { info: () => undefined },
    offlineStatsig as never,
    {
      linter: { mode: 'client-side' },
    },
  );
  const problems = (file: string, level: 'error' | 'warning', rules: LintResultRule[]): ForgeLintProblem[] =>
    rules.map((rule) => ({ file, level, message: rule.message, line: rule.line }));
  return results.flatMap((result) => [
    ...problems(result.file, 'error', result.errors),
    ...problems(result.file, 'warning', result.warnings),
  ]);
}
