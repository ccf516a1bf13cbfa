/**
 * What dependency work does once its report is built, inline or as the finish of a job: answer the report as
 * the page shows it, save the scope's review, compare with the last review, or publish the alignment page. Every
 * read and write acts as the person who asked (`owner`), never as the app. Also how an outcome is stored as a
 * job's output (values under KVS's size limit) and read back.
 */
import { z } from 'zod';
import { ConfluenceClient } from '../../atlassian/confluence';
import { JiraClient } from '../../atlassian/jira';
import {
  scopeSchema,
  WORK_ACTIONS,
  type DependencyOutcome,
  type DependencyReportView,
} from '../../contract/dependencies';
import {
  parseTeamBy,
  publishWordsFor,
  takeSnapshot,
  type Dependency,
  type SnapshotChange,
  type TeamByOption,
} from '../../dependencies';
import type { Platform, Principal } from '../ports';
import { publishAlignmentPage } from './publish';
import type { BuiltReport } from './report';
import { scopeLabel, type ResolvedScope } from './scope';
import { compareWithLast, saveSnapshot } from './snapshots';
import { dependenciesRefusal } from '../refusals';

/** At most this many dependencies go back to the browser (Forge answers up to 5 MB). */
const LIST_LIMIT = 3000;

const phrases = z.array(z.string());

/** What a piece of dependency work was asked to do, as a job stores it with its record. */
export const workParamsSchema = z.object({
  action: z.enum(WORK_ACTIONS),
  scope: scopeSchema,
  teamBy: z.string(),
  /** A team page: the report keeps dependencies that touch this project, and waiting issues are read too. */
  projectKey: z.string().optional(),
  /** When it was asked: a review saved by a job that finishes twice is the same review, written twice. */
  at: z.string(),
  publish: z
    .object({
      spaceKey: z.string(),
      title: z.string(),
      shownProjects: z.array(z.string()),
      locale: z.string().optional(),
    })
    .optional(),
  /** The CLI's own word list (its `--blocker-phrase` and `--blocked-phrase`); the site's settings otherwise. */
  blockingWords: z
    .object({ blockerPhrases: phrases, blockedPhrases: phrases, symmetricWords: phrases })
    .optional(),
  /** Keep every dependency of the scope (the CLI's exports), not the page's view of at most LIST_LIMIT. */
  full: z.boolean().optional(),
});
export type WorkParams = z.output<typeof workParamsSchema>;

export function teamByOf(text: string): TeamByOption {
  const parsed = parseTeamBy(text);
  if (!parsed) throw dependenciesRefusal('INVALID_INPUT', 'unknownTeamBy', { teamBy: text });
  return parsed;
}

/** How the page names the work while it runs: the scope, as on the report. */
export function labelOf(params: Pick<WorkParams, 'scope'>): string {
  return scopeLabel(params.scope);
}

/** The report as the page shows it: one team's dependencies on a team page, at most LIST_LIMIT of them. */
function viewOf(built: BuiltReport, resolved: ResolvedScope, params: WorkParams): DependencyReportView {
  const { projectKey } = params;
  const ours = (key: string | undefined): boolean =>
    projectKey !== undefined && key?.startsWith(`${projectKey}-`) === true;
  const dependencies =
    projectKey === undefined
      ? built.report.dependencies
      : built.report.dependencies.filter((d) => ours(d.blocked?.key) || ours(d.blocker?.key));
  return {
    ...built.report,
    dependencies: params.full === true ? dependencies : dependencies.slice(0, LIST_LIMIT),
    totalDependencies: dependencies.length,
    jql: resolved.jql,
    scopeLabel: labelOf(params),
    ...(resolved.plan ? { plan: resolved.plan } : {}),
  };
}

