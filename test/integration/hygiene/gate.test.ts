/**
 * The Definition of Ready gate end to end: the sandbox's `POST /rest/api/3/issue/{key}/transitions` calls the
 * app's workflow validator as Jira calls a Forge `jira:workflowValidator` function, and the project's gate,
 * saved through its resolver, decides.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installWorkflowValidator } from '../../../sandbox/jira/workflow';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';
import { DEMO_USERS } from '../../../sandbox/users';
import type { Defs } from '../../../src/contract';
import type { GateProblem } from '../../../src/contract/gate';
import { createLocalPlatform, type LocalPlatform } from '../../../src/platform/local';
import { createResolvers } from '../../../src/resolvers';
import type { DataOf } from '../../../src/resolvers/types';
import { gateVerdict } from '../../../src/services/hygiene/gate-check';

const NOW = new Date('2026-11-16T09:00:00Z');
const admin = DEMO_USERS.find((u) => u.isSiteAdmin);
const PROJECT = 'PAY';
const NO_CRITERIA = 'No acceptance criteria: neither in the field nor under a heading.';

let sandbox: RunningSandbox;
let platform: LocalPlatform;
let resolvers: ReturnType<typeof createResolvers>;
/** A PAY story in "To Do" whose acceptance criteria are missing. */
let story: string;

async function call<K extends keyof Defs>(key: K, payload: unknown) {
  return resolvers[key]({ payload, context: { accountId: admin?.accountId, extension: {} } });
}

async function data<K extends keyof Defs>(key: K, payload: unknown): Promise<DataOf<Defs[K]>> {
  const result = await call(key, payload);
  if (!result.ok) throw new Error(`${key}: ${result.error.message}`);
  return result.data;
}

async function jira(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${sandbox.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** Moves the issue through the transition into `statusName`, as a person does in Jira. */
async function moveTo(issueKey: string, statusName: string): Promise<Response> {
  const listed = (await (await jira('GET', `/rest/api/3/issue/${issueKey}/transitions`)).json()) as {
    transitions: { id: string; to: { name: string } }[];
  };
  const chosen = listed.transitions.find((t) => t.to.name === statusName);
  if (chosen === undefined) throw new Error(`${issueKey} has no transition into ${statusName}`);
  return jira('POST', `/rest/api/3/issue/${issueKey}/transitions`, { transition: { id: chosen.id } });
}

async function statusOf(issueKey: string): Promise<string> {
  const issue = (await (await jira('GET', `/rest/api/3/issue/${issueKey}?fields=status`)).json()) as {
    fields: { status: { name: string } };
  };
  return issue.fields.status.name;
}

async function statusId(name: string): Promise<string> {
  const view = await data('hygiene.gate', { projectKey: PROJECT });
  const status = view.statuses.find((s) => s.name === name);
  if (status === undefined) throw new Error(`${PROJECT} has no status ${name}`);
  return status.id;
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seeds: ['demo'], now: NOW });
  platform = createLocalPlatform({ siteUrl: sandbox.url, now: NOW });
  resolvers = createResolvers(platform);
  installWorkflowValidator(sandbox.jira, (event) => gateVerdict(platform, event));
  const found = (await (
    await jira(
      'GET',
      `/rest/api/3/search/jql?jql=${encodeURIComponent(`project = ${PROJECT} AND issuetype = Story AND status = "To Do" ORDER BY key`)}&maxResults=100&fields=summary`,
    )
  ).json()) as { issues: { key: string }[] };
  for (const { key } of found.issues) {
    const panel = await data('hygiene.issueFindings', { issueKey: key });
    if (panel.findings.some((f) => f.rule === 'acceptance-criteria-missing')) {
      story = key;
      return;
    }
  }
  throw new Error(`no ${PROJECT} story in To Do lacks acceptance criteria`);
}, 60_000);

afterAll(async () => {
  await sandbox.close();
});

describe('the Definition of Ready gate, through the sandbox transition', () => {
  it('is off by default: a story without acceptance criteria moves into In Progress, and back', async () => {
    expect((await data('hygiene.gate', { projectKey: PROJECT })).gate.enabled).toBe(false);
    expect((await moveTo(story, 'In Progress')).status).toBe(204);
    expect(await statusOf(story)).toBe('In Progress');
    expect((await moveTo(story, 'To Do')).status).toBe(204);
  });

  it("once on, refuses the move into In Progress with Jira's 400 and the rule's message", async () => {
    await data('hygiene.saveGate', {
      projectKey: PROJECT,
      gate: {
        enabled: true,
        statuses: [await statusId('In Progress')],
        rules: ['acceptance-criteria-missing'],
      },
    });
    const refused = await moveTo(story, 'In Progress');
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { errorMessages: string[]; errors: object };
    expect(body.errors).toEqual({});
    expect(body.errorMessages).toEqual([
      `${story} is not ready for "In Progress". Acceptance criteria missing: ${NO_CRITERIA}`,
    ]);
    expect(await statusOf(story)).toBe('To Do');
  });

  it('lets the same story into a status the gate does not guard', async () => {
    expect((await moveTo(story, 'In Review')).status).toBe(204);
    expect(await statusOf(story)).toBe('In Review');
    expect((await moveTo(story, 'To Do')).status).toBe(204);
  });

  it('lets it into In Progress once its acceptance criteria are written', async () => {
    const text = (value: string) => ({ type: 'text', text: value });
    const description = {
      type: 'doc',
      version: 1,
      content: [
        { type: 'paragraph', content: [text('Customers can pay with a saved card.')] },
        { type: 'heading', attrs: { level: 2 }, content: [text('Acceptance criteria')] },
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [{ type: 'paragraph', content: [text('A saved card is offered at checkout.')] }],
            },
          ],
        },
      ],
    };
    expect((await jira('PUT', `/rest/api/3/issue/${story}`, { fields: { description } })).status).toBe(204);
    expect((await moveTo(story, 'In Progress')).status).toBe(204);
    expect(await statusOf(story)).toBe('In Progress');
  });
});

