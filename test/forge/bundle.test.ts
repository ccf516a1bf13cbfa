import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { installWorkflowValidator } from '../../sandbox/jira/workflow';
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import { DEMO_USERS } from '../../sandbox/users';
import { createLocalPlatform } from '../../src/platform/local';
import { createResolvers } from '../../src/resolvers';
import { bundleAsDeployWould, type DeployBundle } from './bundle';
import { forgeInvoker } from './invoke';
import { installForgeRuntime, type ForgeRuntimeDouble } from './runtime-double';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const manifestSchema = z.object({
  modules: z.looseObject({ function: z.array(z.object({ key: z.string(), handler: z.string() }).loose()) }),
});
const functions = manifestSchema.parse(parse(readFileSync(path.join(repoRoot, 'manifest.yml'), 'utf8')))
  .modules.function;

/** Webpack and ts-loader over the whole app: slow on a shared two-core machine, so given room. */
const BUNDLE_TIMEOUT_MS = 240_000;

const NOW = new Date('2026-11-16T09:00:00Z');
const person = (email: string) => {
  const user = DEMO_USERS.find((candidate) => candidate.email === email);
  if (!user) throw new Error(email);
  return user.accountId;
};
const admin = person('admin@example.com');
const priya = person('priya.patel@example.com');
const contractor = person('alex.contractor@example.com');

/** BIG: a project of 1,601 open stories, over what one resolver scans inline, so its report is queued. */
function bigProjectSeed(folder: string): string {
  const file = path.join(folder, 'big.json');
  const issues = Array.from({ length: 1601 }, (_, index) => ({
    id: String(95000 + index),
    key: `BIG-${String(index + 1)}`,
    fields: {
      summary: `Story ${String(index + 1)}`,
      issuetype: { name: 'Story' },
      status: { name: 'In Progress' },
      created: '2026-10-01T10:00:00.000+0000',
      updated: '2026-10-02T10:00:00.000+0000',
      project: { id: '94999', key: 'BIG', name: 'Big' },
    },
  }));
  writeFileSync(file, JSON.stringify({ issues }));
  return file;
}

let tempDir: string;
let bundle: DeployBundle;
let sandbox: RunningSandbox;
let runtime: ForgeRuntimeDouble;
/** What afterAll undoes, whatever part of beforeAll got done. */
const cleanups: (() => unknown)[] = [];
let forge: ReturnType<typeof forgeInvoker>;

beforeAll(async () => {
  tempDir = mkdtempSync(path.join(tmpdir(), 'vertebra-forge-bundle-'));
  cleanups.push(() => {
    rmSync(tempDir, { recursive: true, force: true });
  });
  [bundle, sandbox] = await Promise.all([
    bundleAsDeployWould(repoRoot, tempDir),
    startSandbox({ port: 0, seeds: ['demo', bigProjectSeed(tempDir)], now: NOW }),
  ]);
  // The bundled code reads the real clock; the sandbox's demo is dated from NOW.
  cleanups.push(() => sandbox.close());
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  cleanups.push(() => vi.useRealTimers());
  runtime = installForgeRuntime(sandbox.url);
  cleanups.push(() => {
    runtime.uninstall();
  });
  forge = forgeInvoker(bundle.outputDir, runtime);
}, BUNDLE_TIMEOUT_MS);

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('forge deploy’s bundling step (@forge/bundler over the manifest’s handlers)', () => {
  it('builds one index.cjs, the module every handler of manifest.yml names', () => {
    const modules = new Set(functions.map((fn) => fn.handler.split('.')[0]));
    expect([...modules]).toEqual(['index']);
    expect(bundle.files).toContain('index.cjs');
  });

  it('bundles the Forge SDK packages the handlers call', () => {
    expect(bundle.modules).toEqual(
      expect.arrayContaining(['@forge/api', '@forge/kvs', '@forge/events', '@forge/resolver']),
    );
  });

  it.each(functions.map((fn) => [fn.key, fn.handler] as const))(
    'function %s finds its handler %s as a function in the bundle',
    (_key, handler) => {
      const [file, exportName] = handler.split('.');
      const exported = createRequire(import.meta.url)(
        path.join(bundle.outputDir, `${file ?? ''}.cjs`),
      ) as Record<string, unknown>;
      expect(typeof exported[exportName ?? '']).toBe('function');
    },
  );
});

describe('the bundling step judges the root tsconfig.json (so the check above means something)', () => {
  it('stops with TypeScript’s "emitted no output" when the tsconfig sets noEmit, as it did', async () => {
    const app = path.join(tempDir, 'no-emit-app');
    mkdirSync(path.join(app, 'src'), { recursive: true });
    writeFileSync(
      path.join(app, 'manifest.yml'),
      'modules:\n  function:\n    - key: main\n      handler: index.run\napp:\n  runtime:\n    name: nodejs22.x\n',
    );
    writeFileSync(path.join(app, 'src', 'index.ts'), 'export const run = (): string => "ran";\n');
    writeFileSync(
      path.join(app, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, noEmit: true }, include: ['src/**/*.ts'] }),
    );
    await expect(bundleAsDeployWould(app, tempDir)).rejects.toThrow(/TypeScript emitted no output/);
  });
});

