import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverIssueEvents, type IssueEventDelivery } from '../../../sandbox/playground/product-events';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';
import { DEMO_USERS } from '../../../sandbox/users';
import { createLocalPlatform, createVirtualClock, type LocalPlatform } from '../../../src/platform/local';
import type { VirtualClock } from '../../../src/platform/local/limits';
import { createResolvers } from '../../../src/resolvers';
import { queueConsumer } from '../../../src/services/consumer';
import { noteIssueChanged } from '../../../src/services/hygiene/fresh-score';
import { hygieneNightly } from '../../../src/services/hygiene/handlers';
import { PROPERTY_KEY } from '../../../src/services/hygiene/property';

/**
 * The fresh score end to end: an edit (a creation) through the sandbox's REST API raises `avi:jira:updated:issue`
 * (`avi:jira:created:issue`), the app's
 * trigger notes the issue, and the queue consumer writes its score property; JQL on `hygiene.score` then agrees
 * with the panel within the (virtual) minute.
 */
const NOW = new Date('2026-11-16T09:00:00Z');
const admin = DEMO_USERS.find((user) => user.isSiteAdmin);
const MINUTE_MS = 60_000;

let sandbox: RunningSandbox;
let platform: LocalPlatform;
let clock: VirtualClock;
let events: IssueEventDelivery;
let resolvers: ReturnType<typeof createResolvers>;

