/**
 * Hygiene's three speed targets (issue 3), each printed with its figure and ratio:
 * 1. the report over all 6,686 shared real issues, sandbox latency 50 ms: at most ceil(N/5000)+ceil(N/100)+5
 *    Jira requests, and at least 5× faster than a plain sequential jira.js scan (enhanced search, 100 a page,
 *    same fields) applying the same rules;
 * 2. rule evaluation alone: 100,000 synthetic issues × every rule in under 1 s of CPU;
 * 3. the issue panel: one Jira request, resolver median under 1.3 × latency + 20 ms.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { createCloudClient } from 'jira.js';
import type { Transport } from '../../src/atlassian/transport';
import { JiraClient } from '../../src/atlassian/jira';
import { DEFAULT_ORG_CONFIG, effectiveRules } from '../../src/hygiene/config';
import { evaluateIssues } from '../../src/hygiene/evaluate';
import { summarise, type HygieneSummary } from '../../src/hygiene/report';
import { createLocalPlatform } from '../../src/platform/local';
import { createHttpTransport } from '../../src/platform/local/http-transport';
import { hygieneResolvers } from '../../src/resolvers/hygiene';
import { REPORT_CONCURRENCY, evaluateFetched, scanJql } from '../../src/services/hygiene/scan';
import { fieldsToRead, loadSettings } from '../../src/services/hygiene/scan-settings';
import { createMemoryStore } from '../../src/platform/local/memory-store';
import { benchSandbox, check, measure, printFigures, TIDEV_ISSUES } from './harness';
import { syntheticIssues } from './hygiene-synthetic';
import type { HygieneIssue } from '../../src/hygiene/view';

const JQL = 'project in (AC, ALOY, DAEMON, MOD) ORDER BY key';
const N = 6686;
const LATENCY_MS = 50;
const NOW = Date.parse('2021-06-01T00:00:00Z');
const SYNTHETIC = 100_000;
const PANEL_CALLS = 21;
const REPORT_ROUNDS = 3;

/**
 * The sandbox of the report target runs in a child process, as Jira runs on Atlassian's servers: its own
 * rendering work then does not eat the client's CPU and distort the comparison. Requests are counted on the
 * client side (every transport call, every jira.js page).
 */
export async function childSandbox(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(
    process.execPath,
    [
      'bin/vertebra.mjs',
      'sandbox',
      '--port',
      '0',
      '--seed',
      TIDEV_ISSUES(),
      '--latency-ms',
      String(LATENCY_MS),
    ],
    { cwd: path.resolve(import.meta.dirname, '../..'), stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const found = /https?:\/\/[\w.[\]:-]+:\d+/.exec(seen);
      if (found) resolve(found[0]);
    });
    child.once('exit', (code) => {
      reject(new Error(`the sandbox exited (${String(code)}) before printing its URL`));
    });
  });
  return {
    url,
    stop: () => {
      child.kill('SIGINT');
    },
  };
}

function countingTransport(transport: Transport): {
  transport: Transport;
  count: () => number;
  reset: () => void;
} {
  let requests = 0;
  return {
    transport: {
      request: (request) => {
        requests += 1;
        return transport.request(request);
      },
    },
    count: () => requests,
    reset: () => {
      requests = 0;
    },
  };
}

async function timed<T>(task: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await task();
  return { result, ms: performance.now() - started };
}

/** The run of median wall time among `runs` (an odd number of them). */
function median<T extends { ms: number }>(runs: readonly T[]): T {
  const sorted = [...runs].sort((a, b) => a.ms - b.ms);
  return sorted[Math.floor(sorted.length / 2)] as T;
}

/**
 * The report target. Both contenders run `REPORT_ROUNDS` times, turn about, and each is judged on its median run:
 * on a shared machine one run of either can be slowed by something else, and one run each made the ratio jump.
 */
