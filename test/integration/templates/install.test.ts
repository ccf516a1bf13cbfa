import { describe, expect, it } from 'vitest';
import { installBundle } from '../../../src/services/templates/install';
import { prepareInstall } from '../../../src/services/templates/prepare';
import { uninstallBundle } from '../../../src/services/templates/uninstall';
import { catalogue, exportPageTree, spaceAdoption } from '../../../src/services/templates/catalogue';
import { parseBundleFile } from '../../../src/templates/codec';
import { PAGE_PROPERTY_KEY } from '../../../src/templates/model';
import { PRIYA, useOpsSpace } from './ops-space';

const ADMIN = '712020:a0000000-0000-4000-8000-000000000001';
const SOFIA = '712020:a0000000-0000-4000-8000-000000000004'; // product manager, admin of no space
const CONTRACTOR = '712020:a0000000-0000-4000-8000-00000000000c';

const site = useOpsSpace();
const { as, request, opsPages, writes } = site;

describe('installing a bundle into a space', () => {
  it('creates every page under the home page with its marker, and the templates: two writes per page, one more per labelled page', async () => {
    const outcome = await installBundle(as(PRIYA), request());
    expect(outcome).toMatchObject({ created: 9, updated: 0, skipped: 0, conflicts: [], remaining: 0 });
    const titles = opsPages().map((page) => page.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        'Northwind product operations',
        'Northwind Definition of Done',
        'Northwind Jira hygiene rules',
      ]),
    );
    const dod = opsPages().find((page) => page.title === 'Northwind Definition of Done');
    const parent = opsPages().find((page) => page.id === dod?.parentId);
    expect(parent?.title).toBe('Northwind working agreements');
    expect(dod?.properties.get(PAGE_PROPERTY_KEY)?.value).toMatchObject({
      bundleId: 'product-ops',
      version: '1.2.0',
      pageKey: 'definition-of-done',
      installedBy: PRIYA,
    });
    expect(
      [...site.sandbox().confluence.state.templates.values()].map((template) => template.name).sort(),
    ).toEqual(['Incident postmortem', 'Quarterly alignment', 'Retrospective']);
    expect(writes()).toBe(6 * 2 + 2 + 3); // pages and markers, the two labelled pages, the three templates
  });

  it('a second run writes nothing and reads at most five times', async () => {
    await installBundle(as(PRIYA), request());
    site.sandbox().resetStats();
    const outcome = await installBundle(as(PRIYA), request());
    expect(outcome).toMatchObject({ created: 0, updated: 0, skipped: 9, conflicts: [] });
    expect(writes()).toBe(0);
    expect(site.sandbox().stats().total).toBeLessThanOrEqual(5);
  });

  it('an upgrade given no values keeps those of the last install, and a value given replaces its own only', async () => {
    await installBundle(as(PRIYA), request());
    expect(await installBundle(as(PRIYA), request({ variables: {} }))).toMatchObject({
      created: 0,
      updated: 0,
      skipped: 9,
    });
    const outcome = await installBundle(as(PRIYA), request({ variables: { teams: 'Growth' } }));
    expect(outcome).toMatchObject({ updated: 2, conflicts: [] }); // home and rituals list the teams
    const home = opsPages().find((page) => page.title === 'Northwind product operations');
    expect(home?.body).toContain('Growth');
    expect(home?.body).toContain(`<ri:user ri:account-id="${PRIYA}" />`);
  });

  it('a page people renamed is still recognised: nothing is created again', async () => {
    await installBundle(as(PRIYA), request());
    const rituals = opsPages().find((page) => page.title === 'Northwind rituals calendar');
    if (!rituals) throw new Error('page missing');
    rituals.title = 'Our meetings';
    const outcome = await installBundle(as(PRIYA), request());
    expect(outcome).toMatchObject({ created: 0, updated: 0, skipped: 9 });
    expect(opsPages().filter((page) => page.properties.has(PAGE_PROPERTY_KEY))).toHaveLength(6);
  });

  it('an upgrade updates untouched pages, leaves edited ones and lists them with a compare link', async () => {
    await installBundle(as(PRIYA), request());
    const dod = opsPages().find((page) => page.title === 'Northwind Definition of Done');
    if (!dod) throw new Error('page missing');
    dod.body = '<p>Our own definition</p>';
    dod.version.number = 2;
    const outcome = await installBundle(
      as(PRIYA),
      request({ variables: { ...request().variables, teams: 'Payments, Checkout, Growth' } }),
    );
    expect(outcome.updated).toBe(2); // home (lists teams) and rituals (lists teams)
    expect(outcome.conflicts).toEqual([]);
    expect(dod.body).toBe('<p>Our own definition</p>');
  });

  it('an install limited to a few steps resumes where it stopped', async () => {
    const first = await installBundle(as(PRIYA), request(), { maxSteps: 4 });
    expect(first).toMatchObject({ created: 4, remaining: 5 });
    const second = await installBundle(as(PRIYA), request());
    expect(second).toMatchObject({ created: 5, skipped: 4, remaining: 0 });
    expect(opsPages()).toHaveLength(1 + 1 + 6); // home, the seeded page, the bundle's six pages
  });

  it('uninstall archives untouched pages and keeps edited ones', async () => {
    await installBundle(as(PRIYA), request());
    const rituals = opsPages().find((page) => page.title === 'Northwind rituals calendar');
    if (!rituals) throw new Error('page missing');
    rituals.body = '<p>Ours now</p>';
    const outcome = await uninstallBundle(as(PRIYA), { spaceKey: 'OPS', bundleId: 'product-ops' });
    expect(outcome.kept).toEqual([{ id: rituals.id, title: 'Northwind rituals calendar' }]);
    expect(outcome.archived).toHaveLength(5);
    expect(
      opsPages()
        .map((page) => page.title)
        .sort(),
    ).toEqual(['Northwind rituals calendar', 'Product Operations Home', 'Team directory']);
  });

  it('the catalogue shows where a bundle is installed, and adoption counts edits and views', async () => {
    await installBundle(as(PRIYA), request());
    const [page] = opsPages().filter((candidate) => candidate.properties.has(PAGE_PROPERTY_KEY));
    if (!page) throw new Error('page missing');
    page.views = 12;
    page.body = '<p>edited</p>';
    const entries = await catalogue(site.platform().store, 'en');
    expect(entries.find((entry) => entry.id === 'product-ops')?.installations).toEqual([
      {
        spaceKey: 'OPS',
        version: '1.2.0',
        language: 'en',
        installedAt: '2026-11-16T09:00:00.000Z',
        installedBy: PRIYA,
        status: 'installed',
        upgradeAvailable: false,
      },
    ]);
    expect(await spaceAdoption(as(ADMIN), { spaceKey: 'OPS', bundleId: 'product-ops' })).toEqual({
      spaceKey: 'OPS',
      bundleId: 'product-ops',
      installedPages: 6,
      editedPages: 1,
      viewedPages: 1,
      views: 12,
      createdFromTemplates: 0,
    });
  });
});

