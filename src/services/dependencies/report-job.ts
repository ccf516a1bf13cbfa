/**
 * Dependency work as a job on Forge's queue, for scopes that outgrow one 25 s resolver invocation. Each step runs
 * in an event of its own (up to 900 s) and acts as the person who asked:
 * - `start` lists the scope: a quarter by fix version or sprint reads every project's versions or every board's
 *   sprints here; it stores the JQL, what the quarter picked and the report's setup (fields, link types);
 * - `list` reads a few pages of the scope's ids an event, carrying the page token on, and plans a part per
 *   PART_SIZE ids;
 * - each `part` fetches its issues and stores what the analysis needs of them;
 * - `finish` fetches the blockers outside the scope, analyses, does what was asked (report, review, comparison,
 *   publish) and stores the outcome. A finish that runs twice finds the outcome stored and does nothing again.
 */
import { z } from 'zod';
import { JiraClient } from '../../atlassian/jira';
import type { AgreementsProblem, DependencyIssue, StoredAgreement } from '../../dependencies';
import type { JobContext, JobDefinition } from '../jobs/jobs';
import { listIdsStep } from '../jobs/list-ids';
import { actOn, outcomeItems, teamByOf, workParamsSchema, type WorkParams } from './outcome';
import {
  completeReport,
  prepareReport,
  readScopePart,
  type ReadLink,
  type ReportSetup,
  type ScopePart,
} from './report';
import { resolveScope, type ResolvedScope } from './scope';
import { loadDependencySettings } from './settings';

const DEPENDENCY_WORK_KIND = 'dependencies-work';

/**
 * Ids per part: two bulk fetches, a part's stored issues a value or two of KVS, and a push of 50 part events
 * (each carrying its ids) well under Forge's 200 KB a push.
 */
const PART_SIZE = 200;
/**
 * A part stores about 15 units (of 10 KB) of issues and links: Forge may run a minute's parts side by side, and
 * 150 of them write about half of the installation's 4,000 write units a minute.
 */
const PARTS_PER_MINUTE = 150;
/** Agile and search reads in flight at once, as the inline report. */
export const WORK_CONCURRENCY = 4;

/** Reads Jira as the owner of the job: what it reports is what they could read themselves. */
function jiraOf(context: JobContext<WorkParams>): JiraClient {
  return new JiraClient(context.platform.jira(context.owner), { concurrency: WORK_CONCURRENCY });
}

/** The scope and setup `start` stored (the job's own output). */
interface StoredScope {
  readonly resolved: ResolvedScope;
  readonly setup: ReportSetup;
}

async function storedScope(context: JobContext<WorkParams>): Promise<StoredScope> {
  const [stored] = await context.readOutput('scope:');
  return stored as StoredScope;
}

/** The report's scope and setup, decided once for the whole job: every part reads with the same ones. */
export async function scopeAndSetup(
  jira: JiraClient,
  platform: JobContext<WorkParams>['platform'],
  params: WorkParams,
): Promise<StoredScope> {
  const settings = await loadDependencySettings(platform.store);
  const words = params.blockingWords ?? settings.blockingWords;
  const [resolved, setup] = await Promise.all([
    resolveScope(jira, params.scope, params.projectKey),
    prepareReport(jira, teamByOf(params.teamBy), words, settings.riskRules),
  ]);
  return { resolved, setup };
}

async function start(context: JobContext<WorkParams>): Promise<void> {
  await context.putOutput('scope', [await scopeAndSetup(jiraOf(context), context.platform, context.params)]);
  await context.next('list', {});
}

async function list(context: JobContext<WorkParams>, data: Record<string, unknown>): Promise<void> {
  const { resolved } = await storedScope(context);
  await listIdsStep(context, jiraOf(context), resolved.jql, data, PART_SIZE);
}

const partDataSchema = z.object({ ids: z.array(z.string()).max(1000) });

/**
 * A part as stored: one item per issue or link, so the output splits it under KVS's value size, and each a
 * tuple without field names, since the finish reads every part back within Forge's storage budget a minute.
 */
type IssueTuple = readonly [
  tag: 'i',
  id: string,
  key: string,
  summary: string,
  projectKey: string,
  team: string,
  status: string,
  statusCategory: DependencyIssue['statusCategory'],
  assignee: string | null,
  plannedDate: string | null,
  storyPoints: number | null,
  updated: string | null,
];
type LinkTuple = readonly [
  tag: 'l',
  linkId: string,
  blockerId: string,
  blockedId: string,
  typeName: string,
  described: 0 | 1,
];
/** An agreement kept on a linked issue of the part, about an issue it blocks. */
type AgreementTuple = readonly [
  tag: 'a',
  issueId: string,
  blocked: string,
  neededBy: string | null,
  committedBy: string | null,
  declined: string | null,
  updated: string,
];
type PartItem =
  | IssueTuple
  | LinkTuple
  | AgreementTuple
  | readonly ['p', issueId: string, problem: AgreementsProblem]
  | readonly ['u', string, string, string];

