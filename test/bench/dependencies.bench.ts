/**
 * Dependencies: (1) the request budget and wall time of a report on the 6,686 shared real issues over a sandbox
 * adding 50 ms per request, against reading the outside blockers one by one; (2) the analysis alone on a
 * synthetic 100,000 issues / 300,000 links, in a child process capped at 512 MB of heap (a Forge function's
 * memory), against 10,000 / 30,000 as a baseline; wall time, CPU time and peak memory.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { JiraClient } from '../../src/atlassian/jira';
import {
  analyseDependencies,
  blockingTypesById,
  readBlockingLinks,
  type BlockingLink,
  type DependencyIssue,
  type StatusCategory,
} from '../../src/dependencies';
import { createHttpTransport } from '../../src/platform/local/http-transport';
import { buildDependencyReport } from '../../src/services/dependencies/report';
import { seededRandom } from '../../sandbox/seed/random';
import { benchSandbox, check, measure, printFigures, TIDEV_ISSUES } from './harness';

const JQL = 'project in (AC, ALOY, DAEMON, MOD)';
const LATENCY_MS = 50;
const NOW = new Date('2021-06-01T00:00:00Z');

/**
 * A large organisation: issues in 40 teams, blocking links mostly from earlier to later work (as plans are),
 * 1% pointing back (loops), 1% to hidden blockers, 5% of issues outside the scope, a third done.
 */
export function syntheticOrganisation(
  issueCount: number,
  linkCount: number,
): { issues: DependencyIssue[]; links: BlockingLink[] } {
  // The sandbox's seeded PRNG, so every run analyses the same organisation.
  const next = seededRandom(42);
  const categories: StatusCategory[] = ['new', 'indeterminate', 'done'];
  const issues: DependencyIssue[] = [];
  for (let i = 0; i < issueCount; i++) {
    const team = `T${String(i % 40).padStart(2, '0')}`;
    const category = categories[Math.floor(next() * 3)] ?? 'new';
    const day = 1 + Math.floor(next() * 90);
    issues.push({
      id: String(10_000 + i),
      key: `${team}-${i}`,
      summary: `Synthetic issue ${i}`,
      projectKey: team,
      team,
      status: category === 'done' ? 'Done' : category === 'new' ? 'To Do' : 'In Progress',
      statusCategory: category,
      assignee: next() < 0.2 ? null : `user${i % 500}`,
      plannedDate: next() < 0.15 ? null : new Date(Date.UTC(2026, 9, day)).toISOString().slice(0, 10),
      storyPoints: next() < 0.3 ? null : 1 + Math.floor(next() * 8),
      updated: new Date(Date.UTC(2026, 10, 16) - Math.floor(next() * 40) * 86_400_000).toISOString(),
      inScope: next() < 0.95,
    });
  }
  const links: BlockingLink[] = [];
  for (let l = 0; l < linkCount; l++) {
    const a = Math.floor(next() * issueCount);
    const span = 1 + Math.floor(next() * 2000);
    const b = next() < 0.01 ? Math.max(0, a - span) : Math.min(issueCount - 1, a + span);
    links.push({
      linkId: String(l),
      blockerId: next() < 0.01 ? `hidden-${l}` : String(10_000 + a),
      blockedId: String(10_000 + b),
      typeName: next() < 0.5 ? 'Blocks' : 'Depends',
    });
  }
  return { issues, links };
}

interface AnalysisFigures {
  readonly issues: number;
  readonly links: number;
  readonly ms: number;
  readonly cpuMs: number;
  readonly heapMb: number;
  readonly maxRssMb: number;
  readonly dependencies: number;
  readonly cycles: number;
}

/** Runs in the child: generates, then measures the analysis only. */
function measureAnalysis(issueCount: number, linkCount: number): AnalysisFigures {
  const { issues, links } = syntheticOrganisation(issueCount, linkCount);
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const report = analyseDependencies({ issues, links, now: new Date('2026-11-16T09:00:00Z') });
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  const heapAfter = process.memoryUsage().heapUsed;
  return {
    issues: issueCount,
    links: linkCount,
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    // The report held in memory on top of the input (a lower bound of the peak; maxRSS is the whole process).
    heapMb: (heapAfter - heapBefore) / 1e6,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    dependencies: report.dependencies.length,
    cycles: report.cycles.length,
  };
}

