import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { JiraClient } from '../../atlassian/jira';
import { and, eq, whereClause } from '../../atlassian/jql';
import { chunksOf } from '../../atlassian/request';
import { AppError, ERROR_CODES, type AppErrorBody } from '../../contract/result';
import type { IssueResult } from '../../hygiene/evaluate';
import type { ProjectReport, ReportRow, ScanFailed, ScanRunning } from '../../contract/hygiene';

export type { ProjectReport, ScanRunning };
import { findingsCsv, summarise, type HygieneSummary } from '../../hygiene/report';
import { errorBodyOf } from '../errors';
import type { Platform, Principal } from '../ports';
import { loadSettings, REPORT_CONCURRENCY, scanIds, type ScanSettings } from './scan';
import {
  KEYS,
  loadAllAcknowledgements,
  loadSnapshots,
  saveSnapshot,
  snapshotOf,
  type Snapshot,
} from './store';

/** Scopes larger than this are split across queue events: a resolver has 25 s, a consumer 55 s or more. */
const INLINE_SCAN_LIMIT = 1500;
/** Ids per queue event: keeps each stored part well under KVS's 240 KiB per value. */
const SCAN_PART_SIZE = 200;
/** Forge refuses pushes of more than 50 events. */
const PUSH_BATCH = 50;
/** Rows sent to the browser; the CSV export carries everything. */
const REPORT_ROW_LIMIT = 2000;
/** manifest.yml's `timeoutSeconds` of the `hygiene-scan` consumer function. */
const CONSUMER_TIMEOUT_MS = 900 * 1000;
/**
 * How long after its start a queued scan may still be waiting for parts before it counts as failed. A part that
 * throws says so itself (runScanPart stores the error), but one whose invocation Forge kills (the 900 s timeout,
 * memory) or whose event is lost never will, and nothing retries it. Forge delivers events within seconds and runs
 * them side by side, and a part of 200 issues takes seconds; four consumer timeouts (an hour) leave room for a
 * queue backlog and a slow or rate-limited Jira. Past that the missing part is not coming, and the page, which
 * polls every second, would otherwise wait until the nightly run deletes the scan a day later.
 */
export const SCAN_DEADLINE_MS = 4 * CONSUMER_TIMEOUT_MS;

/** The default scope of a project's report: its unresolved issues. */
export function defaultScope(projectKey: string): string {
  return and(eq('project', projectKey), 'resolution = EMPTY');
}

/**
 * The project's scope, narrowed to the project whatever JQL the user typed, so a report stays a project's. The
 * user's ORDER BY is dropped: it cannot stand inside parentheses, and the report sorts worst first anyway.
 */
function projectScope(projectKey: string, jql: string | undefined): string {
  const where = whereClause(jql ?? '');
  return where.length === 0 ? defaultScope(projectKey) : and(eq('project', projectKey), where);
}

function toRow(result: IssueResult): ReportRow {
  return {
    issue: result.issue,
    summary: result.summary,
    assignee: result.assignee,
    team: result.team,
    score: result.score,
    findings: result.findings.map(({ rule, severity, message, messageId, params, kind }) => ({
      rule,
      severity,
      message,
      messageId,
      params,
      kind,
    })),
    acknowledged: result.acknowledged.map(
      ({ rule, severity, message, messageId, params, acknowledgement }) => ({
        rule,
        severity,
        message,
        messageId,
        params,
        reason: acknowledgement?.reason ?? '',
        expires: acknowledgement?.expires ?? '',
      }),
    ),
  };
}

function rowsOf(results: readonly IssueResult[]): { rows: ReportRow[]; truncated: boolean } {
  const flagged = results.filter((r) => r.findings.length > 0 || r.acknowledged.length > 0);
  // Worst first: the report is a to-do list.
  flagged.sort((a, b) => a.score - b.score || a.issue.localeCompare(b.issue));
  return {
    rows: flagged.slice(0, REPORT_ROW_LIMIT).map(toRow),
    truncated: flagged.length > REPORT_ROW_LIMIT,
  };
}

