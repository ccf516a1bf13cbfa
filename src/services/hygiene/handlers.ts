import { z } from 'zod';
import { JiraClient } from '../../atlassian/jira';
import { and, eq } from '../../atlassian/jql';
import { discardOldJobs, jobHandler, type KindHandler } from '../jobs/jobs';
import type { JobDelivery, Platform } from '../ports';
import { issueFindings } from './issue';
import { defaultScope, pushInBatches, recordSnapshot } from './report';
import { hygieneReportJob } from './report-job';
import { freshScoreQueueKind } from './fresh-score';
import { writeProperties } from './property';
import { REPORT_CONCURRENCY, scanIds } from './scan';
import { loadSettings } from './scan-settings';
import { loadAllAcknowledgements } from './store';

/**
 * The bodies of the Forge functions manifest.yml names for hygiene, as plain functions of a `Platform`; the
 * Forge adapter (src/platform/forge/handlers.ts) only unwraps Forge's arguments and calls these.
 */

const badgeEventSchema = z.object({
  context: z
    .object({
      accountId: z.string().optional(),
      locale: z.string().optional(),
      extension: z
        .object({ issue: z.object({ key: z.string() }).loose().optional() })
        .loose()
        .optional(),
    })
    .loose()
    .optional(),
});

/** The collapsed issue context's wording, in French when the viewer's locale is (as the framed app decides). */
const BADGE_WORDING = {
  en: {
    title: 'Hygiene',
    allClear: 'Hygiene: all clear',
    count: (n: number) => `${String(n)} hygiene ${n === 1 ? 'warning' : 'warnings'}`,
  },
  fr: {
    title: 'Hygiène',
    allClear: 'Hygiène : rien à signaler',
    count: (n: number) => `${String(n)} ${n === 1 ? 'alerte' : 'alertes'} d’hygiène`,
  },
} as const;

/**
 * Dynamic properties of the issue context: "3 hygiene warnings" as a badge, or the all-clear; in French when
 * the context carries a French locale, in English otherwise.
 */
export async function hygieneBadge(
  platform: Platform,
  event: unknown,
): Promise<{ title: string; label: string; status?: { type: 'badge'; value: { label: string } } }> {
  const parsed = badgeEventSchema.parse(event);
  const key = parsed.context?.extension?.issue?.key;
  const accountId = parsed.context?.accountId;
  const words = parsed.context?.locale?.toLowerCase().startsWith('fr') ? BADGE_WORDING.fr : BADGE_WORDING.en;
  // Nobody signed in (an anonymous viewer): a count judged as the app could rest on issues they cannot see.
  if (key === undefined || accountId === undefined) return { title: words.title, label: words.title };
  const { findings } = await issueFindings(platform, { kind: 'user', accountId }, key);
  const open = findings.filter((f) => f.kind === 'violation').length;
  if (open === 0) return { title: words.title, label: words.allClear };
  return {
    title: words.title,
    label: words.count(open),
    status: { type: 'badge', value: { label: String(open) } },
  };
}

const NIGHTLY_KIND = 'nightly-project';
/** The event of one project's nightly run, on the queue that also carries jobs' steps. */
const nightlyEventSchema = z.object({ kind: z.literal(NIGHTLY_KIND), projectKey: z.string().min(1) });

/** The nightly fan-out's next step: queue the projects whose keys sort after `after`. */
const FANOUT_KIND = 'nightly-fanout';
const fanOutEventSchema = z.object({ kind: z.literal(FANOUT_KIND), after: z.string().min(1) });

/**
 * Events the nightly fan-out pushes in one minute, its continuation included. Forge takes 500 events pushed a
 * minute per installation (docs/forge-limits.md); the rest of the budget is left to the scans people start.
 */
export const NIGHTLY_EVENTS_PER_MINUTE = 400;

/** The fan-out's continuation waits this long, so that its pushes fall in another minute. */
const NEXT_MINUTE_SECONDS = 60;

/** One project's nightly run (`hygieneNightlyFanOut` queues one per project); it has an event to itself. */
async function nightlyProject(platform: Platform, delivery: JobDelivery): Promise<void> {
  const { projectKey } = nightlyEventSchema.parse(delivery.body);
  await hygieneNightly(platform, { projectKeys: [projectKey] });
}

/** The fan-out's continuation: the projects a previous minute could not take. */
async function nightlyFanOutNext(platform: Platform, delivery: JobDelivery): Promise<void> {
  const { after } = fanOutEventSchema.parse(delivery.body);
  await queueNightlyProjects(platform, after);
}