export async function reportTarget(): Promise<void> {
  const sandbox = await childSandbox();
  try {
    const counting = countingTransport(createHttpTransport({ siteUrl: sandbox.url }));
    const jira = new JiraClient(counting.transport, { concurrency: REPORT_CONCURRENCY });
    const probe = await loadSettings(createMemoryStore(), jira, { now: NOW, acknowledgements: [] });
    const fields = fieldsToRead(probe.rules, probe.fieldMap);
    // One untimed report first, so that neither contender pays a once-only cost: the sandbox converts wiki markup
    // to ADF on first read and keeps it (Jira serves stored ADF), and the JIT compiles the readers and the rules,
    // which the jira.js scan below would otherwise find warm because it runs second.
    await scanJql(jira, JQL, loadSettings(createMemoryStore(), jira, { now: NOW, acknowledgements: [] }));
    const jiraJs = createCloudClient({ host: sandbox.url });

    const ourRuns: { ms: number; requests: number; summary: HygieneSummary }[] = [];
    const baselineRuns: { ms: number; requests: number; summary: HygieneSummary }[] = [];
    for (let round = 0; round < REPORT_ROUNDS; round += 1) {
      counting.reset();
      // The field map is discovered (and its request counted) inside each report, as on a first run: a fresh
      // store each time. As the CLI does, the ids are asked for while the settings load.
      const ours = await timed(() =>
        scanJql(jira, JQL, loadSettings(createMemoryStore(), jira, { now: NOW, acknowledgements: [] })),
      );
      ourRuns.push({ ms: ours.ms, requests: counting.count(), summary: ours.result.summary });

      let baselineRequests = 0;
      const baseline = await timed(async () => {
        const issues: { id: string; key: string; fields: Record<string, unknown> }[] = [];
        let nextPageToken: string | undefined;
        do {
          baselineRequests += 1;
          const page = await jiraJs.issueSearch.searchAndReconsileIssuesUsingJqlPost({
            jql: JQL,
            fields,
            maxResults: 100,
            ...(nextPageToken ? { nextPageToken } : {}),
          });
          for (const issue of page.issues ?? []) {
            issues.push({
              id: issue.id ?? '',
              key: issue.key ?? '',
              fields: (issue.fields ?? {}) as Record<string, unknown>,
            });
          }
          nextPageToken = page.isLast === true ? undefined : (page.nextPageToken ?? undefined);
        } while (nextPageToken);
        return summarise(evaluateFetched(issues, probe));
      });
      baselineRuns.push({ ms: baseline.ms, requests: baselineRequests, summary: baseline.result });
    }

    const budget = Math.ceil(N / 5000) + Math.ceil(N / 100) + 5;
    const withoutEpics = (byRule: Record<string, unknown>) =>
      JSON.stringify(
        Object.entries(byRule)
          .filter(([rule]) => rule !== 'epic-empty')
          .sort(),
      );
    for (const [index, run] of ourRuns.entries()) {
      const baseline = baselineRuns[index];
      check(
        run.summary.scanned === N,
        `the report checked ${String(run.summary.scanned)} issues, expected ${String(N)}`,
      );
      check(
        baseline?.summary.scanned === N,
        `the jira.js scan checked ${String(baseline?.summary.scanned)} issues`,
      );
      check(
        withoutEpics(run.summary.byRule) === withoutEpics(baseline.summary.byRule),
        'the report and the jira.js scan found different counts per rule',
      );
    }
    const ourRequests = Math.max(...ourRuns.map((run) => run.requests));
    check(ourRequests <= budget, `the report made ${String(ourRequests)} requests, budget ${String(budget)}`);
    const ours = median(ourRuns);
    const baseline = median(baselineRuns);
    const each = (runs: readonly { ms: number }[]) => runs.map((run) => run.ms.toFixed(0)).join(', ');
    printFigures(
      `Hygiene report over ${String(N)} real issues, sandbox latency ${String(LATENCY_MS)} ms (own process), median of ${String(REPORT_ROUNDS)} runs each`,
      [
        {
          name: 'jira.js sequential scan (100 a page) + rules',
          requests: baseline.requests,
          ms: baseline.ms,
          note: `runs: ${each(baselineRuns)} ms`,
        },
        {
          name: `hygiene report (ids + bulkfetch, ${String(REPORT_CONCURRENCY)} in flight)`,
          requests: ourRequests,
          ms: ours.ms,
          note: `runs: ${each(ourRuns)} ms; budget ${String(budget)} requests`,
        },
      ],
    );
    const speedup = baseline.ms / ours.ms;
    check(speedup >= 5, `the report is ${speedup.toFixed(2)}× faster than the jira.js scan, target 5×`);
  } finally {
    sandbox.stop();
  }
}

/**
 * A full garbage collection between measurements (V8's `gc`, exposed for this process only), then a pause: V8
 * sweeps the freed pages on background threads afterwards, which would otherwise count in the next pass's CPU.
 */
async function collectGarbage(): Promise<void> {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
  await new Promise((resolve) => setTimeout(resolve, 500));
}

/** CPU time (all threads of the process) and wall time of one evaluation of `issues`. */
function evaluationCost(
  issues: readonly HygieneIssue[],
  options: Parameters<typeof evaluateIssues>[1],
): { cpuMs: number; wallMs: number; findings: number } {
  const before = process.cpuUsage();
  const started = performance.now();
  const results = evaluateIssues(issues, options);
  const cpu = process.cpuUsage(before);
  const wallMs = performance.now() - started;
  return {
    cpuMs: (cpu.user + cpu.system) / 1000,
    wallMs,
    findings: results.reduce((sum, r) => sum + r.findings.length, 0),
  };
}

/**
 * Rule evaluation at its steady speed, as in any scan after its first pages: the median CPU time of three passes,
 * each over its own 100,000 synthetic issues (same mix, other keys and values). A first pass over yet other
 * issues runs before, the first evaluation of the bench's fresh process (this target runs first): it also pays
 * V8 compiling the rules in the background, which counts in the process's CPU time. Both must stay under 1 s.
 */
