import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';
import { main } from '../../../src/cli/main';

const tidev = path.resolve(import.meta.dirname, '../../../..', 'shared/data/tidev/issues.jsonl.gz');
let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seeds: [tidev] });
}, 120_000);
afterAll(async () => {
  await sandbox.close();
});

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env: {},
  };
  const code = await main(['hygiene', 'evidence', '--site', sandbox.url, ...args], io);
  return { code, stdout, stderr };
}

const RULE_FIELDS = [
  'rule',
  'population',
  'flagged',
  'flaggedBad',
  'unflaggedBad',
  'lift',
  'liftLow',
  'liftHigh',
  'medianDaysFlagged',
  'medianDaysUnflagged',
];

const count = z.number().int().nonnegative();
const ratio = z.number().nonnegative().nullable();
const evidenceSchema = z.object({
  resolved: count,
  badResolutions: z.array(z.string()),
  rules: z.array(
    z
      .object({
        rule: z.string(),
        population: count,
        flagged: count,
        flaggedBad: count,
        unflaggedBad: count,
        lift: ratio,
        liftLow: ratio,
        liftHigh: ratio,
        medianDaysFlagged: ratio,
        medianDaysUnflagged: ratio,
      })
      .strict(),
  ),
  notMeasurable: z.array(z.string()),
});

async function evidence(...args: string[]) {
  const { code, stdout, stderr } = await run(...args, '--format', 'json');
  if (code !== 0) throw new Error(`exit ${String(code)}: ${stderr}`);
  const raw = JSON.parse(stdout) as { rules: Record<string, unknown>[] };
  return { raw, report: evidenceSchema.parse(raw) };
}

interface RawIssue {
  key: string;
  fields: {
    project: { key: string };
    description?: string | null;
    resolution?: { name: string } | null;
    created: string;
    resolutiondate?: string | null;
  };
}
let rawIssues: RawIssue[] | undefined;

/** The project's resolved issues as the seed file holds them, read without the app's code. */
function resolvedOf(project: string): RawIssue[] {
  rawIssues ??= gunzipSync(readFileSync(tidev))
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as RawIssue);
  return rawIssues.filter((i) => i.fields.project.key === project && i.fields.resolution != null);
}

/** No words in the description: none, blank, or nothing but embedded images (`!screenshot.png|thumbnail!`). */
const descriptionless = (issue: RawIssue) =>
  (issue.fields.description ?? '').replace(/![^!\s][^!]*!/g, '').trim() === '';

const DEFAULT_BAD = ['cannot reproduce', 'incomplete', 'needs more info', 'needs more information'];
const isBad = (issue: RawIssue, names = DEFAULT_BAD) =>
  names.includes(issue.fields.resolution?.name.toLowerCase() ?? '');

function medianDays(issues: readonly RawIssue[]): number | null {
  const days = issues
    .map((i) => (Date.parse(i.fields.resolutiondate ?? '') - Date.parse(i.fields.created)) / 86_400_000)
    .sort((a, b) => a - b);
  if (days.length === 0) return null;
  const middle = Math.floor(days.length / 2);
  const value = days.length % 2 === 1 ? days[middle] : ((days[middle - 1] ?? 0) + (days[middle] ?? 0)) / 2;
  return Math.round((value ?? 0) * 10) / 10;
}

describe('vertebra hygiene evidence against the real Titanium issues', () => {
  it('prints every rule with exactly the fields scripts rely on, and the unmeasurable ones apart', async () => {
    const { raw, report } = await evidence('--jql', 'project = DAEMON');
    for (const rule of raw.rules) expect(Object.keys(rule)).toEqual(RULE_FIELDS);
    expect(report.rules.map((r) => r.rule)).toContain('bug-missing-repro');
    expect(report.notMeasurable).toContain('stale-in-progress');
    expect(report.rules.map((r) => r.rule)).not.toContain('stale-in-progress');
    expect(report.badResolutions).toEqual([
      'Cannot Reproduce',
      'Incomplete',
      'Needs more info',
      'Needs More Information',
    ]);
  });

  it("counts description-missing's figures as the raw data tells them, with the default bad resolutions", async () => {
    const { report } = await evidence('--jql', 'project = ALOY');
    const issues = resolvedOf('ALOY');
    const flagged = issues.filter(descriptionless);
    const unflagged = issues.filter((i) => !descriptionless(i));
    expect(report.resolved).toBe(issues.length);
    const figures = report.rules.find((r) => r.rule === 'description-missing');
    expect(figures).toMatchObject({
      population: issues.length,
      flagged: flagged.length,
      flaggedBad: flagged.filter((i) => isBad(i)).length,
      unflaggedBad: unflagged.filter((i) => isBad(i)).length,
      medianDaysFlagged: medianDays(flagged),
      medianDaysUnflagged: medianDays(unflagged),
    });
    // The data must make the case worth checking: both groups and both outcomes present.
    expect(flagged.length).toBeGreaterThan(0);
    expect(figures?.flaggedBad).toBeGreaterThan(0);
    expect(figures?.unflaggedBad).toBeGreaterThan(0);
    const { flaggedBad = 0, unflaggedBad = 0 } = figures ?? {};
    const lift = flaggedBad / flagged.length / (unflaggedBad / unflagged.length);
    expect(figures?.lift).toBeCloseTo(lift, 3);
    expect(figures?.liftLow).toBeLessThan(lift);
    expect(figures?.liftHigh).toBeGreaterThan(lift);
  });

  it('counts the resolutions named with --bad-resolution instead of the defaults, without regard to case', async () => {
    const { report } = await evidence(
      '--jql',
      'project = MOD',
      '--bad-resolution',
      'invalid',
      '--bad-resolution',
      "WON'T FIX",
    );
    expect(report.badResolutions).toEqual(['invalid', "WON'T FIX"]);
    const issues = resolvedOf('MOD');
    const bad = ['invalid', "won't fix"];
    const summary = report.rules.find((r) => r.rule === 'summary-placeholder');
    expect((summary?.flaggedBad ?? 0) + (summary?.unflaggedBad ?? 0)).toBe(
      issues.filter((i) => isBad(i, bad)).length,
    );
  });

  it('reads only the resolved issues of the scope, whatever its JQL orders or says of resolution', async () => {
    const { report } = await evidence('--jql', 'project = DAEMON OR project = MOD ORDER BY created DESC');
    expect(report.resolved).toBe(resolvedOf('DAEMON').length + resolvedOf('MOD').length);
  });

  it('prints a table a person can read, naming the rules that cannot be measured', async () => {
    const { code, stdout } = await run('--jql', 'project = MOD');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Rule +Applies to +Flagged/m);
    expect(stdout).toMatch(/^description-missing +\d+/m);
    expect(stdout).toContain(`${String(resolvedOf('MOD').length)} resolved issues`);
    expect(stdout).toMatch(/Not measurable on resolved issues: .*sprint-carry-over/);
  });

  it.each([
    ['a JQL Jira refuses', 'project = NOSUCH', /Jira answered 400.*NOSUCH/],
    ['a JQL that does not parse', 'project = (', /does not parse/],
    ['a JQL that tries to close the resolved clause', 'project = MOD) OR (project = AC', /does not parse/],
  ])('exits 2 with one line on %s', async (_name, jql, message) => {
    const { code, stdout, stderr } = await run('--jql', jql, '--format', 'json');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const lines = stderr.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('Reading'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });
});
