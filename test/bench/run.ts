/**
 * `npm run bench` runs every `test/bench/*.bench.ts`; `npm run bench -- search hygiene` only those named. Each
 * bench exports `run(): Promise<void>` and prints its own figures; a failed check fails the run.
 *
 * Each bench runs in a process of its own (this file again, with `--in-process`): a bench that builds 100,000
 * issues leaves a grown heap behind, and the next bench's figures would pay for its garbage collections.
 */
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const inProcess = process.argv.includes('--in-process');
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

/** Runs one bench here; false when it failed. */
async function runHere(name: string): Promise<boolean> {
  try {
    const bench = (await import(pathToFileURL(path.join(here, `${name}.bench.ts`)).href)) as {
      run?: () => Promise<void>;
    };
    if (typeof bench.run !== 'function') throw new Error(`${name}.bench.ts exports no run()`);
    await bench.run();
    return true;
  } catch (error) {
    console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

/** Runs one bench in a fresh Node process (same loader, same flags); false when it failed. */
function runApart(name: string): Promise<boolean> {
  const child = spawn(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), '--in-process', name],
    {
      stdio: 'inherit',
    },
  );
  return new Promise((resolve) => {
    child.once('exit', (code) => {
      resolve(code === 0);
    });
  });
}

let failed = 0;
for (const name of benches) {
  if (!inProcess) console.log(`\n=== ${name} ===`);
  const passed = inProcess ? await runHere(name) : await runApart(name);
  if (!passed) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;
