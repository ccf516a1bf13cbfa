/**
 * Tools for `test/bench/*.bench.ts`: a sandbox with seeds and latency, its request counts, a timer and a table of
 * figures with ratios against a baseline measured in the same run.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../sandbox/server';

const here = path.dirname(fileURLToPath(import.meta.url));

/** A file of the shared data (`../shared/…` beside the repository); fails with a clear message when absent. */
export function sharedFile(...parts: string[]): string {
  const file = path.resolve(here, '../../..', 'shared', ...parts);
  if (!existsSync(file))
    throw new Error(`Shared data missing: ${file} (the benchmarks read ../shared beside the repository)`);
  return file;
}

/** The 6,686 real issues of four Appcelerator projects. */
export const TIDEV_ISSUES = (): string => sharedFile('data', 'tidev', 'issues.jsonl.gz');

/** Every issue of the shared tidev dump, in key order, and the fields a typical wide read asks for. */
export const TIDEV_JQL = 'project in (AC, ALOY, DAEMON, MOD) ORDER BY key';
export const TYPICAL_FIELDS = [
  'summary',
  'status',
  'assignee',
  'issuetype',
  'updated',
  'created',
  'duedate',
  'labels',
  'issuelinks',
  'description',
];

/**
 * A sandbox on a free port. It answers as soon as it listens; `measure` waits for its warm-up, so that
 * `sandbox.bench.ts` can still time start-up and warm-up apart.
 */
export async function benchSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  return startSandbox({ port: 0, ...options });
}

export interface Timed<T> {
  readonly result: T;
  readonly ms: number;
}

/** Runs `task` once and measures its wall time. */
async function time<T>(task: () => Promise<T>): Promise<Timed<T>> {
  const start = performance.now();
  const result = await task();
  return { result, ms: performance.now() - start };
}

/**
 * Measures `task` and the sandbox requests it made (stats are reset first). Waits for the sandbox's background
 * wiki → ADF conversion first: otherwise the first row measured (the baseline) shares the CPU with it and looks
 * slower than it is, which inflates every ratio.
 */
export async function measure<T>(
  sandbox: RunningSandbox,
  task: () => Promise<T>,
): Promise<Timed<T> & { requests: number; byEndpoint: Record<string, number> }> {
  await sandbox.warmedUp;
  sandbox.resetStats();
  const timed = await time(task);
  const stats = sandbox.stats();
  return { ...timed, requests: stats.total, byEndpoint: stats.byEndpoint };
}

export interface Figure {
  readonly name: string;
  readonly requests?: number;
  readonly ms: number;
  readonly note?: string;
}

const ratio = (value: number, base: number): string => (value === 0 ? '—' : `${(base / value).toFixed(2)}×`);

/**
 * Prints figures as a table; the first row is the baseline and each other row shows how many times fewer
 * requests and how many times faster it is than the baseline.
 */
export function printFigures(title: string, figures: readonly Figure[]): void {
  const base = figures[0];
  const rows = figures.map((figure) => [
    figure.name,
    figure.requests === undefined ? '' : String(figure.requests),
    `${figure.ms.toFixed(0)} ms`,
    base && figure !== base && figure.requests !== undefined && base.requests !== undefined
      ? ratio(figure.requests, base.requests)
      : '',
    base && figure !== base ? ratio(figure.ms, base.ms) : '',
    figure.note ?? '',
  ]);
  console.log(`\n${title}`);
  printTable(['', 'requests', 'wall time', 'fewer requests', 'faster', ''], rows);
}

/** Prints rows under a header, columns aligned: the first to the left, the others to the right. */
export function printTable(header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = header.map((cell, index) =>
    Math.max(cell.length, ...rows.map((row) => (row[index] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, index) =>
        index === 0 ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0),
      )
      .join('  ')
      .trimEnd();
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

/** Stops the bench with a message when a figure is not what it must be (same keys from both readers…). */
export function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`Benchmark check failed: ${message}`);
}
