import { z } from 'zod';
import { AppError } from '../../contract/result';
import { discoverFields } from '../../atlassian/fields';
import type { JiraClient } from '../../atlassian/jira';
import {
  checkOrgConfig,
  checkProjectConfig,
  DEFAULT_ORG_CONFIG,
  DEFAULT_PROJECT_CONFIG,
  type ConfigProblem,
  type OrgConfig,
  type ProjectConfig,
} from '../../hygiene/config';
import type { HygieneSummary } from '../../hygiene/report';
import { RULE_IDS } from '../../hygiene/rules';
import type { Acknowledgement, FieldMap } from '../../hygiene/types';
import type { KeyValueStore } from '../ports';
import { storeKey } from '../storage-keys';
import { listRecords } from '../templates/records';
import { hygieneRefusal } from '../refusals';

/**
 * Where hygiene keeps its state in the key-value store (Forge KVS, a JSON file locally). Project and issue keys
 * go through `storeKey`, so every key matches KVS's pattern; values stay under 240 KiB (acknowledgements are per
 * issue, snapshots per project and day).
 */
export const KEYS = {
  org: 'hygiene:config:org',
  project: (projectKey: string) => storeKey('hygiene:config:project', projectKey),
  fields: 'hygiene:fields',
  acks: (issueKey: string) => storeKey('hygiene:ack', issueKey),
  ackPrefix: 'hygiene:ack:',
  /** The acknowledgements of a project's issues (issue keys start with `PROJECT-`). */
  projectAckPrefix: (projectKey: string) => `${storeKey('hygiene:ack', projectKey)}-`,
  /** A user's latest queued report of a project: its job id (src/services/jobs keeps the job itself). */
  latestScan: (projectKey: string, accountId: string) => storeKey('hygiene:latest', projectKey, accountId),
  snapshot: (projectKey: string, day: string) => storeKey('hygiene:snapshot', projectKey, day),
  snapshotPrefix: (projectKey: string) => `${storeKey('hygiene:snapshot', projectKey)}:`,
} as const;

/** The discovered field map is refreshed daily: custom field ids rarely change, and each lookup is a request. */
const FIELD_MAP_TTL_MS = 24 * 60 * 60 * 1000;

function invalid(problems: ConfigProblem[]): AppError {
  return hygieneRefusal(
    'INVALID_INPUT',
    'badSettings',
    { problems: problems.map((p) => p.message).join('; ') },
    { problems },
  );
}

/** The organisation's settings; a stored value that no longer validates falls back to defaults, loudly. */
export async function loadOrgConfig(store: KeyValueStore): Promise<OrgConfig> {
  const stored = await store.get<unknown>(KEYS.org);
  if (stored === undefined) return DEFAULT_ORG_CONFIG;
  const checked = checkOrgConfig(stored);
  if (!checked.ok) console.warn('Stored hygiene config is invalid; using defaults', checked.problems);
  return checked.ok ? checked.config : DEFAULT_ORG_CONFIG;
}

/** Validates then saves; on any problem nothing is written, so the previous config stays in force. */
export async function saveOrgConfig(store: KeyValueStore, raw: unknown): Promise<OrgConfig> {
  const checked = checkOrgConfig(raw);
  if (!checked.ok) throw invalid(checked.problems);
  await store.set(KEYS.org, checked.config);
  return checked.config;
}

export async function loadProjectConfig(
  store: KeyValueStore,
  projectKey: string | undefined,
  org?: OrgConfig,
): Promise<ProjectConfig> {
  if (projectKey === undefined) return DEFAULT_PROJECT_CONFIG;
  const stored = await store.get<unknown>(KEYS.project(projectKey));
  if (stored === undefined) return DEFAULT_PROJECT_CONFIG;
  const inForce = org ?? (await loadOrgConfig(store));
  const checked = checkProjectConfig(stored, inForce);
  if (checked.ok) return checked.config;
  // A rule the organisation locked since (or an option no longer valid) drops that rule's override only; the
  // project keeps its other overrides.
  const refused = new Set(checked.problems.map((p) => p.rule));
  if (refused.has(undefined) || typeof stored !== 'object' || stored === null) return DEFAULT_PROJECT_CONFIG;
  const rules = (stored as { rules?: Record<string, unknown> }).rules ?? {};
  const kept = Object.fromEntries(Object.entries(rules).filter(([id]) => !refused.has(id)));
  const retried = checkProjectConfig({ ...stored, rules: kept }, inForce);
  return retried.ok ? retried.config : DEFAULT_PROJECT_CONFIG;
}

export async function saveProjectConfig(
  store: KeyValueStore,
  projectKey: string,
  raw: unknown,
): Promise<ProjectConfig> {
  const checked = checkProjectConfig(raw, await loadOrgConfig(store));
  if (!checked.ok) throw invalid(checked.problems);
  await store.set(KEYS.project(projectKey), checked.config);
  return checked.config;
}

/** Where the product-ops bundle's "Jira hygiene" page is, once installed in some space. */
export interface ProcessPage {
  readonly spaceKey: string;
  readonly pageId: string;
}

/**
 * The "Jira hygiene" page of the product-ops bundle (page key `jira-hygiene`), which explains every rule under an
 * anchor `rule-<id>`: findings link there unless the admin set a process page. The latest install wins when the
 * bundle sits in several spaces; an uninstalled one is not linked.
 */
