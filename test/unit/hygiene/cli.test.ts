import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';
import { main } from '../../../src/cli/main';

const tidev = path.resolve(import.meta.dirname, '../../../..', 'shared/data/tidev/issues.jsonl.gz');
let sandbox: RunningSandbox;

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env: {},
  };
  const code = await main(['hygiene', '--site', sandbox.url, ...args], io);
  return { code, stdout, stderr };
}

const jsonSchema = z.object({
  scanned: z.number().int(),
  findings: z.array(
    z.object({
      issue: z.string(),
      rule: z.string(),
      severity: z.enum(['error', 'warning', 'info']),
      message: z.string(),
    }),
  ),
  byRule: z.record(z.string(), z.number().int()),
});

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seeds: [tidev] });
}, 120_000);
afterAll(async () => {
  await sandbox.close();
});

describe('vertebra hygiene against the real Titanium issues', () => {
  it('keeps rules that could not read an issue apart from the findings byRule counts', async () => {
    // A real issue whose description came back broken (ADF `content` that is no list), among real ones.
    const [broken, ...others] = gunzipSync(readFileSync(tidev))
      .toString('utf8')
      .split('\n', 3)
      .map((line) => JSON.parse(line) as { fields: Record<string, unknown> });
    if (broken === undefined) throw new Error('no tidev issue');
    broken.fields.description = { type: 'doc', version: 1, content: 'oops' };
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'vertebra-odd-')), 'odd.json');
    writeFileSync(file, JSON.stringify([broken, ...others]));
    const odd = await startSandbox({ port: 0, seeds: [file] });
    try {
      let stdout = '';
      const io = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => true }, env: {} };
      const code = await main(
        ['hygiene', '--site', odd.url, '--jql', 'project is not EMPTY', '--format', 'json'],
        io,
      );
      expect(code).toBe(0);
      const report = jsonSchema
        .extend({
          notEvaluated: z.number().int(),
          unevaluated: z.array(z.object({ issue: z.string(), rule: z.string(), message: z.string() })),
        })
        .parse(JSON.parse(stdout));
      expect(report.scanned).toBe(3);
      expect(report.unevaluated.length).toBe(report.notEvaluated);
      expect(report.unevaluated.map((u) => u.rule)).toContain('description-missing');
      expect(report.unevaluated[0]?.message).toMatch(/^Could not evaluate this rule: /);
      const counted: Record<string, number> = {};
      for (const f of report.findings) counted[f.rule] = (counted[f.rule] ?? 0) + 1;
      expect(report.byRule).toEqual(counted);
    } finally {
      await odd.close();
    }
  });

  it('prints the JSON report scripts rely on, with counts matching the findings', async () => {
    const { code, stdout } = await run(
      '--jql',
      'project = DAEMON',
      '--format',
      'json',
      '--now',
      '2021-06-01',
    );
    expect(code).toBe(0);
    const report = jsonSchema.parse(JSON.parse(stdout));
    expect(report.scanned).toBeGreaterThan(100);
    const counted: Record<string, number> = {};
    for (const f of report.findings) counted[f.rule] = (counted[f.rule] ?? 0) + 1;
    expect(report.byRule).toEqual(counted);
    // Real trackers have real problems: closed issues without resolution are rare, missing repro steps common.
    expect(report.byRule['bug-missing-repro']).toBeGreaterThan(0);
  });

  it('runs only the rules asked for', async () => {
    const { stdout } = await run(
      '--jql',
      'project = DAEMON',
      '--format',
      'json',
      '--rules',
      'summary-placeholder,due-date-passed',
    );
    const report = jsonSchema.parse(JSON.parse(stdout));
    expect(new Set(report.findings.map((f) => f.rule))).toEqual(
      new Set(['summary-placeholder', 'due-date-passed'].filter((r) => report.byRule[r] !== undefined)),
    );
  });

  it('fails with exit code 1 on error findings when asked, and prints a table', async () => {
    const { code, stdout } = await run(
      '--jql',
      'project = DAEMON',
      '--fail-on',
      'error',
      '--rules',
      'description-missing',
    );
    expect(stdout).toMatch(/issues checked, \d+ findings/);
    expect(code).toBe(stdout.includes('description-missing') ? 1 : 0);
  });

  it('writes CSV with one line per finding', async () => {
    const { stdout } = await run(
      '--jql',
      'project = DAEMON',
      '--format',
      'csv',
      '--rules',
      'summary-placeholder',
    );
    expect(stdout.split('\r\n')[0]).toBe(
      'issue,rule,severity,status,message,assignee,team,acknowledged_reason,acknowledged_until',
    );
  });

  it.each([
    ['an unknown rule in --rules', ['--rules', 'no-such-rule'], 'unknown rule no-such-rule'],
    [
      'a config with an option out of range',
      ['--config', 'BAD'],
      'rule "description-too-short", option "minWords"',
    ],
    // Jira's own message, as the sandbox (and Jira Cloud) words it.
    ['JQL Jira refuses', ['--jql', 'project = = ('], "Error in the JQL Query: mismatched input '='"],
  ])('stops with exit code 2 and one line on %s', async (_name, extra, message) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vertebra-hygiene-'));
    const bad = path.join(dir, 'bad.yml');
    writeFileSync(bad, 'rules:\n  description-too-short:\n    options:\n      minWords: 0\n');
    const args = extra.map((a) => (a === 'BAD' ? bad : a));
    const { code, stderr } = await run(
      ...(args.includes('--jql') ? args : ['--jql', 'project = DAEMON', ...args]),
    );
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});
