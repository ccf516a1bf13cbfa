/**
 * Starting dependency work (report, review, comparison, publish) and following it. A scope whose ids fit in one
 * bounded search, and whose quarter needs no site-wide listing, is done at once; anything larger runs as a job on
 * Forge's queue (`report-job.ts`) acting as the user, and the page polls its one small record. Both run the same
 * stages, so they show the same figures.
 */
import { z } from 'zod';
import { JiraClient } from '../../atlassian/jira';
import type { DependencyWork, Outcome, WorkAction, WorkScope } from '../../contract/dependencies';
import { AppError } from '../../contract/result';
import { jobProgress, startJob } from '../jobs/jobs';
import { readOutput } from '../jobs/outputs';
import type { JobRecord } from '../jobs/store';
import type { Platform, Principal } from '../ports';
import { storeKey } from '../storage-keys';
import { actOn, labelOf, outcomeOf, workParamsSchema, type WorkParams } from './outcome';
import { completeReport, readScopePart } from './report';
import { dependencyWorkJob, scopeAndSetup, WORK_CONCURRENCY } from './report-job';
import type { ReportScope } from './scope';
import { dependenciesRefusal } from '../refusals';

/**
 * Scopes of more issues than this run as a job: a resolver has 25 s, a consumer 900 s an event. 2000 issues are
 * 20 bulk fetches, 4 at a time, plus the blockers outside the scope: a few seconds even when Jira is slow.
 */
const INLINE_LIMIT = 2000;
/** A quarter by fix version or sprint over more projects than this lists as a job: each has versions or boards. */
const INLINE_LISTING_PROJECTS = 4;

const gone = () => dependenciesRefusal('NOT_FOUND', 'workGone');

/** The user's latest job of an action on a page (the global page, or a project's), so the page can resume it. */
const latestKey = (action: WorkAction, projectKey: string | undefined, accountId: string): string =>
  storeKey('dependencies:latest', action, projectKey ?? 'global', accountId);

export type WorkRequest = Omit<WorkParams, 'at'>;

function ownerOf(principal: Principal): string {
  if (principal.kind !== 'user') throw dependenciesRefusal('UNAUTHENTICATED', 'workSignIn');
  return principal.accountId;
}

/** Whether the scope's quarter reads versions or sprints of more projects than one invocation should list. */
function listsWidely(scope: ReportScope, projectKey: string | undefined): boolean {
  if (scope.kind !== 'quarter' || (scope.by ?? 'duedate') === 'duedate') return false;
  const named = scope.projectKeys ?? [];
  const projects = named.length > 0 ? named.length : projectKey !== undefined ? 1 : Infinity;
  return projects > INLINE_LISTING_PROJECTS;
}

/**
 * Starts the work as a job, remembered as the user's latest of its action on the page (unless `remember` is
 * false: the CLI reads its job at once and keeps nothing).
 */
export async function startWorkJob(
  platform: Platform,
  principal: Principal,
  request: WorkRequest,
  options: { remember?: boolean } = {},
): Promise<DependencyWork> {
  const owner = ownerOf(principal);
  const params: WorkParams = { ...request, at: platform.clock.now().toISOString() };
  const record = await startJob(platform, dependencyWorkJob, { owner, params });
  if (options.remember !== false)
    await platform.store.set(latestKey(request.action, request.projectKey, owner), { jobId: record.jobId });
  return running(record, params);
}

/**
 * Does the work at once when the scope is small (one bounded id search tells), or starts it as a job. A small
 * scope's outcome is the same as the job's: the same stages, read as the same user.
 */
export async function startDependencyWork(
  platform: Platform,
  principal: Principal,
  request: WorkRequest,
  options: { inlineLimit?: number } = {},
): Promise<DependencyWork> {
  ownerOf(principal);
  if (listsWidely(request.scope, request.projectKey)) return startWorkJob(platform, principal, request);
  const params: WorkParams = { ...request, at: platform.clock.now().toISOString() };
  const jira = new JiraClient(platform.jira(principal), { concurrency: WORK_CONCURRENCY });
  const { resolved, setup } = await scopeAndSetup(jira, platform, params);
  const first = await jira.idPage(resolved.jql, { maxResults: options.inlineLimit ?? INLINE_LIMIT });
  if (first.nextPageToken !== undefined) return startWorkJob(platform, principal, request);
  const part = await readScopePart(jira, first.ids, setup);
  const built = await completeReport(jira, [part], setup, {
    now: new Date(params.at),
    includeWaitingIssues: params.projectKey !== undefined,
  });
  const outcome = await actOn(platform, principal, params, built, resolved);
  return { status: 'done', outcome, request: requestOf(params) };
}

const requestOf = ({ scope, teamBy }: WorkParams): WorkScope => ({ scope, teamBy });

function running(record: JobRecord, params: WorkParams): DependencyWork {
  const { jobId, done, total, totalKnown } = record;
  return {
    status: 'running',
    jobId,
    action: params.action,
    scopeLabel: labelOf(params),
    request: requestOf(params),
    done,
    total,
    totalKnown,
  };
}

/**
 * A job's progress for `viewer`, from its one small record; once done, the outcome its finish stored (read once:
 * the page stops polling then). Another user's job answers NOT_FOUND, exactly as a missing one.
 */
export async function workProgress(
  platform: Platform,
  viewer: Principal,
  jobId: string,
): Promise<DependencyWork> {
  const record = await jobProgress(platform, jobId, viewer).catch((error: unknown) => {
    throw error instanceof AppError && error.code === 'NOT_FOUND' ? gone() : error;
  });
  const params = workParamsSchema.safeParse(record.params);
  if (record.kind !== dependencyWorkJob.kind || !params.success) throw gone();
  if (record.status === 'failed') {
    const reason = record.reason ?? { code: 'INTERNAL', message: 'The work failed.' };
    const { action } = params.data;
    const request = requestOf(params.data);
    return { status: 'failed', jobId, action, scopeLabel: labelOf(params.data), ...reason, request };
  }
  if (record.status !== 'done') return running(record, params.data);
  const items = await readOutput(platform, jobId, 'outcome:');
  if (items.length === 0) throw gone();
  return { status: 'done', jobId, outcome: outcomeOf(items), request: requestOf(params.data) };
}

/** The viewer's latest job of `action` on the page, while it is kept (a day), or null. */
export async function latestWork(
  platform: Platform,
  viewer: Principal,
  action: WorkAction,
  projectKey: string | undefined,
): Promise<DependencyWork | null> {
  if (viewer.kind !== 'user') return null;
  const latest = z
    .object({ jobId: z.string() })
    .safeParse(await platform.store.get<unknown>(latestKey(action, projectKey, viewer.accountId)));
  if (!latest.success) return null;
  return workProgress(platform, viewer, latest.data.jobId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
    throw error;
  });
}

/** The outcome of `work` when it is of `action` (a job's outcome is checked against what the caller started). */
export function outcomeFor<A extends WorkAction>(
  work: DependencyWork,
  action: A,
): DependencyWork<Outcome<A>> {
  const answered: WorkAction = work.status === 'done' ? work.outcome.action : work.action;
  if (answered !== action)
    throw new AppError('INTERNAL', `Dependency work answered ${answered}, not ${action}.`);
  return work as unknown as DependencyWork<Outcome<A>>;
}
