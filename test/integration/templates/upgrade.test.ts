import { describe, expect, it } from 'vitest';
import { installBundle } from '../../../src/services/templates/install';
import { type InstallRequest } from '../../../src/services/templates/prepare';
import { planView } from '../../../src/services/templates/plan-view';
import { spaceAccess } from '../../../src/services/templates/space';
import { PAGE_PROPERTY_KEY } from '../../../src/templates/model';
import { PRIYA, useOpsSpace } from './ops-space';

const site = useOpsSpace();
const { as, request, opsPages, writes } = site;

const HOME = 'Northwind product operations';
/** Sofia reads OPS and administers no space. */
const SOFIA = '712020:a0000000-0000-4000-8000-000000000004';
const fewerTeams = (overrides: Partial<InstallRequest> = {}): InstallRequest =>
  request({ variables: { ...request().variables, teams: 'Payments' }, ...overrides });

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

  it('shows a block both changed with its three versions in the plan, and refuses to install until it is chosen', async () => {
    await installBundle(as(PRIYA), request());
    const home = page(HOME);
    const theirs = editTeamsRow(home);
    const plan = await planView(as(PRIYA), fewerTeams());
    expect(plan.pages.find((step) => step.pageId === home.id)).toMatchObject({
      key: 'home',
      action: 'conflict',
      reason: 'edited-since-install',
      conflicts: [{ ...TEAMS_BLOCK, choice: null }],
    });
    site.sandbox().resetStats();
    await expect(installBundle(as(PRIYA), fewerTeams())).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining(HOME) as unknown,
      details: { reason: 'unresolvedConflicts', pages: [{ key: 'home', title: HOME }] },
    });
    expect(writes()).toBe(0);
    expect(home.body).toBe(theirs);
  });
});

const TEAMS_ROW = '<tr><td>Teams</td><td>Payments, Checkout, Ops</td></tr>';
const TEAMS_BLOCK = {
  base: '<tr><td>Teams</td><td>Payments, Checkout</td></tr>',
  ours: '<tr><td>Teams</td><td>Payments</td></tr>',
  theirs: TEAMS_ROW,
};

/** Merged blocks are written back by the XML builder, which spells an empty element `<x/>`, not `<x />`. */
const spelled = (body: string): string => body.replace(/\s*\/>/g, '/>');

/** People add a team to the home page's teams row: the row an upgrade to fewer teams also changes. */
function editTeamsRow(home: ReturnType<typeof page>): string {
  if (!home.body.includes('<td>Payments, Checkout</td>')) throw new Error('the teams row moved');
  home.body = home.body.replace('<td>Payments, Checkout</td>', '<td>Payments, Checkout, Ops</td>');
  home.version.number = 2;
  return home.body;
}

