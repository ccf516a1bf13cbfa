import { z } from 'zod';
import { JiraClient } from '../../atlassian/jira';
import type { ReportRow } from '../../contract/hygiene';
import type { IssueResult } from '../../hygiene/evaluate';
import { findingsCsv, summarise } from '../../hygiene/report';
import type { JobContext, JobDefinition } from '../jobs/jobs';
import { listIdsStep } from '../jobs/list-ids';
import type { Platform } from '../ports';
import { REPORT_CONCURRENCY, scanIds } from './scan';
import { loadSettings, type ScanSettings } from './scan-settings';
import { loadAllAcknowledgements } from './store';

/**
 * The hygiene project report as a job: the first step lists the scope's ids (a few pages of `search/jql` an
 * event, carrying the page token on), planning a part of 200 ids per event; each part fetches and evaluates its
 * issues and stores its results; the finish stores the summary and the rows the page shows.
 */

/** Ids per part: each part's results stay a few values of KVS, and its event well under Forge's 200 KB a push. */
const SCAN_PART_SIZE = 200;
/**
 * A part stores about 15 units (of 10 KB) of results: Forge may run a minute's parts side by side, and 150 of
 * them write about half of the installation's 4,000 write units a minute.
 */
const PARTS_PER_MINUTE = 150;
/** Rows sent to the browser; the CSV export carries everything. */
const REPORT_ROW_LIMIT = 2000;

const HYGIENE_REPORT_KIND = 'hygiene-report';

export const reportParamsSchema = z.object({ projectKey: z.string(), jql: z.string() });
type ReportParams = z.output<typeof reportParamsSchema>;

/** Reads Jira as the owner of the job: what a part evaluates is what they could read themselves. */
function jiraOf(context: JobContext<ReportParams>): JiraClient {
  return new JiraClient(context.platform.jira(context.owner), { concurrency: REPORT_CONCURRENCY });
}

export async function settingsFor(
  platform: Platform,
  jira: JiraClient,
  projectKey: string,
): Promise<ScanSettings> {
  const now = platform.clock.now().getTime();
  const acknowledgements = await loadAllAcknowledgements(platform.store, projectKey);
  return loadSettings(platform.store, jira, { projectKey, now, acknowledgements });
}

function list(context: JobContext<ReportParams>, data: Record<string, unknown>): Promise<void> {
  return listIdsStep(context, jiraOf(context), context.params.jql, data, SCAN_PART_SIZE);
}

const partDataSchema = z.object({ ids: z.array(z.string()).max(1000) });

/**
 * One part: fetch these ids, evaluate, store the results. The part's epics are told apart as in an inline scan:
 * children in the part count at once, the others are looked up (ids, then parents).
 */
async function part(context: JobContext<ReportParams>, data: Record<string, unknown>): Promise<void> {
  const { ids } = partDataSchema.parse(data);
  const jira = jiraOf(context);
  const settings = await settingsFor(context.platform, jira, context.params.projectKey);
  const { results } = await scanIds(jira, ids, settings);
  await context.putPartOutput(results);
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

/** The rows the page shows: flagged issues, worst first (the report is a to-do list), at most REPORT_ROW_LIMIT. */
export function rowsOf(results: readonly IssueResult[]): { rows: ReportRow[]; truncated: boolean } {
  const flagged = results.filter((r) => r.findings.length > 0 || r.acknowledged.length > 0);
  flagged.sort((a, b) => a.score - b.score || a.issue.localeCompare(b.issue));
  return {
    rows: flagged.slice(0, REPORT_ROW_LIMIT).map(toRow),
    truncated: flagged.length > REPORT_ROW_LIMIT,
  };
}

/** Every result the parts stored; written by `part` from evaluateIssues' own output. */
async function storedResults(context: Pick<JobContext<unknown>, 'readPartOutputs'>): Promise<IssueResult[]> {
  return (await context.readPartOutputs()) as IssueResult[];
}

/** Bytes of CSV text per stored piece: one piece a value, and one resolver answer, well under both limits. */
const CSV_PIECE_BYTES = 150_000;

/** The CSV of `results`, header first, cut at issue boundaries into pieces of at most `bytes`. */
export function csvPieces(results: readonly IssueResult[], bytes = CSV_PIECE_BYTES): string[] {
  const header = findingsCsv([]);
  const pieces: string[] = [];
  let piece = header;
  for (const result of results) {
    const lines = findingsCsv([result]).slice(header.length);
    if (lines === '') continue;
    if (Buffer.byteLength(piece + lines, 'utf8') > bytes && piece !== '') {
      pieces.push(piece);
      piece = '';
    }
    piece += lines;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

async function finish(context: JobContext<ReportParams>): Promise<void> {
  const results = await storedResults(context);
  // The CSV is built here, from the stored parts, so that the export only hands out stored pieces.
  await context.putOutput('csv', csvPieces(results));
  const { rows, truncated } = rowsOf(results);
  await context.putOutput('summary', [
    { summary: summarise(results), truncated, generatedAt: context.platform.clock.now().toISOString() },
  ]);
  await context.putOutput('rows', rows);
}

export const hygieneReportJob: JobDefinition<ReportParams> = {
  kind: HYGIENE_REPORT_KIND,
  params: reportParamsSchema,
  start: list,
  part,
  finish,
  steps: { list },
  partsPerMinute: PARTS_PER_MINUTE,
};
