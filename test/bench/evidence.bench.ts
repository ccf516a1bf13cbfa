/**
 * Hygiene evidence's speed targets (issue 15), over 20,000 resolved issues:
 * 1. no more Jira requests than the hygiene report of the same scope plus one (sandbox, 50 ms a request);
 * 2. under 3 s of CPU for the rules' part: every measurable rule judging every issue (parsed JSON, as from Jira).
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { JiraClient } from '../../src/atlassian/jira';
import { DEFAULT_ORG_CONFIG, effectiveRules } from '../../src/hygiene/config';
import { DEFAULT_BAD_RESOLUTIONS, evidenceOf } from '../../src/hygiene/evidence';
import type { HygieneIssue } from '../../src/hygiene/view';
import { createLocalPlatform } from '../../src/platform/local';
import { createMemoryStore } from '../../src/platform/local/memory-store';
import { evidenceOfJql } from '../../src/services/hygiene/evidence';
import { REPORT_CONCURRENCY, scanJql } from '../../src/services/hygiene/scan';
import { loadSettings } from '../../src/services/hygiene/scan-settings';
import { benchSandbox, check, measure, printFigures } from './harness';
import { syntheticIssues } from './hygiene-synthetic';

const RESOLVED = 20_000;
const LATENCY_MS = 50;
const NOW = new Date('2026-11-16T09:00:00Z');
const JQL = 'project = EVD';
const DAY_MS = 86_400_000;
const RESOLUTIONS = ['Done', 'Done', 'Cannot Reproduce', 'Done', 'Incomplete', "Won't Do", 'Needs more info'];
const DONE = { name: 'Done', statusCategory: { key: 'done' } };

/** The hygiene generator's issues, every one done and resolved some days after it was created. */
function resolvedIssues(count: number, first = 0): HygieneIssue[] {
  return syntheticIssues(count, NOW.getTime(), first).map((issue, n) => {
    const created = Date.parse(String(issue.fields.created));
    return {
      id: String(100_000 + first + n),
      key: `EVD-${String(first + n + 1)}`,
      fields: {
        ...issue.fields,
        status: DONE,
        resolution: { name: RESOLUTIONS[n % RESOLUTIONS.length] },
        resolutiondate: new Date(created + (1 + (n % 30)) * DAY_MS).toISOString(),
      },
    };
  });
}

async function writeSeed(file: string): Promise<void> {
  const out = createWriteStream(file);
  for (const issue of resolvedIssues(RESOLVED)) {
    if (!out.write(`${JSON.stringify(issue)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** Evidence and report of the same 20,000 resolved issues, each counted by the sandbox. */
async function requestTarget(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'vertebra-evidence-'));
  const seed = path.join(dir, 'issues.jsonl');
  await writeSeed(seed);
  const sandbox = await benchSandbox({ seeds: [seed], latencyMs: LATENCY_MS, now: NOW });
  try {
    const platform = createLocalPlatform({ siteUrl: sandbox.url, now: NOW });
    const jira = new JiraClient(platform.jira({ kind: 'app' }), { concurrency: REPORT_CONCURRENCY });
    // A fresh store each time: the field map is discovered, and its request counted, in both.
    const settings = () =>
      loadSettings(createMemoryStore(), jira, { now: NOW.getTime(), acknowledgements: [] });
    const report = await measure(sandbox, () => scanJql(jira, JQL, settings()));
    const evidence = await measure(sandbox, () =>
      evidenceOfJql(jira, JQL, settings(), DEFAULT_BAD_RESOLUTIONS),
    );
    check(
      report.result.summary.scanned === RESOLVED,
      `the report read ${String(report.result.summary.scanned)} issues`,
    );
    check(evidence.result.resolved === RESOLVED, `the evidence read ${String(evidence.result.resolved)}`);
    printFigures(`Evidence over ${String(RESOLVED)} resolved issues, ${String(LATENCY_MS)} ms a request`, [
      { name: 'hygiene report of the same scope', requests: report.requests, ms: report.ms },
      {
        name: 'evidence',
        requests: evidence.requests,
        ms: evidence.ms,
        note: `target ≤ ${String(report.requests + 1)} requests`,
      },
    ]);
    check(
      evidence.requests <= report.requests + 1,
      `the evidence made ${String(evidence.requests)} requests, the report ${String(report.requests)}`,
    );
  } finally {
    await sandbox.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** CPU of the evidence over 20,000 parsed issues: a first pass (compiling) and the median of three others. */
function cpuTarget(): void {
  const settings = {
    rules: effectiveRules(DEFAULT_ORG_CONFIG),
    fieldMap: { storyPoints: 'customfield_10016', sprint: 'customfield_10020', team: 'customfield_10001' },
    now: NOW.getTime(),
    badResolutions: DEFAULT_BAD_RESOLUTIONS,
  };
  const cost = (issues: readonly HygieneIssue[]): number => {
    const before = process.cpuUsage();
    const report = evidenceOf(issues, settings);
    const cpu = process.cpuUsage(before);
    check(report.resolved === issues.length, `the evidence counted ${String(report.resolved)} resolved`);
    return (cpu.user + cpu.system) / 1000;
  };
  const first = cost(resolvedIssues(RESOLVED, RESOLVED));
  const passes = [0, 2, 3].map((range) => cost(resolvedIssues(RESOLVED, range * RESOLVED)));
  const median = [...passes].sort((a, b) => a - b)[1] ?? Number.POSITIVE_INFINITY;
  printFigures(`Evidence rules: ${String(RESOLVED)} resolved issues × every measurable rule (CPU)`, [
    { name: 'target: 3 s of CPU', ms: 3000 },
    { name: 'first pass, fresh process', ms: first, note: 'includes compiling the rules' },
    { name: 'median of 3 passes', ms: median, note: passes.map((ms) => ms.toFixed(0)).join(', ') },
  ]);
  check(
    first < 3000 && median < 3000,
    `the evidence took ${first.toFixed(0)} / ${median.toFixed(0)} ms of CPU`,
  );
}

export async function run(): Promise<void> {
  cpuTarget();
  await requestTarget();
}
