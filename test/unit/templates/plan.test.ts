import { describe, expect, it } from 'vitest';
import { bundleSchema, type Bundle, type InstalledMarker } from '../../../src/templates/model';
import {
  planInstall,
  planUninstall,
  renderBundle,
  summarisePlan,
  type SpacePage,
} from '../../../src/templates/plan';
import { conflictFingerprint } from '../../../src/templates/merge';
import { bodyHash } from '../../../src/templates/storage';
import { resolveVariables } from '../../../src/templates/variables';

function bundle(version: string, homeBody = '<p>Home of {{product}}</p>'): Bundle {
  return bundleSchema.parse({
    id: 'demo',
    version,
    language: 'en',
    title: 'Demo',
    variables: [{ name: 'product', type: 'text', label: 'Product' }],
    pages: [
      {
        key: 'home',
        title: '{{product}} home',
        body: homeBody,
        children: [{ key: 'faq', title: '{{product}} FAQ', body: '<p>FAQ</p>' }],
      },
    ],
    templates: [{ key: 'prd', name: 'PRD', body: '<p>PRD</p>' }],
  });
}

function render(version: string, homeBody?: string, product = 'Atlas') {
  const resolved = resolveVariables(bundle(version).variables, { product });
  if (!resolved.ok) throw new Error('bad test values');
  return renderBundle(bundle(version, homeBody), resolved.values);
}

const marker = (pageKey: string, body: string, version = '1.0.0'): InstalledMarker => ({
  bundleId: 'demo',
  version,
  pageKey,
  hash: bodyHash(body),
});
const page = (id: string, title: string, body: string, installed?: InstalledMarker): SpacePage => ({
  id,
  title,
  parentId: '1',
  version: 3,
  body,
  ...(installed ? { marker: installed } : {}),
});

const HOME_V1 = '<p>Home of Atlas</p>';
const HOME_V2 = '<p>Welcome to Atlas</p>';
const FAQ = '<p>FAQ</p>';

describe('planning an install', () => {
  it.each([
    [
      'an empty space: every page and template is created',
      render('1.0.0'),
      [],
      { home: 'create', faq: 'create' },
    ],
    [
      'the same install again: everything is skipped',
      render('1.0.0'),
      [
        page('10', 'Atlas home', HOME_V1, marker('home', HOME_V1)),
        page('11', 'Atlas FAQ', FAQ, marker('faq', FAQ)),
      ],
      { home: 'skip', faq: 'skip' },
    ],
    [
      'an install cut off halfway: only the missing page is created',
      render('1.0.0'),
      [page('10', 'Atlas home', HOME_V1, marker('home', HOME_V1))],
      { home: 'skip', faq: 'create' },
    ],
    [
      'a newer version: untouched pages are updated, those it does not change are left alone',
      render('2.0.0', '<p>Welcome to {{product}}</p>'),
      [
        page('10', 'Atlas home', HOME_V1, marker('home', HOME_V1)),
        page('11', 'Atlas FAQ', FAQ, marker('faq', FAQ)),
      ],
      { home: 'update', faq: 'skip' },
    ],
    [
      'a newer version over a page people edited: a conflict, never an overwrite',
      render('2.0.0', '<p>Welcome to {{product}}</p>'),
      [
        page('10', 'Atlas home', '<p>Our own words</p>', marker('home', HOME_V1)),
        page('11', 'Atlas FAQ', FAQ, marker('faq', FAQ, '2.0.0')),
      ],
      { home: 'conflict', faq: 'skip' },
    ],
    [
      'an edited page with nothing new for it: skipped, edits kept',
      render('1.0.0'),
      [
        page('10', 'Atlas home', '<p>Our own words</p>', marker('home', HOME_V1)),
        page('11', 'Atlas FAQ', FAQ, marker('faq', FAQ)),
      ],
      { home: 'skip', faq: 'skip' },
    ],
    [
      'a page of someone else already has the title: a conflict',
      render('1.0.0'),
      [page('12', 'atlas faq', '<p>Written by hand</p>')],
      { home: 'create', faq: 'conflict' },
    ],
  ])('%s', (_name, rendered, spacePages, expected) => {
    const plan = planInstall(rendered, spacePages);
    expect(Object.fromEntries(plan.pages.map((step) => [step.key, step.action]))).toEqual(expected);
  });

  it('an update stopped after writing the body but before the marker is finished, not taken for an edit', () => {
    const plan = planInstall(render('2.0.0', '<p>Welcome to {{product}}</p>'), [
      page('10', 'Atlas home', HOME_V2, marker('home', HOME_V1)),
    ]);
    expect(plan.pages[0]).toMatchObject({
      action: 'update',
      reason: 'marker-behind',
      bodyUpToDate: true,
      pageId: '10',
    });
  });

  it('a page holding exactly our body under our title but no marker (a run cut before marking it) only gets its marker', () => {
    const plan = planInstall(render('1.0.0'), [page('12', 'Atlas FAQ', FAQ)]);
    expect(plan.pages[1]).toMatchObject({
      key: 'faq',
      action: 'update',
      reason: 'marker-missing',
      bodyUpToDate: true,
      pageId: '12',
    });
  });

  it('children point at their parent in the bundle, so they can be created under it', () => {
    const plan = planInstall(render('1.0.0'), []);
    expect(plan.pages.map((step) => [step.key, step.parentKey])).toEqual([
      ['home', undefined],
      ['faq', 'home'],
    ]);
  });

  it.each([
    ['created when absent', [], {}, ['create', 'new']],
    ['skipped when identical', [{ id: 't1', name: 'PRD', body: '<p>PRD</p>' }], {}, ['skip', 'installed']],
    [
      'a conflict when the space has its own template of that name',
      [{ id: 't1', name: 'prd', body: '<p>Ours</p>' }],
      {},
      ['conflict', 'title-taken'],
    ],
    [
      'a conflict when people edited the one Vertebra registered',
      [{ id: 't1', name: 'PRD', body: '<p>Ours</p>' }],
      { prd: { id: 't1', hash: bodyHash('<p>Old</p>') } },
      ['conflict', 'edited-since-install'],
    ],
    [
      'updated when untouched since Vertebra registered it',
      [{ id: 't1', name: 'PRD', body: '<p>Old</p>' }],
      { prd: { id: 't1', hash: bodyHash('<p>Old</p>') } },
      ['update', 'newer-content'],
    ],
  ] as const)('a page template is %s', (_name, spaceTemplates, installed, [action, reason]) => {
    const [template] = planInstall(render('1.0.0'), [], spaceTemplates, installed).templates;
    expect([template?.action, template?.reason]).toEqual([action, reason]);
  });

  it('summarises a plan by action', () => {
    expect(summarisePlan(planInstall(render('1.0.0'), []))).toEqual({
      create: 3,
      update: 0,
      merge: 0,
      skip: 0,
      conflict: 0,
    });
  });

  it('counts a page whose content does not change as skipped, even when only its marker is rewritten', () => {
    const plan = planInstall(render('2.0.0', '<p>Welcome to {{product}}</p>'), [
      page('10', 'Atlas home', HOME_V1, marker('home', HOME_V1)),
      page('11', 'Atlas FAQ', FAQ, marker('faq', '<p>FAQ as an interrupted run left it</p>')),
    ]);
    // The FAQ holds the new body but its marker another hash: only the marker is written; the template is new.
    expect(summarisePlan(plan)).toEqual({ create: 1, update: 1, merge: 0, skip: 1, conflict: 0 });
  });
});

