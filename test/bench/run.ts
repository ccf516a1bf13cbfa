/**
 * `npm run bench` runs every `test/bench/*.bench.ts`; `npm run bench -- search hygiene` only those named. Each
 * bench exports `run(): Promise<void>` and prints its own figures; a failed check fails the run.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const benches = (await readdir(here))
  .filter((file) => file.endsWith('.bench.ts'))
  .map((file) => file.replace(/\.bench\.ts$/, ''))
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();

if (benches.length === 0) {
  console.error(`No benchmark named ${wanted.join(', ')} in test/bench/`);
  process.exit(2);
}

let failed = 0;
for (const name of benches) {
  console.log(`\n=== ${name} ===`);
  try {
    const bench = (await import(pathToFileURL(path.join(here, `${name}.bench.ts`)).href)) as {
      run?: () => Promise<void>;
    };
    if (typeof bench.run !== 'function') throw new Error(`${name}.bench.ts exports no run()`);
    await bench.run();
  } catch (error) {
    failed++;
    console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
