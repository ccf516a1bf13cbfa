import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordUiBuild, uiBuildIsCurrent, uiSourceHash } from '../../../sandbox/ui-build';

let root: string;

function write(file: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

/** A checkout in miniature: a UI importing the contract, server code it does not import, and a built UI. */
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'vertebra-ui-build-'));
  write('static/index.html', '<div id="root"></div>');
  write('static/src/main.tsx', "import { ERROR_CODES } from '@contract/result';\n");
  write('src/contract/result.ts', "export const ERROR_CODES = ['INTERNAL'];\n");
  write('src/services/report.ts', 'export const report = 1;\n');
  write('package-lock.json', '{"lockfileVersion":3}');
  write('static/app/build/index.html', '<html></html>');
  recordUiBuild(root, uiSourceHash(root));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('npm start rebuilds the Custom UI only when its sources changed', () => {
  it('keeps a build made from the sources as they are', () => {
    expect(uiBuildIsCurrent(root)).toBe(true);
  });

  it.each([
    [
      'a UI component is edited',
      'static/src/main.tsx',
      "import { ERROR_CODES } from '@contract/result';\n// x\n",
    ],
    ['a new UI file appears', 'static/src/shell/flag.ts', 'export {};\n'],
    [
      'the shared contract the UI imports is edited',
      'src/contract/result.ts',
      'export const ERROR_CODES = [];\n',
    ],
    ['the locked dependencies change', 'package-lock.json', '{"lockfileVersion":3,"packages":{}}'],
  ])('rebuilds when %s', (_name, file, text) => {
    write(file, text);
    expect(uiBuildIsCurrent(root)).toBe(false);
  });

  it.each([
    ['server code the UI does not import is edited', 'src/services/report.ts', 'export const report = 2;\n'],
    ['the build writes its own files', 'static/app/build/assets/main.js', 'console.log(1);\n'],
  ])('does not rebuild when %s', (_name, file, text) => {
    write(file, text);
    expect(uiBuildIsCurrent(root)).toBe(true);
  });

  it('builds a checkout that was never built, even with a stamp left from elsewhere', () => {
    rmSync(path.join(root, 'static/app/build/index.html'));
    expect(uiBuildIsCurrent(root)).toBe(false);
  });
});
