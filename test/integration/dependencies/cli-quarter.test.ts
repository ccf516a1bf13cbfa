/**
 * `vertebra deps --quarter` against the sandbox: the quarter's issues by due date, fix version or sprint, with
 * `--jql` as an extra filter. Expected counts were worked out from ../shared/data/tidev by a separate script
 * (versions of projects.json released in the quarter; sprints whose end, else start, falls in it).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';
import { runCli } from '../cli/run-cli';

const TIDEV = path.resolve(import.meta.dirname, '../../../..', 'shared', 'data', 'tidev', 'issues.jsonl.gz');
let tidev: RunningSandbox;
let demo: RunningSandbox;

beforeAll(async () => {
  [tidev, demo] = await Promise.all([
    startSandbox({ port: 0, seeds: [TIDEV] }),
    startSandbox({ port: 0, seeds: ['demo'], now: new Date('2026-11-16T09:00:00Z') }),
  ]);
}, 120_000);
afterAll(async () => {
  await Promise.all([tidev.close(), demo.close()]);
});

const reportSchema = z.object({
  scanned: z.number().int(),
  dependencies: z.array(z.object({ blocker: z.string().nullable(), blocked: z.string().nullable() })),
});

const deps = (sandbox: RunningSandbox, args: string[]): ReturnType<typeof runCli> =>
  runCli(['deps', '--site', sandbox.url, '--now', '2021-06-01T00:00:00Z', ...args]);

describe('vertebra deps --quarter', () => {
  it.each([
    // Alloy 1.4.0, 1.4.1, 1.5.0 and modules 3.3.0, 3.4.0 were released in Q3 2014: 146 issues carry one.
    ['fixVersion', '2014-Q3', 146],
    // 32 issues sat in a sprint that ended in Q2 2016.
    ['sprint', '2016-Q2', 32],
  ])(
    'by %s reads the issues of %s on the real Appcelerator site (%i)',
    async (by, quarter, scanned) => {
      const run = await deps(tidev, ['--quarter', quarter, '--quarter-by', by, '--format', 'json']);
      expect(run.stderr).not.toMatch(/error/i);
      expect(run.code).toBe(0);
      expect(reportSchema.parse(JSON.parse(run.stdout)).scanned).toBe(scanned);
    },
    120_000,
  );

  it('narrows the quarter with --jql as an extra filter', async () => {
    const run = await deps(tidev, [
      '--quarter',
      '2014-Q3',
      '--quarter-by',
      'fixVersion',
      '--jql',
      'project = ALOY',
      '--format',
      'json',
    ]);
    const all = await deps(tidev, [
      '--jql',
      'project = ALOY AND fixVersion in ("Alloy 1.4.0", "Alloy 1.4.1", "Alloy 1.5.0")',
      '--format',
      'json',
    ]);
    expect(run.code).toBe(0);
    const scanned = reportSchema.parse(JSON.parse(run.stdout)).scanned;
    // All 146 are Alloy issues: the filter keeps them all, and the same JQL written by hand finds as many.
    expect(scanned).toBe(146);
    expect(scanned).toBe(reportSchema.parse(JSON.parse(all.stdout)).scanned);
  }, 120_000);

  it('says which sprints the quarter took under the table', async () => {
    const run = await runCli(['deps', '--site', demo.url, '--quarter', '2026-Q4', '--quarter-by', 'sprint']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Scope: 36 sprints in the quarter \(.*PAY Sprint 7.*\)\.$/m);
    expect(run.stdout).not.toContain('PAY Sprint 6,');
  }, 120_000);

  it('reads a quarter by due date when --quarter-by is not given', async () => {
    const byDate = await runCli(['deps', '--site', demo.url, '--quarter', '2026-Q4', '--format', 'json']);
    const byJql = await runCli([
      'deps',
      '--site',
      demo.url,
      '--jql',
      'duedate >= "2026-10-01" AND duedate <= "2026-12-31"',
      '--format',
      'json',
    ]);
    expect(byDate.code).toBe(0);
    expect(reportSchema.parse(JSON.parse(byDate.stdout)).scanned).toBe(
      reportSchema.parse(JSON.parse(byJql.stdout)).scanned,
    );
  }, 120_000);

  it.each([
    [['--quarter', '2026-Q5'], /2026-Q4/],
    [['--quarter', '2026-Q4', '--quarter-by', 'release'], /duedate, fixVersion, sprint/],
    [[], /--jql, --quarter, or both/],
  ])('refuses %j before reading anything, with exit code 2', async (args, message) => {
    const run = await runCli(['deps', '--site', demo.url, ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  it('documents --quarter and --quarter-by in its help', async () => {
    const run = await runCli(['deps', '--help']);
    const help = run.stdout.replace(/\s+/g, ' ');
    expect(help).toMatch(/--quarter <YYYY-Qn>/);
    expect(help).toMatch(
      /--quarter-by <what> .*\(choices: "duedate", "fixVersion", "sprint", default: "duedate"\)/,
    );
    expect(help).toMatch(/with --quarter, an extra filter/);
    expect(help).toMatch(/a sprint spanning two quarters counts where it ends/);
  });
});
