import { z } from 'zod';
import { JiraClient } from '../../atlassian/jira';
import { mapConcurrent } from '../../atlassian/request';
import { projectOfKey } from '../../hygiene/project-bound';
import { pacedStore } from '../jobs/pace';
import type { KindHandler } from '../jobs/jobs';
import type { Platform } from '../ports';
import { storeKey } from '../storage-keys';
import { writeProperties } from './property';
import { REPORT_CONCURRENCY, scanIds } from './scan';
import { loadSettings } from './scan-settings';
import { loadAllAcknowledgements } from './store';

/**
 * The fresh score: the `hygiene.score` property of an issue someone created or edited is written again within a
 * minute, so that JQL agrees with the panel before the nightly run.
 *
 * Forge invokes the trigger once per issue event, and a bulk edit of 1,000 issues is 1,000 events in a minute.
 * Pushing each onto the queue would pass Forge's 500 events pushed a minute and run the consumer 1,000 times, so
 * the trigger only notes the issue in the store and makes sure that one delayed flush event is on its way. The
 * flush, a queue consumer delivery, takes every noted issue at once and scores them project by project, as the
 * nightly run does (one bulk fetch per 100 issues, each project judged on its own issues only).
 */

/** The queue event of a flush. */
export const FRESH_SCORE_KIND = 'hygiene-fresh-score';

/**
 * Seconds a flush waits after the first event it serves: the events of a bulk edit gather meanwhile, and the
 * score is still written within the minute (Forge delivers product events within seconds).
 */
export const FRESH_SCORE_DELAY_SECONDS = 30;

/**
 * Issues one flush scores at most: ten bulk fetches of 100 and their property writes, far within the consumer's
 * time, and one delete each within a step's share of KVS writes. Past it, another flush follows at once.
 */
export const FRESH_SCORE_FLUSH_LIMIT = 1000;

/**
 * A flush mark older than this is taken for one whose event was lost (its push failed after the mark was
 * written, or its delivery failed for good): a new flush is queued rather than waiting for the nightly run.
 */
const STALE_MARK_MS = 5 * 60 * 1000;

/** Deletes of noted issues in flight at once. */
const DELETE_CONCURRENCY = 10;

export const FRESH_KEYS = {
  /** One issue waiting for its score; its value is the issue's id. */
  pending: (issueKey: string) => storeKey('hygiene:fresh:pending', issueKey),
  pendingPrefix: 'hygiene:fresh:pending:',
  /** Present while a flush is queued and not yet started. */
  flush: 'hygiene:fresh:flush',
} as const;

const pendingSchema = z.object({ id: z.string().min(1) });
const flushMarkSchema = z.object({ at: z.string() });

/**
 * `avi:jira:created:issue` and `avi:jira:updated:issue` as Forge delivers them (developer.atlassian.com,
 * "Jira events"): the issue's id and key; the rest of the payload is not needed, since the flush reads the issue.
 */
const issueEventSchema = z
  .object({
    eventType: z.string().optional(),
    issue: z.object({ id: z.string().min(1), key: z.string().min(1) }).loose(),
  })
  .loose();

/**
 * The trigger's body: notes the issue of a created or updated event and queues a flush unless one is on its way.
 * Returns the issue key noted, or undefined for a payload that names no issue (logged, not retried: a retry would
 * read the same payload).
 */
export async function noteIssueChanged(platform: Platform, event: unknown): Promise<string | undefined> {
  const parsed = issueEventSchema.safeParse(event);
  if (!parsed.success) {
    console.warn('Issue event without an issue; no fresh score', parsed.error.message);
    return undefined;
  }
  const { id, key } = parsed.data.issue;
  await platform.store.set(FRESH_KEYS.pending(key), { id });
  await queueFlush(platform, FRESH_SCORE_DELAY_SECONDS);
  return key;
}

/**
 * Queues one flush after `delayInSeconds`, unless a flush is already queued: the mark is written with
 * `setIfAbsent`, so of many events at once exactly one pushes. Most events find the mark and spend one read.
 */