describe('planning an upgrade over pages people edited', () => {
  const HOME_V1_FULL = '<h1>Atlas</h1><p>Home of Atlas</p><p>Ask ops.</p>';
  const upgraded = render(
    '2.0.0',
    '<h1>{{product}}</h1><p>Home of {{product}}</p><p>Ask ops.</p><h2>Rituals</h2>',
  );
  const installed = new Map([['home', HOME_V1_FULL]]);
  const faq = page('11', 'Atlas FAQ', FAQ, marker('faq', FAQ, '2.0.0'));

  it('merges when the new version and people changed different blocks', () => {
    const theirs = '<h1>Atlas</h1><p>Home of Atlas</p><p>Ask Sam on 555.</p>';
    const plan = planInstall(
      upgraded,
      [page('10', 'Atlas home', theirs, marker('home', HOME_V1_FULL)), faq],
      [],
      {},
      installed,
    );
    expect(plan.pages[0]).toMatchObject({
      action: 'merge',
      reason: 'merged',
      mergedBody: '<h1>Atlas</h1><p>Home of Atlas</p><p>Ask Sam on 555.</p><h2>Rituals</h2>',
    });
    expect(summarisePlan(plan)).toMatchObject({ merge: 1, update: 0, conflict: 0 });
  });

  it('is a conflict carrying the three versions when both changed the same block', () => {
    const ours = render('2.0.0', '<h1>{{product}}</h1><p>Home of {{product}}</p><p>Ask the ops lead.</p>');
    const theirs = '<h1>Atlas</h1><p>Home of Atlas</p><p>Ask Sam on 555.</p>';
    const plan = planInstall(
      ours,
      [page('10', 'Atlas home', theirs, marker('home', HOME_V1_FULL)), faq],
      [],
      {},
      installed,
    );
    expect(plan.pages[0]).toMatchObject({ action: 'conflict', reason: 'edited-since-install' });
    expect(plan.pages[0]?.merge?.filter((part) => part.kind === 'conflict')).toEqual([
      {
        kind: 'conflict',
        base: '<p>Ask ops.</p>',
        ours: '<p>Ask the ops lead.</p>',
        theirs: '<p>Ask Sam on 555.</p>',
      },
    ]);
  });

  it('stays a conflict without blocks when the body as installed is not known or is not the one the marker describes', () => {
    const theirs = '<h1>Atlas</h1><p>Home of Atlas</p><p>Ask Sam on 555.</p>';
    const edited = page('10', 'Atlas home', theirs, marker('home', HOME_V1_FULL));
    for (const bases of [new Map<string, string>(), new Map([['home', '<p>another body</p>']])]) {
      const step = planInstall(upgraded, [edited, faq], [], {}, bases).pages[0];
      expect(step).toMatchObject({ action: 'conflict', reason: 'edited-since-install' });
      expect(step?.merge).toBeUndefined();
    }
  });

  it('takes a merge already written by a cut run as done: only the marker is left to write', () => {
    const merged = '<h1>Atlas</h1><p>Home of Atlas</p><p>Ask Sam on 555.</p><h2>Rituals</h2>';
    const plan = planInstall(
      upgraded,
      [page('10', 'Atlas home', merged, marker('home', HOME_V1_FULL)), faq],
      [],
      {},
      installed,
    );
    expect(plan.pages[0]).toMatchObject({ action: 'merge', bodyUpToDate: true });
    expect(summarisePlan(plan)).toMatchObject({ merge: 0, skip: 2 });
  });
});

