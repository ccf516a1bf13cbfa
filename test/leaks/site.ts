import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { InvocationContext } from '../../src/contract/context';
import { DEFAULT_BLOCKING_WORDS } from '../../src/dependencies/link-types';
import { createLocalPlatform, createVirtualClock, type LocalPlatform } from '../../src/platform/local';
import { createResolvers } from '../../src/resolvers';
import { JiraClient } from '../../src/atlassian/jira';
import { queueConsumer } from '../../src/services/consumer';
import { agreeOnDependency } from '../../src/services/dependencies/agreement';
import { hygieneNightly } from '../../src/services/hygiene/handlers';
import { projectReport } from '../../src/services/hygiene/report';
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import { collectSecrets, type Secrets } from './secrets';

/** The demo organisation's clock: its dates are anchored at this day. */
const DEMO_NOW = new Date('2026-11-16T09:00:00Z');
export const ADMIN = '712020:a0000000-0000-4000-8000-000000000001';
/** Alex Reed, the contractor: may not browse PAY or DAT, reads only the ENG space. */
export const CONTRACTOR = '712020:a0000000-0000-4000-8000-00000000000c';

export const as = (accountId: string, extension: InvocationContext['extension'] = {}): InvocationContext => ({
  accountId,
  locale: 'en-US',
  extension,
});

export type Resolvers = ReturnType<typeof createResolvers>;

/** What the admin left behind that the contractor may try to reach (ids of the admin's own scans). */
export interface AdminTraces {
  /** Queued hygiene scans started by the admin: PAY, DAT, and CHK (whose issues link to PAY and DAT). */
  readonly scanIds: readonly string[];
  /** The page the admin published into ENG, which the contractor reads. */
  readonly publishedPageId: string;
  /** The admin's dependency report job (a site-wide quarter by sprint runs as one). */
  readonly dependencyJobId: string;
}

export interface LeakSite {
  readonly sandbox: RunningSandbox;
  readonly platform: LocalPlatform;
  readonly resolvers: Resolvers;
  readonly secrets: Secrets;
  readonly admin: AdminTraces;
  /** The store the app kept (file store), for the CLI's `--store`. */
  readonly storeDir: string;
}

const Q4 = { kind: 'quarter', year: 2026, quarter: 4 } as const;

/** Starts a queued scan (a scope over `inlineLimit` issues) as `accountId`, as a large project's page does. */
export async function queueScan(
  platform: LocalPlatform,
  accountId: string,
  projectKey: string,
  jql?: string,
): Promise<string> {
  const started = await projectReport(
    platform,
    { kind: 'user', accountId },
    { projectKey, jql, inlineLimit: 10 },
  );
  if (started.status !== 'running') throw new Error(`the scan of ${projectKey} was not queued`);
  await platform.queue.drain();
  return started.scanId;
}

/** Starts a site-wide quarter by sprint as `accountId` (every board is listed, so it runs as a job) and runs it. */
export async function queueDependencyReport(
  resolvers: Resolvers,
  accountId: string,
  platform: LocalPlatform,
): Promise<string> {
  const started = await resolvers['dependencies.report']({
    payload: { scope: { ...Q4, by: 'sprint' }, teamBy: 'project' },
    context: as(accountId),
  });
  if (!started.ok || started.data.status !== 'running') throw new Error('the report was not queued');
  await platform.queue.drain();
  return started.data.jobId;
}

