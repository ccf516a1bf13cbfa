/**
 * `npm start`'s first step: builds the Custom UI (type check + Vite, most of a minute) only when its sources
 * changed since the last build. The sources are hashed by content, since a checkout or `git stash` resets
 * modification times, and the hash is kept beside the build it describes.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const STAMP_FILE = '.source-hash';

/** Every file under `folder`, sorted, as absolute paths. */
function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/**
 * The folders of src/ the UI build reads: static/ imports only the contract (by its `@contract` alias), and the
 * contract only the shared kernel; eslint/layers.js keeps it so.
 */
const UI_BACK_END = ['contract', 'shared'];

/** What the UI build reads: static/ (but its output), the contract and its kernel, and the locked versions. */
function uiSources(root: string): string[] {
  const staticDir = path.join(root, 'static');
  const output = path.join(staticDir, 'app') + path.sep;
  const own = filesUnder(staticDir).filter((file) => !file.startsWith(output));
  const backEnd = UI_BACK_END.flatMap((folder) => filesUnder(path.join(root, 'src', folder)));
  return [...own, ...backEnd, path.join(root, 'package-lock.json')].filter((file) => existsSync(file));
}

/** A hash of the UI's sources: their paths (relative to `root`) and contents. */
export function uiSourceHash(root: string): string {
  const hash = createHash('sha256');
  for (const file of uiSources(root)) {
    hash.update(path.relative(root, file)).update('\0');
    hash.update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

const buildDir = (root: string): string => path.join(root, 'static', 'app', 'build');

/** Whether static/app/build was built from the sources as they are now. */
export function uiBuildIsCurrent(root: string): boolean {
  const stamp = path.join(buildDir(root), STAMP_FILE);
  return (
    existsSync(path.join(buildDir(root), 'index.html')) &&
    existsSync(stamp) &&
    readFileSync(stamp, 'utf8') === uiSourceHash(root)
  );
}

/** Records that the build in static/app/build comes from sources of hash `hash`. */
export function recordUiBuild(root: string, hash: string): void {
  writeFileSync(path.join(buildDir(root), STAMP_FILE), hash);
}

function main(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  if (uiBuildIsCurrent(root)) {
    console.log('Custom UI unchanged since its last build (static/app/build): not rebuilding.');
    return;
  }
  // Hashed before building: an edit made during the build is caught by the next start.
  const hash = uiSourceHash(root);
  const built = spawnSync('npm', ['run', 'build:static'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
  recordUiBuild(root, hash);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
