import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { bundleAsDeployWould, type DeployBundle } from './bundle';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const manifestSchema = z.object({
  modules: z.looseObject({ function: z.array(z.object({ key: z.string(), handler: z.string() }).loose()) }),
});
const functions = manifestSchema.parse(parse(readFileSync(path.join(repoRoot, 'manifest.yml'), 'utf8')))
  .modules.function;

/** Webpack and ts-loader over the whole app: slow on a shared two-core machine, so given room. */
const BUNDLE_TIMEOUT_MS = 240_000;

let tempDir: string;
let bundle: DeployBundle;

beforeAll(async () => {
  tempDir = mkdtempSync(path.join(tmpdir(), 'vertebra-forge-bundle-'));
  bundle = await bundleAsDeployWould(repoRoot, tempDir);
}, BUNDLE_TIMEOUT_MS);

afterAll(() => {
  rmSync(tempDir, { recursive: true, force: true });
});

describe('forge deploy’s bundling step (@forge/bundler over the manifest’s handlers)', () => {
  it('builds one index.cjs, the module every handler of manifest.yml names', () => {
    const modules = new Set(functions.map((fn) => fn.handler.split('.')[0]));
    expect([...modules]).toEqual(['index']);
    expect(bundle.files).toContain('index.cjs');
  });

  it('bundles the Forge SDK packages the handlers call', () => {
    expect(bundle.modules).toEqual(
      expect.arrayContaining(['@forge/api', '@forge/kvs', '@forge/events', '@forge/resolver']),
    );
  });

  it.each(functions.map((fn) => [fn.key, fn.handler] as const))(
    'function %s finds its handler %s as a function in the bundle',
    (_key, handler) => {
      const [file, exportName] = handler.split('.');
      const exported = createRequire(import.meta.url)(
        path.join(bundle.outputDir, `${file ?? ''}.cjs`),
      ) as Record<string, unknown>;
      expect(typeof exported[exportName ?? '']).toBe('function');
    },
  );
});

describe('the bundling step judges the root tsconfig.json (so the check above means something)', () => {
  it('stops with TypeScript’s "emitted no output" when the tsconfig sets noEmit, as it did', async () => {
    const app = path.join(tempDir, 'no-emit-app');
    mkdirSync(path.join(app, 'src'), { recursive: true });
    writeFileSync(
      path.join(app, 'manifest.yml'),
      'modules:\n  function:\n    - key: main\n      handler: index.run\napp:\n  runtime:\n    name: nodejs22.x\n',
    );
    writeFileSync(path.join(app, 'src', 'index.ts'), 'export const run = (): string => "ran";\n');
    writeFileSync(
      path.join(app, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, noEmit: true }, include: ['src/**/*.ts'] }),
    );
    await expect(bundleAsDeployWould(app, tempDir)).rejects.toThrow(/TypeScript emitted no output/);
  });
});
