import { JiraClient } from '../../src/atlassian/jira';
import { allOf } from '../../src/atlassian/jql';
import type { Transport } from '../../src/atlassian/transport';
import type { ProjectReport, ReportRow, SnapshotData } from '../../src/contract/hygiene';
import type { DependencyReportView } from '../../src/contract/dependencies';
import type { SnapshotDiff } from '../../src/dependencies/snapshot';
import { createHttpTransport } from '../../src/platform/local/http-transport';
import { hygieneNightly } from '../../src/services/hygiene/handlers';
import { trend } from '../../src/services/hygiene/report';
import type { KeyValueStore, Platform } from '../../src/services/ports';
import { CONTRACTOR_EMAIL } from './secrets';
import { as, CONTRACTOR, type LeakSite } from './site';

/**
 * The figures a resolver showed the contractor, each recounted over what the contractor himself may see: the
 * issues Jira lists for him, or the rows and dependencies the same answer names (which the leak detector has
 * already found free of PAY and DAT). A count that took in a hidden issue does not match its recount.
 */

/** One set of figures found in an answer, and what its recount found wrong (empty when it matched). */
export interface Recount {
  readonly figures: 'hygiene report' | 'dependency report' | 'review comparison' | 'trend';
  readonly where: string;
  readonly mismatches: readonly string[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const contractorJira = (site: LeakSite): JiraClient =>
  new JiraClient(createHttpTransport({ siteUrl: site.sandbox.url, email: CONTRACTOR_EMAIL }));

function differs(label: string, shown: unknown, recounted: unknown): string[] {
  return JSON.stringify(shown) === JSON.stringify(recounted)
    ? []
    : [`${label}: shown ${JSON.stringify(shown)}, recounted ${JSON.stringify(recounted)}`];
}

const tally = () => new Map<string, { open: number; acknowledged: number }>();
function bump(table: ReturnType<typeof tally>, key: string, field: 'open' | 'acknowledged'): void {
  const entry = table.get(key) ?? { open: 0, acknowledged: 0 };
  entry[field] += 1;
  table.set(key, entry);
}
const sorted = (
  table: ReadonlyMap<string, unknown> | Readonly<Record<string, unknown>>,
): [string, unknown][] =>
  (table instanceof Map ? [...(table as ReadonlyMap<string, unknown>)] : Object.entries(table)).sort(
    ([a], [b]) => a.localeCompare(b),
  );

/** A hygiene report: its summary against the contractor's issue count and its own rows. */
async function recountHygiene(site: LeakSite, report: ProjectReport): Promise<string[]> {
  const { issues } = await contractorJira(site).searchIssues(report.jql, ['summary']);
  const listed = new Set(issues.map((issue) => issue.key));
  const rowsFromJira = report.rows.filter((row) => !listed.has(row.issue)).map((row) => row.issue);
  const { summary } = report;
  const out = [
    ...differs('scanned', summary.scanned, listed.size),
    ...differs('rows not listed', rowsFromJira, []),
  ];
  if (report.truncated) return out;
  const bySeverity = { error: 0, warning: 0, info: 0 };
  const byRule = tally();
  const byAssignee = tally();
  const byTeam = tally();
  let notEvaluated = 0;
  let withFindings = 0;
  const count = (row: ReportRow, rule: string, field: 'open' | 'acknowledged') => {
    bump(byRule, rule, field);
    bump(byAssignee, row.assignee ?? '(unassigned)', field);
    bump(byTeam, row.team ?? '(no team)', field);
  };
  for (const row of report.rows) {
    const violations = row.findings.filter((finding) => finding.kind === 'violation');
    notEvaluated += row.findings.length - violations.length;
    if (violations.length > 0) withFindings += 1;
    for (const finding of violations) {
      bySeverity[finding.severity] += 1;
      count(row, finding.rule, 'open');
    }
    for (const finding of row.acknowledged) count(row, finding.rule, 'acknowledged');
  }
  // Issues without a row have no finding: a score of 100 each.
  const total = report.rows.reduce((sum, row) => sum + row.score, 100 * (listed.size - report.rows.length));
  const score = listed.size === 0 ? 100 : Math.round((total / listed.size) * 10) / 10;
  return [
    ...out,
    ...differs('score', summary.score, score),
    ...differs('bySeverity', summary.bySeverity, bySeverity),
    ...differs('byRule', sorted(summary.byRule), sorted(byRule)),
    ...differs('byAssignee', sorted(summary.byAssignee), sorted(byAssignee)),
    ...differs('byTeam', sorted(summary.byTeam), sorted(byTeam)),
    ...differs('notEvaluated', summary.notEvaluated, notEvaluated),
    ...differs('issuesWithFindings', summary.issuesWithFindings, withFindings),
  ];
}

/** A dependency report: the scope's size against the contractor's search, the matrix and counts against its list. */
async function recountDependencies(site: LeakSite, view: DependencyReportView): Promise<string[]> {
  const listed = await contractorJira(site).searchIds(view.jql);
  const out = differs('scanned', view.scanned, listed.length);
  if (view.totalDependencies !== view.dependencies.length) return out;
  const cells = new Map<string, { count: number; atRisk: number; conflict: number }>();
  // In the report's order: the figures are compared as JSON text.
  const counts = { conflict: 0, 'at-risk': 0, watch: 0, hidden: 0, ok: 0, resolved: 0, crossTeam: 0 };
  for (const dependency of view.dependencies) {
    counts[dependency.risk] += 1;
    if (dependency.crossTeam) counts.crossTeam += 1;
    if (dependency.blocker === null || dependency.blocked === null) continue;
    const cell = JSON.stringify([dependency.blockerTeam, dependency.blockedTeam]);
    const entry = cells.get(cell) ?? { count: 0, atRisk: 0, conflict: 0 };
    entry.count += 1;
    if (dependency.risk === 'at-risk' || dependency.risk === 'conflict') entry.atRisk += 1;
    if (dependency.risk === 'conflict') entry.conflict += 1;
    cells.set(cell, entry);
  }
  const matrix = new Map(
    view.matrix.map((cell) => [
      JSON.stringify([cell.blockerTeam, cell.blockedTeam]),
      { count: cell.count, atRisk: cell.atRisk, conflict: cell.conflict },
    ]),
  );
  const { outsideScope: _outside, ...shown } = view.counts;
  return [...out, ...differs('matrix', sorted(matrix), sorted(cells)), ...differs('counts', shown, counts)];
}

/**
 * A comparison with a saved review: every dependency it counts as added, still open or unseen is one of the
 * contractor's own report of the scope now, and every one it counts as resolved waited in an issue he may see.
 */
async function recountComparison(site: LeakSite, diff: SnapshotDiff, sent: unknown): Promise<string[]> {
  const report = await site.resolvers['dependencies.report']({
    payload: sent,
    context: as(CONTRACTOR),
  });
  if (!report.ok || report.data.status !== 'done')
    return ['the contractor’s own report of the scope did not answer at once'];
  const own = new Set(report.data.outcome.report.dependencies.map((dependency) => dependency.id));
  const jira = contractorJira(site);
  const blockedIds = [...new Set(diff.resolved.map((change) => change.id.slice(change.id.indexOf('>') + 1)))];
  const seen = new Set(
    blockedIds.length === 0 ? [] : await jira.searchIds(`issue in (${blockedIds.join(', ')})`),
  );
  return [
    ...differs(
      'counted now but not in his report',
      [...diff.added, ...diff.stillOpen, ...diff.unseen].filter((change) => !own.has(change.id)).length,
      0,
    ),
    ...differs('resolved in issues he cannot see', blockedIds.filter((id) => !seen.has(id)).length, 0),
  ];
}

/** The store as it is, with writes kept apart: the recount's snapshot must not replace the stored one. */
function overlay(store: KeyValueStore): KeyValueStore {
  const written = new Map<string, unknown>();
  return {
    get: <T>(key: string) => (written.has(key) ? written.get(key) : store.get(key)) as Promise<T | undefined>,
    set: (key, value) => Promise.resolve(void written.set(key, value)),
    setIfAbsent: (key, value) => Promise.resolve(!written.has(key) && (written.set(key, value), true)),
    delete: (key) => Promise.resolve(void written.delete(key)),
    // The recount lists only what it wrote itself (the trend it just recorded). T is the caller's, as in ports.ts.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
    list: <T>(prefix: string) =>
      Promise.resolve(
        [...written]
          .filter(([key]) => key.startsWith(prefix))
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([key, value]) => ({ key, value: value as T })),
      ),
  };
}

/** The contractor's Jira, where the nightly's property writes are dropped (he may not write them; nor should a test). */
function readingAsContractor(site: LeakSite): Transport {
  const transport = createHttpTransport({ siteUrl: site.sandbox.url, email: CONTRACTOR_EMAIL });
  return {
    request: (request) =>
      request.path.endsWith('/properties/multi')
        ? Promise.resolve({ status: 303, headers: {}, body: '' })
        : transport.request(request),
  };
}

/** The trend: each night's figures against the nightly run again with the contractor's eyes instead of the app's. */
async function recountTrend(
  site: LeakSite,
  snapshots: readonly SnapshotData[],
  sent: unknown,
): Promise<string[]> {
  const projectKey = isRecord(sent) && typeof sent.projectKey === 'string' ? sent.projectKey : '';
  const recount: Platform = {
    ...site.platform,
    jira: () => readingAsContractor(site),
    store: overlay(site.platform.store),
  };
  await hygieneNightly(recount, { projectKeys: [projectKey] });
  return differs('snapshots', snapshots, await trend(recount, projectKey));
}

const isHygieneReport = (value: Record<string, unknown>): value is ProjectReport & Record<string, unknown> =>
  value.status === 'done' &&
  isRecord(value.summary) &&
  Array.isArray(value.rows) &&
  typeof value.jql === 'string';
const isDependencyReport = (
  value: Record<string, unknown>,
): value is DependencyReportView & Record<string, unknown> =>
  Array.isArray(value.matrix) && Array.isArray(value.dependencies) && typeof value.jql === 'string';
const isDiff = (value: Record<string, unknown>): value is SnapshotDiff & Record<string, unknown> =>
  Array.isArray(value.added) && Array.isArray(value.resolved) && Array.isArray(value.unseen);
const isTrend = (value: unknown): value is SnapshotData[] =>
  Array.isArray(value) &&
  value.length > 0 &&
  value.every((item) => isRecord(item) && typeof item.day === 'string' && isRecord(item.bySeverity));

/**
 * Every set of figures in `answer` (a resolver's result, walked as JSON), each recounted as the contractor.
 * `sent` is the payload the figures answered.
 */
export async function recountFigures(
  site: LeakSite,
  answer: unknown,
  sent: unknown,
  where = '$',
): Promise<Recount[]> {
  if (isTrend(answer))
    return [{ figures: 'trend', where, mismatches: await recountTrend(site, answer, sent) }];
  if (Array.isArray(answer)) {
    const nested = await Promise.all(
      answer.map((item, i) => recountFigures(site, item, sent, `${where}[${String(i)}]`)),
    );
    return nested.flat();
  }
  if (!isRecord(answer)) return [];
  if (isHygieneReport(answer))
    return [{ figures: 'hygiene report', where, mismatches: await recountHygiene(site, answer) }];
  if (isDependencyReport(answer))
    return [{ figures: 'dependency report', where, mismatches: await recountDependencies(site, answer) }];
  if (isDiff(answer))
    return [{ figures: 'review comparison', where, mismatches: await recountComparison(site, answer, sent) }];
  const nested: Recount[] = [];
  for (const [name, value] of Object.entries(answer))
    nested.push(...(await recountFigures(site, value, sent, `${where}.${name}`)));
  return nested;
}

const countBy = (items: readonly Record<string, unknown>[], field: string): [string, unknown][] => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(String(item[field]), (counts.get(String(item[field])) ?? 0) + 1);
  return sorted(counts);
};
const records = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.filter(isRecord) : [];

