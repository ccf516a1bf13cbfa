import path from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import { noDataKeyedWrite } from '../../../eslint/no-data-keyed-write.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

// A one-file program of its own: type-checking the cases against the whole project would take seconds.
const fixture = path.join(import.meta.dirname, 'fixture');
const tester = new RuleTester({
  languageOptions: {
    parser: tseslint.parser,
    parserOptions: { project: path.join(fixture, 'tsconfig.json'), tsconfigRootDir: fixture },
  },
});
const filename = path.join(fixture, 'planted.ts');
const dataKey = [{ messageId: 'dataKey' }];

tester.run('no-data-keyed-write', noDataKeyedWrite, {
  valid: [
    {
      name: 'counts in a Map',
      filename,
      code: 'const t = new Map<string, number>(); t.set(label, 1); declare const label: string;',
    },
    {
      name: 'a closed set of keys',
      filename,
      code: "declare const s: 'error' | 'info'; const c = { error: 0, info: 0 }; c[s] += 1;",
    },
    {
      name: 'array slots by index',
      filename,
      code: 'const a: number[] = []; declare const i: number; a[i] = 1; a[i]++;',
    },
    {
      name: 'a computed key in an object literal',
      filename,
      code: 'declare const k: string; const o = { [k]: 1 };',
    },
    {
      name: 'a typed array',
      filename,
      code: 'const a = new Uint8Array(4); declare const i: number; a[i] = 1;',
    },
  ],
  invalid: [
    {
      name: 'a tally keyed by a label',
      filename,
      code: 'declare const label: string; const t: Record<string, number> = {}; t[label] = 1;',
      errors: dataKey,
    },
    {
      name: 'a lazily created entry',
      filename,
      code: 'declare const team: string; const t: Record<string, { n: number }> = {}; t[team] ??= { n: 0 };',
      errors: dataKey,
    },
    {
      name: 'a counter bumped by name',
      filename,
      code: 'declare const who: string; const t: Record<string, number> = {}; t[who]++;',
      errors: dataKey,
    },
    {
      name: 'a compound assignment',
      filename,
      code: 'declare const who: string; const t: Record<string, number> = {}; t[who] += 2;',
      errors: dataKey,
    },
  ],
});
