import { z } from 'zod';
import { JiraClient } from '../../atlassian/jira';
import { allOf, and, eq } from '../../atlassian/jql';
import { chunksOf } from '../../atlassian/request';
import { AppError } from '../../contract/result';
import type { ProjectReport, ReportRow, ScanFailed, ScanRunning } from '../../contract/hygiene';

export type { ProjectReport, ScanRunning };
import { findingsCsv, type HygieneSummary } from '../../hygiene/report';
import { jobProgress, startJob } from '../jobs/jobs';
import { readOutput, readOutputValue } from '../jobs/outputs';
import type { JobRecord } from '../jobs/store';
import type { Platform, Principal } from '../ports';
import { REPORT_CONCURRENCY, scanIds } from './scan';
import { hygieneReportJob, reportParamsSchema, rowsOf, settingsFor } from './report-job';
import { KEYS, loadSnapshots, saveSnapshot, snapshotOf, type Snapshot } from './store';
import { hygieneRefusal } from '../refusals';

/** Scopes larger than this run as a job: a resolver has 25 s, a consumer 900 s an event. */
const INLINE_SCAN_LIMIT = 1500;
/** Forge takes at most 50 events a push. */
const PUSH_BATCH = 50;

/** The default scope of a project's report: its unresolved issues. */
export function defaultScope(projectKey: string): string {
  return and(eq('project', projectKey), 'resolution = EMPTY');
}

/**
 * The project's scope, narrowed to the project whatever JQL the user typed, so a report stays a project's: the
 * typed JQL is parsed and joined to the project's clause as a tree (`allOf`), or refused as INVALID_INPUT when it
 * does not parse. Its ORDER BY is dropped: the report sorts worst first anyway.
 */
function projectScope(projectKey: string, jql: string | undefined): string {
  const typed = jql?.trim() ?? '';
  if (typed === '') return defaultScope(projectKey);
  const scope = allOf(eq('project', projectKey), typed);
  return scope === allOf(eq('project', projectKey)) ? defaultScope(projectKey) : scope;
}

function ownerOf(principal: Principal): string {
  if (principal.kind !== 'user') throw hygieneRefusal('UNAUTHENTICATED', 'scanSignIn');
  return principal.accountId;
}

/**
 * The project report. A scope of at most `inlineLimit` issues (one page of ids tells) is scanned at once; a
 * larger one runs as a job (listing included) acting as the user, and the caller polls `scanProgress`.
 */
export async function projectReport(
  platform: Platform,
  principal: Principal,
  input: { projectKey: string; jql?: string | undefined; inlineLimit?: number },
): Promise<ProjectReport | ScanRunning> {
  const jira = new JiraClient(platform.jira(principal), { concurrency: REPORT_CONCURRENCY });
  const jql = projectScope(input.projectKey, input.jql);
  const first = await jira.idPage(jql, { maxResults: input.inlineLimit ?? INLINE_SCAN_LIMIT });
  if (first.nextPageToken !== undefined) {
    const owner = ownerOf(principal);
    const record = await startJob(platform, hygieneReportJob, {
      owner,
      params: { projectKey: input.projectKey, jql },
    });
    // The user's latest scan of the project, so that the page finds it again when they come back.
    await platform.store.set(KEYS.latestScan(input.projectKey, owner), { scanId: record.jobId });
    return running(record, input.projectKey, jql);
  }
  const settings = await settingsFor(platform, jira, input.projectKey);
  const outcome = await scanIds(jira, first.ids, settings, { scope: jql });
  return {
    status: 'done',
    projectKey: input.projectKey,
    jql,
    generatedAt: new Date(settings.now).toISOString(),
    summary: outcome.summary,
    ...rowsOf(outcome.results),
  };
}

function running(record: JobRecord, projectKey: string, jql: string): ScanRunning {
  const { jobId: scanId, done, total, totalKnown } = record;
  return { status: 'running', scanId, projectKey, jql, done, total, totalKnown };
}

/** Queues `events` a push of at most 50 at a time, as Forge takes them. */
export async function pushInBatches(
  platform: Platform,
  events: readonly Record<string, unknown>[],
): Promise<void> {
  for (const batch of chunksOf(events, PUSH_BATCH))
    await platform.queue.push(batch.map((body) => ({ body })));
}

const storedSummarySchema = z.object({
  summary: z.custom<HygieneSummary>((value) => typeof value === 'object' && value !== null),
  truncated: z.boolean(),
  generatedAt: z.string(),
});

/**
 * Progress of a queued scan for `viewer`, from its one small record; once done, the report its finish stored
 * (read once: the page stops polling then). Another user's scan answers NOT_FOUND, as a missing one.
 */
