/**
 * Adoption of an installed bundle, end to end in the sandbox: people create pages from the bundle's page
 * templates (Confluence copies the template's labels onto each page), open and edit installed pages, and the
 * catalogue's adoption counts them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvocationContext } from '../../../src/contract/context';
import { createLocalPlatform } from '../../../src/platform/local';
import { templatesResolvers } from '../../../src/resolvers/templates';
import { FROM_TEMPLATE_PATH } from '../../../sandbox/confluence/from-template';
import { wikiScreenFor } from '../../../sandbox/playground/wiki-pages';
import { confluencePagePath } from '../../../src/contract/templates';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';

const PRIYA = '712020:a0000000-0000-4000-8000-000000000002';
const MARCUS = 'marcus.chen@example.com';
let sandbox: RunningSandbox;
let resolvers: ReturnType<typeof templatesResolvers>;

const context: InvocationContext = {
  accountId: PRIYA,
  locale: 'en-US',
  extension: { space: { key: 'OPS' } },
};
const variables = { orgName: 'Acme', opsLead: PRIYA, teams: 'Payments', quarterStart: '2027-01-04' };

async function createFromTemplate(templateName: string, title: string): Promise<number> {
  const template = [...sandbox.confluence.state.templates.values()].find(
    (candidate) => candidate.spaceKey === 'OPS' && candidate.name === templateName,
  );
  const response = await fetch(`${sandbox.url}${FROM_TEMPLATE_PATH}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Basic ${Buffer.from(`${MARCUS}:token`).toString('base64')}`,
    },
    body: JSON.stringify({ templateId: template?.templateId, title }),
  });
  return response.status;
}

function installedPage(title: string) {
  const page = [...sandbox.confluence.state.pages.values()].find((candidate) => candidate.title === title);
  if (!page) throw new Error(`${title} was not installed`);
  return page;
}

/** Someone opens a page in Confluence (the playground's page view), which counts one view. */
function openPage(title: string): void {
  const reader = sandbox.users.byEmail(MARCUS);
  if (!reader) throw new Error('no reader');
  const url = new URL(confluencePagePath('OPS', installedPage(title).id), sandbox.url);
  wikiScreenFor(url, { state: sandbox.confluence.state, users: sandbox.users }, reader);
}

async function adoption() {
  const result = await resolvers['templates.adoption']({
    payload: { spaceKey: 'OPS', bundleId: 'product-ops' },
    context,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seeds: ['demo'] });
  resolvers = templatesResolvers(
    createLocalPlatform({ siteUrl: sandbox.url, now: new Date('2026-11-16T09:00:00Z') }),
  );
  const installed = await resolvers['templates.install']({
    payload: { bundleId: 'product-ops', variables },
    context,
  });
  if (!installed.ok) throw new Error(installed.error.message);
});
afterAll(async () => {
  await sandbox.close();
});

describe('adoption of an installed bundle', () => {
  it('starts with nothing edited, viewed or created', async () => {
    expect(await adoption()).toMatchObject({
      installedPages: 6,
      editedPages: 0,
      viewedPages: 0,
      views: 0,
      createdFromTemplates: 0,
    });
  });

  it('counts the pages people create from the bundle’s templates, and only those', async () => {
    expect(await createFromTemplate('Quarterly alignment', 'Alignment 2027-Q1')).toBe(200);
    expect(await createFromTemplate('Incident postmortem', 'Postmortem: checkout outage')).toBe(200);
    // A page made from a template that is not the bundle's does not count.
    const other = await fetch(`${sandbox.url}/wiki/rest/api/template`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Lunch menu',
        templateType: 'page',
        body: { storage: { value: '<p>Soup</p>', representation: 'storage' } },
        labels: [{ prefix: 'global', name: 'lunch' }],
        space: { key: 'OPS' },
      }),
    });
    expect(other.status).toBe(200);
    expect(await createFromTemplate('Lunch menu', 'Monday lunch')).toBe(200);
    expect((await adoption()).createdFromTemplates).toBe(2);
  });

  it('counts the installed pages people opened, and their views', async () => {
    // People read the Definition of Done twice and the home page once, in Confluence's page view.
    for (const title of ['Acme Definition of Done', 'Acme Definition of Done', 'Acme product operations'])
      openPage(title);
    expect(await adoption()).toMatchObject({ viewedPages: 2, views: 3, editedPages: 0 });
  });

  it('counts an installed page someone edited', async () => {
    const page = installedPage('Acme Definition of Done');
    page.body += '<p>Also: a demo to the PM.</p>';
    page.version = { ...page.version, number: page.version.number + 1 };
    expect(await adoption()).toMatchObject({ editedPages: 1, viewedPages: 2, createdFromTemplates: 2 });
  });
});
