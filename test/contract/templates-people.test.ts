/**
 * The sandbox's Confluence routes the templates capability added (people search, bulk lookup by account id,
 * title text search) answer as Confluence Cloud does: their responses validate against the v1 OpenAPI schema
 * and confluence.js v3, which checks every response at run time, reads them. Also the sandbox's own
 * create-from-template action: the page gets the template's body and labels, as Confluence's editor does.
 */
import { createClient } from 'confluence.js/core';
import { getBulkUserLookup, getCurrentUser, searchUser } from 'confluence.js/v1';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import { FROM_TEMPLATE_PATH, pageBodyFromTemplate } from '../../sandbox/confluence/from-template';
import { SPECS, validateResponse } from './helpers/openapi';

const PRIYA = '712020:a0000000-0000-4000-8000-000000000002';
const MARCUS = '712020:a0000000-0000-4000-8000-000000000003';
const SOFIA = '712020:a0000000-0000-4000-8000-000000000004';
let sandbox: RunningSandbox;

async function call(
  method: string,
  url: string,
  body?: unknown,
  as = 'admin@example.com',
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${sandbox.url}${url}`, {
    method,
    headers: {
      'content-type': 'application/json',
      authorization: `Basic ${Buffer.from(`${as}:token`).toString('base64')}`,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

const names = (body: unknown): string[] =>
  (body as { results: { user?: { displayName: string }; displayName?: string }[] }).results.map(
    (result) => result.user?.displayName ?? result.displayName ?? '',
  );

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seeds: ['demo'] });
});
afterAll(async () => {
  await sandbox.close();
});

describe('people routes, against the Confluence v1 spec', () => {
  it.each([
    ['a name that starts a first name', 'user.fullname ~ "pri"', ['Priya Patel']],
    ['a name that starts a last name', 'user.fullname~"müll"', ['Lena Müller']],
    ['an account id', `user = "${MARCUS}"`, ['Marcus Chen']],
    ['a list of account ids', `user in ("${MARCUS}", "${PRIYA}")`, ['Marcus Chen', 'Priya Patel']],
  ])('searches users by %s', async (_name, cql, expected) => {
    const response = await call('GET', `/wiki/rest/api/search/user?cql=${encodeURIComponent(cql)}`);
    expect(response.status).toBe(200);
    expect(
      validateResponse(SPECS.confluenceV1, 'GET', '/wiki/rest/api/search/user', 200, response.body).errors,
    ).toEqual([]);
    expect(names(response.body)).toEqual(expected);
  });

  it('refuses a user search it cannot parse, with 400', async () => {
    const response = await call('GET', `/wiki/rest/api/search/user?cql=${encodeURIComponent('space = OPS')}`);
    expect(response.status).toBe(400);
  });

  it.each([
    ['comma-separated', `accountId=${PRIYA},${SOFIA}`],
    ['repeated', `accountId=${PRIYA}&accountId=${SOFIA}`],
  ])('looks users up in bulk by ids given %s, leaving unknown ids out', async (_name, query) => {
    const response = await call('GET', `/wiki/rest/api/user/bulk?${query}&accountId=712020:nobody`);
    expect(response.status).toBe(200);
    expect(
      validateResponse(SPECS.confluenceV1, 'GET', '/wiki/rest/api/user/bulk', 200, response.body).errors,
    ).toEqual([]);
    expect(names(response.body)).toEqual(['Priya Patel', 'Sofia Garcia']);
  });

  it.each([
    ['the site admin', 'admin@example.com', true],
    ['a space admin who does not administer Confluence', 'priya.patel@example.com', false],
  ])('says whether %s administers Confluence (current user with operations)', async (_name, email, admin) => {
    const response = await call('GET', '/wiki/rest/api/user/current?expand=operations', undefined, email);
    expect(response.status).toBe(200);
    expect(
      validateResponse(SPECS.confluenceV1, 'GET', '/wiki/rest/api/user/current', 200, response.body).errors,
    ).toEqual([]);
    const operations = (response.body as { operations: { operation: string; targetType: string }[] })
      .operations;
    expect(operations).toContainEqual({ operation: 'use', targetType: 'application' });
    expect(operations.some((entry) => entry.operation === 'administer')).toBe(admin);
    const client = createClient({ host: sandbox.url, auth: { type: 'basic', email, apiToken: 'token' } });
    expect((await getCurrentUser(client, { expand: ['operations'] })).email).toBe(email);
  });

  it('is read by confluence.js without error', async () => {
    const client = createClient({
      host: sandbox.url,
      auth: { type: 'basic', email: 'admin@example.com', apiToken: 'token' },
    });
    const found = await searchUser(client, { cql: 'user.fullname ~ "sofia"' });
    expect(found.results.map((result) => result.user?.accountId)).toEqual([SOFIA]);
    const bulk = await getBulkUserLookup(client, { accountId: `${PRIYA},${SOFIA}` });
    expect(bulk.results.map((user) => user.displayName)).toEqual(['Priya Patel', 'Sofia Garcia']);
  });
});

describe('title text search (CQL title ~)', () => {
  it.each([
    ['the start of a word', 'run*', ['On-call runbook']],
    ['two words in any order', 'decisions architecture', ['Architecture decisions']],
    ['a word no title has', 'zebra', []],
  ])('finds pages by %s', async (_name, words, titles) => {
    const cql = `space = "ENG" and type = page and title ~ "${words}"`;
    const response = await call('GET', `/wiki/rest/api/content/search?cql=${encodeURIComponent(cql)}`);
    expect(
      validateResponse(SPECS.confluenceV1, 'GET', '/wiki/rest/api/content/search', 200, response.body).errors,
    ).toEqual([]);
    expect((response.body as { results: { title: string }[] }).results.map((page) => page.title)).toEqual(
      titles,
    );
  });
});

describe('create from template (the sandbox’s stand-in for Confluence’s editor)', () => {
  it('fills the template’s variables and drops its declarations', () => {
    const body =
      '<at:declarations><at:string at:name="owner" /></at:declarations><p>Owner: <at:var at:name="owner" /></p>';
    expect(pageBodyFromTemplate(body, { owner: 'R&D <team>' })).toBe('<p>Owner: R&amp;D &lt;team&gt;</p>');
  });

  it('creates a page with the template’s body and labels, as the acting user', async () => {
    const ops = sandbox.confluence.state.spaceByKey('OPS');
    const template = await call('POST', '/wiki/rest/api/template', {
      name: 'Weekly notes',
      templateType: 'page',
      body: { storage: { value: '<h2>Notes</h2>', representation: 'storage' } },
      labels: [
        { prefix: 'global', name: 'weekly' },
        { prefix: 'global', name: 'vertebra-demo' },
      ],
      space: { key: 'OPS' },
    });
    const templateId = (template.body as { templateId: string }).templateId;
    const created = await call(
      'POST',
      FROM_TEMPLATE_PATH,
      { templateId, title: 'Notes of week 47' },
      'priya.patel@example.com',
    );
    expect(created.status).toBe(200);
    const page = sandbox.confluence.state.pages.get((created.body as { id: string }).id);
    expect(page).toMatchObject({
      spaceId: ops?.id,
      parentId: ops?.homepageId,
      body: '<h2>Notes</h2>',
      labels: ['weekly', 'vertebra-demo'],
      authorId: PRIYA,
    });
    const twice = await call('POST', FROM_TEMPLATE_PATH, { templateId, title: 'notes of WEEK 47' });
    expect(twice.status).toBe(400);
  });

  it('does not create in a space the user cannot see', async () => {
    const prod = await call('POST', '/wiki/rest/api/template', {
      name: 'Runbook',
      templateType: 'page',
      body: { storage: { value: '<p/>', representation: 'storage' } },
      space: { key: 'PROD' },
    });
    // Alex Reed, a contractor, may not see PROD.
    const templateId = (prod.body as { templateId: string }).templateId;
    const created = await call(
      'POST',
      FROM_TEMPLATE_PATH,
      { templateId, title: 'My runbook' },
      'alex.contractor@example.com',
    );
    expect(created.status).toBe(404);
  });
});