describe('the bundled handlers, invoked as Forge invokes them', () => {
  const local = () => createResolvers(createLocalPlatform({ siteUrl: sandbox.url, now: NOW }));
  const issuePanel = (key: string) => ({ type: 'jira:issuePanel', issue: { key, id: '1', type: 'Story' } });

  it('answers an issue panel’s invoke with the typed envelope of the issue’s findings, read as that person', async () => {
    runtime.requests.length = 0;
    const answer = await forge.resolver(
      priya,
      'hygiene.issueFindings',
      { issueKey: 'PAY-22' },
      issuePanel('PAY-22'),
    );
    const expected = await local()['hygiene.issueFindings']({
      payload: { issueKey: 'PAY-22' },
      context: { accountId: priya, extension: {} },
    });
    expect(expected).toMatchObject({ ok: true, data: { issue: 'PAY-22' } });
    expect(answer).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(new Set(runtime.requests.map((request) => request.as))).toEqual(new Set([priya]));
  });

  it('answers someone who may not see the issue with a typed error, not a stack trace', async () => {
    const answer = await forge.resolver(
      contractor,
      'hygiene.issueFindings',
      { issueKey: 'PAY-22' },
      issuePanel('PAY-22'),
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('lets Forge ask for consent: a person who has not allowed access gets the error Forge turns into its prompt', async () => {
    runtime.withoutConsent.add(priya);
    try {
      await expect(
        forge.resolver(priya, 'hygiene.issueFindings', { issueKey: 'PAY-22' }, issuePanel('PAY-22')),
      ).rejects.toMatchObject({ name: 'NEEDS_AUTHENTICATION_ERR' });
    } finally {
      runtime.withoutConsent.delete(priya);
    }
  });

  it('labels the issue context with the count of open warnings the viewer may see', async () => {
    const findings = (await forge.resolver(priya, 'hygiene.issueFindings', { issueKey: 'PAY-22' })) as {
      data: { findings: { kind: string }[] };
    };
    const open = findings.data.findings.filter((finding) => finding.kind === 'violation').length;
    expect(open).toBeGreaterThan(1);
    expect(await forge.badge(priya, { key: 'PAY-22', id: '1' })).toEqual({
      title: 'Hygiene',
      label: `${String(open)} hygiene warnings`,
      status: { type: 'badge', value: { label: String(open) } },
    });
  });

  it('queues a large project report on the consumer and then shows the finished report of every issue', async () => {
    const started = await forge.resolver(admin, 'hygiene.projectReport', { projectKey: 'BIG' });
    expect(started).toMatchObject({ ok: true, data: { status: 'running' } });
    const scanId = (started as { data: { scanId: string } }).data.scanId;
    expect(runtime.pushes.length).toBeGreaterThan(0);
    expect(runtime.pushes.every((push) => push.queueName === 'hygiene-scan')).toBe(true);
    // 1,601 issues are more than one event scans: the work is spread over several deliveries.
    expect(await forge.deliverQueued()).toBeGreaterThan(2);
    const progress = await forge.resolver(admin, 'hygiene.scanProgress', { scanId });
    expect(progress).toMatchObject({ ok: true, data: { status: 'done', summary: { scanned: 1601 } } });
  });

  it('queues one nightly event per project from the scheduled trigger; each run records the day for the trend', async () => {
    runtime.pushes.length = 0;
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await forge.nightly();
    log.mockRestore();
    const projects = sandbox.jira.projects;
    expect(
      runtime.pushes
        .map((push) => push.body)
        .sort((a, b) => String(a.projectKey).localeCompare(String(b.projectKey))),
    ).toEqual([...projects.keys()].sort().map((projectKey) => ({ kind: 'nightly-project', projectKey })));
    await forge.deliverQueued();
    const trend = await forge.resolver(priya, 'hygiene.trend', { projectKey: 'PAY' });
    expect(trend).toMatchObject({ ok: true, data: [{ day: '2026-11-16' }] });
  });

  it('notes an edited issue from the trigger, and the queued flush writes its score property', async () => {
    runtime.pushes.length = 0;
    const issue = sandbox.jira.findIssue('PAY-1');
    if (issue === undefined) throw new Error('PAY-1');
    // The nightly run above scored it: the flush must write the same score again, judged the same way.
    const nightly = issue.properties.get('vertebra-hygiene');
    expect(nightly).toBeDefined();
    sandbox.jira.deleteProperty(issue, 'vertebra-hygiene');
    const event = (atlassianId: string) => ({
      eventType: 'avi:jira:updated:issue',
      issue: { id: issue.id, key: issue.key, fields: { summary: 'edited' } },
      atlassianId,
      associatedUsers: [{ accountId: atlassianId }],
    });
    expect(await forge.issueChanged(event(priya))).toBeUndefined();
    // A second edit before the flush queues nothing more: the flush on its way takes both.
    await forge.issueChanged(event(admin));
    expect(runtime.pushes).toEqual([
      expect.objectContaining({
        queueName: 'hygiene-scan',
        body: { kind: 'hygiene-fresh-score' },
        delayInSeconds: 30,
      }),
    ]);
    expect(issue.properties.get('vertebra-hygiene')).toBeUndefined();
    expect(await forge.deliverQueued()).toBe(1);
    expect(issue.properties.get('vertebra-hygiene')).toEqual(nightly);
  });
});

describe('one installation over Jira and Confluence, or over Jira alone (Confluence is optional)', () => {
  const publish = {
    scope: { kind: 'jql', jql: 'project = PAY' },
    teamBy: 'project',
    spaceKey: 'OPS',
    title: 'Alignment of the install-shape test',
    shownProjects: ['PAY'],
  };

  it('publishes a Jira report to Confluence when the site has both', async () => {
    const answer = await forge.resolver(priya, 'dependencies.publish', publish);
    // A scope this small is published at once, without a job.
    expect(answer).toMatchObject({
      ok: true,
      data: { status: 'done', outcome: { action: 'publish', page: { spaceKey: 'OPS', created: true } } },
    });
  });

  it('tells the person Confluence is missing instead of failing, when the site has only Jira', async () => {
    runtime.installedIn.delete('confluence');
    try {
      const answer = await forge.resolver(priya, 'dependencies.publish', publish);
      expect(answer).toMatchObject({
        ok: false,
        error: { code: 'PRODUCT_UNAVAILABLE', details: { product: 'confluence' } },
      });
      expect((answer as { error: { message: string } }).error.message).toMatch(/needs Confluence/);
    } finally {
      runtime.installedIn.add('confluence');
    }
  });

  it('still shows an issue its findings on a Jira-only site, without process-page links or Confluence calls', async () => {
    runtime.installedIn.delete('confluence');
    runtime.requests.length = 0;
    try {
      const answer = (await forge.resolver(priya, 'hygiene.issueFindings', { issueKey: 'PAY-22' })) as {
        ok: boolean;
        data: { findings: { processUrl: string | null }[] };
      };
      expect(answer.ok).toBe(true);
      expect(answer.data.findings.length).toBeGreaterThan(0);
      expect(answer.data.findings.every((finding) => finding.processUrl === null)).toBe(true);
      expect(runtime.requests.filter((request) => request.product === 'confluence')).toEqual([]);
    } finally {
      runtime.installedIn.add('confluence');
    }
  });
});

describe('the Definition of Ready gate, as Jira calls the bundled validator during a transition', () => {
  it('refuses a story without acceptance criteria entry into a guarded status, reading as the app', async () => {
    const stop = installWorkflowValidator(sandbox.jira, (event) => forge.validator(event));
    try {
      const view = (await forge.resolver(admin, 'hygiene.gate', { projectKey: 'PAY' })) as {
        data: { statuses: { id: string; name: string }[] };
      };
      const inProgress = view.data.statuses.find((status) => status.name === 'In Progress')?.id;
      const saved = await forge.resolver(admin, 'hygiene.saveGate', {
        projectKey: 'PAY',
        gate: { enabled: true, statuses: [inProgress], rules: ['acceptance-criteria-missing'] },
      });
      expect(saved).toMatchObject({ ok: true, data: { gate: { enabled: true } } });
      const jql = encodeURIComponent('project = PAY AND issuetype = Story AND status = "To Do" ORDER BY key');
      const found = (await (
        await fetch(`${sandbox.url}/rest/api/3/search/jql?jql=${jql}&maxResults=1&fields=summary`)
      ).json()) as { issues: { key: string }[] };
      const story = found.issues[0]?.key ?? '';
      const description = {
        type: 'doc',
        version: 1,
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Pay with a saved card.' }] }],
      };
      await fetch(`${sandbox.url}/rest/api/3/issue/${story}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ fields: { description } }),
      });
      const transitions = (await (
        await fetch(`${sandbox.url}/rest/api/3/issue/${story}/transitions`)
      ).json()) as { transitions: { id: string; to: { id: string } }[] };
      const into = transitions.transitions.find((transition) => transition.to.id === inProgress);
      runtime.requests.length = 0;
      const refused = await fetch(`${sandbox.url}/rest/api/3/issue/${story}/transitions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ transition: { id: into?.id } }),
      });
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { errorMessages: string[] }).errorMessages).toEqual([
        `${story} is not ready for "In Progress". Acceptance criteria missing: No acceptance criteria: neither in the field nor under a heading.`,
      ]);
      expect(runtime.requests.length).toBeGreaterThan(0);
      expect(new Set(runtime.requests.map((request) => request.as))).toEqual(new Set(['app']));
    } finally {
      stop();
    }
  });
});
