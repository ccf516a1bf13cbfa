import { describe, expect, it } from 'vitest';
import { installBundle, type InstallRequest } from '../../../src/services/templates/install';
import { planView } from '../../../src/services/templates/plan-view';
import { PAGE_PROPERTY_KEY } from '../../../src/templates/model';
import { PRIYA, useOpsSpace } from './ops-space';

const site = useOpsSpace();
const { as, request, opsPages, writes } = site;

const HOME = 'Northwind product operations';
const fewerTeams = (): InstallRequest =>
  request({ variables: { ...request().variables, teams: 'Payments' } });

function page(title: string) {
  const found = opsPages().find((candidate) => candidate.title === title);
  if (!found) throw new Error(`${title} missing`);
  return found;
}

describe('upgrading pages people edited', () => {
  it('merges a page when people’s changes and the bundle’s do not overlap, and a second run writes nothing', async () => {
    await installBundle(as(PRIYA), request());
    const home = page(HOME);
    home.body += '<p>Our note</p>';
    home.version.number = 2;
    const plan = await planView(as(PRIYA), fewerTeams());
    expect(plan.pages.find((step) => step.pageId === home.id)).toMatchObject({
      action: 'merge',
      reason: 'merged',
      conflicts: [],
    });
    // Home merges, rituals (untouched, it lists the teams) updates; the other pages and templates stay.
    expect(plan.summary).toEqual({ create: 0, update: 1, merge: 1, skip: 7, conflict: 0 });
    const outcome = await installBundle(as(PRIYA), fewerTeams());
    expect(outcome).toMatchObject({ updated: 2, merged: 1, skipped: 7, conflicts: [], remaining: 0 });
    expect(home.body).toContain('<tr><td>Teams</td><td>Payments</td></tr>');
    expect(home.body).not.toContain('Payments, Checkout');
    expect(home.body.endsWith('<p>Our note</p>')).toBe(true);

    site.sandbox().resetStats();
    const again = await installBundle(as(PRIYA), fewerTeams());
    expect(again).toMatchObject({ created: 0, updated: 0, merged: 0, conflicts: [] });
    expect(writes()).toBe(0);
  });

  it('reports a block both changed with its three versions, in the plan and the result, and leaves the page as it is', async () => {
    await installBundle(as(PRIYA), request());
    const home = page(HOME);
    home.body = home.body.replace('<td>Payments, Checkout</td>', '<td>Payments, Checkout, Ops</td>');
    home.version.number = 2;
    const theirs = home.body;
    const blocks = [
      {
        base: '<tr><td>Teams</td><td>Payments, Checkout</td></tr>',
        ours: '<tr><td>Teams</td><td>Payments</td></tr>',
        theirs: '<tr><td>Teams</td><td>Payments, Checkout, Ops</td></tr>',
      },
    ];
    const plan = await planView(as(PRIYA), fewerTeams());
    expect(plan.pages.find((step) => step.pageId === home.id)).toMatchObject({
      action: 'conflict',
      reason: 'edited-since-install',
      conflicts: blocks,
    });
    const outcome = await installBundle(as(PRIYA), fewerTeams());
    expect(outcome.conflicts).toEqual([
      {
        page: HOME,
        id: home.id,
        reason: 'edited-since-install',
        compareUrl: `/wiki/pages/diffpagesbyversion.action?pageId=${home.id}&selectedPageVersions=1&selectedPageVersions=2`,
        blocks,
      },
    ]);
    expect(outcome).toMatchObject({ updated: 1, merged: 0 }); // rituals only
    expect(home.body).toBe(theirs);
  });
});

describe('counting an upgrade', () => {
  it('counts as updated only the pages whose content changes, not those that only get a newer marker', async () => {
    await installBundle(as(PRIYA), request());
    // As if installed by an older version whose pages were the same as today's.
    for (const installed of opsPages()) {
      const property = installed.properties.get(PAGE_PROPERTY_KEY);
      if (property) property.value = { ...(property.value as object), version: '0.9.0' };
    }
    const plan = await planView(as(PRIYA), fewerTeams());
    expect(plan.summary).toEqual({ create: 0, update: 2, merge: 0, skip: 7, conflict: 0 });
    expect(plan.pages.filter((step) => step.reason === 'marker-behind').map((step) => step.action)).toEqual([
      'skip',
      'skip',
      'skip',
      'skip',
    ]);
    expect(plan.writes).toBe(6);
    const outcome = await installBundle(as(PRIYA), fewerTeams());
    expect(outcome).toMatchObject({ created: 0, updated: 2, merged: 0, skipped: 7, remaining: 0 });
  });
});