/**
 * What `vertebra … --format json` printed for the contractor, recounted: a hygiene report's `scanned` against
 * his own search of its JQL and its tallies against its own findings; a dependency report's counts and matrix
 * against its own list of dependencies. Empty when every figure matched.
 */
export async function recountCliJson(
  site: LeakSite,
  printed: string,
  typed: readonly string[] = [],
): Promise<string[]> {
  const answer: unknown = JSON.parse(printed);
  if (!isRecord(answer)) return [];
  const jql = typed[typed.indexOf('--jql') + 1];
  if (Array.isArray(answer.rules) && typeof answer.resolved === 'number' && jql !== undefined) {
    // Evidence: the resolved issues of the typed scope he may see, and every rule's figures within them.
    const listed = await contractorJira(site).searchIds(allOf(jql, 'resolution IS NOT EMPTY'));
    return [
      ...differs('resolved', answer.resolved, listed.length),
      ...records(answer.rules).flatMap((rule) => {
        const population = Number(rule.population);
        const flagged = Number(rule.flagged);
        const flaggedBad = Number(rule.flaggedBad);
        const unflaggedBad = Number(rule.unflaggedBad);
        const holds =
          population <= listed.length &&
          flagged <= population &&
          flaggedBad <= flagged &&
          unflaggedBad <= population - flagged;
        return holds ? [] : [`${String(rule.rule)}: figures beyond his ${String(listed.length)} issues`];
      }),
    ];
  }
  if (typeof answer.jql === 'string' && Array.isArray(answer.findings)) {
    const listed = await contractorJira(site).searchIds(answer.jql);
    const findings = records(answer.findings);
    const acknowledged = records(answer.acknowledged);
    return [
      ...differs('scanned', answer.scanned, listed.length),
      ...differs('byRule', sorted(isRecord(answer.byRule) ? answer.byRule : {}), countBy(findings, 'rule')),
      ...differs(
        'acknowledgedByRule',
        sorted(isRecord(answer.acknowledgedByRule) ? answer.acknowledgedByRule : {}),
        countBy(acknowledged, 'rule'),
      ),
      ...differs('bySeverity', answer.bySeverity, {
        error: 0,
        warning: 0,
        info: 0,
        ...Object.fromEntries(countBy(findings, 'severity')),
      }),
    ];
  }
  if (Array.isArray(answer.dependencies) && isRecord(answer.matrix) && isRecord(answer.counts)) {
    const dependencies = records(answer.dependencies);
    const shown = dependencies.filter((d) => d.blocker !== null && d.blocked !== null);
    const cells = new Map<string, number>();
    for (const d of shown) {
      const cell = JSON.stringify([d.blockerTeam, d.blockedTeam]);
      cells.set(cell, (cells.get(cell) ?? 0) + 1);
    }
    const matrix = new Map<string, unknown>();
    for (const [blocker, row] of Object.entries(answer.matrix))
      if (isRecord(row))
        for (const [blocked, count] of Object.entries(row))
          matrix.set(JSON.stringify([blocker, blocked]), count);
    const { outsideScope: _outside, crossTeam, ...byRisk } = answer.counts;
    const risks = new Map(countBy(dependencies, 'risk'));
    return [
      ...differs('matrix', sorted(matrix), sorted(cells)),
      ...differs(
        'counts',
        sorted(byRisk).filter(([, n]) => n !== 0),
        sorted(risks),
      ),
      ...differs('crossTeam', crossTeam, dependencies.filter((d) => d.crossTeam === true).length),
    ];
  }
  return [];
}
