import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { validate } from '@forge/manifest';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const manifestPath = path.join(repoRoot, 'manifest.yml');
const manifestText = readFileSync(manifestPath, 'utf8');

const moduleSchema = z.looseObject({
  key: z.string(),
  resource: z.string().optional(),
  function: z.string().optional(),
  icon: z.string().optional(),
  resolver: z.looseObject({ function: z.string().optional() }).optional(),
  dynamicProperties: z.looseObject({ function: z.string() }).optional(),
});
const manifestSchema = z.looseObject({
  modules: z
    .looseObject({ function: z.array(z.looseObject({ key: z.string(), handler: z.string() })) })
    .catchall(z.array(moduleSchema)),
  resources: z.array(z.looseObject({ key: z.string(), path: z.string() })),
  app: z.looseObject({
    runtime: z.looseObject({ name: z.string() }),
    compatibility: z.record(z.string(), z.object({ required: z.boolean() })).optional(),
  }),
});
const manifest = manifestSchema.parse(parse(manifestText));
const uiModules = Object.entries(manifest.modules)
  .filter(([type]) => type !== 'function')
  .flatMap(([, modules]) => modules as z.output<typeof moduleSchema>[]);

/** The names a module exports, read from its syntax (importing src/index.ts would load @forge/api). */
function exportedNames(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const names: string[] = [];
  for (const statement of source.statements) {
    if (
      ts.isExportDeclaration(statement) &&
      statement.exportClause &&
      ts.isNamedExports(statement.exportClause)
    ) {
      names.push(...statement.exportClause.elements.map((element) => element.name.text));
    }
    const exported =
      ts.canHaveModifiers(statement) &&
      ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
    if (
      exported &&
      (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) &&
      statement.name
    )
      names.push(statement.name.text);
    if (exported && ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations)
        if (ts.isIdentifier(declaration.name)) names.push(declaration.name.text);
    }
  }
  return names;
}

describe('manifest.yml', () => {
  it('passes @forge/manifest’s own validation (schema, modules, handlers, resource folders)', async () => {
    const result = await validate(false, manifestPath);
    expect(result.errors ?? []).toEqual([]);
    expect(result.success).toBe(true);
  });

  it('serves Jira and Confluence from one installation: Jira required, Confluence optional', () => {
    expect(manifest.app.compatibility).toEqual({ jira: { required: true }, confluence: { required: false } });
    const products = new Set(Object.keys(manifest.modules).map((type) => type.split(':')[0]));
    expect(products.has('jira') && products.has('confluence')).toBe(true);
  });

  it('runs on Forge’s Node 22 runtime', () => {
    expect(manifest.app.runtime.name).toBe('nodejs22.x');
  });

  it.each(manifest.modules.function.map((fn) => [fn.key, fn.handler] as const))(
    'function %s has its handler %s exported by src/',
    (_key, handler) => {
      const [file, exportName] = handler.split('.');
      expect(exportedNames(path.join(repoRoot, 'src', `${file ?? ''}.ts`))).toContain(exportName);
    },
  );

  it('names only functions it declares, from every module that runs one', () => {
    const declared = new Set(manifest.modules.function.map((fn) => fn.key));
    const used = uiModules
      .flatMap((module) => [module.function, module.resolver?.function, module.dynamicProperties?.function])
      .filter((key) => key !== undefined);
    expect(used.filter((key) => !declared.has(key))).toEqual([]);
  });

  it('points every Custom UI module at a declared resource that holds an index.html and the icons it names', () => {
    const resources = new Map(manifest.resources.map((resource) => [resource.key, resource.path]));
    for (const module of uiModules.filter((candidate) => candidate.resource !== undefined)) {
      const folder = resources.get(module.resource ?? '');
      expect(folder, `${module.key}: resource ${module.resource ?? ''}`).toBeDefined();
      expect(
        existsSync(path.join(repoRoot, folder ?? '', 'index.html')),
        `${module.key}: ${folder ?? ''}/index.html`,
      ).toBe(true);
      const icon = module.icon?.match(/^resource:([^;]+);(.+)$/);
      if (icon)
        expect(
          existsSync(path.join(repoRoot, resources.get(icon[1] ?? '') ?? '', icon[2] ?? '')),
          `${module.key}: ${module.icon ?? ''}`,
        ).toBe(true);
    }
  });
});

describe('@forge/manifest’s validation catches a broken manifest (so the check above means something)', () => {
  let folder: string;

  beforeAll(() => {
    // A minimal copy of the app: the manifest plus the files it points at, so the intact copy validates.
    folder = mkdtempSync(path.join(tmpdir(), 'vertebra-manifest-'));
    mkdirSync(path.join(folder, 'src'));
    writeFileSync(path.join(folder, 'src', 'index.ts'), 'export {};\n');
    cpSync(path.join(repoRoot, 'static', 'app', 'build'), path.join(folder, 'static', 'app', 'build'), {
      recursive: true,
    });
  });

  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  const validateCopy = async (text: string) => {
    const file = path.join(folder, 'manifest.yml');
    writeFileSync(file, text);
    return validate(false, file);
  };

  it('accepts the intact copy', async () => {
    expect((await validateCopy(manifestText)).success).toBe(true);
  });

  it.each([
    ['an unsupported runtime', (text: string) => text.replace('name: nodejs22.x', 'name: nodejs12.x')],
    [
      'a module whose resolver function is not declared',
      (text: string) => text.replace('function: hygiene-badge', 'function: no-such-function'),
    ],
    [
      'a resource folder that does not exist',
      (text: string) => text.replace('path: static/app/build', 'path: static/missing/build'),
    ],
    [
      'a handler file that does not exist',
      (text: string) => text.replace('handler: index.resolver', 'handler: missing.resolver'),
    ],
    [
      'a compatibility entry for a product Forge does not know',
      (text: string) =>
        text.replace('    confluence:\n      required: false', '    trello:\n      required: false'),
    ],
    [
      'two modules with the same key',
      (text: string) => text.replace('key: dependencies-issue-panel', 'key: hygiene-issue-panel'),
    ],
  ])('rejects %s', async (_name, breakIt) => {
    const broken = breakIt(manifestText);
    expect(broken).not.toBe(manifestText);
    const result = await validateCopy(broken);
    expect(result.success).toBe(false);
  });
});