async function jira(method: string, path: string, body?: unknown, as = admin?.email): Promise<Response> {
  return fetch(`${sandbox.url}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      authorization: `Basic ${Buffer.from(`${as ?? ''}:token`).toString('base64')}`,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function searchKeys(jql: string): Promise<string[]> {
  const response = await jira('POST', '/rest/api/3/search/jql', { jql, fields: ['id'], maxResults: 5000 });
  if (!response.ok) throw new Error(`${jql}: ${String(response.status)} ${await response.text()}`);
  return ((await response.json()) as { issues: { key: string }[] }).issues.map((issue) => issue.key);
}

/** The score the panel shows the site admin. */
async function panelScore(issueKey: string): Promise<number> {
  const panel = await resolvers['hygiene.issueFindings']({
    payload: { issueKey },
    context: { accountId: admin?.accountId, extension: {} },
  });
  if (!panel.ok) throw new Error(panel.error.message);
  return panel.data.score;
}

async function storedScore(issueKey: string): Promise<number | undefined> {
  const response = await jira('GET', `/rest/api/3/issue/${issueKey}/properties/${PROPERTY_KEY}`);
  if (response.status === 404) return undefined;
  return ((await response.json()) as { value: { score: number } }).value.score;
}

interface Editable {
  readonly key: string;
  readonly summary: string;
  readonly description: unknown;
  readonly linksElsewhere: boolean;
}

/** An issue's editable fields as they stand, and whether it links to an issue of another project. */
async function readIssue(key: string): Promise<Editable> {
  const response = await jira('GET', `/rest/api/3/issue/${key}?fields=summary,description,issuelinks`);
  const issue = (await response.json()) as {
    fields: {
      summary: string;
      description: unknown;
      issuelinks?: { inwardIssue?: { key: string }; outwardIssue?: { key: string } }[];
    };
  };
  const project = key.slice(0, key.lastIndexOf('-'));
  const linksElsewhere = (issue.fields.issuelinks ?? []).some(
    (link) => !(link.inwardIssue ?? link.outwardIssue)?.key.startsWith(`${project}-`),
  );
  return { key, summary: issue.fields.summary, description: issue.fields.description, linksElsewhere };
}

/** Waits as Forge would: the trigger runs, then the queued flush after its delay. Returns the virtual ms spent. */
async function eventsHandled(): Promise<number> {
  const before = clock.now();
  await events.settled();
  await platform.queue.drain();
  return clock.now() - before;
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seeds: ['demo'], now: NOW });
  clock = createVirtualClock();
  platform = createLocalPlatform({ siteUrl: sandbox.url, now: NOW, twinClock: clock });
  platform.queue.setConsumer((delivery) => queueConsumer(platform, delivery));
  events = deliverIssueEvents(sandbox.jira, (event) => noteIssueChanged(platform, event));
  resolvers = createResolvers(platform);
});
afterAll(async () => {
  events.stop();
  await sandbox.close();
});

describe('the fresh score of an edited issue', () => {
  it('finds an issue with `hygiene.score < 80` within a minute of an edit that breaks a rule, and drops it once fixed', async () => {
    const candidates = await searchKeys('project = MOB AND resolution = EMPTY ORDER BY key ASC');
    let chosen: Editable | undefined;
    for (const key of candidates) {
      const issue = await readIssue(key);
      if (!issue.linksElsewhere && (await panelScore(key)) >= 80) {
        chosen = issue;
        break;
      }
    }
    if (chosen === undefined) throw new Error('no healthy MOB issue to edit');
    const { key } = chosen;
    expect(await searchKeys(`key = ${key} AND hygiene.score < 80`)).toEqual([]);

    // A placeholder summary and no description: what a hurried edit leaves.
    const broken = await jira('PUT', `/rest/api/3/issue/${key}`, {
      fields: { summary: 'TBD', description: null },
    });
    expect(broken.status).toBe(204);
    const broke = await panelScore(key);
    expect(broke).toBeLessThan(80);
    expect(await eventsHandled()).toBeLessThanOrEqual(MINUTE_MS);
    expect(await searchKeys(`project = MOB AND hygiene.score < 80 AND key = ${key}`)).toEqual([key]);
    expect(await storedScore(key)).toBe(broke);

    const fixed = await jira('PUT', `/rest/api/3/issue/${key}`, {
      fields: { summary: chosen.summary, description: chosen.description },
    });
    expect(fixed.status).toBe(204);
    expect(await eventsHandled()).toBeLessThanOrEqual(MINUTE_MS);
    expect(await searchKeys(`project = MOB AND hygiene.score < 80 AND key = ${key}`)).toEqual([]);
    expect(await storedScore(key)).toBe(await panelScore(key));
  });

  it('scores an issue created with a placeholder summary within a minute, as the panel does', async () => {
    const response = await jira('POST', '/rest/api/3/issue', {
      fields: { project: { key: 'MOB' }, issuetype: { name: 'Story' }, summary: 'TBD' },
    });
    expect(response.status).toBe(201);
    const { key } = (await response.json()) as { key: string };
    expect(await eventsHandled()).toBeLessThanOrEqual(MINUTE_MS);
    const panel = await panelScore(key);
    expect(panel).toBeLessThan(80);
    expect(await storedScore(key)).toBe(panel);
    expect(await searchKeys(`project = MOB AND hygiene.score < 80 AND key = ${key}`)).toEqual([key]);
  });

  it('scores an epic again when a story is created under it, so that it no longer counts as empty', async () => {
    const epics = await searchKeys('project = MOB AND issuetype = Epic AND resolution = EMPTY ORDER BY key');
    let empty: string | undefined;
    for (const key of epics) {
      if ((await readIssue(key)).linksElsewhere) continue;
      if ((await searchKeys(`parent = ${key}`)).length === 0) {
        empty = key;
        break;
      }
    }
    if (empty === undefined) throw new Error('no empty MOB epic');
    // Its property as an edit leaves it: empty.
    expect(
      (await jira('PUT', `/rest/api/3/issue/${empty}`, { fields: { labels: ['planned'] } })).status,
    ).toBe(204);
    await eventsHandled();
    expect(await searchKeys(`key = ${empty} AND hygiene.rules = epic-empty`)).toEqual([empty]);

    const created = await jira('POST', '/rest/api/3/issue', {
      fields: {
        project: { key: 'MOB' },
        issuetype: { name: 'Story' },
        summary: 'Offline mode for the order history screen',
        parent: { key: empty },
      },
    });
    expect(created.status).toBe(201);
    expect(await eventsHandled()).toBeLessThanOrEqual(MINUTE_MS);
    expect(await searchKeys(`key = ${empty} AND hygiene.rules = epic-empty`)).toEqual([]);
    expect(await storedScore(empty)).toBe(await panelScore(empty));
  });

  it('judges an edited issue that links to another project as the nightly run does, on its own project only', async () => {
    const candidates = await searchKeys('project = MOB AND resolution = EMPTY ORDER BY key ASC');
    let linking: Editable | undefined;
    for (const key of candidates) {
      const issue = await readIssue(key);
      if (issue.linksElsewhere) {
        linking = issue;
        break;
      }
    }
    if (linking === undefined) throw new Error('no MOB issue links to another project');
    const edited = await jira('PUT', `/rest/api/3/issue/${linking.key}`, { fields: { labels: ['fresh'] } });
    expect(edited.status).toBe(204);
    await eventsHandled();
    const fresh = await storedScore(linking.key);
    expect(fresh).toBeDefined();
    await hygieneNightly(platform, { projectKeys: ['MOB'] });
    expect(await storedScore(linking.key)).toBe(fresh);
  });
});