describe('exporting a page tree', () => {
  it('turns an installed tree back into a bundle file that imports cleanly', async () => {
    const outcome = await installBundle(as(PRIYA), request());
    const rootId = outcome.pages.find((page) => page.key === 'home')?.id ?? '';
    const text = await exportPageTree(as(ADMIN), {
      spaceKey: 'OPS',
      rootPageId: rootId,
      id: 'northwind-ops',
      version: '1.0.0',
      language: 'en',
      title: 'Northwind ops',
      format: 'yaml',
    });
    const parsed = parseBundleFile(text, 'yaml');
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.bundle.pages[0]?.title).toBe('Northwind product operations');
    expect(parsed.bundle.pages[0]?.children.map((page) => page.title).sort()).toEqual([
      'Northwind rituals calendar',
      'Northwind working agreements',
    ]);
    expect(
      parsed.bundle.pages[0]?.children.find((page) => page.title === 'Northwind working agreements')
        ?.children,
    ).toHaveLength(3);
  });
});

describe('refusing bad installs, with nothing written', () => {
  it.each([
    ['a user who is not admin of the space', () => installBundle(as(SOFIA), request()), 'FORBIDDEN'],
    [
      'a user who is not admin, before looking at their values',
      () => installBundle(as(SOFIA), request({ variables: { orgName: '' } })),
      'FORBIDDEN',
    ],
    ['a space the user cannot see', () => installBundle(as(CONTRACTOR), request()), 'NOT_FOUND'],
    [
      'a space that does not exist',
      () => installBundle(as(ADMIN), request({ spaceKey: 'NOPE' })),
      'NOT_FOUND',
    ],
    [
      'a date of the wrong type',
      () =>
        installBundle(
          as(PRIYA),
          request({ variables: { ...request().variables, quarterStart: 'next Monday' } }),
        ),
      'INVALID_INPUT',
    ],
    ['an unknown bundle', () => installBundle(as(PRIYA), request({ bundleId: 'nope' })), 'NOT_FOUND'],
    [
      'a parent page in another space',
      () =>
        installBundle(
          as(ADMIN),
          request({ parentId: site.sandbox().confluence.state.spaceByKey('ENG')?.homepageId ?? '' }),
        ),
      'INVALID_INPUT',
    ],
  ])('%s', async (_name, run, code) => {
    await expect(run()).rejects.toMatchObject({ code });
    expect(writes()).toBe(0);
    expect(await site.platform().store.list('templates:install:')).toEqual([]);
  });

  it('plans without writing anything', async () => {
    const prepared = await prepareInstall(as(PRIYA), request());
    expect(prepared.plan.pages.map((step) => step.action)).toEqual(Array(6).fill('create'));
    expect(writes()).toBe(0);
  });
});
