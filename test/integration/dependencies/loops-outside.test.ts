/**
 * The demo's loop CHK-5 → GRW-5 → PAY-14 → CHK-5 crosses the edge of Q4 2026: by due date CHK-5 and PAY-14 fall
 * outside it, by sprint CHK-5 does. The report finds the loop in every scope mode and names the outside issues as
 * such, as long as the person reading may see them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';
import { runCli } from '../cli/run-cli';

let demo: RunningSandbox;

beforeAll(async () => {
  demo = await startSandbox({ port: 0, seeds: ['demo'], now: new Date('2026-11-16T09:00:00Z') });
}, 120_000);
afterAll(async () => {
  await demo.close();
});

const reportSchema = z.object({
  cycles: z.array(z.array(z.string())),
  outsideLoopKeys: z.array(z.string()),
});

async function loopsOf(args: string[]): Promise<z.infer<typeof reportSchema>> {
  const run = await runCli(['deps', '--site', demo.url, '--now', '2026-11-16T09:00:00Z', ...args]);
  expect(run.code).toBe(0);
  return reportSchema.parse(JSON.parse(run.stdout));
}

const LOOP = ['CHK-5', 'GRW-5', 'PAY-14'];

describe('a loop that leaves the scope, on the demo site', () => {
  it.each([
    {
      name: 'by due date, through two issues outside the quarter',
      by: 'duedate',
      outside: ['CHK-5', 'PAY-14'],
    },
    { name: 'by sprint, through one issue outside the quarter', by: 'sprint', outside: ['CHK-5'] },
  ])(
    'finds the loop $name',
    async ({ by, outside }) => {
      const report = await loopsOf(['--quarter', '2026-Q4', '--quarter-by', by, '--format', 'json']);
      expect(report.cycles).toContainEqual(LOOP);
      expect(report.outsideLoopKeys).toEqual(outside);
    },
    120_000,
  );

  it('finds the same loop as the scope of its three projects, where nothing is outside', async () => {
    const report = await loopsOf(['--jql', 'project in (PAY, CHK, GRW)', '--format', 'json']);
    expect(report.cycles).toContainEqual(LOOP);
    expect(report.outsideLoopKeys).toEqual([]);
  }, 120_000);

  it('names the outside issue in the table', async () => {
    const run = await runCli(['deps', '--site', demo.url, '--quarter', '2026-Q4', '--quarter-by', 'sprint']);
    expect(run.stdout).toContain('Loop: CHK-5 (outside the scope) → GRW-5 → PAY-14');
  }, 120_000);

  it('shows no loop through PAY-14 to the contractor, who may not browse PAY', async () => {
    const report = await loopsOf([
      '--as',
      'alex.contractor@example.com',
      '--quarter',
      '2026-Q4',
      '--quarter-by',
      'sprint',
      '--format',
      'json',
    ]);
    expect(report.cycles.flat()).not.toContain('PAY-14');
    expect(report.outsideLoopKeys).not.toContain('PAY-14');
  }, 120_000);
});