/** Does what `params.action` asks with the built report, as `owner`. */
export async function actOn(
  platform: Platform,
  owner: Principal,
  params: WorkParams,
  built: BuiltReport,
  resolved: ResolvedScope,
): Promise<DependencyOutcome> {
  const at = new Date(params.at);
  const reviewScope = `${labelOf(params)} | ${params.teamBy}`;
  if (params.action === 'report') return { action: 'report', report: viewOf(built, resolved, params) };
  const jira = new JiraClient(platform.jira(owner));
  if (params.action === 'snapshot') {
    const snapshot = takeSnapshot(built.report, reviewScope, at);
    const projects = await jira.projects();
    await saveSnapshot(
      platform.store,
      snapshot,
      projects.map((project) => project.key),
    );
    return {
      action: 'snapshot',
      saved: { takenAt: snapshot.takenAt, dependencies: snapshot.entries.length },
    };
  }
  if (params.action === 'compare') {
    const current = takeSnapshot(built.report, reviewScope, at);
    const visibleKeys = async (ids: readonly string[]) =>
      new Map((await jira.bulkFetch(ids, ['project'])).map((issue) => [issue.id, issue.key]));
    return {
      action: 'compare',
      comparison: { diff: await compareWithLast(platform.store, current, visibleKeys) },
    };
  }
  const publish = params.publish;
  if (publish === undefined) throw dependenciesRefusal('INVALID_INPUT', 'noPublishSpace');
  const page = await publishAlignmentPage(new ConfluenceClient(platform.confluence(owner)), {
    spaceKey: publish.spaceKey,
    title: publish.title,
    report: built.report,
    now: at,
    words: publishWordsFor(publish.locale),
    shownProjects: publish.shownProjects,
  });
  return { action: 'publish', page: { ...page, spaceKey: publish.spaceKey } };
}

const SECTIONS = [
  'added',
  'resolved',
  'stillOpen',
  'unseen',
  'newAsks',
  'newCommitments',
  'brokenCommitments',
] as const;
type Section = (typeof SECTIONS)[number];

/**
 * An outcome as a list of items, head first: long lists (dependencies, a comparison's changes) one item each, so
 * that the job's output splits them into values under KVS's size limit.
 */
export function outcomeItems(outcome: DependencyOutcome): unknown[] {
  if (outcome.action === 'report')
    return [{ ...outcome, report: { ...outcome.report, dependencies: [] } }, ...outcome.report.dependencies];
  if (outcome.action === 'compare') {
    const diff = outcome.comparison.diff;
    if (diff === null) return [outcome];
    const head = { action: 'compare', comparison: { diff: { since: diff.since } } };
    return [head, ...SECTIONS.flatMap((section) => (diff[section] ?? []).map((change) => [section, change]))];
  }
  return [outcome];
}

/** The outcome `outcomeItems` stored (the job's own output, so its shape is ours). */
export function outcomeOf(items: readonly unknown[]): DependencyOutcome {
  const [head, ...rest] = items as [DependencyOutcome, ...unknown[]];
  if (head.action === 'report') {
    // A report stored before conflicts and watch were told apart (kept a day) counts none of either.
    const stored: Partial<Record<'conflict' | 'watch', number>> = head.report.counts;
    const counts = { ...head.report.counts, conflict: stored.conflict ?? 0, watch: stored.watch ?? 0 };
    return { action: 'report', report: { ...head.report, counts, dependencies: rest as Dependency[] } };
  }
  if (head.action === 'compare' && head.comparison.diff !== null) {
    const sections = new Map<Section, SnapshotChange[]>(SECTIONS.map((section) => [section, []]));
    for (const [section, change] of rest as [Section, SnapshotChange][]) sections.get(section)?.push(change);
    const list = (section: Section): SnapshotChange[] => sections.get(section) ?? [];
    const diff = {
      since: head.comparison.diff.since,
      added: list('added'),
      resolved: list('resolved'),
      stillOpen: list('stillOpen'),
      unseen: list('unseen'),
      newAsks: list('newAsks'),
      newCommitments: list('newCommitments'),
      brokenCommitments: list('brokenCommitments'),
    };
    return { action: 'compare', comparison: { diff } };
  }
  return head;
}