describe('settling a conflict by a choice', () => {
  it.each([
    {
      name: 'keep theirs leaves the page as people wrote it and writes only its marker',
      choice: 'theirs' as const,
      expected: (theirs: string) => theirs,
      pageWrites: 0,
    },
    {
      name: 'take ours writes the new version’s row in place of theirs',
      choice: 'ours' as const,
      expected: (theirs: string) => theirs.replace(TEAMS_ROW, TEAMS_BLOCK.ours),
      pageWrites: 1,
    },
    {
      name: 'keep both writes their row, then the new version’s',
      choice: 'both' as const,
      expected: (theirs: string) => theirs.replace(TEAMS_ROW, TEAMS_ROW + TEAMS_BLOCK.ours),
      pageWrites: 1,
    },
  ])(
    '$name; the choice is recorded and a re-run writes nothing',
    async ({ choice, expected, pageWrites }) => {
      await installBundle(as(PRIYA), request());
      const home = page(HOME);
      const theirs = editTeamsRow(home);
      const resolutions = [{ pageKey: 'home', block: 1, choice }];
      const plan = await planView(as(PRIYA), fewerTeams({ resolutions }));
      expect(plan.pages.find((step) => step.key === 'home')).toMatchObject({
        action: choice === 'theirs' ? 'skip' : 'merge',
        reason: 'resolved',
        conflicts: [{ ...TEAMS_BLOCK, choice }],
      });
      expect(plan.summary.conflict).toBe(0);

      site.sandbox().resetStats();
      const outcome = await installBundle(as(PRIYA), fewerTeams({ resolutions }));
      expect(outcome).toMatchObject({ updated: 1 + pageWrites, merged: pageWrites, conflicts: [] });
      expect(spelled(home.body)).toBe(spelled(expected(theirs)));
      // Rituals (body + marker), home's marker, and home's body when it changes.
      expect(writes()).toBe(3 + pageWrites);

      const access = await spaceAccess(as(PRIYA), 'OPS');
      expect(access.installations[0]?.resolutions).toEqual([
        {
          pageKey: 'home',
          page: HOME,
          block: 1,
          choice,
          version: '1.2.0',
          chosenBy: expect.objectContaining({ accountId: PRIYA, displayName: 'Priya Patel' }) as unknown,
          chosenAt: '2026-11-16T09:00:00.000Z',
        },
      ]);

      site.sandbox().resetStats();
      const again = await installBundle(as(PRIYA), fewerTeams());
      expect(again).toMatchObject({ created: 0, updated: 0, merged: 0, conflicts: [] });
      expect(writes()).toBe(0);
      expect(spelled(home.body)).toBe(spelled(expected(theirs)));
    },
  );

  it('shows the choices to space admins only: someone who only reads the space sees none', async () => {
    await installBundle(as(PRIYA), request());
    editTeamsRow(page(HOME));
    await installBundle(
      as(PRIYA),
      fewerTeams({ resolutions: [{ pageKey: 'home', block: 1, choice: 'ours' }] }),
    );
    const reader = await spaceAccess(as(SOFIA), 'OPS');
    expect(reader).toMatchObject({ canAdminister: false });
    expect(reader.installations.map((installation) => installation.resolutions)).toEqual([[]]);
    const admin = await spaceAccess(as(PRIYA), 'OPS');
    expect(admin.installations.map((installation) => installation.resolutions.length)).toEqual([1]);
  });

  it('never applies a choice to a block people edited again after the preview', async () => {
    await installBundle(as(PRIYA), request());
    const home = page(HOME);
    editTeamsRow(home);
    const plan = await planView(as(PRIYA), fewerTeams());
    const [block] = plan.pages.find((step) => step.key === 'home')?.conflicts ?? [];
    if (!block) throw new Error('no conflict to choose on');
    // Someone changes the row again while the admin decides.
    home.body = home.body.replace(TEAMS_ROW, '<tr><td>Teams</td><td>Payments, Ops</td></tr>');
    home.version.number = 3;
    const edited = home.body;
    const resolutions = [
      { pageKey: 'home', block: 1, choice: 'ours' as const, fingerprint: block.fingerprint },
    ];
    await expect(installBundle(as(PRIYA), fewerTeams({ resolutions }))).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'unresolvedConflicts' },
    });
    expect(home.body).toBe(edited);
  });

  it('refuses a choice for a block the page does not have, naming the page', async () => {
    await installBundle(as(PRIYA), request());
    editTeamsRow(page(HOME));
    await expect(
      planView(as(PRIYA), fewerTeams({ resolutions: [{ pageKey: 'home', block: 2, choice: 'ours' }] })),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { reason: 'unknownConflictBlock', params: { page: HOME, block: 2, count: 1 } },
    });
  });
});

describe('counting an upgrade', () => {
  it('writes nothing to the pages whose content does not change, whatever version installed them', async () => {
    await installBundle(as(PRIYA), request());
    // As if installed by an older version whose pages were the same as today's.
    for (const installed of opsPages()) {
      const property = installed.properties.get(PAGE_PROPERTY_KEY);
      if (property) property.value = { ...(property.value as object), version: '0.9.0' };
    }
    const plan = await planView(as(PRIYA), fewerTeams());
    expect(plan.summary).toEqual({ create: 0, update: 2, merge: 0, skip: 7, conflict: 0 });
    expect(plan.pages.filter((step) => step.action === 'skip').map((step) => step.reason)).toEqual([
      'installed',
      'installed',
      'installed',
      'installed',
    ]);
    expect(plan.writes).toBe(2);
    site.sandbox().resetStats();
    const outcome = await installBundle(as(PRIYA), fewerTeams());
    expect(outcome).toMatchObject({ created: 0, updated: 2, merged: 0, skipped: 7, remaining: 0 });
    // Home and rituals list the teams: a body and a marker each.
    expect(writes()).toBe(4);
  });
});
