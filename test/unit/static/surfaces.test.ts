import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { isSurfaceKey, SURFACE_KEYS, surfaceKeyFor } from '../../../static/src/surface-keys';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

const manifestSchema = z.object({
  modules: z.record(
    z.string(),
    z.array(
      z.object({
        key: z.string(),
        resource: z.string().optional(),
        pages: z.array(z.object({ route: z.string() })).optional(),
      }),
    ),
  ),
});

/** Every place manifest.yml shows the Custom UI `app`, keyed as surfaces.tsx keys it. */
function manifestSurfaceKeys(): string[] {
  const manifest = manifestSchema.parse(parse(readFileSync(path.join(repoRoot, 'manifest.yml'), 'utf8')));
  return Object.values(manifest.modules)
    .flat()
    .filter((module) => module.resource === 'app')
    .flatMap((module) =>
      module.pages ? module.pages.map((page) => `${module.key}/${page.route}`) : [module.key],
    );
}

describe('the surface registry', () => {
  it('has exactly one surface for every Custom UI module and project sub-page of manifest.yml', () => {
    expect([...SURFACE_KEYS].sort()).toEqual(manifestSurfaceKeys().sort());
  });

  it.each([
    ['hygiene-issue-panel', undefined, 'hygiene-issue-panel'],
    ['hygiene-issue-panel', 'dependencies', 'hygiene-issue-panel'],
    ['vertebra-project-page', 'dependencies', 'vertebra-project-page/dependencies'],
    ['vertebra-project-page', undefined, 'vertebra-project-page/hygiene'],
  ])('module %s with route %s shows %s', (moduleKey, route, key) => {
    expect(surfaceKeyFor(moduleKey, route)).toBe(key);
    expect(isSurfaceKey(key)).toBe(true);
  });

  it('does not know a module of another app or an unknown project sub-page (the context report shows then)', () => {
    expect(isSurfaceKey(surfaceKeyFor('someone-elses-panel', undefined))).toBe(false);
    expect(isSurfaceKey(surfaceKeyFor('vertebra-project-page', 'settings'))).toBe(false);
  });
});
