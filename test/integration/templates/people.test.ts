/**
 * People in the templates screens: the user picker finds people by name, a picked person becomes a mention in
 * the installed page, and the catalogue names who installed a bundle (one bulk lookup per 100 ids, cached;
 * an account Confluence no longer knows has no name, shown as "Former user").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvocationContext } from '../../../src/contract/context';
import { createLocalPlatform } from '../../../src/platform/local';
import { templatesResolvers } from '../../../src/resolvers/templates';
import { writeRecord } from '../../../src/services/templates/records';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';

const PRIYA = '712020:a0000000-0000-4000-8000-000000000002';
const ADMIN = '712020:a0000000-0000-4000-8000-000000000001'; // Confluence administrator
const CAMILLE = '712020:a0000000-0000-4000-8000-000000000005';
const GONE = '712020:ffffffff-0000-4000-8000-00000000dead';

let sandbox: RunningSandbox;
let platform: ReturnType<typeof createLocalPlatform>;
let resolvers: ReturnType<typeof templatesResolvers>;

const inSpace = (key: string): InvocationContext => ({
  accountId: PRIYA,
  locale: 'en-US',
  extension: { space: { key } },
});

async function requestsTo(endpoint: string, action: () => Promise<unknown>): Promise<number> {
  sandbox.resetStats();
  await action();
  return sandbox.stats().byEndpoint[endpoint] ?? 0;
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seeds: ['demo'] });
  platform = createLocalPlatform({ siteUrl: sandbox.url, now: new Date('2026-11-16T09:00:00Z') });
  resolvers = templatesResolvers(platform);
});
afterAll(async () => {
  await sandbox.close();
});

describe('the user picker', () => {
  it.each([
    ['a first name', 'cami', ['Camille Dubois']],
    ['a last name, in any case', 'CHEN', ['Marcus Chen']],
    ['two words', 'lena mü', ['Lena Müller']],
    ['a name nobody has', 'zebedee', []],
  ])('finds people by %s', async (_name, query, names) => {
    const result = await resolvers['templates.findPeople']({ payload: { query }, context: inSpace('OPS') });
    expect(result.ok && result.data.map((person) => person.displayName)).toEqual(names);
  });

  it('gives each person an account id and an avatar to show', async () => {
    const result = await resolvers['templates.findPeople']({
      payload: { query: 'camille' },
      context: inSpace('OPS'),
    });
    expect(result.ok && result.data[0]?.accountId).toBe(CAMILLE);
    expect(result.ok && result.data[0]?.avatarUrl).toMatch(/^data:image\/svg\+xml;base64,/);
  });

  it('refuses an empty search', async () => {
    const result = await resolvers['templates.findPeople']({
      payload: { query: '  ' },
      context: inSpace('OPS'),
    });
    expect(result.ok ? 'ok' : result.error.code).toBe('INVALID_INPUT');
  });

  it('installs the picked person as a mention that Confluence renders with their current name', async () => {
    const variables = { orgName: 'Acme', opsLead: CAMILLE, teams: 'Payments', quarterStart: '2027-01-04' };
    const installed = await resolvers['templates.install']({
      payload: { bundleId: 'product-ops', variables },
      context: inSpace('OPS'),
    });
    if (!installed.ok) throw new Error(installed.error.message);
    const bodies = [...sandbox.confluence.state.pages.values()]
      .filter((page) => installed.data.pages.some((entry) => entry.id === page.id))
      .map((page) => page.body);
    expect(bodies.join('\n')).toContain(`<ac:link><ri:user ri:account-id="${CAMILLE}" /></ac:link>`);
  });
});

describe('names of the people who installed bundles', () => {
  it('names the installer in the catalogue, and says nothing but "no name" for a deleted account', async () => {
    const base = {
      version: '1.0.0',
      language: 'en' as const,
      spaceId: '1',
      parentId: '1',
      status: 'installed' as const,
      installedAt: '2026-11-10T09:00:00Z',
      pages: {},
      templates: {},
      variables: {},
    };
    await writeRecord(platform.store, {
      ...base,
      bundleId: 'pm-onboarding',
      spaceKey: 'PROD',
      installedBy: CAMILLE,
    });
    await writeRecord(platform.store, {
      ...base,
      bundleId: 'pm-onboarding',
      spaceKey: 'ENG',
      installedBy: GONE,
    });
    const result = await resolvers['templates.catalogue']({
      payload: {},
      context: { ...inSpace('OPS'), accountId: ADMIN },
    });
    const installations = result.ok
      ? (result.data.find((entry) => entry.id === 'pm-onboarding')?.installations ?? [])
      : [];
    expect(
      installations.map((installation) => [installation.spaceKey, installation.installedBy?.displayName]),
    ).toEqual([
      ['ENG', null],
      ['PROD', 'Camille Dubois'],
    ]);
  });

  it('looks 150 people up in two requests, and not again while the names are fresh', async () => {
    const ids = Array.from({ length: 150 }, (_unused, index) => `712020:bulk-${String(index)}`);
    const first = await requestsTo('GET /wiki/rest/api/user/bulk', () =>
      resolvers['templates.people']({
        payload: { accountIds: ids.slice(0, 100) },
        context: inSpace('OPS'),
      }).then(() =>
        resolvers['templates.people']({ payload: { accountIds: ids.slice(50) }, context: inSpace('OPS') }),
      ),
    );
    // The second call only asks for the 50 ids the first did not: 1 + 1 requests.
    expect(first).toBe(2);
    const again = await requestsTo('GET /wiki/rest/api/user/bulk', () =>
      resolvers['templates.people']({ payload: { accountIds: ids.slice(0, 100) }, context: inSpace('OPS') }),
    );
    expect(again).toBe(0);
  });

  it('answers in the order asked, with a null name for an unknown account', async () => {
    const result = await resolvers['templates.people']({
      payload: { accountIds: [GONE, PRIYA] },
      context: inSpace('OPS'),
    });
    expect(result.ok && result.data.map((person) => person.displayName)).toEqual([null, 'Priya Patel']);
  });
});

describe('the page picker', () => {
  it.each([
    ['the start of a word of the title', 'dir', ['Team directory']],
    ['nothing: the first pages of the space', '', ['Product Operations Home', 'Team directory']],
  ])('finds pages of the space by %s', async (_name, query, titles) => {
    const result = await resolvers['templates.pages']({ payload: { query }, context: inSpace('OPS') });
    expect(result.ok && result.data.map((page) => page.title).slice(0, titles.length)).toEqual(titles);
  });

  it('does not list pages of another space', async () => {
    const result = await resolvers['templates.pages']({
      payload: { query: 'home' },
      context: inSpace('OPS'),
    });
    expect(result.ok && result.data.map((page) => page.title)).toEqual(['Product Operations Home']);
  });
});