/** A linked issue's agreements, or its unreadable property, as part items. */
const agreementItems = (i: DependencyIssue): PartItem[] => [
  ...(i.agreements ?? []).map((a): AgreementTuple => [
    'a',
    i.id,
    a.blocked,
    a.neededBy,
    a.committedBy,
    a.declined,
    a.updated,
  ]),
  ...(i.agreementsProblem ? [['p', i.id, i.agreementsProblem] as const] : []),
];

const issueTuple = (i: DependencyIssue): IssueTuple => [
  'i',
  i.id,
  i.key,
  i.summary,
  i.projectKey,
  i.team,
  i.status,
  i.statusCategory,
  i.assignee,
  i.plannedDate,
  i.storyPoints,
  i.updated,
];

function issueOf(tuple: IssueTuple): DependencyIssue {
  const [
    ,
    id,
    key,
    summary,
    projectKey,
    team,
    status,
    statusCategory,
    assignee,
    plannedDate,
    storyPoints,
    updated,
  ] = tuple;
  return {
    id,
    key,
    summary,
    projectKey,
    team,
    status,
    statusCategory,
    assignee,
    plannedDate,
    storyPoints,
    updated,
    inScope: true,
  };
}

async function part(context: JobContext<WorkParams>, data: Record<string, unknown>): Promise<void> {
  const { ids } = partDataSchema.parse(data);
  const { setup } = await storedScope(context);
  const read = await readScopePart(jiraOf(context), ids, setup);
  const items: PartItem[] = [
    ...read.linked.map(issueTuple),
    ...read.linked.flatMap(agreementItems),
    ...read.links.map((l): LinkTuple => [
      'l',
      l.linkId,
      l.blockerId,
      l.blockedId,
      l.typeName,
      l.described ? 1 : 0,
    ]),
    ...read.unlinked.map(([id, key, team]) => ['u', id, key, team] as const),
  ];
  await context.putPartOutput(items);
}

/** Every part the job stored, as one (the analysis takes the scope whole). */
async function storedParts(context: JobContext<WorkParams>): Promise<ScopePart> {
  const linked: DependencyIssue[] = [];
  const links: ReadLink[] = [];
  const unlinked: (readonly [string, string, string])[] = [];
  const agreements = new Map<string, StoredAgreement[]>();
  const problems = new Map<string, AgreementsProblem>();
  // Written by `part` from readScopePart's own output.
  for (const item of (await context.readPartOutputs()) as PartItem[]) {
    if (item[0] === 'i') linked.push(issueOf(item));
    else if (item[0] === 'l') {
      const [, linkId, blockerId, blockedId, typeName, described] = item;
      links.push({ linkId, blockerId, blockedId, typeName, described: described === 1 });
    } else if (item[0] === 'a') {
      const [, issueId, blocked, neededBy, committedBy, declined, updated] = item;
      const list = agreements.get(issueId) ?? [];
      list.push({ blocked, neededBy, committedBy, declined, updated });
      agreements.set(issueId, list);
    } else if (item[0] === 'p') problems.set(item[1], item[2]);
    else unlinked.push([item[1], item[2], item[3]]);
  }
  if (agreements.size > 0 || problems.size > 0) {
    linked.forEach((issue, index) => {
      const kept = agreements.get(issue.id);
      const problem = problems.get(issue.id);
      linked[index] = {
        ...issue,
        ...(kept ? { agreements: kept } : {}),
        ...(problem ? { agreementsProblem: problem } : {}),
      };
    });
  }
  return { linked, links, unlinked };
}

async function finish(context: JobContext<WorkParams>): Promise<void> {
  if ((await context.readOutput('outcome:')).length > 0) return; // a second finish: done already
  const { resolved, setup } = await storedScope(context);
  const jira = jiraOf(context);
  const built = await completeReport(jira, [await storedParts(context)], setup, {
    now: new Date(context.params.at),
    includeWaitingIssues: context.params.projectKey !== undefined,
  });
  const outcome = await actOn(context.platform, context.owner, context.params, built, resolved);
  await context.putOutput('outcome', outcomeItems(outcome));
}

export const dependencyWorkJob: JobDefinition<WorkParams> = {
  kind: DEPENDENCY_WORK_KIND,
  params: workParamsSchema,
  start,
  part,
  finish,
  steps: { list },
  partsPerMinute: PARTS_PER_MINUTE,
};