export async function scanProgress(
  platform: Platform,
  viewer: Principal,
  scanId: string,
): Promise<ProjectReport | ScanRunning | ScanFailed> {
  const record = await jobProgress(platform, scanId, viewer).catch((error: unknown) => {
    throw error instanceof AppError && error.code === 'NOT_FOUND'
      ? hygieneRefusal('NOT_FOUND', 'scanGone')
      : error;
  });
  const params = reportParamsSchema.safeParse(record.params);
  if (record.kind !== hygieneReportJob.kind || !params.success) throw hygieneRefusal('NOT_FOUND', 'scanGone');
  const { projectKey, jql } = params.data;
  if (record.status === 'failed') {
    const reason = record.reason ?? { code: 'INTERNAL', message: 'The scan failed.' };
    return { status: 'failed', scanId, projectKey, jql, code: reason.code, message: reason.message };
  }
  if (record.status !== 'done') return running(record, projectKey, jql);
  const stored = storedSummarySchema.parse((await readOutput(platform, scanId, 'summary:'))[0]);
  return {
    status: 'done',
    scanId,
    projectKey,
    jql,
    generatedAt: stored.generatedAt,
    summary: stored.summary,
    // Written by the job's finish from rowsOf.
    rows: (await readOutput(platform, scanId, 'rows:')) as ReportRow[],
    truncated: stored.truncated,
  };
}

/** The viewer's latest queued scan of the project, while it is kept (a day), so the page can show it again. */
export async function latestScan(
  platform: Platform,
  viewer: Principal,
  projectKey: string,
): Promise<ProjectReport | ScanRunning | ScanFailed | null> {
  if (viewer.kind !== 'user') return null;
  const latest = z
    .object({ scanId: z.string() })
    .safeParse(await platform.store.get<unknown>(KEYS.latestScan(projectKey, viewer.accountId)));
  if (!latest.success) return null;
  return scanProgress(platform, viewer, latest.data.scanId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
    throw error;
  });
}

/**
 * Every finding of the scope as CSV (RFC 4180, formulas defused), acknowledged ones marked. A queued scan's CSV
 * was built by its job and is handed out a stored piece at a time (`piece`, then `nextPiece` until none); a scope
 * small enough for one invocation is scanned again, and a larger one without a scan is refused.
 */
export async function reportCsv(
  platform: Platform,
  principal: Principal,
  input: {
    projectKey: string;
    jql?: string | undefined;
    scanId?: string | undefined;
    piece?: number | undefined;
    inlineLimit?: number;
  },
): Promise<{ csv: string; nextPiece?: number }> {
  if (input.scanId !== undefined) {
    const report = await scanProgress(platform, principal, input.scanId);
    if (report.projectKey !== input.projectKey) throw hygieneRefusal('NOT_FOUND', 'scanGone');
    if (report.status === 'failed')
      throw hygieneRefusal('CONFLICT', 'scanFailed', { reason: report.message });
    if (report.status === 'running') throw hygieneRefusal('CONFLICT', 'scanRunning');
    const piece = input.piece ?? 0;
    const value = await readOutputValue(platform, input.scanId, 'csv', piece);
    if (value === undefined) throw hygieneRefusal('NOT_FOUND', 'noCsvPiece', { piece });
    // Written by the job's finish from csvPieces.
    const csv = (value.items as string[]).join('');
    return piece + 1 < value.of ? { csv, nextPiece: piece + 1 } : { csv };
  }
  const jira = new JiraClient(platform.jira(principal), { concurrency: REPORT_CONCURRENCY });
  const scope = projectScope(input.projectKey, input.jql);
  const first = await jira.idPage(scope, { maxResults: input.inlineLimit ?? INLINE_SCAN_LIMIT });
  if (first.nextPageToken !== undefined) throw hygieneRefusal('CONFLICT', 'exportTooLarge');
  const settings = await settingsFor(platform, jira, input.projectKey);
  const outcome = await scanIds(jira, first.ids, settings, { scope });
  return { csv: findingsCsv(outcome.results) };
}

/** The trend: one point per nightly snapshot. */
export async function trend(platform: Platform, projectKey: string): Promise<Snapshot[]> {
  return loadSnapshots(platform.store, projectKey);
}

/** Records today's snapshot of a project from a finished scan. */
export async function recordSnapshot(
  platform: Platform,
  projectKey: string,
  summary: HygieneSummary,
): Promise<Snapshot> {
  const snapshot = snapshotOf(platform.clock.now().toISOString().slice(0, 10), summary);
  await saveSnapshot(platform.store, projectKey, snapshot);
  return snapshot;
}
