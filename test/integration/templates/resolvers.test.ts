import { describe, expect, it } from 'vitest';
import type { InvocationContext } from '../../../src/contract/context';
import { templatesResolvers } from '../../../src/resolvers/templates';
import { useDemoSite } from '../helpers/demo-site';

const PRIYA = '712020:a0000000-0000-4000-8000-000000000002'; // administers OPS, not Confluence
const ADMIN = '712020:a0000000-0000-4000-8000-000000000001'; // Confluence administrator

const inSpace = (
  key: string,
  accountId: string | undefined = PRIYA,
  locale = 'en-US',
): InvocationContext => ({ accountId, locale, extension: { space: { key } } });
const variables = { orgName: 'Acme', opsLead: PRIYA, teams: 'Payments', quarterStart: '2027-01-04' };

const site = useDemoSite(templatesResolvers);

describe('templates resolvers', () => {
  it('lists the bundles in the language of the user', async () => {
    const result = await site.resolvers['templates.bundles']({
      payload: {},
      context: inSpace('OPS', PRIYA, 'fr-FR'),
    });
    expect(result.ok && result.data.map((bundle) => bundle.title)).toEqual([
      'Espace de connaissance produit',
      'Opérations produit',
      'Intégration des PM (product camp)',
    ]);
  });

  it('plans in the space of the settings page, then installs step by step until nothing remains', async () => {
    const plan = await site.resolvers['templates.plan']({
      payload: { bundleId: 'product-ops', variables },
      context: inSpace('OPS'),
    });
    expect(plan.ok && plan.data.summary).toEqual({ create: 9, update: 0, merge: 0, skip: 0, conflict: 0 });
    expect(plan.ok && plan.data.pages.map((page) => page.depth)).toEqual([0, 1, 2, 2, 2, 1]);
    const remaining: number[] = [];
    for (let call = 0; call < 10; call++) {
      const step = await site.resolvers['templates.install']({
        payload: { bundleId: 'product-ops', variables, maxSteps: 4 },
        context: inSpace('OPS'),
      });
      if (!step.ok) throw new Error(step.error.message);
      remaining.push(step.data.remaining);
      if (step.data.remaining === 0) break;
    }
    expect(remaining).toEqual([5, 1, 0]);
    const catalogue = await site.resolvers['templates.catalogue']({
      payload: {},
      context: inSpace('OPS', ADMIN),
    });
    expect(
      catalogue.ok &&
        catalogue.data
          .find((entry) => entry.id === 'product-ops')
          ?.installations.map((installation) => installation.spaceKey),
    ).toEqual(['OPS']);
  });

  it.each([
    [
      'a payload with an unknown field',
      'templates.plan',
      { bundleId: 'product-ops', colour: 'red' },
      inSpace('OPS'),
      'INVALID_INPUT',
    ],
    [
      'no signed-in user',
      'templates.plan',
      { bundleId: 'product-ops', variables },
      { locale: 'en-US', extension: { space: { key: 'OPS' } } },
      'UNAUTHENTICATED',
    ],
    [
      'a user who does not administer the space',
      'templates.install',
      { bundleId: 'product-ops', variables },
      inSpace('ENG'),
      'FORBIDDEN',
    ],
    [
      'the catalogue to someone who does not administer Confluence',
      'templates.catalogue',
      {},
      inSpace('OPS'),
      'FORBIDDEN',
    ],
    [
      'an import by someone who does not administer Confluence',
      'templates.import',
      { text: 'id: mine' },
      inSpace('OPS'),
      'FORBIDDEN',
    ],
    [
      'a parent page id that is not a number',
      'templates.plan',
      { bundleId: 'product-ops', parentId: '../x' },
      inSpace('OPS'),
      'INVALID_INPUT',
    ],
  ] as const)('refuses %s', async (_name, key, payload, context, code) => {
    const result = await site.resolvers[key]({ payload, context });
    expect(result.ok ? 'ok' : result.error.code).toBe(code);
  });

  it('refuses a bundle file with errors, naming each bad field', async () => {
    const result = await site.resolvers['templates.import']({
      payload: { text: 'id: Bad Id\nversion: one\nlanguage: en\ntitle: x\npages: []\n' },
      context: inSpace('OPS', ADMIN),
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID_INPUT');
      expect(
        (result.error.details as { problems: { path: string }[] }).problems.map((problem) => problem.path),
      ).toEqual(['id', 'version', 'pages']);
    }
  });

  it('imports a custom bundle, which then appears among the bundles', async () => {
    const text = JSON.stringify({
      id: 'team-space',
      version: '1.0.0',
      language: 'en',
      title: 'Team space',
      pages: [{ key: 'home', title: 'Team home', body: '<p>Hi</p>' }],
    });
    const result = await site.resolvers['templates.import']({
      payload: { text },
      context: inSpace('OPS', ADMIN),
    });
    expect(result.ok && result.data).toMatchObject({ id: 'team-space', pageCount: 1, shipped: false });
    const bundles = await site.resolvers['templates.bundles']({ payload: {}, context: inSpace('OPS') });
    expect(bundles.ok && bundles.data.map((bundle) => bundle.id)).toContain('team-space');
  });

  it('refuses a bundle too large for one stored value, measured in bytes, and keeps none of it', async () => {
    // 150,000 accented letters: 300,000 bytes of UTF-8, within the file's 400,000 characters.
    const text = JSON.stringify({
      id: 'big-space',
      version: '1.0.0',
      language: 'fr',
      title: 'Grand espace',
      pages: [{ key: 'home', title: 'Accueil', body: `<p>${'é'.repeat(150_000)}</p>` }],
    });
    const result = await site.resolvers['templates.import']({
      payload: { text },
      context: inSpace('OPS', ADMIN),
    });
    expect(result.ok ? 'ok' : result.error).toMatchObject({
      code: 'INVALID_INPUT',
      details: { reason: 'bundleTooLarge', params: { bundle: 'big-space', limit: 200 } },
    });
    const bundles = await site.resolvers['templates.bundles']({ payload: {}, context: inSpace('OPS') });
    expect(bundles.ok && bundles.data.map((bundle) => bundle.id)).not.toContain('big-space');
  });

  it.each([
    ['administers the space', 'OPS', PRIYA, true],
    ['only reads the space', 'ENG', PRIYA, false],
  ])('tells the installer at once whether the user %s', async (_name, space, user, canAdminister) => {
    const result = await site.resolvers['templates.space']({ payload: {}, context: inSpace(space, user) });
    expect(result.ok && result.data).toMatchObject({ spaceKey: space, canAdminister });
  });

  it('lists what is installed in the space for the installer', async () => {
    const result = await site.resolvers['templates.space']({ payload: {}, context: inSpace('OPS') });
    expect(result.ok && result.data.installations).toEqual([
      {
        bundleId: 'product-ops',
        version: '1.2.0',
        language: 'en',
        status: 'installed',
        installedAt: '2026-11-16T09:00:00.000Z',
        variables,
        availableVersion: '1.2.0',
        resolutions: [],
      },
    ]);
  });
});