async function settingsFor(platform: Platform, jira: JiraClient, projectKey: string): Promise<ScanSettings> {
  const now = platform.clock.now().getTime();
  const acknowledgements = await loadAllAcknowledgements(platform.store, projectKey);
  return loadSettings(platform.store, jira, { projectKey, now, acknowledgements });
}

const scanRecordSchema = z.object({
  scanId: z.string(),
  projectKey: z.string(),
  jql: z.string(),
  total: z.number(),
  parts: z.number(),
  startedAt: z.string(),
});

/**
 * The project report. A scope small enough for one invocation is scanned at once; a larger one is split into
 * queue events (ids selected as the user, so the app consumer reads only issues the user could see) and the
 * caller polls `scanProgress`.
 */
export async function projectReport(
  platform: Platform,
  principal: Principal,
  input: { projectKey: string; jql?: string | undefined; inlineLimit?: number },
): Promise<ProjectReport | ScanRunning> {
  const jira = new JiraClient(platform.jira(principal), { concurrency: REPORT_CONCURRENCY });
  const jql = projectScope(input.projectKey, input.jql);
  const ids = await jira.searchIds(jql);
  if (ids.length > (input.inlineLimit ?? INLINE_SCAN_LIMIT))
    return startQueuedScan(platform, input.projectKey, jql, ids);
  const settings = await settingsFor(platform, jira, input.projectKey);
  const outcome = await scanIds(jira, ids, settings, { scope: jql });
  return {
    status: 'done',
    projectKey: input.projectKey,
    jql,
    generatedAt: new Date(settings.now).toISOString(),
    summary: outcome.summary,
    ...rowsOf(outcome.results),
  };
}

async function startQueuedScan(
  platform: Platform,
  projectKey: string,
  jql: string,
  ids: readonly string[],
): Promise<ScanRunning> {
  const scanId = randomUUID();
  const parts = chunksOf(ids, SCAN_PART_SIZE).map((partIds, part) => ({ scanId, part, ids: partIds }));
  await platform.store.set(KEYS.scan(scanId), {
    scanId,
    projectKey,
    jql,
    total: ids.length,
    parts: parts.length,
    startedAt: platform.clock.now().toISOString(),
  });
  await pushInBatches(platform, parts);
  return { status: 'running', scanId, projectKey, jql, done: 0, total: ids.length };
}

/** Queues `events` a push of at most 50 at a time, as Forge takes them. */
export async function pushInBatches(
  platform: Platform,
  events: readonly Record<string, unknown>[],
): Promise<void> {
  for (const batch of chunksOf(events, PUSH_BATCH))
    await platform.queue.push(batch.map((body) => ({ body })));
}

/**
 * A stored part is split into values of at most this many bytes of UTF-8 JSON: Forge KVS takes 240 KiB a value
 * (in bytes: an accented summary takes two a letter), 200 issues of a badly kept backlog (a dozen findings each)
 * would not fit in one, and the rest of the value (its count) needs headroom.
 */
const PART_VALUE_BYTES = 200 * 1024;

const partEventSchema = z.object({
  scanId: z.string(),
  part: z.number().int().min(0),
  ids: z.array(z.string()).max(1000),
});
/**
 * A part's value (its last write, so present only once the part is whole) and the extra values its results
 * overflowed into (`continued`), written before it.
 */
const storedPartSchema = z.object({
  count: z.number(),
  results: z.array(z.unknown()),
  continued: z.literal(true).optional(),
});
/** What a part that threw stores at its key instead: the error, as a resolver would have answered it. */
const failedPartSchema = z.object({
  failure: z.object({ code: z.enum(ERROR_CODES), message: z.string() }),
});

/**
 * One queue event of a large scan: fetch these ids as the app, evaluate, store the part. Parts are separate
 * keys, so consumers running side by side never overwrite each other's progress. The part's epics are told
 * apart as in an inline scan: children in the part count at once, the others are looked up (ids, then parents).
 */
