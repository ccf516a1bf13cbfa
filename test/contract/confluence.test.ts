/**
 * The sandbox's Confluence answers as Confluence Cloud does: every endpoint the app uses validates against the
 * response schemas of Atlassian's published v2 / v1 OpenAPI documents, confluence.js v3 (which checks every
 * response with zod at run time) reads them without error, and stored storage-format bodies come back byte
 * for byte (checked with every sample of ../shared/data/confluence-storage-samples).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createClient } from 'confluence.js/core';
import {
  addLabelsToContent,
  archivePages,
  createContentTemplate,
  getContentTemplates,
  getViews,
  searchContentByCQL,
} from 'confluence.js/v1';
import {
  createPage,
  createPageProperty,
  getChildPages,
  getPageById,
  getPageContentProperties,
  getPagesInSpace,
  getSpaceById,
  getSpaceOperations,
  getSpaces,
  updatePage,
  updatePagePropertyById,
} from 'confluence.js/v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import { SHARED, SPECS, validateResponse } from './helpers/openapi';

let sandbox: RunningSandbox;
let prodId: string;
let homeId: string;

async function call(method: string, url: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${sandbox.url}${url}`, {
    method,
    headers: {
      'content-type': 'application/json',
      authorization: `Basic ${Buffer.from('admin@example.com:token').toString('base64')}`,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

function expectValid(
  spec: string,
  method: string,
  template: string,
  response: { status: number; body: unknown },
): void {
  const result = validateResponse(spec, method, template, response.status, response.body);
  expect(result.errors, `${method} ${template}`).toEqual([]);
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seeds: ['demo'] });
  const space = sandbox.confluence.state.spaceByKey('PROD');
  prodId = space?.id ?? '';
  homeId = space?.homepageId ?? '';
});
afterAll(async () => {
  await sandbox.close();
});

describe('responses validate against the Confluence OpenAPI specs', () => {
  it('v2 spaces, operations and pages (create, read, update, children, listing by title)', async () => {
    const v2 = SPECS.confluenceV2;
    expectValid(v2, 'GET', '/spaces', await call('GET', '/wiki/api/v2/spaces?keys=PROD'));
    expectValid(v2, 'GET', '/spaces/{id}', await call('GET', `/wiki/api/v2/spaces/${prodId}`));
    expectValid(
      v2,
      'GET',
      '/spaces/{id}/operations',
      await call('GET', `/wiki/api/v2/spaces/${prodId}/operations`),
    );
    const created = await call('POST', '/wiki/api/v2/pages', {
      spaceId: prodId,
      title: 'Contract page',
      parentId: homeId,
      body: { representation: 'storage', value: '<p>x</p>' },
    });
    expect(created.status).toBe(200);
    expectValid(v2, 'POST', '/pages', created);
    const id = (created.body as { id: string }).id;
    expectValid(v2, 'GET', '/pages/{id}', await call('GET', `/wiki/api/v2/pages/${id}?body-format=storage`));
    const updated = await call('PUT', `/wiki/api/v2/pages/${id}`, {
      id,
      status: 'current',
      title: 'Contract page',
      body: { representation: 'storage', value: '<p>y</p>' },
      version: { number: 2 },
    });
    expectValid(v2, 'PUT', '/pages/{id}', updated);
    expect(
      (
        await call('PUT', `/wiki/api/v2/pages/${id}`, {
          id,
          status: 'current',
          title: 'Contract page',
          body: { representation: 'storage', value: '<p>z</p>' },
          version: { number: 2 },
        })
      ).status,
    ).toBe(409);
    expectValid(
      v2,
      'GET',
      '/pages/{id}/children',
      await call('GET', `/wiki/api/v2/pages/${homeId}/children`),
    );
    expectValid(
      v2,
      'GET',
      '/spaces/{id}/pages',
      await call('GET', `/wiki/api/v2/spaces/${prodId}/pages?title=Contract%20page&body-format=storage`),
    );
    const missing = await call('GET', '/wiki/api/v2/pages/999999');
    expect(missing.status).toBe(404);
    const duplicate = await call('POST', '/wiki/api/v2/pages', {
      spaceId: prodId,
      title: 'contract PAGE',
      parentId: homeId,
      body: { representation: 'storage', value: '' },
    });
    expect(duplicate.status).toBe(400);
    expect(
      (
        await call('POST', '/wiki/api/v2/pages', {
          title: 'No space',
          body: { representation: 'storage', value: '' },
        })
      ).status,
    ).toBe(400);
  });

  it('v2 page properties', async () => {
    const v2 = SPECS.confluenceV2;
    const created = await call('POST', `/wiki/api/v2/pages/${homeId}/properties`, {
      key: 'vertebra-template',
      value: { bundleId: 'b', hash: 'h' },
    });
    expectValid(v2, 'POST', '/pages/{page-id}/properties', created);
    const property = created.body as { id: string };
    expectValid(
      v2,
      'GET',
      '/pages/{page-id}/properties',
      await call('GET', `/wiki/api/v2/pages/${homeId}/properties?key=vertebra-template`),
    );
    expectValid(
      v2,
      'PUT',
      '/pages/{page-id}/properties/{property-id}',
      await call('PUT', `/wiki/api/v2/pages/${homeId}/properties/${property.id}`, {
        key: 'vertebra-template',
        value: { hash: 'i' },
        version: { number: 2 },
      }),
    );
    expect(
      (
        await call('PUT', `/wiki/api/v2/pages/${homeId}/properties/${property.id}`, {
          key: 'vertebra-template',
          value: {},
          version: { number: 2 },
        })
      ).status,
    ).toBe(409);
  });

  it('v1 CQL search with bodies and properties, labels, templates, views and archiving', async () => {
    const v1 = SPECS.confluenceV1;
    const cql = encodeURIComponent(
      'space = "PROD" and type = page and (ancestor = "' + homeId + '" or title in ("Payments overview"))',
    );
    const search = await call(
      'GET',
      `/wiki/rest/api/content/search?cql=${cql}&expand=body.storage,version,ancestors,metadata.labels,metadata.properties.vertebra-template&limit=2`,
    );
    expectValid(v1, 'GET', '/wiki/rest/api/content/search', search);
    expect((search.body as { _links: { next?: string } })._links.next).toMatch(
      /^\/rest\/api\/content\/search\?.*cursor=/,
    );
    expect(
      (await call('GET', `/wiki/rest/api/content/search?cql=${encodeURIComponent('space ~ PROD')}`)).status,
    ).toBe(400);
    const pageId = sandbox.confluence.state.pages.values().next().value?.id ?? '';
    expectValid(
      v1,
      'POST',
      '/wiki/rest/api/content/{id}/label',
      await call('POST', `/wiki/rest/api/content/${pageId}/label`, [{ prefix: 'global', name: 'vertebra' }]),
    );
    expectValid(
      v1,
      'GET',
      '/wiki/rest/api/content/{id}/label',
      await call('GET', `/wiki/rest/api/content/${pageId}/label`),
    );
    const template = await call('POST', '/wiki/rest/api/template', {
      name: 'PRD',
      templateType: 'page',
      body: { storage: { value: '<p>PRD</p>', representation: 'storage' } },
      labels: [{ prefix: 'global', name: 'prd' }],
      space: { key: 'PROD' },
    });
    expectValid(v1, 'POST', '/wiki/rest/api/template', template);
    const templateId = (template.body as { templateId: string }).templateId;
    expectValid(
      v1,
      'PUT',
      '/wiki/rest/api/template',
      await call('PUT', '/wiki/rest/api/template', {
        templateId,
        name: 'PRD',
        templateType: 'page',
        body: { storage: { value: '<p>PRD 2</p>', representation: 'storage' } },
        space: { key: 'PROD' },
      }),
    );
    expectValid(
      v1,
      'GET',
      '/wiki/rest/api/template/page',
      await call('GET', '/wiki/rest/api/template/page?spaceKey=PROD&expand=body'),
    );
    expectValid(
      v1,
      'GET',
      '/wiki/rest/api/analytics/content/{contentId}/views',
      await call('GET', `/wiki/rest/api/analytics/content/${pageId}/views`),
    );
    expect(
      (await call('POST', '/wiki/rest/api/content/archive', { pages: [{ id: Number(pageId) }] })).status,
    ).toBe(202);
  });
});

describe('confluence.js v3 reads the sandbox without error', () => {
  it('through its v2 and v1 functions, which validate every response', async () => {
    const client = createClient({
      host: sandbox.url,
      auth: { type: 'basic', email: 'admin@example.com', apiToken: 'token' },
    });
    const spaces = await getSpaces(client, { keys: ['PROD'] });
    expect(spaces.results?.[0]?.key).toBe('PROD');
    expect((await getSpaceById(client, { id: Number(prodId) })).key).toBe('PROD');
    expect(
      (await getSpaceOperations(client, { id: Number(prodId) })).operations?.map((entry) => entry.operation),
    ).toContain('administer');
    const page = await createPage(client, {
      body: {
        spaceId: prodId,
        title: 'Made by confluence.js',
        parentId: homeId,
        body: { representation: 'storage', value: '<p>hello</p>' },
      },
    });
    const id = Number(page.id);
    expect((await getPageById(client, { id, bodyFormat: 'storage' })).body?.storage?.value).toBe(
      '<p>hello</p>',
    );
    await updatePage(client, {
      id,
      body: {
        id: page.id,
        status: 'current',
        title: 'Made by confluence.js',
        body: { representation: 'storage', value: '<p>bye</p>' },
        version: { number: 2 },
      },
    });
    expect(
      (await getPagesInSpace(client, { id: Number(prodId), title: 'Made by confluence.js' })).results?.length,
    ).toBe(1);
    expect((await getChildPages(client, { id: Number(homeId) })).results?.length).toBeGreaterThan(0);
    const property = await createPageProperty(client, {
      pageId: id,
      key: 'vertebra-template',
      value: { a: 1 },
    });
    await updatePagePropertyById(client, {
      pageId: id,
      propertyId: Number(property.id),
      key: 'vertebra-template',
      value: { a: 2 },
      version: { number: 2 },
    });
    expect((await getPageContentProperties(client, { pageId: id })).results?.[0]?.value).toEqual({ a: 2 });
    const found = await searchContentByCQL(client, {
      cql: `space = "PROD" and title = "Made by confluence.js"`,
      expand: ['body.storage', 'version', 'metadata.properties.vertebra-template'],
    });
    expect(found.results[0]?.body?.storage?.value).toBe('<p>bye</p>');
    await addLabelsToContent(client, {
      id: page.id ?? '',
      body: [{ prefix: 'global', name: 'from-client' }],
    });
    await createContentTemplate(client, {
      name: 'Retro',
      templateType: 'page',
      body: { storage: { value: '<p>r</p>', representation: 'storage' } },
      space: { key: 'PROD' },
    });
    expect(
      (await getContentTemplates(client, { spaceKey: 'PROD', expand: ['body'] })).results.map(
        (template) => template.name,
      ),
    ).toContain('Retro');
    expect((await getViews(client, { contentId: page.id ?? '' })).count).toBe(0);
    await archivePages(client, { pages: [{ id }] });
    expect(sandbox.confluence.state.pages.get(page.id ?? '')?.status).toBe('archived');
  });
});

describe('stored bodies come back unchanged', () => {
  const samplesDir = path.join(SHARED, 'data', 'confluence-storage-samples');
  const samples = readdirSync(samplesDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(html|xml)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));

  it('there are samples to check', () => {
    expect(samples.length).toBeGreaterThan(50);
  });

  it.each(samples.map((file) => [path.relative(samplesDir, file), file]))('%s', async (_name, file) => {
    const body = readFileSync(file, 'utf8');
    const title = `Sample ${path.relative(samplesDir, file)}`;
    const created = await call('POST', '/wiki/api/v2/pages', {
      spaceId: prodId,
      title,
      parentId: homeId,
      body: { representation: 'storage', value: body },
    });
    const id = (created.body as { id: string }).id;
    const read = await call('GET', `/wiki/api/v2/pages/${id}?body-format=storage`);
    expect((read.body as { body: { storage: { value: string } } }).body.storage.value).toBe(body);
    const search = await call(
      'GET',
      `/wiki/rest/api/content/search?cql=${encodeURIComponent(`id = "${id}"`)}&expand=body.storage`,
    );
    expect(
      (search.body as { results: { body: { storage: { value: string } } }[] }).results[0]?.body.storage.value,
    ).toBe(body);
  });
});