function analyseInChild(issueCount: number, linkCount: number): AnalysisFigures {
  const output = execFileSync(
    process.execPath,
    [
      '--max-old-space-size=512',
      '--expose-gc',
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
      '--child',
      String(issueCount),
      String(linkCount),
    ],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as AnalysisFigures;
}

export async function run(): Promise<void> {
  const sandbox = await benchSandbox({ seeds: [TIDEV_ISSUES()], latencyMs: LATENCY_MS });
  try {
    await sandbox.warmedUp;
    const jira = new JiraClient(createHttpTransport({ siteUrl: sandbox.url }));
    const report = await measure(sandbox, () =>
      buildDependencyReport(jira, { jql: JQL, teamBy: { kind: 'project' }, now: NOW }),
    );
    const { scanned, dependencies, counts } = report.result.report;
    const outside = report.result.outside.requested;
    // Hygiene's report budget (ids in pages of 5000, bulkfetch by 100, and 5 for the field list and site reads),
    // plus one bulkfetch per 100 blockers outside the scope.
    const budget = Math.ceil(scanned / 5000) + Math.ceil(scanned / 100) + 5 + Math.ceil(outside / 100);
    check(report.requests <= budget, `${report.requests} requests, budget ${budget}`);
    // Counted by hand over issues.jsonl.gz: the 425 "Blocks" (outward "blocks") and "Depends" (outward "depends
    // on") links make 282 distinct (blocker, blocked) pairs. 143 join two issues of the dump; 86 have a blocker
    // that is not in the dump (TIMOB, TISTUD… from 81 distinct issues) and 53 a blocked issue that is not: the
    // sandbox serves those links without fields, as Jira does for issues it cannot show, so both are hidden.
    check(
      dependencies.length === 282 && counts.hidden === 86 + 53,
      `282 dependencies (139 hidden) expected, got ${dependencies.length} (${counts.hidden} hidden)`,
    );
    check(outside === 81, `81 blockers outside the scope expected, got ${outside}`);

    // Baseline: the same scope read, then each blocker outside the scope read with its own GET.
    const blockingTypes = blockingTypesById(await jira.issueLinkTypes());
    const oneByOne = await measure(sandbox, async () => {
      const { issues } = await jira.searchIssues(JQL, [
        'issuelinks',
        'status',
        'summary',
        'assignee',
        'duedate',
        'updated',
        'project',
      ]);
      const ids = new Set(issues.map((issue) => issue.id));
      const outsideBlockers = new Set<string>();
      for (const issue of issues) {
        for (const link of readBlockingLinks(issue, blockingTypes).links) {
          if (!ids.has(link.blockerId)) outsideBlockers.add(link.blockerId);
        }
      }
      for (const id of outsideBlockers) await jira.getIssue(id, ['summary', 'status']).catch(() => undefined);
      return outsideBlockers.size;
    });
    printFigures(
      `Report on ${scanned} real issues (${outside} blockers outside the scope, ${LATENCY_MS} ms per request)`,
      [
        {
          name: 'outside blockers one GET each (baseline)',
          requests: oneByOne.requests,
          ms: oneByOne.ms,
          note: `${oneByOne.result} blockers outside, one GET each`,
        },
        { name: 'buildDependencyReport', requests: report.requests, ms: report.ms, note: `budget ${budget}` },
      ],
    );
  } finally {
    await sandbox.close();
  }

  const small = analyseInChild(10_000, 30_000);
  const large = analyseInChild(100_000, 300_000);
  printFigures('Analysis alone (child process, heap capped at 512 MB)', [
    {
      name: '10,000 issues / 30,000 links (baseline)',
      ms: small.ms,
      note: `cpu ${small.cpuMs.toFixed(0)} ms, report heap ${small.heapMb.toFixed(0)} MB, max RSS ${small.maxRssMb.toFixed(0)} MB`,
    },
    {
      name: '100,000 issues / 300,000 links',
      ms: large.ms,
      note: `cpu ${large.cpuMs.toFixed(0)} ms, report heap ${large.heapMb.toFixed(0)} MB, max RSS ${large.maxRssMb.toFixed(0)} MB, ${large.dependencies} dependencies, ${large.cycles} loops`,
    },
  ]);
  console.log(
    `100k scale-up: ${(large.ms / small.ms).toFixed(1)}× the time for 10× the data (target < 1500 ms, < 500 MB)`,
  );
  check(large.maxRssMb < 500, `max RSS ${large.maxRssMb.toFixed(0)} MB`);
  if (large.ms >= 1500)
    console.log(
      `WARNING: ${large.ms.toFixed(0)} ms over the 1.5 s target (the machine is shared: cpu ${large.cpuMs.toFixed(0)} ms)`,
    );
}

if (process.argv.includes('--child')) {
  const [issues, links] = process.argv.slice(-2).map(Number) as [number, number];
  console.log(JSON.stringify(measureAnalysis(issues, links)));
}