export async function runScanPart(
  platform: Platform,
  event: unknown,
  options: { valueBytes?: number } = {},
): Promise<void> {
  const { scanId, part, ids } = partEventSchema.parse(event);
  try {
    await scanPart(platform, { scanId, part, ids }, options.valueBytes ?? PART_VALUE_BYTES);
  } catch (error) {
    // Stored at the part's own key, so the page polling the scan stops and says why; a later successful run of
    // the part would overwrite it. The error still goes on to the platform, which logs it; should the store fail
    // too, the scan's deadline tells the page instead.
    const { code, message } = errorBodyOf(error);
    await platform.store
      .set(KEYS.scanPart(scanId, part), { failure: { code, message } })
      .catch(() => undefined);
    throw error;
  }
}

async function scanPart(
  platform: Platform,
  { scanId, part, ids }: z.output<typeof partEventSchema>,
  valueBytes: number,
): Promise<void> {
  const record = scanRecordSchema.safeParse(await platform.store.get<unknown>(KEYS.scan(scanId)));
  if (!record.success) return; // the scan was discarded; nothing to do
  const jira = new JiraClient(platform.jira({ kind: 'app' }), { concurrency: REPORT_CONCURRENCY });
  const settings = await settingsFor(platform, jira, record.data.projectKey);
  const { results } = await scanIds(jira, ids, settings);
  const values = splitBySize(results, valueBytes);
  for (const [index, chunk] of values.slice(1).entries())
    await platform.store.set(`${KEYS.scanPart(scanId, part)}:${String(index + 1)}`, {
      count: 0,
      results: chunk,
      continued: true,
    });
  await platform.store.set(KEYS.scanPart(scanId, part), { count: ids.length, results: values[0] ?? [] });
}

/** `items` in runs whose JSON stays under `bytes` of UTF-8 (a run holds one item at least). */
function splitBySize<T>(items: readonly T[], bytes: number): T[][] {
  const runs: T[][] = [];
  let run: T[] = [];
  let size = 0;
  for (const item of items) {
    const length = Buffer.byteLength(JSON.stringify(item), 'utf8') + 1;
    if (run.length > 0 && size + length > bytes) {
      runs.push(run);
      run = [];
      size = 0;
    }
    run.push(item);
    size += length;
  }
  if (run.length > 0 || runs.length === 0) runs.push(run);
  return runs;
}

/**
 * The results stored so far by a queued scan's parts, how many of its parts and issues are done, and the error of
 * the first part that failed, if one did.
 */
async function storedResults(
  platform: Platform,
  scanId: string,
): Promise<{ results: IssueResult[]; parts: number; done: number; failure: AppErrorBody | undefined }> {
  const entries = await platform.store.list<unknown>(KEYS.scanPartPrefix(scanId));
  let done = 0;
  let parts = 0;
  let failure: AppErrorBody | undefined;
  const results: IssueResult[] = [];
  for (const entry of entries) {
    const failed = failedPartSchema.safeParse(entry.value);
    if (failed.success) failure ??= failed.data.failure;
    const part = storedPartSchema.safeParse(entry.value);
    if (!part.success) continue;
    if (part.data.continued !== true) {
      parts += 1;
      done += part.data.count;
    }
    // Written by runScanPart from evaluateIssues' own output.
    results.push(...(part.data.results as IssueResult[]));
  }
  return { results, parts, done, failure };
}

/**
 * Why a queued scan will not finish, or undefined while it may: a part failed, or `SCAN_DEADLINE_MS` after its
 * start some parts have still not come back.
 */
function failureOf(
  record: z.output<typeof scanRecordSchema>,
  stored: Awaited<ReturnType<typeof storedResults>>,
  now: Date,
): AppErrorBody | undefined {
  if (stored.failure !== undefined) return stored.failure;
  if (stored.parts >= record.parts) return undefined;
  const started = Date.parse(record.startedAt);
  if (Number.isNaN(started) || now.getTime() - started <= SCAN_DEADLINE_MS) return undefined;
  const minutes = String(Math.round(SCAN_DEADLINE_MS / 60_000));
  return {
    code: 'INTERNAL',
    message: `The scan did not finish within ${minutes} minutes: ${String(record.parts - stored.parts)} of its ${String(record.parts)} parts never came back.`,
  };
}

