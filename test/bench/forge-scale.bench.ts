/**
 * Forge at scale (issue 12): on a sandbox of `FORGE_SCALE_ISSUES` synthetic issues (100,000 by default) with three
 * blocking links per issue and 150 ms per request, the hygiene project report (a queued job, polled as its page
 * polls) and the dependency report of the whole site run through the local Forge twins with every limit on. Each
 * must finish with no invocation over its limit and no KVS or event refusal. Printed per report against Forge's
 * limits as the baseline: invocations, the longest, peak KVS read and write units and events of a minute, wall time.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { createResolverHost, type InvokeAnswer } from '../../sandbox/playground/resolver-host';
import type { RunningSandbox } from '../../sandbox/server';
import {
  createLocalPlatform,
  createTwinMeter,
  createVirtualClock,
  FORGE_LIMITS,
} from '../../src/platform/local';
import type { MeterReading } from '../../src/platform/local';
import { queueConsumer } from '../../src/services/consumer';
import { syntheticOrganisation } from './dependencies.bench';
import { benchSandbox, check, printTable } from './harness';
import { syntheticIssues } from './hygiene-synthetic';

const ISSUES = Number(process.env.FORGE_SCALE_ISSUES ?? 100_000);
const LINKS = 3 * ISSUES;
const LATENCY_MS = 150;
const NOW = new Date('2026-11-16T09:00:00Z');
const PROJECT = 'SYN';
/** The report page asks for progress every few seconds (issue 12: one small record every 3–5 s). */
const POLL_MS = 3000;