describe('planning an upgrade with people’s choices on conflicting blocks', () => {
  // Two conflicts, apart: the ask line (both rewrote it) and the escalation line (both rewrote it too).
  const HOME_V1_FULL = '<p>Ask ops.</p><p>Home of Atlas</p><p>Escalate after 1 hour.</p><p>Thanks.</p>';
  const ours = render(
    '2.0.0',
    '<p>Ask the ops lead.</p><p>Home of {{product}}</p><p>Escalate after 30 minutes.</p><p>Thanks.</p>',
  );
  const theirs =
    '<p>Ask Sam on 555.</p><p>Home of Atlas</p><p>Escalate after 2 hours.</p><p>Thanks.</p><p>Our note</p>';
  const installed = new Map([['home', HOME_V1_FULL]]);
  const pages = [
    page('10', 'Atlas home', theirs, marker('home', HOME_V1_FULL)),
    page('11', 'Atlas FAQ', FAQ, marker('faq', FAQ, '2.0.0')),
  ];
  const planWith = (choices: ('theirs' | 'ours' | 'both' | undefined)[]) =>
    planInstall(ours, pages, [], {}, installed, new Map([['home', choices]])).pages[0];

  it.each([
    {
      name: 'every block chosen makes the page a merge of what was chosen, in page order',
      choices: ['ours', 'theirs'] as const,
      body: '<p>Ask the ops lead.</p><p>Home of Atlas</p><p>Escalate after 2 hours.</p><p>Thanks.</p><p>Our note</p>',
    },
    {
      name: 'keep both puts people’s block first, then the new version’s',
      choices: ['both', 'ours'] as const,
      body: '<p>Ask Sam on 555.</p><p>Ask the ops lead.</p><p>Home of Atlas</p><p>Escalate after 30 minutes.</p><p>Thanks.</p><p>Our note</p>',
    },
  ])('$name', ({ choices, body }) => {
    expect(planWith([...choices])).toMatchObject({
      action: 'merge',
      reason: 'resolved',
      mergedBody: body,
      choices,
    });
  });

  it.each([
    { name: 'applies a choice made on this very conflict', matches: true, action: 'merge' },
    { name: 'ignores a choice made on another state of the block', matches: false, action: 'conflict' },
  ])('$name (by its fingerprint)', ({ matches, action }) => {
    const seen = matches
      ? { ours: '<p>Ask the ops lead.</p>', theirs: '<p>Ask Sam on 555.</p>' }
      : { ours: '<p>Ask the ops lead.</p>', theirs: '<p>Ask Sam on 556.</p>' };
    const step = planInstall(
      ours,
      pages,
      [],
      {},
      installed,
      new Map([
        ['home', [{ choice: 'ours' as const, fingerprint: conflictFingerprint(seen) }, 'ours' as const]],
      ]),
    ).pages[0];
    expect(step?.action).toBe(action);
  });

  it('stays a conflict, nothing to write, while one block has no choice', () => {
    const step = planWith(['ours']);
    expect(step).toMatchObject({ action: 'conflict', choices: ['ours', undefined] });
    expect(step?.mergedBody).toBeUndefined();
  });

  it('keeping theirs on every block when the new version brings nothing else only moves the marker', () => {
    expect(planWith(['theirs', 'theirs'])).toMatchObject({ action: 'merge', bodyUpToDate: true });
  });
});

describe('planning an uninstall', () => {
  it('archives only untouched pages and lists the edited ones', () => {
    const plan = planUninstall('demo', [
      page('10', 'Atlas home', '<p>Our own words</p>', marker('home', HOME_V1)),
      page('11', 'Atlas FAQ', FAQ, marker('faq', FAQ)),
      page('12', 'Unrelated', '<p>x</p>'),
    ]);
    expect(plan).toEqual({
      archive: [{ id: '11', title: 'Atlas FAQ' }],
      keep: [{ id: '10', title: 'Atlas home' }],
    });
  });
});