/** Progress of a queued scan; once every part is in, the merged report. */
export async function scanProgress(
  platform: Platform,
  scanId: string,
): Promise<ProjectReport | ScanRunning | ScanFailed> {
  const record = scanRecordSchema.safeParse(await platform.store.get<unknown>(KEYS.scan(scanId)));
  if (!record.success)
    throw new AppError('NOT_FOUND', 'This scan is no longer available; start the report again.');
  const stored = await storedResults(platform, scanId);
  const { projectKey, jql, total, parts } = record.data;
  const { results, done } = stored;
  const failure = failureOf(record.data, stored, platform.clock.now());
  if (failure !== undefined)
    return { status: 'failed', scanId, projectKey, jql, code: failure.code, message: failure.message };
  if (stored.parts < parts) return { status: 'running', scanId, projectKey, jql, done, total };
  return {
    status: 'done',
    scanId,
    projectKey,
    jql,
    generatedAt: platform.clock.now().toISOString(),
    summary: summarise(results),
    ...rowsOf(results),
  };
}

/**
 * The results of a finished queued scan of this project, as stored: a scope too large for one invocation is not
 * scanned again for its CSV.
 */
async function finishedScan(platform: Platform, scanId: string, projectKey: string): Promise<IssueResult[]> {
  const record = scanRecordSchema.safeParse(await platform.store.get<unknown>(KEYS.scan(scanId)));
  if (!record.success || record.data.projectKey !== projectKey)
    throw new AppError('NOT_FOUND', 'This scan is no longer available; start the report again.');
  const stored = await storedResults(platform, scanId);
  const failure = failureOf(record.data, stored, platform.clock.now());
  if (failure !== undefined)
    throw new AppError('CONFLICT', `The scan failed, so it has no CSV; run it again. ${failure.message}`);
  if (stored.parts < record.data.parts)
    throw new AppError('CONFLICT', 'The scan is still running; export once it is done.');
  return stored.results;
}

/** Queued scans are kept a day for their report and CSV, then let go (by the nightly run). */
const SCAN_KEEP_MS = 24 * 60 * 60 * 1000;

/** Deletes the records and stored parts of queued scans started more than a day before `now`. */
export async function discardOldScans(platform: Platform): Promise<number> {
  const now = platform.clock.now().getTime();
  let discarded = 0;
  for (const entry of await platform.store.list<unknown>(KEYS.scanPrefix)) {
    const record = scanRecordSchema.safeParse(entry.value);
    const started = record.success ? Date.parse(record.data.startedAt) : Number.NaN;
    if (!Number.isNaN(started) && now - started < SCAN_KEEP_MS) continue;
    const scanId = record.success ? record.data.scanId : entry.key.slice(KEYS.scanPrefix.length);
    for (const part of await platform.store.list<unknown>(KEYS.scanPartPrefix(scanId)))
      await platform.store.delete(part.key);
    await platform.store.delete(entry.key);
    discarded += 1;
  }
  return discarded;
}

/** Every finding of the scope as CSV (RFC 4180, formulas defused), acknowledged ones marked. */
export async function reportCsv(
  platform: Platform,
  principal: Principal,
  input: { projectKey: string; jql?: string | undefined; scanId?: string | undefined },
): Promise<string> {
  if (input.scanId !== undefined)
    return findingsCsv(await finishedScan(platform, input.scanId, input.projectKey));
  const jira = new JiraClient(platform.jira(principal), { concurrency: REPORT_CONCURRENCY });
  const settings = await settingsFor(platform, jira, input.projectKey);
  const scope = projectScope(input.projectKey, input.jql);
  const outcome = await scanIds(jira, await jira.searchIds(scope), settings, { scope });
  return findingsCsv(outcome.results);
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