export async function installedProcessPage(store: KeyValueStore): Promise<ProcessPage | undefined> {
  let latest: (ProcessPage & { at: string }) | undefined;
  for (const record of await listRecords(store)) {
    const pageId = record.pages['jira-hygiene'];
    if (record.bundleId !== 'product-ops' || record.status === 'uninstalled' || pageId === undefined)
      continue;
    if (latest === undefined || record.installedAt > latest.at)
      latest = { spaceKey: record.spaceKey, pageId, at: record.installedAt };
  }
  return latest && { spaceKey: latest.spaceKey, pageId: latest.pageId };
}

const cachedFieldsSchema = z.object({ at: z.number(), map: z.record(z.string(), z.string()) });

/**
 * The site's agile field ids (story points, sprint, team, flagged, acceptance criteria), found through
 * `/rest/api/3/field` at most once a day and kept in the store, so the issue panel costs one Jira request.
 */
export async function discoveredFieldMap(
  store: KeyValueStore,
  jira: JiraClient,
  now: number,
): Promise<FieldMap> {
  const cached = cachedFieldsSchema.safeParse(await store.get<unknown>(KEYS.fields));
  if (cached.success && now - cached.data.at < FIELD_MAP_TTL_MS) return cached.data.map;
  const map = discoverFields(await jira.fields());
  await store.set(KEYS.fields, { at: now, map });
  return map;
}

const ackSchema = z.object({
  issue: z.string(),
  rule: z.string(),
  reason: z.string(),
  expires: z.string(),
  by: z.string().optional(),
  at: z.string().optional(),
});

export async function loadAcknowledgements(
  store: KeyValueStore,
  issueKey: string,
): Promise<Acknowledgement[]> {
  const parsed = z.array(ackSchema).safeParse(await store.get<unknown>(KEYS.acks(issueKey)));
  return parsed.success ? parsed.data : [];
}

/** Every acknowledgement of every issue whose key starts with `projectKey-` (all when absent). */
export async function loadAllAcknowledgements(
  store: KeyValueStore,
  projectKey?: string,
): Promise<Acknowledgement[]> {
  const prefix = projectKey === undefined ? KEYS.ackPrefix : KEYS.projectAckPrefix(projectKey);
  const entries = await store.list<unknown>(prefix);
  return entries.flatMap((entry) => {
    const parsed = z.array(ackSchema).safeParse(entry.value);
    return parsed.success ? parsed.data : [];
  });
}

/**
 * Adds or replaces the acknowledgement of one rule on one issue; expired ones are pruned on the way. A rule id
 * the app does not have is refused: stored, it would silence nothing and sit in storage unseen.
 */
export async function saveAcknowledgement(
  store: KeyValueStore,
  ack: Acknowledgement,
  now: number,
): Promise<Acknowledgement[]> {
  if (!RULE_IDS.includes(ack.rule))
    throw hygieneRefusal('INVALID_INPUT', 'unknownRule', { rule: ack.rule }, { known: RULE_IDS });
  const kept = (await loadAcknowledgements(store, ack.issue)).filter(
    (a) => a.rule !== ack.rule && Date.parse(a.expires) > now,
  );
  const next = [...kept, ack];
  await store.set(KEYS.acks(ack.issue), next);
  return next;
}

export async function removeAcknowledgement(
  store: KeyValueStore,
  issueKey: string,
  rule: string,
): Promise<void> {
  const kept = (await loadAcknowledgements(store, issueKey)).filter((a) => a.rule !== rule);
  if (kept.length === 0) await store.delete(KEYS.acks(issueKey));
  else await store.set(KEYS.acks(issueKey), kept);
}

/** One day's figures of a project, for the trend chart. */
export interface Snapshot {
  readonly day: string;
  readonly scanned: number;
  readonly score: number;
  readonly open: number;
  readonly acknowledged: number;
  readonly bySeverity: HygieneSummary['bySeverity'];
}

const snapshotSchema = z.object({
  day: z.string(),
  scanned: z.number(),
  score: z.number(),
  open: z.number(),
  acknowledged: z.number(),
  bySeverity: z.object({ error: z.number(), warning: z.number(), info: z.number() }),
});

export function snapshotOf(day: string, summary: HygieneSummary): Snapshot {
  let open = 0;
  let acknowledged = 0;
  for (const tally of Object.values(summary.byRule)) {
    open += tally.open;
    acknowledged += tally.acknowledged;
  }
  return {
    day,
    scanned: summary.scanned,
    score: summary.score,
    open,
    acknowledged,
    bySeverity: summary.bySeverity,
  };
}

export async function saveSnapshot(
  store: KeyValueStore,
  projectKey: string,
  snapshot: Snapshot,
): Promise<void> {
  await store.set(KEYS.snapshot(projectKey, snapshot.day), snapshot);
}

/** The project's snapshots, oldest first (keys sort by ISO day). */
export async function loadSnapshots(
  store: KeyValueStore,
  projectKey: string,
  limit = 90,
): Promise<Snapshot[]> {
  const entries = await store.list<unknown>(KEYS.snapshotPrefix(projectKey));
  const snapshots = entries.flatMap((entry) => {
    const parsed = snapshotSchema.safeParse(entry.value);
    return parsed.success ? [parsed.data] : [];
  });
  return snapshots.slice(-limit);
}
