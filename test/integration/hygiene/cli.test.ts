import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';
import { DEMO_USERS } from '../../../sandbox/users';
import { main } from '../../../src/cli/main';
import { createLocalPlatform } from '../../../src/platform/local';
import { createResolvers } from '../../../src/resolvers';

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

const NOW = '2021-06-01';
const admin = DEMO_USERS.find((u) => u.isSiteAdmin);

/** `vertebra hygiene … --format json --now NOW`, which must succeed. */
async function jsonReport(...args: string[]) {
  const { code, stdout, stderr } = await run(...args, '--format', 'json', '--now', NOW);
  if (code !== 0) throw new Error(`exit ${String(code)}: ${stderr}`);
  return jsonSchema.extend({ jql: z.string() }).parse(JSON.parse(stdout));
}

type Row = Readonly<Record<'issue' | 'rule' | 'severity' | 'message', string | undefined>>;
const sortedFindings = (findings: readonly Row[]): string[] =>
  findings.map((f) => [f.issue, f.rule, f.severity, f.message].join(' | ')).sort();

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface RawIssue {
  key: string;
  fields: { project: { key: string }; description?: string | null; resolution?: unknown };
}
let rawIssues: RawIssue[] | undefined;

/** The project's issues as the seed file holds them, read without the app's code. */
function issuesOf(project: string): RawIssue[] {
  rawIssues ??= gunzipSync(readFileSync(tidev))
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as RawIssue);
  return rawIssues.filter((issue) => issue.fields.project.key === project);
}

/**
 * Keys of the project's issues whose description has no words: none, blank, or nothing but embedded images
 * (`!screenshot.png|thumbnail!`).
 */
function descriptionless(project: string, options: { unresolved?: boolean } = {}): string[] {
  return issuesOf(project)
    .filter((issue) => !options.unresolved || issue.fields.resolution == null)
    .filter((issue) => (issue.fields.description ?? '').replace(/![^!\s][^!]*!/g, '').trim() === '')
    .map((issue) => issue.key);
}

/** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charAt(i);
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      records.push([...record, field]);
      record = [];
      field = '';
      i += 1;
    } else field += char;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

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

  it('runs only the rules asked for: their findings, exactly as a full run finds them, and no others', async () => {
    const asked = ['description-missing', 'summary-placeholder'];
    const all = await jsonReport('--jql', 'project = AC');
    const some = await jsonReport('--jql', 'project = AC', '--rules', asked.join(','));
    // The full run finds other rules too, so an ignored --rules would show here.
    expect(Object.keys(all.byRule).filter((rule) => !asked.includes(rule)).length).toBeGreaterThan(0);
    expect(Object.keys(some.byRule).sort()).toEqual(asked);
    expect(new Set(some.findings.map((f) => f.rule))).toEqual(new Set(asked));
    expect(sortedFindings(some.findings)).toEqual(
      sortedFindings(all.findings.filter((f) => asked.includes(f.rule))),
    );
    // Counted from the raw data, without the rule's code.
    expect(some.byRule['description-missing']).toBe(descriptionless('AC').length);
  });

  it.each([
    {
      name: 'fails with exit code 1 on an error finding with --fail-on error',
      args: ['--rules', 'description-missing', '--fail-on', 'error'],
      severities: ['error'],
      code: 1,
    },
    {
      name: 'exits 0 with --fail-on error when the findings are warnings only',
      args: ['--rules', 'summary-placeholder', '--fail-on', 'error'],
      severities: ['warning'],
      code: 0,
    },
    {
      name: 'fails with exit code 1 on a warning with --fail-on warning',
      args: ['--rules', 'summary-placeholder', '--fail-on', 'warning'],
      severities: ['warning'],
      code: 1,
    },
    {
      name: 'exits 0 on error findings without --fail-on',
      args: ['--rules', 'description-missing'],
      severities: ['error'],
      code: 0,
    },
  ])('$name, and prints a table', async ({ args, severities, code }) => {
    const { code: exit, stdout } = await run('--jql', 'project = AC', '--now', NOW, ...args);
    const rows = stdout.split('\n').filter((line) => /^AC-\d+ /.test(line));
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row.split(/\s+/)[1]))).toEqual(new Set(severities));
    expect(stdout).toContain(
      `${String(issuesOf('AC').length)} issues checked, ${String(rows.length)} findings`,
    );
    expect(exit).toBe(code);
  });

  it('writes CSV with one record per finding: issue, rule, severity, status and the whole message', async () => {
    const args = [
      '--jql',
      'project = AC',
      '--rules',
      'description-missing,summary-placeholder',
      '--now',
      NOW,
    ];
    const csv = await run(...args, '--format', 'csv');
    expect(csv.code).toBe(0);
    const [header, ...records] = parseCsv(csv.stdout);
    expect(header).toEqual([
      'issue',
      'rule',
      'severity',
      'status',
      'message',
      'assignee',
      'team',
      'acknowledged_reason',
      'acknowledged_until',
    ]);
    const report = jsonSchema
      .extend({ unevaluated: z.array(z.unknown()), acknowledged: z.array(z.unknown()) })
      .parse(JSON.parse((await run(...args, '--format', 'json')).stdout));
    // Rules that could not read an issue and acknowledged findings would have records of their own.
    expect([report.unevaluated.length, report.acknowledged.length]).toEqual([0, 0]);
    expect(records).toHaveLength(report.findings.length);
    expect(records.every((record) => record.length === header?.length && record[3] === 'open')).toBe(true);
    expect(
      sortedFindings(
        records.map(([issue, rule, severity, , message]) => ({ issue, rule, severity, message })),
      ),
    ).toEqual(sortedFindings(report.findings));
    const missing = records
      .filter((record) => record[1] === 'description-missing')
      .map((record) => record[0]);
    expect(missing.sort()).toEqual(descriptionless('AC').sort());
    // A placeholder message quotes the summary: the quotes survive CSV quoting.
    expect(records.some((record) => record[1] === 'summary-placeholder' && record[4]?.includes('"'))).toBe(
      true,
    );
  });

  it('shows each finding whole in the table, the long "what is missing" messages included', async () => {
    const scope = ['--jql', 'project = DAEMON', '--rules', 'bug-missing-repro'];
    const report = await jsonReport(...scope);
    const { stdout } = await run(...scope, '--now', NOW);
    const rows = stdout.split('\n').filter((line) => /^DAEMON-\d+ /.test(line));
    const longest = report.findings.reduce((a, b) => (b.message.length > a.message.length ? b : a));
    expect(longest.message.length).toBeGreaterThan(60);
    expect(rows).toHaveLength(report.findings.length);
    for (const finding of report.findings) {
      expect(rows).toContainEqual(
        expect.stringMatching(
          new RegExp(`^${finding.issue} +${finding.severity} +${finding.rule} +${escape(finding.message)}$`),
        ),
      );
    }
  });

  it("applies a project's overrides with --project, as its report page does, and not without", async () => {
    const store = mkdtempSync(path.join(tmpdir(), 'vertebra-store-'));
    // The project page's own resolvers, writing to the store the CLI then reads.
    const resolvers = createResolvers(
      createLocalPlatform({ siteUrl: sandbox.url, storeDir: store, now: new Date(NOW) }),
    );
    const context = { accountId: admin?.accountId, extension: {} };
    const saved = await resolvers['hygiene.saveProjectConfig']({
      payload: {
        projectKey: 'AC',
        config: {
          rules: { 'description-missing': { enabled: false }, 'bug-missing-repro': { severity: 'error' } },
        },
      },
      context,
    });
    expect(saved.ok).toBe(true);
    const page = await resolvers['hygiene.projectReport']({ payload: { projectKey: 'AC' }, context });
    if (!page.ok || page.data.status !== 'done') throw new Error(JSON.stringify(page));

    const withProject = await jsonReport('--store', store, '--project', 'AC');
    expect(withProject.jql).toBe(page.data.jql);
    expect(withProject.scanned).toBe(page.data.summary.scanned);
    expect(withProject.byRule).toEqual(
      Object.fromEntries(Object.entries(page.data.summary.byRule).map(([rule, tally]) => [rule, tally.open])),
    );
    expect(withProject.byRule['description-missing']).toBeUndefined();
    const severitiesOf = (findings: readonly { rule: string; severity: string }[]) =>
      new Set(findings.filter((f) => f.rule === 'bug-missing-repro').map((f) => f.severity));
    expect(severitiesOf(withProject.findings)).toEqual(new Set(['error']));

    // The same store and scope without --project: the organisation's rules only.
    const without = await jsonReport('--store', store, '--jql', page.data.jql);
    expect(without.scanned).toBe(withProject.scanned);
    expect(without.byRule['description-missing']).toBe(descriptionless('AC', { unresolved: true }).length);
    expect(without.byRule['description-missing']).toBeGreaterThan(0);
    expect(severitiesOf(without.findings)).toEqual(new Set(['warning']));
  });

  it.each([
    [
      'an unknown rule in --rules',
      ['--jql', 'project = DAEMON', '--rules', 'no-such-rule'],
      'unknown rule no-such-rule',
    ],
    [
      'a config with an option out of range',
      ['--jql', 'project = DAEMON', '--config', 'BAD'],
      'rule "description-too-short", option "minWords"',
    ],
    // Jira's own message, as the sandbox (and Jira Cloud) words it.
    ['JQL Jira refuses', ['--jql', 'project = = ('], "Error in the JQL Query: mismatched input '='"],
    ['neither --jql nor --project', ['--rules', 'description-missing'], 'name the issues to check'],
    ['a --project that is no project key', ['--project', 'AC-12'], 'expected a project key such as PAY'],
  ])('stops with exit code 2 and one line on %s', async (_name, extra, message) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vertebra-hygiene-'));
    const bad = path.join(dir, 'bad.yml');
    writeFileSync(bad, 'rules:\n  description-too-short:\n    options:\n      minWords: 0\n');
    const { code, stderr } = await run(...extra.map((a) => (a === 'BAD' ? bad : a)));
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});