const LINK_TYPES = {
  Blocks: { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
  Depends: { id: '10001', name: 'Depends', inward: 'is depended on by', outward: 'depends on' },
};

/**
 * Writes the organisation as a Jira issue file the sandbox seeds from: the hygiene generator's fields (a mix that
 * gives every rule work), the dependency generator's due dates (a quarter, 2026-Q4) and blocking links, each link
 * on both its issues as Jira shows it. All issues are in one project, so that its hygiene report is the whole site;
 * teams come from the Team field.
 */
async function writeSeed(file: string): Promise<{ inQuarter: number }> {
  const { issues, links } = syntheticOrganisation(ISSUES, LINKS);
  const hygiene = syntheticIssues(ISSUES, NOW.getTime());
  const keyOf = (id: string): string =>
    id.startsWith('hidden-') ? `HID-${id.slice(7)}` : `${PROJECT}-${String(Number(id) - 9_999)}`;
  const linksOf = new Map<string, unknown[]>();
  const add = (id: string, link: unknown): void => {
    const list = linksOf.get(id);
    if (list) list.push(link);
    else linksOf.set(id, [link]);
  };
  for (const link of links) {
    const type = LINK_TYPES[link.typeName === 'Blocks' ? 'Blocks' : 'Depends'];
    const blocker = { id: link.blockerId, key: keyOf(link.blockerId) };
    const blocked = { id: link.blockedId, key: keyOf(link.blockedId) };
    // "A blocks B" is the outward side of Blocks; "B depends on A" is the outward side of Depends.
    const [outwardHolder, inwardHolder] =
      type === LINK_TYPES.Blocks ? [blocker, blocked] : [blocked, blocker];
    add(outwardHolder.id, { id: link.linkId, type, outwardIssue: inwardHolder });
    add(inwardHolder.id, { id: link.linkId, type, inwardIssue: outwardHolder });
  }
  const out = createWriteStream(file);
  for (const [index, issue] of issues.entries()) {
    const fields = hygiene[index]?.fields ?? {};
    const line = JSON.stringify({
      id: issue.id,
      key: keyOf(issue.id),
      fields: { ...fields, duedate: issue.plannedDate, issuelinks: linksOf.get(issue.id) ?? [] },
    });
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { inQuarter: issues.filter((issue) => issue.plannedDate !== null).length };
}

interface Answered {
  readonly status?: string;
  readonly scanId?: string;
  /** A dependency job's id, polled with `dependencies.job`. */
  readonly jobId?: string;
  /** A finished dependency report: its outcome. */
  readonly outcome?: { readonly report?: { readonly scanned?: number } };
  /** Issues read: the hygiene report's `summary.scanned`, the dependency report's `scanned`. */
  readonly summary?: { readonly scanned?: number };
  readonly scanned?: number;
  /** A job that ended failed: its reason. */
  readonly code?: string;
  readonly message?: string;
}

/** The resolver's envelope, or the host's refusal as an error naming the limit. */
function dataOf(answer: InvokeAnswer, what: string): Answered {
  const body = answer.body as { ok?: boolean; data?: Answered; error?: unknown; message?: string };
  check(answer.status === 200, `${what}: the host refused it: ${JSON.stringify(answer.body)}`);
  check(body.ok === true, `${what} failed: ${JSON.stringify(body.error)}`);
  return body.data ?? {};
}

const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

interface ReportRun {
  readonly name: string;
  readonly reading: MeterReading;
  readonly ms: number;
  readonly requests: number;
  readonly error?: string;
}

function printRuns(runs: readonly ReportRun[]): void {
  const limits = FORGE_LIMITS;
  const header = [
    '',
    'invocations',
    'longest',
    'KVS reads/min',
    'KVS writes/min',
    'events/min',
    'refusals',
    'requests',
    'wall time',
  ];
  const rows = [
    [
      "Forge's limits (baseline)",
      '',
      `${String(limits.resolverSeconds)} s / ${String(limits.consumerSeconds)} s`,
      String(limits.kvsReadUnitsPerMinute),
      String(limits.kvsWriteUnitsPerMinute),
      String(limits.eventsPerMinute),
      '0',
      '',
      '',
    ],
    ...runs.map(({ name, reading, ms, requests }) => {
      const share = (value: number, limit: number): string =>
        `${String(value)} (${((100 * value) / limit).toFixed(0)}%)`;
      const longest = reading.longest;
      const refusals = Object.entries(reading.refusals)
        .map(([limit, count]) => `${limit} ×${String(count)}`)
        .join(', ');
      return [
        name,
        `${String(reading.resolverCalls)} + ${String(reading.consumerDeliveries)}`,
        longest
          ? `${(longest.ms / 1000).toFixed(1)} s ${longest.kind} ${longest.name} (${(
              (100 * longest.ms) /
              1000 /
              (longest.kind === 'resolver' ? limits.resolverSeconds : limits.consumerSeconds)
            ).toFixed(0)}%)`
          : '',
        share(reading.peakKvsReadUnits, limits.kvsReadUnitsPerMinute),
        share(reading.peakKvsWriteUnits, limits.kvsWriteUnitsPerMinute),
        share(reading.peakEvents, limits.eventsPerMinute),
        refusals === '' ? '0' : refusals,
        String(requests),
        `${(ms / 1000).toFixed(1)} s`,
      ];
    }),
  ];
  console.log(
    `\nForge twins, all limits on: ${ISSUES.toLocaleString('en')} issues, ${LINKS.toLocaleString('en')} links, ${String(LATENCY_MS)} ms a request`,
  );
  console.log('invocations: resolver calls + consumer deliveries; percentages of the limit');
  printTable(header, rows);
}

export async function run(): Promise<void> {
  check(
    Number.isInteger(ISSUES) && ISSUES >= 1000,
    `FORGE_SCALE_ISSUES must be 1000 or more (${String(ISSUES)})`,
  );
  const dir = await mkdtemp(path.join(tmpdir(), 'vertebra-forge-scale-'));
  let sandbox: RunningSandbox | undefined;
  try {
    const seed = path.join(dir, 'issues.jsonl');
    const prepared = performance.now();
    const { inQuarter } = await writeSeed(seed);
    sandbox = await benchSandbox({ seeds: [seed], latencyMs: LATENCY_MS, now: NOW });
    await sandbox.warmedUp;
    console.log(`sandbox seeded and warmed up in ${((performance.now() - prepared) / 1000).toFixed(0)} s`);

    const meter = createTwinMeter();
    // Real time, except that delayed and retried events, and paced steps, skip their waits, counted as passed.
    const twinClock = createVirtualClock();
    const platform = createLocalPlatform({
      siteUrl: sandbox.url,
      now: NOW,
      twinClock,
      observer: meter,
    });
    platform.queue.setConsumer((event) => queueConsumer(platform, event));
    const invoke = createResolverHost(platform, { observer: meter });
    const admin = sandbox.users.all().find((user) => user.isSiteAdmin);
    check(admin !== undefined, 'the sandbox has no site admin');
    const context = { accountId: admin.accountId, extension: {} };
    const running = sandbox;

    /** Runs one report from its first call until its queue is empty, metered apart. */
    async function measureReport(name: string, report: () => Promise<void>): Promise<ReportRun> {
      // Each report starts in a quiet minute, as a person opens it: the previous one's budget is not this one's.
      twinClock.advance(60_000);
      meter.reset();
      running.resetStats();
      const started = performance.now();
      let error: string | undefined;
      try {
        await report();
        await platform.queue.drain();
        check(platform.queue.failures.length === 0, `${name}: a queued event failed for good`);
      } catch (caught) {
        error = caught instanceof Error ? caught.message : String(caught);
      }
      const ms = performance.now() - started;
      return { name, reading: meter.reading(), ms, requests: running.stats().total, error };
    }

    /** Calls `functionKey` and, while it answers a running job, asks again every few seconds as the page does. */
    async function untilDone(first: () => Promise<Answered>, poll: (answer: Answered) => Promise<Answered>) {
      let answer = await first();
      while (answer.status === 'running') {
        await sleep(POLL_MS);
        answer = await poll(answer);
      }
      return answer;
    }

    // Every issue of the project, done ones too (the page's default leaves those out): the whole site.
    const hygienePayload = { projectKey: PROJECT, jql: 'created <= "2026-11-17"' };
    const hygiene = await measureReport('hygiene project report', async () => {
      const done = await untilDone(
        async () =>
          dataOf(
            await invoke({ functionKey: 'hygiene.projectReport', payload: hygienePayload, context }),
            'hygiene.projectReport',
          ),
        async ({ scanId }) =>
          dataOf(
            await invoke({ functionKey: 'hygiene.scanProgress', payload: { scanId }, context }),
            'hygiene.scanProgress',
          ),
      );
      check(
        done.status !== 'failed',
        `the hygiene scan failed: ${String(done.code)} ${String(done.message)}`,
      );
      const scanned = done.summary?.scanned;
      check(
        scanned === ISSUES,
        `the hygiene report checked ${String(scanned)} issues, expected ${String(ISSUES)}`,
      );
    });

    // The whole site's quarter, as the global page opens it: answered at once, or a job the page polls.
    const payload = { scope: { kind: 'quarter', year: 2026, quarter: 4 }, teamBy: 'field:customfield_10001' };
    const dependencies = await measureReport('dependency report, whole site', async () => {
      const done = await untilDone(
        async () =>
          dataOf(
            await invoke({ functionKey: 'dependencies.report', payload, context }),
            'dependencies.report',
          ),
        async ({ jobId }) =>
          dataOf(
            await invoke({ functionKey: 'dependencies.job', payload: { jobId }, context }),
            'dependencies.job',
          ),
      );
      check(
        done.status === 'done',
        `the dependency report failed: ${String(done.code)} ${String(done.message)}`,
      );
      const scanned = done.outcome?.report?.scanned;
      check(
        scanned === inQuarter,
        `the dependency report read ${String(scanned)} issues, expected the quarter's ${String(inQuarter)}`,
      );
    });

    const runs = [hygiene, dependencies];
    printRuns(runs);
    const failures: string[] = [];
    for (const { name, reading, error } of runs) {
      if (error) failures.push(`${name}: ${error}`);
      if (reading.longestMs.resolver > FORGE_LIMITS.resolverSeconds * 1000)
        failures.push(`${name}: a resolver call ran over ${String(FORGE_LIMITS.resolverSeconds)} s`);
      if (reading.longestMs.consumer > FORGE_LIMITS.consumerSeconds * 1000)
        failures.push(`${name}: a consumer delivery ran over ${String(FORGE_LIMITS.consumerSeconds)} s`);
      if (Object.keys(reading.refusals).length > 0)
        failures.push(`${name}: the twins refused ${JSON.stringify(reading.refusals)}`);
    }
    check(failures.length === 0, failures.join('\n'));
  } finally {
    await sandbox?.close();
    await rm(dir, { recursive: true, force: true });
  }
}