async function queueFlush(platform: Platform, delayInSeconds: number): Promise<void> {
  const now = platform.clock.now();
  const mark = flushMarkSchema.safeParse(await platform.store.get<unknown>(FRESH_KEYS.flush));
  if (mark.success && now.getTime() - Date.parse(mark.data.at) < STALE_MARK_MS) return;
  if (mark.success) await platform.store.delete(FRESH_KEYS.flush);
  if (!(await platform.store.setIfAbsent(FRESH_KEYS.flush, { at: now.toISOString() }))) return;
  try {
    await platform.queue.push([{ body: { kind: FRESH_SCORE_KIND }, delayInSeconds }]);
  } catch (error) {
    // Without its event the mark would hold off every flush until it goes stale.
    await platform.store.delete(FRESH_KEYS.flush);
    throw error;
  }
}

export interface FlushOutcome {
  /** Issues taken from the store in this flush. */
  readonly taken: number;
  /** Properties written (unchanged scores cost no write). */
  readonly written: number;
}

/**
 * One flush (the queue consumer's delivery of a `FRESH_SCORE_KIND` event): takes the noted issues, at most
 * `FRESH_SCORE_FLUSH_LIMIT`, and writes their score as the nightly run would, each project on its own issues;
 * their parents in the same project are scored again too (see `withParents`).
 *
 * The order keeps every edit: the mark goes first (an event from now on queues the next flush), and each noted
 * issue is deleted before Jira is read (an edit after the delete is noted again, and the read here already sees
 * any edit before it).
 */
export async function flushFreshScores(unpaced: Platform): Promise<FlushOutcome> {
  const platform: Platform = { ...unpaced, store: pacedStore(unpaced.store, unpaced.clock) };
  await platform.store.delete(FRESH_KEYS.flush);
  const pending = await platform.store.list<unknown>(FRESH_KEYS.pendingPrefix);
  const taken = pending.slice(0, FRESH_SCORE_FLUSH_LIMIT);
  await mapConcurrent(taken, DELETE_CONCURRENCY, (entry) => platform.store.delete(entry.key));
  if (pending.length > taken.length) await queueFlush(platform, 0);

  const byProject = new Map<string, string[]>();
  for (const entry of taken) {
    const noted = pendingSchema.safeParse(entry.value);
    if (!noted.success) continue;
    const issueKey = entry.key.slice(FRESH_KEYS.pendingPrefix.length);
    const projectKey = projectOfKey(issueKey);
    byProject.set(projectKey, [...(byProject.get(projectKey) ?? []), noted.data.id]);
  }
  const jira = new JiraClient(platform.jira({ kind: 'app' }), { concurrency: REPORT_CONCURRENCY });
  let written = 0;
  try {
    for (const [projectKey, ids] of byProject) {
      const now = platform.clock.now().getTime();
      const acknowledgements = await loadAllAcknowledgements(platform.store, projectKey);
      const settings = await loadSettings(platform.store, jira, { projectKey, now, acknowledgements });
      const family = await withParents(jira, projectKey, ids);
      const { results } = await scanIds(jira, family, settings, { boundTo: projectKey });
      // An issue moved to another project since it was noted is judged there, by the event its move raised.
      written += await writeProperties(
        jira,
        results.filter((result) => projectOfKey(result.issue) === projectKey),
      );
    }
  } catch (error) {
    // Noted again, so that Forge's retry of this event (or the next flush) scores them after all.
    await mapConcurrent(taken, DELETE_CONCURRENCY, (entry) => platform.store.set(entry.key, entry.value));
    throw error;
  }
  return { taken: taken.length, written };
}

const parentSchema = z.object({ id: z.string(), key: z.string() }).loose();

/**
 * The noted issues and their parents in the same project (one bulk fetch of the `parent` field per 100): an
 * epic's score rests on its children (`epic-empty`), so a child created or edited under it has the epic scored
 * again too. Parents elsewhere are left to their own project's runs, which count only that project's children.
 */
async function withParents(jira: JiraClient, projectKey: string, ids: readonly string[]): Promise<string[]> {
  const family = new Set(ids);
  for (const issue of await jira.bulkFetch(ids, ['parent'])) {
    const parent = parentSchema.safeParse(issue.fields.parent);
    if (parent.success && projectOfKey(parent.data.key) === projectKey) family.add(parent.data.id);
  }
  return [...family];
}

/** The queue kind of the fresh score, which the app's one consumer dispatches to. */
export const freshScoreQueueKind: [string, KindHandler] = [
  FRESH_SCORE_KIND,
  async (platform) => {
    await flushFreshScores(platform);
  },
];