/** The queue kinds of hygiene, which the app's one consumer (src/services/consumer.ts) dispatches to. */
export const hygieneQueueKinds: readonly [string, KindHandler][] = [
  jobHandler(hygieneReportJob),
  [NIGHTLY_KIND, nightlyProject],
  [FANOUT_KIND, nightlyFanOutNext],
  freshScoreQueueKind,
];

/**
 * The scheduled trigger: first lets go of jobs older than a day (so a failure further on cannot keep them), then
 * queues one event per project, so that each project's scan and property writes get an invocation of their own.
 * At most `NIGHTLY_EVENTS_PER_MINUTE` events are pushed a minute: past that, a continuation event delayed by a
 * minute queues the next projects. Returns the projects this step queued.
 */
export async function hygieneNightlyFanOut(platform: Platform): Promise<readonly string[]> {
  await discardOldJobs(platform);
  return queueNightlyProjects(platform, undefined);
}

/**
 * Queues the nightly events of the projects whose keys sort after `after` (all when absent), up to the minute's
 * share, and the continuation for the others. Keys, not positions, mark the way: a project created or deleted
 * between two steps shifts no other.
 */
async function queueNightlyProjects(
  platform: Platform,
  after: string | undefined,
): Promise<readonly string[]> {
  const jira = new JiraClient(platform.jira({ kind: 'app' }));
  const keys = (await jira.projects())
    .map((project) => project.key)
    .filter((key) => after === undefined || key > after)
    .sort();
  const now = keys.slice(0, NIGHTLY_EVENTS_PER_MINUTE - 1);
  await pushInBatches(
    platform,
    now.map((projectKey) => ({ kind: NIGHTLY_KIND, projectKey })),
  );
  const last = now.at(-1);
  if (keys.length > now.length && last !== undefined)
    await platform.queue.push([
      { body: { kind: FANOUT_KIND, after: last }, delayInSeconds: NEXT_MINUTE_SECONDS },
    ]);
  return now;
}

export interface NightlyOutcome {
  readonly projects: readonly {
    projectKey: string;
    scanned: number;
    score: number;
    propertiesWritten: number;
  }[];
}

/** A project's issues resolved in the last week (their hygiene property is refreshed once more). */
function recentlyResolved(projectKey: string): string {
  return and(eq('project', projectKey), 'resolution != EMPTY', 'resolved >= -7d');
}

/**
 * Nightly, as the app: scan each project's unresolved issues (all projects, or those given), store the day's
 * snapshot for the trend, and write each issue's score property where it changed (read back in the same bulk
 * fetch, so unchanged issues cost nothing). In Forge each project runs in its own queue event
 * (`hygieneNightlyFanOut`); the CLI and tests run it directly.
 *
 * The app sees every project, but the trend is shown to anyone who may browse the project and the property to
 * anyone who may browse the issue; so each project is judged on its own issues only (`boundTo`): a link to
 * another project's issue counts as one the reader cannot open, and no finding rests on an issue some readers
 * may not see. A blocker in another project that is done is then not reported as done.
 */
export async function hygieneNightly(
  platform: Platform,
  options: { projectKeys?: readonly string[] } = {},
): Promise<NightlyOutcome> {
  const jira = new JiraClient(platform.jira({ kind: 'app' }), { concurrency: REPORT_CONCURRENCY });
  const projectKeys = options.projectKeys ?? (await jira.projects()).map((p) => p.key);
  const projects: NightlyOutcome['projects'][number][] = [];
  for (const projectKey of projectKeys) {
    const now = platform.clock.now().getTime();
    const acknowledgements = await loadAllAcknowledgements(platform.store, projectKey);
    const settings = await loadSettings(platform.store, jira, { projectKey, now, acknowledgements });
    const ids = await jira.searchIds(defaultScope(projectKey));
    const outcome = await scanIds(jira, ids, settings, { boundTo: projectKey });
    await recordSnapshot(platform, projectKey, outcome.summary);
    // Issues resolved lately get their property brought up to date too (not counted in the snapshot, which is
    // the unresolved work's): otherwise `hygiene.score < 80` would keep finding them with the score they had
    // while open. A week covers nights the trigger missed; unchanged properties cost no write.
    const resolved = await jira.searchIds(recentlyResolved(projectKey));
    const closing =
      resolved.length === 0 ? [] : (await scanIds(jira, resolved, settings, { boundTo: projectKey })).results;
    const written = await writeProperties(jira, [...outcome.results, ...closing]);
    projects.push({
      projectKey,
      scanned: outcome.summary.scanned,
      score: outcome.summary.score,
      propertiesWritten: written,
    });
  }
  return { projects };
}