describe('what the gate judges', () => {
  /** PAY stories in "To Do" with the fields the estimate rule reads. */
  async function toDoStories(): Promise<{ key: string; fields: Record<string, unknown> }[]> {
    const jql = encodeURIComponent(
      `project = ${PROJECT} AND issuetype = Story AND status = "To Do" ORDER BY key`,
    );
    const page = (await (
      await jira(
        'GET',
        `/rest/api/3/search/jql?jql=${jql}&maxResults=100&fields=customfield_10016,timeoriginalestimate,customfield_10020`,
      )
    ).json()) as { issues: { key: string; fields: Record<string, unknown> }[] };
    return page.issues;
  }

  it('does not hold back a story whose missing criteria the team acknowledged', async () => {
    let other: string | undefined;
    for (const { key } of await toDoStories()) {
      if (key === story) continue;
      const panel = await data('hygiene.issueFindings', { issueKey: key });
      if (panel.findings.some((f) => f.rule === 'acceptance-criteria-missing')) other = key;
    }
    if (other === undefined) throw new Error('no second story lacks acceptance criteria');
    expect((await moveTo(other, 'In Progress')).status).toBe(400);
    await data('hygiene.acknowledge', {
      issueKey: other,
      rule: 'acceptance-criteria-missing',
      reason: 'A spike: its outcome is the criteria',
      expires: '2026-12-01',
    });
    expect((await moveTo(other, 'In Progress')).status).toBe(204);
  });

  it('asks for the estimate of a story as it would stand in progress, though its panel is silent in To Do', async () => {
    const unestimated = (await toDoStories()).find(
      ({ fields }) =>
        fields.customfield_10016 == null &&
        fields.timeoriginalestimate == null &&
        !((fields.customfield_10020 ?? []) as { state: string }[]).some(
          (sprint) => sprint.state === 'active',
        ),
    );
    if (unestimated === undefined) throw new Error('no unestimated PAY story outside the open sprint');
    const panel = await data('hygiene.issueFindings', { issueKey: unestimated.key });
    expect(panel.findings.map((f) => f.rule)).not.toContain('estimate-missing');
    await data('hygiene.saveGate', {
      projectKey: PROJECT,
      gate: { enabled: true, statuses: [await statusId('In Progress')], rules: ['estimate-missing'] },
    });
    const refused = await moveTo(unestimated.key, 'In Progress');
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errorMessages: string[] }).errorMessages).toEqual([
      `${unestimated.key} is not ready for "In Progress". Estimate missing: The issue is in progress with no estimate.`,
    ]);
  });
});

describe("the gate's settings", () => {
  it.each<{ name: string; gate: unknown; field: GateProblem['field'] }>([
    {
      name: 'a gate that is on with no status',
      gate: { enabled: true, statuses: [], rules: ['parent-missing'] },
      field: 'statuses',
    },
    {
      name: 'a gate that is on with no rule',
      gate: { enabled: true, statuses: ['10001'], rules: [] },
      field: 'rules',
    },
    {
      name: "a status outside the project's workflows",
      gate: { enabled: false, statuses: ['424242'], rules: [] },
      field: 'statuses',
    },
    {
      name: 'a rule that reads other issues',
      gate: { enabled: true, statuses: ['10001'], rules: ['epic-empty'] },
      field: 'rules',
    },
  ])('refuses $name, naming the field, and keeps the gate in force', async ({ gate, field }) => {
    const before = await data('hygiene.gate', { projectKey: PROJECT });
    const result = await call('hygiene.saveGate', { projectKey: PROJECT, gate });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    const problems = (result.error.details as { problems: GateProblem[] }).problems;
    expect(problems.map((p) => p.field)).toContain(field);
    expect((await data('hygiene.gate', { projectKey: PROJECT })).gate).toEqual(before.gate);
  });

  it('refuses a change by someone who does not administer the project', async () => {
    // Lena works on PAY and does not administer it.
    const engineer = DEMO_USERS.find((u) => u.email === 'lena.muller@example.com');
    const result = await resolvers['hygiene.saveGate']({
      payload: { projectKey: PROJECT, gate: { enabled: false, statuses: [], rules: [] } },
      context: { accountId: engineer?.accountId, extension: {} },
    });
    expect(result.ok ? 'ok' : result.error.code).toBe('FORBIDDEN');
  });
});

describe('a gate that cannot judge lets the work through, and says so in the log', () => {
  const event = { issue: { key: 'PAY-1' }, transition: { from: { id: '10000' }, to: { id: '10001' } } };
  it.each([
    { name: 'an event without its transition', platform: () => platform, event: { issue: { key: 'PAY-1' } } },
    {
      name: 'a store that cannot be read',
      platform: () => ({
        ...platform,
        store: { ...platform.store, get: () => Promise.reject(new Error('store down')) },
      }),
      event,
    },
  ])('$name', async ({ platform: make, event: raw }) => {
    const warnings: string[] = [];
    const verdict = await gateVerdict(make(), raw, { warn: (message) => warnings.push(message) });
    expect(verdict).toEqual({ result: true });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/transition allowed/);
  });
});
