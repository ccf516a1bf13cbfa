import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiter, startSandbox, type RunningSandbox } from '../../../sandbox/server';

interface SearchPage {
  issues: { id: string; key: string; fields?: Record<string, unknown> }[];
  nextPageToken?: string;
  isLast: boolean;
}

const basic = (email: string): Record<string, string> => ({
  authorization: `Basic ${Buffer.from(`${email}:any-api-token`).toString('base64')}`,
});
const CONTRACTOR = basic('alex.contractor@example.com');

let sandbox: RunningSandbox;

async function call(
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; body: unknown }> {
  const response = await fetch(`${sandbox.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...(init.headers ?? {}) },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? (JSON.parse(text) as unknown) : undefined,
  };
}

const search = async (query: string, headers?: Record<string, string>): Promise<SearchPage> =>
  (await call(`/rest/api/3/search/jql?${query}`, { headers })).body as SearchPage;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, now: new Date('2026-11-16T09:00:00Z') });
});
afterAll(async () => {
  await sandbox.close();
});

describe('the sandbox search behaves like Jira Cloud', () => {
  it.each(['/rest/api/3/search?jql=project=CHK', '/rest/api/2/search?jql=project=CHK'])(
    'answers 410 Gone on the removed search %s, pointing to /search/jql',
    async (path) => {
      const response = await call(path);
      expect(response.status).toBe(410);
      expect((response.body as { errorMessages: string[] }).errorMessages[0]).toContain(
        '/rest/api/3/search/jql',
      );
    },
  );

  it('pages through a project 100 issues at a time with nextPageToken, no total, each issue once', async () => {
    const keys: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await search(
        `jql=${encodeURIComponent('project = CHK ORDER BY key')}&fields=summary&maxResults=100${token ? `&nextPageToken=${token}` : ''}`,
      );
      expect(page).not.toHaveProperty('total');
      keys.push(...page.issues.map((issue) => issue.key));
      token = page.nextPageToken;
      pages++;
      expect(page.isLast).toBe(token === undefined);
    } while (token);
    expect(pages).toBe(3);
    expect(keys).toHaveLength(250);
    expect(new Set(keys).size).toBe(250);
    expect(keys.slice(0, 3)).toEqual(['CHK-1', 'CHK-2', 'CHK-3']);
  });

  it.each([
    ['ids only, up to 5000', 'maxResults=5000', 1500],
    ['ids and keys, up to 5000', 'maxResults=5000&fields=id,key', 1500],
    ['with a field, at most 100', 'maxResults=5000&fields=summary', 100],
    ['50 by default', '', 50],
  ])('gives pages of %s', async (_name, params, size) => {
    const page = await search(
      `jql=${encodeURIComponent('project in (PAY, CHK, GRW, MOB, PLT, DAT)')}&${params}`,
    );
    expect(page.issues).toHaveLength(size);
  });

  it('returns only id and key when no field is asked, as Jira defaults to `id`', async () => {
    const page = await search(`jql=${encodeURIComponent('project = CHK')}&maxResults=1`);
    expect(page.issues[0]).not.toHaveProperty('fields');
    expect(page.issues[0]?.id).toMatch(/^\d+$/);
  });

  it.each([
    ['an empty query', ''],
    ['a query with only ORDER BY', 'ORDER BY key'],
  ])('refuses %s as unbounded with Jira’s error shape', async (_name, jql) => {
    const response = await call(`/rest/api/3/search/jql?jql=${encodeURIComponent(jql)}`);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      errorMessages: [
        'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
      ],
      errors: {},
    });
  });

  it('refuses keys that name no issue with one 400 message per key, as Jira Cloud does', async () => {
    const jql = 'key in (PAY-1, PAY-99999, NOPE-7) ORDER BY key';
    const response = await call(`/rest/api/3/search/jql?jql=${encodeURIComponent(jql)}`);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      errorMessages: [
        "An issue with key 'PAY-99999' does not exist for field 'key'.",
        "An issue with key 'NOPE-7' does not exist for field 'key'.",
      ],
      errors: {},
    });
  });

  it('answers a key the contractor may not see exactly as a key that does not exist', async () => {
    const ask = async (key: string): Promise<{ status: number; body: unknown }> =>
      call('/rest/api/3/search/jql', { method: 'POST', body: { jql: `key = ${key}` }, headers: CONTRACTOR });
    const hidden = await ask('PAY-1');
    const missing = await ask('CHK-99999');
    expect([hidden.status, missing.status]).toEqual([400, 400]);
    expect(hidden.body).toEqual({
      errorMessages: ["An issue with key 'PAY-1' does not exist for field 'key'."],
      errors: {},
    });
    expect(JSON.stringify(missing.body).replace('CHK-99999', 'PAY-1')).toBe(JSON.stringify(hidden.body));
    expect((await ask('CHK-1')).status).toBe(200);
  });

  it('refuses a page token that belongs to another query', async () => {
    const first = await search(`jql=${encodeURIComponent('project = CHK')}&maxResults=10`);
    const response = await call(
      `/rest/api/3/search/jql?jql=${encodeURIComponent('project = GRW')}&nextPageToken=${first.nextPageToken ?? ''}`,
    );
    expect(response.status).toBe(400);
  });

  it('searches by POST with the same rules', async () => {
    const response = await call('/rest/api/3/search/jql', {
      method: 'POST',
      body: { jql: 'project = MOB AND issuetype = Epic ORDER BY key', fields: ['summary', 'status'] },
    });
    const page = response.body as SearchPage;
    expect(page.issues.map((issue) => issue.key)).toEqual(['MOB-1', 'MOB-2', 'MOB-3', 'MOB-4']);
    expect(page.issues[3]?.fields?.summary).toBe('Tablet layout');
  });
});

describe('the sandbox bulk fetch', () => {
  it('refuses more than 100 issues', async () => {
    const keys = Array.from({ length: 101 }, (_, index) => `CHK-${index + 1}`);
    const response = await call('/rest/api/3/issue/bulkfetch', {
      method: 'POST',
      body: { issueIdsOrKeys: keys },
    });
    expect(response.status).toBe(400);
  });

  it('returns 100 issues with the asked fields only', async () => {
    const keys = Array.from({ length: 100 }, (_, index) => `CHK-${index + 1}`);
    const response = await call('/rest/api/3/issue/bulkfetch', {
      method: 'POST',
      body: { issueIdsOrKeys: keys, fields: ['summary', 'customfield_10016'] },
    });
    const body = response.body as { issues: { fields: Record<string, unknown> }[]; issueErrors: unknown[] };
    expect(body.issues).toHaveLength(100);
    expect(Object.keys(body.issues[0]?.fields ?? {}).sort()).toEqual(['customfield_10016', 'summary']);
  });

  it('leaves out issues the acting user may not browse', async () => {
    const response = await call('/rest/api/3/issue/bulkfetch', {
      method: 'POST',
      headers: CONTRACTOR,
      body: { issueIdsOrKeys: ['PAY-10', 'CHK-10', 'DAT-10'], fields: ['summary'] },
    });
    expect((response.body as SearchPage).issues.map((issue) => issue.key)).toEqual(['CHK-10']);
  });
});

describe('the sandbox people and permissions', () => {
  it('acts as the site admin when there are no credentials', async () => {
    expect(((await call('/rest/api/3/myself')).body as { emailAddress: string }).emailAddress).toBe(
      'admin@example.com',
    );
  });

  it('acts as the basic-auth user, whatever the token', async () => {
    const me = (await call('/rest/api/3/myself', { headers: basic('camille.dubois@example.com') })).body;
    expect(me).toMatchObject({ displayName: 'Camille Dubois', locale: 'fr_FR' });
  });

  it('acts as the user named by x-sandbox-act-as', async () => {
    const contractor = sandbox.users.byEmail('alex.contractor@example.com');
    const me = (
      await call('/rest/api/3/myself', { headers: { 'x-sandbox-act-as': contractor?.accountId ?? '' } })
    ).body;
    expect(me).toMatchObject({ emailAddress: 'alex.contractor@example.com' });
  });

  it('answers 401 to an unknown email', async () => {
    expect((await call('/rest/api/3/myself', { headers: basic('stranger@example.com') })).status).toBe(401);
  });

  it('hides the restricted projects from the contractor', async () => {
    const page = (await call('/rest/api/3/project/search', { headers: CONTRACTOR })).body as {
      values: { key: string }[];
    };
    expect(page.values.map((project) => project.key)).toEqual(['CHK', 'GRW', 'MOB', 'PLT']);
    expect((await call('/rest/api/3/issue/PAY-10', { headers: CONTRACTOR })).status).toBe(404);
    // A query that would select every issue gives the contractor the four projects' 250 issues each only.
    const searchPage = await search(
      `jql=${encodeURIComponent('issuetype is not EMPTY')}&maxResults=5000&fields=key`,
      CONTRACTOR,
    );
    expect(searchPage.issues).toHaveLength(1000);
    expect(new Set(searchPage.issues.map((issue) => issue.key.split('-')[0]))).toEqual(
      new Set(['CHK', 'GRW', 'MOB', 'PLT']),
    );
    // Naming a hidden issue in JQL is refused as if it did not exist, as Jira Cloud does.
    const named = await call(
      `/rest/api/3/search/jql?jql=${encodeURIComponent('project in (CHK, GRW) OR key = PAY-10')}`,
      { headers: CONTRACTOR },
    );
    expect(named.status).toBe(400);
  });

  it('keeps a link to an issue nobody may see, with id and key only, and answers 404 for that issue', async () => {
    const holder = [...sandbox.jira.allIssues()].find((issue) =>
      issue.links.some((link) => link.otherKey.startsWith('SEC-')),
    );
    const response = await call(`/rest/api/3/issue/${holder?.key ?? ''}?fields=issuelinks`);
    const links = (
      response.body as { fields: { issuelinks: Record<string, { key: string; fields?: unknown }>[] } }
    ).fields.issuelinks;
    const hidden = links
      .map((link) => link.inwardIssue ?? link.outwardIssue)
      .find((issue) => issue?.key.startsWith('SEC-'));
    expect(hidden).toBeDefined();
    expect(hidden).not.toHaveProperty('fields');
    expect((await call(`/rest/api/3/issue/${hidden?.key ?? ''}`)).status).toBe(404);
  });

  it.each([
    [
      'the admin administers Jira',
      {},
      'PAY',
      { BROWSE_PROJECTS: true, ADMINISTER_PROJECTS: true, ADMINISTER: true },
    ],
    [
      'product ops administers projects',
      basic('priya.patel@example.com'),
      'CHK',
      { BROWSE_PROJECTS: true, ADMINISTER_PROJECTS: true, ADMINISTER: false },
    ],
    [
      'an engineer only browses',
      basic('james.okafor@example.com'),
      'CHK',
      { BROWSE_PROJECTS: true, ADMINISTER_PROJECTS: false, ADMINISTER: false },
    ],
  ])('answers my permissions: %s', async (_name, headers, projectKey, expected) => {
    const response = await call(
      `/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS,ADMINISTER_PROJECTS,ADMINISTER&projectKey=${projectKey}`,
      { headers },
    );
    const permissions = (response.body as { permissions: Record<string, { havePermission: boolean }> })
      .permissions;
    expect(
      Object.fromEntries(Object.entries(permissions).map(([key, value]) => [key, value.havePermission])),
    ).toEqual(expected);
  });

  it('answers 404 for the permissions of a project the contractor may not see', async () => {
    const response = await call('/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS&projectKey=PAY', {
      headers: CONTRACTOR,
    });
    expect(response.status).toBe(404);
  });
});

describe('the sandbox issue properties', () => {
  it('stores, serves, indexes for JQL and deletes a property', async () => {
    const path = '/rest/api/3/issue/GRW-30/properties/vertebra-hygiene';
    expect(
      (await call(path, { method: 'PUT', body: { score: 12, rules: ['missing-description'] } })).status,
    ).toBe(201);
    expect(
      (await call(path, { method: 'PUT', body: { score: 13, rules: ['missing-description'] } })).status,
    ).toBe(200);
    expect((await call(path)).body).toEqual({
      key: 'vertebra-hygiene',
      value: { score: 13, rules: ['missing-description'] },
    });
    const found = await search(`jql=${encodeURIComponent('project = GRW AND hygiene.score < 20')}`);
    expect(found.issues.map((issue) => issue.key)).toEqual(['GRW-30']);
    expect((await call(path, { method: 'DELETE' })).status).toBe(204);
    expect((await call(path)).status).toBe(404);
  });
});

describe('the sandbox issue edit', () => {
  const description = {
    type: 'doc',
    version: 1,
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Why and how.' }] }],
  };

  it('saves the description, serves it, moves updated and tells the listeners who edited', async () => {
    const heard: string[] = [];
    const stop = sandbox.jira.onIssueUpdated((issue, by) => heard.push(`${issue.key} by ${by.email}`));
    const edit = await call('/rest/api/3/issue/GRW-31', { method: 'PUT', body: { fields: { description } } });
    stop();
    expect(edit.status).toBe(204);
    const issue = (await call('/rest/api/3/issue/GRW-31?fields=description,updated')).body as {
      fields: { description: unknown; updated: string };
    };
    expect(issue.fields.description).toEqual(description);
    expect(issue.fields.updated).toBe('2026-11-16T09:00:00.000+0000');
    expect(heard).toEqual(['GRW-31 by admin@example.com']);
  });

  it.each([
    ['a field it does not edit', { fields: { assignee: null } }, 400],
    ['a description that is not ADF', { fields: { description: 'plain text' } }, 400],
    ['an empty summary', { fields: { summary: '  ' } }, 400],
    ["Jira's update operations, not emulated", { fields: {}, update: { labels: [{ add: 'x' }] } }, 400],
  ])('refuses %s with 400', async (_name, body, status) => {
    expect((await call('/rest/api/3/issue/GRW-31', { method: 'PUT', body })).status).toBe(status);
  });

  it('answers 404 for an issue the user may not see', async () => {
    const edit = await call('/rest/api/3/issue/PAY-10', {
      method: 'PUT',
      body: { fields: { description } },
      headers: CONTRACTOR,
    });
    expect(edit.status).toBe(404);
  });
});

describe('the sandbox frame', () => {
  it('answers 404 in Jira’s shape for a path it does not serve', async () => {
    const response = await call('/rest/api/3/nothing-here');
    expect(response.status).toBe(404);
    expect(response.body).toHaveProperty('errorMessages');
  });

  it('counts requests per endpoint pattern and resets the counts', async () => {
    await call('/__sandbox/stats/reset', { method: 'POST' });
    await call('/rest/api/3/issue/CHK-1');
    await call('/rest/api/3/issue/CHK-2');
    await call('/rest/api/3/myself');
    const stats = (await call('/__sandbox/stats')).body;
    expect(stats).toEqual({
      total: 3,
      byEndpoint: { 'GET /rest/api/3/issue/:issueIdOrKey': 2, 'GET /rest/api/3/myself': 1 },
    });
    sandbox.resetStats();
    expect(sandbox.stats().total).toBe(0);
  });
});

describe('the sandbox faults', () => {
  it('answers 429 with Retry-After once a user passes the rate, and leaves other users alone', async () => {
    const limited = await startSandbox({ port: 0, seeds: [], rateLimit: 3 });
    try {
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let index = 0; index < 6; index++) {
        const response = await fetch(`${limited.url}/rest/api/3/myself`);
        statuses.push(response.status);
        if (response.status === 429) retryAfter ??= response.headers.get('retry-after');
        await response.text();
      }
      expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
      expect(statuses).toContain(429);
      expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
      const other = await fetch(`${limited.url}/rest/api/3/myself`, {
        headers: basic('james.okafor@example.com'),
      });
      expect(other.status).toBe(200);
      expect((await fetch(`${limited.url}/__sandbox/stats`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('fails roughly the configured share of REST requests with 5xx and a JSON error', async () => {
    const flaky = await startSandbox({ port: 0, seeds: [], failRate: 0.3, seedNumber: 7 });
    try {
      const statuses: number[] = [];
      for (let index = 0; index < 200; index++) {
        const response = await fetch(`${flaky.url}/rest/api/3/field`);
        statuses.push(response.status);
        const body: unknown = await response.json();
        if (response.status >= 500) expect(body).toHaveProperty('errorMessages');
      }
      const failures = statuses.filter((status) => status >= 500);
      expect(failures.length).toBeGreaterThan(40);
      expect(failures.length).toBeLessThan(80);
      expect(new Set(failures)).toEqual(new Set([500, 502, 503]));
    } finally {
      await flaky.close();
    }
  });

  it('refills the rate-limit bucket over time', () => {
    let now = 0;
    const limiter = createRateLimiter(2, () => now);
    expect([limiter('a'), limiter('a'), limiter('a')]).toEqual([undefined, undefined, 1]);
    now = 1000;
    expect([limiter('a'), limiter('a')]).toEqual([undefined, undefined]);
  });
});
