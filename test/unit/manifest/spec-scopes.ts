/**
 * The scopes Atlassian's OpenAPI specs (../shared/specs) require per operation. An operation lists one or more
 * alternative scope sets: the classic set (`security: [{ OAuth2: ['read:jira-work'] }]`) and the granular
 * sets (`x-atlassian-oauth2-scopes`); an app may call it when its manifest holds every scope of one set.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { SPECS } from './forge-lint';

const operationSchema = z.looseObject({
  security: z.array(z.record(z.string(), z.array(z.string()))).optional(),
  'x-atlassian-oauth2-scopes': z
    .array(z.looseObject({ scopes: z.array(z.string()), state: z.string().optional() }))
    .optional(),
});
const specSchema = z.looseObject({ paths: z.record(z.string(), z.record(z.string(), z.unknown())) });

export interface SpecOperation {
  readonly method: string;
  /** Full path from the site root, e.g. `/wiki/api/v2/pages/{id}`. */
  readonly path: string;
  /** Alternative sets; empty when the spec names no OAuth scope (nothing to check). */
  readonly scopeSets: readonly (readonly string[])[];
}

const HTTP = new Set(['get', 'post', 'put', 'delete', 'patch']);

function readOperations(file: string, prefix: string): SpecOperation[] {
  const spec = specSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  return Object.entries(spec.paths).flatMap(([specPath, item]) =>
    Object.entries(item)
      .filter(([method]) => HTTP.has(method))
      .map(([method, raw]) => {
        const operation = operationSchema.parse(raw);
        const classic = (operation.security ?? []).flatMap((requirement) =>
          Object.entries(requirement)
            .filter(([scheme, scopes]) => scheme !== 'basicAuth' && scopes.length > 0)
            .map(([, scopes]) => scopes),
        );
        const granular = (operation['x-atlassian-oauth2-scopes'] ?? [])
          .map((entry) => entry.scopes)
          .filter((scopes) => scopes.length > 0);
        return {
          method: method.toUpperCase(),
          path: prefix + specPath,
          scopeSets: [...classic, ...granular],
        };
      }),
  );
}

/** Every operation of the Jira platform, Jira Software and Confluence v1 + v2 specs (v2 paths under /wiki/api/v2). */
export function loadSpecOperations(): SpecOperation[] {
  return [
    ...readOperations(SPECS.jira, ''),
    ...readOperations(SPECS.jiraSoftware, ''),
    ...readOperations(SPECS.confluenceV1, ''),
    ...readOperations(SPECS.confluenceV2, '/wiki/api/v2'),
  ];
}

/**
 * The spec path a called path matches: `{}` and any value match a `{param}` segment; when several match
 * (`/project/search` and `/project/{projectIdOrKey}`), the one with the most fixed segments wins.
 */
export function matchSpecPath(calledPath: string, specPaths: readonly string[]): string | undefined {
  const called = calledPath.split('/');
  let best: { path: string; fixed: number } | undefined;
  for (const candidate of specPaths) {
    const segments = candidate.split('/');
    if (segments.length !== called.length) continue;
    let fixed = 0;
    const matches = segments.every((segment, index) => {
      const value = called[index] ?? '';
      if (/^\{[^}]+\}$/.test(segment)) return true;
      if (segment === value) {
        fixed++;
        return true;
      }
      return false;
    });
    if (matches && (!best || fixed > best.fixed)) best = { path: candidate, fixed };
  }
  return best?.path;
}

/** True when the manifest's scopes hold every scope of at least one of the operation's sets. */
export function scopesAllow(operation: SpecOperation, manifestScopes: ReadonlySet<string>): boolean {
  return (
    operation.scopeSets.length === 0 ||
    operation.scopeSets.some((set) => set.every((scope) => manifestScopes.has(scope)))
  );
}
