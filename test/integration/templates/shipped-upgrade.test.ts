import { afterEach, describe, expect, it } from 'vitest';
import { catalogue } from '../../../src/services/templates/catalogue';
import { installBundle } from '../../../src/services/templates/install';
import { planView } from '../../../src/services/templates/plan-view';
import { saveCustomBundle } from '../../../src/services/templates/records';
import { spaceAccess } from '../../../src/services/templates/space';
import { SHIPPED_BUNDLES } from '../../../src/templates/bundles';
import { bundleSchema, type Bundle, type Language } from '../../../src/templates/model';
import { PRIYA, useOpsSpace } from './ops-space';

const site = useOpsSpace();
const { as, request, opsPages, writes } = site;

const AGREEMENTS = 'Northwind working agreements';
const DECISIONS = '<h2>Decision log</h2><p>What the teams decided, and why.</p>';

/**
 * Product-ops as a later Vertebra release would ship it: version 1.3.0, whose working agreements page ends with
 * a new section. A fixture: the shipped bundle itself stays as it is.
 */
function newerProductOps(shipped: Readonly<Record<Language, Bundle>>): Record<Language, Bundle> {
  const bump = (bundle: Bundle): Bundle =>
    bundleSchema.parse({
      ...bundle,
      version: '1.3.0',
      pages: bundle.pages.map((home) => ({
        ...home,
        children: home.children.map((page) =>
          page.key === 'working-agreements' ? { ...page, body: page.body + DECISIONS } : page,
        ),
      })),
    });
  return { en: bump(shipped.en), fr: bump(shipped.fr) };
}

const shippedList = SHIPPED_BUNDLES as Readonly<Record<Language, Bundle>>[];
const productOpsIndex = shippedList.findIndex((byLanguage) => byLanguage.en.id === 'product-ops');
const asShipped = shippedList[productOpsIndex];

/** Vertebra ships the newer product-ops from now on (until the case ends). */
function shipNewerProductOps(): void {
  if (!asShipped) throw new Error('product-ops is not shipped');
  shippedList[productOpsIndex] = newerProductOps(asShipped);
}

afterEach(() => {
  if (asShipped) shippedList[productOpsIndex] = asShipped;
});

function page(title: string) {
  const found = opsPages().find((candidate) => candidate.title === title);
  if (!found) throw new Error(`${title} missing`);
  return found;
}

describe('a shipped bundle that Vertebra ships in a newer version', () => {
  it('says which spaces are behind, and upgrades through the merge, keeping people’s edit', async () => {
    await installBundle(as(PRIYA), request());
    const agreements = page(AGREEMENTS);
    const intro = 'What every team of Northwind agreed to.';
    if (!agreements.body.includes(intro)) throw new Error('the intro moved');
    agreements.body = agreements.body.replace(intro, 'What our teams agreed to, in their words.');
    agreements.version.number = 2;
    const theirs = agreements.body;

    shipNewerProductOps();
    const [entry] = (await catalogue(site.platform().store, 'en')).filter(
      (candidate) => candidate.id === 'product-ops',
    );
    expect(entry).toMatchObject({ version: '1.3.0', shipped: true });
    expect(entry?.installations).toEqual([
      expect.objectContaining({ spaceKey: 'OPS', version: '1.2.0', upgradeAvailable: true }),
    ]);
    const access = await spaceAccess(as(PRIYA), 'OPS');
    expect(access.installations).toEqual([
      expect.objectContaining({ bundleId: 'product-ops', version: '1.2.0', availableVersion: '1.3.0' }),
    ]);

    const plan = await planView(as(PRIYA), request());
    expect(plan).toMatchObject({ version: '1.3.0', writes: 1 });
    expect(plan.summary).toEqual({ create: 0, update: 0, merge: 1, skip: 8, conflict: 0 });
    expect(plan.pages.find((step) => step.title === AGREEMENTS)).toMatchObject({
      action: 'merge',
      reason: 'merged',
    });

    site.sandbox().resetStats();
    const outcome = await installBundle(as(PRIYA), request());
    expect(outcome).toMatchObject({ version: '1.3.0', created: 0, updated: 1, merged: 1, conflicts: [] });
    expect(writes()).toBe(2); // the merged page's body and its marker; nothing for the others
    expect(agreements.body).toBe(theirs + DECISIONS);

    const [after] = (await catalogue(site.platform().store, 'en')).filter(
      (candidate) => candidate.id === 'product-ops',
    );
    expect(after?.installations).toEqual([
      expect.objectContaining({ spaceKey: 'OPS', version: '1.3.0', upgradeAvailable: false }),
    ]);
    site.sandbox().resetStats();
    await installBundle(as(PRIYA), request());
    expect(writes()).toBe(0);
  });

  it('still refuses an imported bundle with the shipped id: the shipped one upgrades by itself', async () => {
    shipNewerProductOps();
    const imported = { ...(asShipped?.en ?? {}), version: '9.0.0' } as Bundle;
    await expect(saveCustomBundle(site.platform().store, imported)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'bundleIdTaken' },
    });
  });
});

describe('a bundle of the site’s own, imported again in a newer version', () => {
  const teamSpace = (version: string, body: string): Bundle =>
    bundleSchema.parse({
      id: 'team-space',
      version,
      language: 'en',
      title: 'Team space',
      pages: [{ key: 'home', title: 'Team space home', body }],
    });

  it('shows the space as behind, and the plan updates the untouched page', async () => {
    const store = site.platform().store;
    await saveCustomBundle(store, teamSpace('1.0.0', '<p>Welcome.</p>'));
    await installBundle(as(PRIYA), request({ bundleId: 'team-space', variables: {} }));
    await saveCustomBundle(store, teamSpace('1.1.0', '<p>Welcome.</p><p>Ask us anything.</p>'));

    const [entry] = (await catalogue(store, 'en')).filter((candidate) => candidate.id === 'team-space');
    expect(entry?.installations).toEqual([
      expect.objectContaining({ spaceKey: 'OPS', version: '1.0.0', upgradeAvailable: true }),
    ]);
    const access = await spaceAccess(as(PRIYA), 'OPS');
    expect(access.installations).toEqual([
      expect.objectContaining({ bundleId: 'team-space', version: '1.0.0', availableVersion: '1.1.0' }),
    ]);
    const plan = await planView(as(PRIYA), request({ bundleId: 'team-space', variables: {} }));
    expect(plan.summary).toEqual({ create: 0, update: 1, merge: 0, skip: 0, conflict: 0 });
  });
});