export async function evaluationTarget(): Promise<void> {
  const options = {
    rules: effectiveRules(DEFAULT_ORG_CONFIG),
    fieldMap: {
      storyPoints: 'customfield_10016',
      sprint: 'customfield_10020',
      team: 'customfield_10001',
      flagged: 'customfield_10021',
    },
    context: { now: NOW, childCount: () => 1 },
  };
  const firstIssues = syntheticIssues(SYNTHETIC, NOW, SYNTHETIC);
  // Making the issues left garbage; collected here, not inside the pass.
  await collectGarbage();
  const first = evaluationCost(firstIssues, options);
  const passes: ReturnType<typeof evaluationCost>[] = [];
  for (const range of [0, 2, 3]) {
    const issues = syntheticIssues(SYNTHETIC, NOW, range * SYNTHETIC);
    // The previous pass's issues and results are garbage now; collected (and swept) here, not inside this pass.
    await collectGarbage();
    passes.push(evaluationCost(issues, options));
  }
  const measured = median(passes.map((pass) => ({ ...pass, ms: pass.cpuMs })));
  printFigures(
    `Rule evaluation: ${String(SYNTHETIC)} synthetic issues × ${String(options.rules.length)} rules`,
    [
      { name: 'target: 1 s of CPU', ms: 1000 },
      {
        name: `first pass, fresh process (wall ${first.wallMs.toFixed(0)} ms)`,
        ms: first.cpuMs,
        note: 'includes compiling the rules',
      },
      {
        name: `median of 3 passes (wall ${measured.wallMs.toFixed(0)} ms, ${String(measured.findings)} findings)`,
        ms: measured.cpuMs,
        note: `CPU: ${passes.map((pass) => pass.cpuMs.toFixed(0)).join(', ')} ms`,
      },
    ],
  );
  check(
    measured.cpuMs < 1000,
    `rule evaluation took ${measured.cpuMs.toFixed(0)} ms of CPU, target under 1000 ms`,
  );
  check(
    first.cpuMs < 1000,
    `the first rule evaluation of a fresh process took ${first.cpuMs.toFixed(0)} ms of CPU, target under 1000 ms`,
  );
}

async function panelTarget(): Promise<void> {
  const sandbox = await benchSandbox({
    seeds: ['demo'],
    latencyMs: LATENCY_MS,
    now: new Date('2026-11-16T09:00:00Z'),
  });
  try {
    const platform = createLocalPlatform({ siteUrl: sandbox.url, now: new Date('2026-11-16T09:00:00Z') });
    const resolvers = hygieneResolvers(platform);
    const context = { accountId: sandbox.users.all().find((u) => u.isSiteAdmin)?.accountId, extension: {} };
    // First load discovers the field map (cached afterwards, as in Forge KVS).
    await resolvers['hygiene.issueFindings']({ payload: { issueKey: 'PAY-1' }, context });
    const keys = Array.from({ length: PANEL_CALLS }, (_, i) => `PAY-${String(1 + i * 3)}`);
    const types = await new JiraClient(platform.jira({ kind: 'app' })).bulkFetch(keys, ['issuetype']);
    const epics = new Set(
      types
        .filter((issue) => (issue.fields.issuetype as { name?: string }).name === 'Epic')
        .map((i) => i.key),
    );
    const times: number[] = [];
    let requests = 0;
    let epicRequests = 0;
    for (const key of keys) {
      const call = await measure(sandbox, async () =>
        resolvers['hygiene.issueFindings']({ payload: { issueKey: key }, context }),
      );
      check(call.result.ok, `the panel failed on ${key}`);
      times.push(call.ms);
      // An epic asks one more thing, whether it has children (epic-empty): counted apart from the target.
      if (epics.has(key)) epicRequests = Math.max(epicRequests, call.requests);
      else requests = Math.max(requests, call.requests);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)] ?? 0;
    const target = 1.3 * LATENCY_MS + 20;
    printFigures(
      `Issue panel resolver, median of ${String(PANEL_CALLS)} issues, sandbox latency ${String(LATENCY_MS)} ms`,
      [
        { name: `target: 1.3 × ${String(LATENCY_MS)} ms + 20 ms`, ms: target, requests: 1 },
        {
          name: 'hygiene.issueFindings (median)',
          ms: median,
          requests,
          note:
            epics.size > 0
              ? `${String(epics.size)} epics among them: ${String(epicRequests)} requests (their children)`
              : '',
        },
      ],
    );
    check(requests === 1, `the panel made ${String(requests)} Jira requests, expected 1`);
    check(epicRequests <= 2, `the panel made ${String(epicRequests)} Jira requests for an epic, expected 2`);
    check(
      median < target,
      `the panel median is ${median.toFixed(0)} ms, target under ${target.toFixed(0)} ms`,
    );
  } finally {
    await sandbox.close();
  }
}

export async function run(): Promise<void> {
  // Every target prints its figures even when an earlier one misses; the run fails at the end.
  const failures: string[] = [];
  // Rule evaluation first, so that its first pass is a fresh process's (after the report, the rules would
  // already be compiled); the 100,000 issues it leaves are collected before the report starts.
  for (const target of [evaluationTarget, reportTarget, panelTarget]) {
    try {
      await target();
    } catch (error) {
      failures.push(error instanceof Error ? error.message : String(error));
    }
    await collectGarbage();
  }
  if (failures.length > 0) throw new Error(failures.join('\n'));
}