async function must<T>(answer: Promise<{ ok: true; data: T } | { ok: false; error: { message: string } }>) {
  const result = await answer;
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

/**
 * The admin uses the app as a product-ops lead would before the contractor comes: saves review snapshots,
 * queues hygiene scans, runs the nightly scan, acknowledges findings, saves every settings page, installs a
 * template bundle into the space the contractor reads and publishes a dependency page there.
 */
async function adminUsesTheApp(
  platform: LocalPlatform,
  resolvers: Resolvers,
  secrets: Secrets,
): Promise<AdminTraces> {
  const call = (key: keyof Resolvers, payload: unknown) =>
    must(resolvers[key]({ payload, context: as(ADMIN) }) as Promise<{ ok: true; data: unknown }>);
  for (const teamBy of ['project', 'team', 'component'])
    await call('dependencies.snapshot.save', { scope: Q4, teamBy });
  const scanIds = [
    await queueScan(platform, ADMIN, 'PAY'),
    await queueScan(platform, ADMIN, 'DAT'),
    await queueScan(platform, ADMIN, 'CHK'),
  ];
  await hygieneNightly(platform);
  const expires = '2027-01-31';
  for (const issueKey of [secrets.restrictedIssue, secrets.linkedVisibleIssue]) {
    const findings = (await call('hygiene.issueFindings', { issueKey })) as { findings: { rule: string }[] };
    for (const { rule } of findings.findings.slice(0, 2))
      await call('hygiene.acknowledge', { issueKey, rule, reason: 'Agreed at planning', expires });
  }
  const org = (await call('hygiene.orgConfig', {})) as { config: Record<string, unknown> };
  await call('hygiene.saveOrgConfig', { config: org.config });
  for (const projectKey of ['PAY', 'CHK']) {
    const project = (await call('hygiene.projectConfig', { projectKey })) as {
      config: Record<string, unknown>;
    };
    await call('hygiene.saveProjectConfig', { projectKey, config: project.config });
  }
  await call('dependencies.settings.save', { words: DEFAULT_BLOCKING_WORDS });
  // Agreements kept on issues he may see (GRW-39, MOB-57) about PAY issues he may not: the reason quotes one.
  const jira = new JiraClient(platform.jira({ kind: 'user', accountId: ADMIN }));
  const reason = [...secrets.summaries][0] ?? 'PAY';
  const agreements = [
    { blockerKey: 'GRW-39', blockedKey: 'PAY-38', change: { kind: 'decline', reason } },
    { blockerKey: 'MOB-120', blockedKey: 'PAY-77', change: { kind: 'ask', neededBy: '2026-12-01' } },
    { blockerKey: 'MOB-57', blockedKey: 'CHK-197', change: { kind: 'commit', committedBy: '2026-12-04' } },
  ] as const;
  for (const request of agreements)
    await agreeOnDependency(jira, request, { now: DEMO_NOW, blockingWords: DEFAULT_BLOCKING_WORDS });
  const variables = {
    orgName: 'Northwind',
    opsLead: ADMIN,
    teams: 'Checkout, Growth',
    quarterStart: '2027-01-04',
  };
  for (const spaceKey of ['ENG', 'OPS'])
    await call('templates.install', { spaceKey, bundleId: 'product-ops', variables });
  const published = (await call('dependencies.publish', {
    scope: Q4,
    teamBy: 'project',
    spaceKey: 'ENG',
    title: 'Alignment 2026-Q4',
    shownProjects: ['CHK', 'GRW', 'MOB', 'PLT'],
  })) as { outcome: { page: { pageId: string } } };
  const dependencyJobId = await queueDependencyReport(resolvers, ADMIN, platform);
  return { scanIds, publishedPageId: published.outcome.page.pageId, dependencyJobId };
}

/**
 * The demo site after the admin used the app, started before the calling file's tests and closed after them.
 * Read it inside tests (or `beforeAll`s declared after this call).
 */
export function useLeakSite(): () => LeakSite {
  let site: LeakSite | undefined;
  beforeAll(async () => {
    const sandbox = await startSandbox({ port: 0, seeds: ['demo'], now: DEMO_NOW });
    const storeDir = mkdtempSync(path.join(tmpdir(), 'vertebra-leaks-'));
    const platform = createLocalPlatform({
      siteUrl: sandbox.url,
      now: DEMO_NOW,
      storeDir,
      twinClock: createVirtualClock(),
    });
    platform.queue.setConsumer((event) => queueConsumer(platform, event));
    const resolvers = createResolvers(platform);
    const secrets = await collectSecrets(sandbox.url);
    const admin = await adminUsesTheApp(platform, resolvers, secrets);
    site = { sandbox, platform, resolvers, secrets, admin, storeDir };
  }, 180_000);
  afterAll(async () => {
    await site?.sandbox.close();
    if (site) rmSync(site.storeDir, { recursive: true, force: true });
  });
  return () => {
    if (site === undefined) throw new Error('useLeakSite: the site is not started (beforeAll).');
    return site;
  };
}
