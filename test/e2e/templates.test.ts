/**
 * The templates screens in the playground, as a space admin would use them: pick a bundle, fill its variables
 * (a person with the user picker), preview the plan, install with progress; people create pages from the
 * bundle's templates with Confluence's Create menu; the global catalogue shows who installed it and its
 * adoption; a page tree is exported as a bundle file that imports back. Tests run in order on one playground.
 * Screenshots go to test-results/templates-*.png.
 */
import { readFile } from 'node:fs/promises';
import type { FrameLocator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { appFrame, screenshot, usePlayground } from './harness';

const PRIYA = '712020:a0000000-0000-4000-8000-000000000002'; // administers OPS
const CAMILLE = '712020:a0000000-0000-4000-8000-000000000005';
const SOFIA = '712020:a0000000-0000-4000-8000-000000000004'; // administers no space

const playground = usePlayground({ viewport: { width: 1280, height: 1000 } });

async function pickBundle(frame: FrameLocator, title: string): Promise<void> {
  await frame.getByTestId('templates-installer').waitFor({ timeout: 20_000 });
  // Atlaskit's Select is a react-select: type to filter, Enter to pick.
  const input = frame.locator('#templates-bundle');
  await input.focus();
  await input.pressSequentially(title);
  await input.press('Enter');
  await expect
    .poll(async () => frame.getByTestId('templates-installer').textContent(), { timeout: 10_000 })
    .toContain(title);
}

/** Types into an async picker and picks the option named `option` once the resolver answered. */
async function pickAsync(frame: FrameLocator, inputId: string, typed: string, option: string): Promise<void> {
  const input = frame.locator(`#${inputId}`);
  await input.focus();
  await input.pressSequentially(typed);
  await frame.getByText(option, { exact: true }).last().waitFor({ timeout: 20_000 });
  await input.press('Enter');
}

/** Pages of a space as the sandbox stores them (the playground serves the sandbox's REST API). */
async function storedPages(spaceKey: string): Promise<{ title: string; body: string }[]> {
  const cql = encodeURIComponent(`space = "${spaceKey}" and type = page`);
  const response = await fetch(
    `${playground.url}/wiki/rest/api/content/search?cql=${cql}&expand=body.storage&limit=50`,
  );
  const page = (await response.json()) as {
    results: { title: string; body: { storage: { value: string } } }[];
  };
  return page.results.map((result) => ({ title: result.title, body: result.body.storage.value }));
}

/** Someone saves a new version of a page in Confluence (REST v2, as the editor does); returns its id. */
async function editPage(spaceKey: string, title: string, body: string): Promise<string> {
  const cql = encodeURIComponent(`space = "${spaceKey}" and title = "${title}"`);
  const found = (await (
    await fetch(`${playground.url}/wiki/rest/api/content/search?cql=${cql}&expand=version`)
  ).json()) as { results: { id: string; version: { number: number } }[] };
  const [page] = found.results;
  if (!page) throw new Error(`no page "${title}" in ${spaceKey}`);
  const edited = await fetch(`${playground.url}/wiki/api/v2/pages/${page.id}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      id: page.id,
      status: 'current',
      title,
      body: { representation: 'storage', value: body },
      version: { number: page.version.number + 1 },
    }),
  });
  expect(edited.status).toBe(200);
  return page.id;
}

async function createFromTemplate(page: Page, template: string, title: string): Promise<void> {
  const panel = page.locator('#create-from-template');
  if ((await panel.locator('details').getAttribute('open')) === null) await panel.locator('summary').click();
  await expect
    .poll(async () => panel.locator('#create-template option').allTextContents(), { timeout: 10_000 })
    .toContain(template);
  await panel.locator('#create-template').selectOption({ label: template });
  await panel.locator('#create-title').fill(title);
  await panel.locator('#create-submit').click();
  await expect
    .poll(async () => panel.locator('#create-status').textContent(), { timeout: 10_000 })
    .toBe(`Created “${title}” from the template.`);
}

describe('installing a bundle from the space settings', () => {
  it('picks a person by name, previews the plan, installs with progress and mentions that person', async () => {
    const page = await playground.open('/confluence/space/OPS/settings', {
      accountId: PRIYA,
      language: 'en',
      colorMode: 'light',
    });
    const frame = appFrame(page, 'templates-space-settings');
    await pickBundle(frame, 'Product operations');
    // The "user" variable starts as the current user, shown by name.
    await expect
      .poll(async () => frame.getByTestId('templates-var-opsLead-select--container').textContent(), {
        timeout: 20_000,
      })
      .toContain('Priya Patel');
    await pickAsync(frame, 'templates-var-opsLead', 'cami', 'Camille Dubois');
    await expect
      .poll(async () => frame.getByTestId('templates-var-opsLead-select--container').textContent(), {
        timeout: 10_000,
      })
      .toContain('Camille Dubois');
    await frame.getByTestId('templates-var-orgName').fill('Initech');
    await frame.getByTestId('templates-var-teams').fill('Payments, Checkout');
    await frame.getByTestId('templates-var-quarterStart').fill('2027-01-04');
    await frame.getByTestId('templates-preview').click();
    await expect
      .poll(async () => frame.getByTestId('templates-plan-summary').textContent(), { timeout: 20_000 })
      .toBe('9 to create, 0 to update, 0 unchanged, 0 conflicts');
    expect(await frame.getByTestId('templates-plan').textContent()).toContain('Initech Definition of Done');
    await screenshot(page, 'templates-installer-plan');

    // Three steps a call: the progress bar shows between calls. On a fast sandbox it may show for less than a
    // frame, so every text it takes is recorded as it changes, rather than polled.
    const body = frame.locator('body');
    await body.evaluate(`(() => {
      const seen = [];
      window.progressSeen = seen;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="templates-progress"]')?.textContent ?? '';
        if (text !== '' && seen[seen.length - 1] !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    })()`);
    await frame.getByTestId('templates-install').click();
    const result = frame.getByTestId('templates-result');
    await result.waitFor({ timeout: 30_000 });
    const progressSeen: unknown = await body.evaluate('window.progressSeen');
    expect(Array.isArray(progressSeen) && progressSeen.length > 0).toBe(true);
    for (const text of progressSeen as unknown[]) expect(text).toMatch(/^Installing… [369] of 9$/);
    expect(await result.textContent()).toContain('9 created, 0 updated, 0 unchanged.');
    await expect
      .poll(async () => frame.getByTestId('templates-plan-summary').textContent(), { timeout: 20_000 })
      .toBe('0 to create, 0 to update, 9 unchanged, 0 conflicts');
    // Nothing left to write: Install is off; the space now says what is installed.
    expect(await frame.getByTestId('templates-install').isDisabled()).toBe(true);
    expect(await frame.getByTestId('templates-installed-here').textContent()).toMatch(
      /^Installed in this space: version 1\.2\.0, on \d+ \w+ \d{4}\.$/,
    );
    await screenshot(page, 'templates-installer-done');
    const home = (await storedPages('OPS')).find((stored) => stored.title === 'Initech product operations');
    expect(home?.body).toContain(`<ac:link><ri:user ri:account-id="${CAMILLE}" /></ac:link>`);

    // The plan links each installed page to Confluence; the page names the ops lead by her name.
    const [reader] = await Promise.all([
      page.context().waitForEvent('page', { timeout: 20_000 }),
      frame.getByRole('link', { name: 'Initech product operations' }).click(),
    ]);
    await reader.waitForLoadState();
    expect(await reader.locator('h1').textContent()).toBe('Initech product operations');
    expect(await reader.locator('article .sv-mention').first().textContent()).toBe('@Camille Dubois');
    await screenshot(reader, 'templates-installed-page');
    await page.context().close();
  });

  it('tells someone who does not administer the space, in French, before they fill anything in', async () => {
    const page = await playground.open('/confluence/space/OPS/settings', {
      accountId: SOFIA,
      language: 'fr',
      colorMode: 'dark',
    });
    const frame = appFrame(page, 'templates-space-settings');
    const notice = frame.getByTestId('templates-access');
    await notice.waitFor({ timeout: 20_000 });
    expect(await notice.textContent()).toBe(
      "Vous ne pouvez pas installer de bundles dans OPSSeuls les administrateurs de l'espace OPS peuvent installer, mettre à jour ou désinstaller des bundles. Demandez à l'un d'eux, ou demandez les droits d'administration de l'espace.",
    );
    for (const button of ['templates-preview', 'templates-install', 'templates-uninstall'])
      expect(await frame.getByTestId(button).isDisabled(), button).toBe(true);
    await screenshot(page, 'templates-installer-forbidden-fr-dark');
    await page.context().close();
  });

  it('says in French which value is wrong, with the field’s French label', async () => {
    const page = await playground.open('/confluence/space/OPS/settings', {
      accountId: PRIYA,
      language: 'fr',
    });
    const frame = appFrame(page, 'templates-space-settings');
    await pickBundle(frame, 'Opérations produit');
    // Installed in this space by the first test: the form starts from the values it was installed with.
    await expect
      .poll(async () => frame.getByTestId('templates-var-orgName').inputValue(), { timeout: 20_000 })
      .toBe('Initech');
    await expect
      .poll(async () => frame.getByTestId('templates-var-opsLead-select--container').textContent(), {
        timeout: 20_000,
      })
      .toBe('Camille Dubois');
    expect(await frame.getByTestId('templates-var-quarterStart').inputValue()).toBe('2027-01-04');
    await frame.getByTestId('templates-var-teams').fill(' , ');
    await frame.getByTestId('templates-var-quarterStart').fill('2027-01-04');
    await frame.getByTestId('templates-preview').click();
    await expect
      .poll(async () => frame.getByTestId('templates-error').textContent(), { timeout: 20_000 })
      .toBe(
        'Certaines valeurs ne conviennent pas : Équipes (séparées par des virgules) doit nommer au moins une équipe, séparées par des virgules.',
      );
    await screenshot(page, 'templates-installer-bad-value-fr');
    await page.context().close();
  });
});

describe('pages created from the bundle’s templates, and the catalogue', () => {
  it('creates two pages from the installed templates with Confluence’s Create menu', async () => {
    const page = await playground.open('/confluence/space/OPS/settings', {
      accountId: PRIYA,
      language: 'en',
    });
    await createFromTemplate(page, 'Quarterly alignment', 'Alignment 2027-Q1');
    await createFromTemplate(page, 'Retrospective', 'Retro of sprint 12');
    await screenshot(page, 'templates-create-from-template');
    const created = (await storedPages('OPS')).filter((stored) =>
      ['Alignment 2027-Q1', 'Retro of sprint 12'].includes(stored.title),
    );
    expect(created).toHaveLength(2);
    await page.context().close();
  });

  it('shows per space who installed each bundle, and how many pages people edited, read and made from its templates', async () => {
    // Someone edits the rituals calendar in Confluence: the catalogue counts it as edited.
    await editPage('OPS', 'Initech rituals calendar', '<p>Demo day moved to Thursdays.</p>');

    const page = await playground.open('/confluence/settings/templates', {
      language: 'en',
      colorMode: 'light',
    });
    const frame = appFrame(page, 'templates-global-settings');
    const installation = frame.getByTestId('templates-installation-product-ops-OPS');
    await installation.waitFor({ timeout: 20_000 });
    expect(await installation.textContent()).toContain('Product operations 1.2.0');
    expect(await installation.getByTestId('templates-installed-by').textContent()).toBe('Priya Patel');
    // Six pages installed; the home page was opened once (first test); two pages made from its templates.
    await expect
      .poll(async () => installation.getByTestId('templates-adoption-created').textContent(), {
        timeout: 20_000,
      })
      .toBe('2');
    expect(await installation.getByTestId('templates-adoption-edited').textContent()).toBe('1 of 6');
    // "1 of 6" pages read, and under it "1 view".
    expect(await installation.getByTestId('templates-adoption-viewed').textContent()).toMatch(
      /^1 of 6\s*1 view$/,
    );
    await screenshot(page, 'templates-catalogue');

    await frame
      .getByTestId('templates-import')
      .fill('id: Bad\nversion: x\nlanguage: en\ntitle: t\npages: []\n');
    await frame.getByTestId('templates-import-submit').click();
    const problems = frame.getByTestId('templates-import-problems');
    await problems.waitFor({ timeout: 20_000 });
    expect(await problems.textContent()).toContain('version: use a version like 1.2.0');
    await screenshot(page, 'templates-catalogue-import-error');
    await page.context().close();
  });

  it('shows the catalogue in French and dark', async () => {
    const page = await playground.open('/confluence/settings/templates', {
      language: 'fr',
      colorMode: 'dark',
    });
    const frame = appFrame(page, 'templates-global-settings');
    const installation = frame.getByTestId('templates-installation-product-ops-OPS');
    await expect
      .poll(async () => installation.getByTestId('templates-adoption-edited').textContent(), {
        timeout: 20_000,
      })
      .toBe('1 sur 6');
    expect(await frame.getByTestId('templates-catalogue').textContent()).toContain('Pages lues');
    await screenshot(page, 'templates-catalogue-fr-dark');
    await page.context().close();
  });

  it('is for Confluence administrators only: a space admin is told so', async () => {
    const page = await playground.open('/confluence/settings/templates', {
      accountId: PRIYA,
      language: 'en',
    });
    const frame = appFrame(page, 'templates-global-settings');
    const refusal = frame.getByTestId('templates-catalogue-error');
    await refusal.waitFor({ timeout: 20_000 });
    expect(await refusal.textContent()).toBe(
      'Only Confluence administrators can see the template catalogue and import bundles. Ask one of them.',
    );
    expect(await frame.getByTestId('templates-installations').count()).toBe(0);
    await page.context().close();
  });
});

describe('exporting a page tree as a bundle', () => {
  it('downloads the tree under a picked page as YAML that imports back into the catalogue', async () => {
    const page = await playground.open('/confluence/space/OPS/settings', {
      accountId: PRIYA,
      language: 'en',
    });
    const frame = appFrame(page, 'templates-space-settings');
    await frame.getByTestId('templates-export').waitFor({ timeout: 20_000 });
    await pickAsync(frame, 'templates-export-root', 'Initech prod', 'Initech product operations');
    await expect
      .poll(async () => frame.getByTestId('templates-export-id').inputValue(), { timeout: 10_000 })
      .toBe('initech-product-operations');
    await frame.getByTestId('templates-export-id').fill('initech-ops');
    await screenshot(page, 'templates-export');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 20_000 }),
      frame.getByTestId('templates-export-download').click(),
    ]);
    expect(download.suggestedFilename()).toBe('initech-ops.yaml');
    const text = await readFile(await download.path(), 'utf8');
    const exported = parse(text) as {
      id: string;
      title: string;
      pages: { title: string; children: { title: string }[] }[];
    };
    expect(exported.id).toBe('initech-ops');
    expect(exported.pages.map((exportedPage) => exportedPage.title)).toEqual(['Initech product operations']);
    expect(exported.pages[0]?.children.map((child) => child.title)).toEqual([
      'Initech working agreements',
      'Initech rituals calendar',
    ]);
    await page.context().close();

    const catalogue = await playground.open('/confluence/settings/templates', { language: 'en' });
    const frameOfCatalogue = appFrame(catalogue, 'templates-global-settings');
    await frameOfCatalogue.getByTestId('templates-import').fill(text);
    await frameOfCatalogue.getByTestId('templates-import-submit').click();
    await expect
      .poll(async () => frameOfCatalogue.getByTestId('templates-catalogue').textContent(), {
        timeout: 20_000,
      })
      .toContain('Initech product operations');
    expect(await frameOfCatalogue.getByTestId('templates-import-problems').count()).toBe(0);
    await catalogue.context().close();
  });
});

/** A custom bundle of two pages, as a JSON file to import. */
function teamNotes(version: string, body: string): string {
  return JSON.stringify({
    id: 'team-notes',
    version,
    language: 'en',
    title: 'Team notes',
    pages: [
      {
        key: 'home',
        title: 'Team notes home',
        body,
        children: [{ key: 'faq', title: 'Team notes FAQ', body }],
      },
    ],
  });
}

async function importBundle(text: string): Promise<void> {
  // Confluence administrators import bundles (the site admin, by default).
  const page = await playground.open('/confluence/settings/templates', { language: 'en' });
  const frame = appFrame(page, 'templates-global-settings');
  await frame.getByTestId('templates-import').fill(text);
  await frame.getByTestId('templates-import-submit').click();
  await expect
    .poll(async () => frame.getByTestId('templates-import').inputValue(), { timeout: 20_000 })
    .toBe('');
  await page.context().close();
}

describe('upgrading a bundle whose pages people edited', () => {
  it('shows the block people and the new version both changed side by side, and installs only once chosen', async () => {
    await importBundle(teamNotes('1.0.0', '<p>First notes.</p>'));
    const page = await playground.open('/confluence/space/OPS/settings', {
      accountId: PRIYA,
      language: 'en',
    });
    const frame = appFrame(page, 'templates-space-settings');
    await pickBundle(frame, 'Team notes');
    await frame.getByTestId('templates-preview').click();
    await frame.getByTestId('templates-install').click();
    await expect
      .poll(async () => frame.getByTestId('templates-result').textContent(), { timeout: 30_000 })
      .toContain('2 created, 0 updated, 0 unchanged.');

    // Someone edits the FAQ in Confluence (version 2), then ops import version 1.1.0 of the bundle.
    const faqId = await editPage('OPS', 'Team notes FAQ', '<p>First notes, and our own answers.</p>');
    await importBundle(teamNotes('1.1.0', '<p>Better notes.</p>'));

    await page.reload();
    await pickBundle(frame, 'Team notes');
    // The space is behind: the installer says so before anything is previewed.
    await expect
      .poll(async () => frame.getByTestId('templates-installed-here').textContent(), { timeout: 20_000 })
      .toContain('Version 1.1.0 is available');
    await frame.getByTestId('templates-preview').click();
    await expect
      .poll(async () => frame.getByTestId('templates-plan-summary').textContent(), { timeout: 20_000 })
      .toBe('0 to create, 1 to update, 0 unchanged, 1 conflict');
    const block = frame.getByTestId('templates-conflict-faq-1');
    expect(await block.getByTestId('templates-conflict-faq-1-page-now').textContent()).toBe(
      'The page now (people’s edit)First notes, and our own answers.',
    );
    expect(await block.getByTestId('templates-conflict-faq-1-new-version').textContent()).toBe(
      'Version 1.1.0Better notes.',
    );
    // Nothing is written without a choice: Install is off, and says why.
    expect(await frame.getByTestId('templates-install').isDisabled()).toBe(true);
    expect(await frame.getByTestId('templates-install-waits').textContent()).toBe(
      '1 block waits for your choice below before you can install.',
    );
    await screenshot(page, 'templates-upgrade-conflict');

    // The link leads to Confluence's page comparison of the installed version and the edited one, on the site
    // the playground serves (reached as localhost or 127.0.0.1 alike).
    const link = block.getByRole('link', { name: 'what people changed' });
    const compare = new URL((await link.getAttribute('href')) ?? '');
    expect(compare.port).toBe(new URL(playground.url).port);
    expect(`${compare.pathname}${compare.search}`).toBe(
      `/wiki/pages/diffpagesbyversion.action?pageId=${faqId}&selectedPageVersions=1&selectedPageVersions=2`,
    );
    const [comparison] = await Promise.all([
      page.context().waitForEvent('page', { timeout: 20_000 }),
      link.click(),
    ]);
    await comparison.waitForLoadState();
    const columns = comparison.locator('.sv-columns > section');
    expect(await columns.allTextContents()).toEqual([
      expect.stringMatching(/^Version 1 \(earlier\)[\s\S]*First notes\.$/),
      expect.stringMatching(/^Version 2 \(current\)[\s\S]*First notes, and our own answers\.$/),
    ]);
    await screenshot(comparison, 'templates-compare-versions');
    await comparison.close();

    await block.getByTestId('templates-conflict-faq-1-both').click();
    await expect
      .poll(async () => frame.getByTestId('templates-plan-summary').textContent(), { timeout: 20_000 })
      .toBe('0 to create, 1 to update, 0 unchanged, 0 conflicts');
    expect(await frame.getByTestId('templates-conflict-faq-1-chosen').textContent()).toBe(
      'Your choice: kept both',
    );
    await frame.getByTestId('templates-install').click();
    await expect
      .poll(async () => frame.getByTestId('templates-result').textContent(), { timeout: 30_000 })
      .toContain('0 created, 2 updated');
    const faq = (await storedPages('OPS')).find((stored) => stored.title === 'Team notes FAQ');
    expect(faq?.body).toBe('<p>First notes, and our own answers.</p><p>Better notes.</p>');
    // The choice stays with the install: who made it, when, which.
    await expect
      .poll(async () => frame.getByTestId('templates-recorded-choices').textContent(), { timeout: 20_000 })
      .toMatch(
        /^Choices made at upgradesTeam notes FAQ, block 1: kept both \(version 1\.1\.0\), on \d+ \w+ \d{4}, byPriya Patel$/,
      );
    await screenshot(page, 'templates-upgrade-chosen');
  });

  it('uninstalls: archives the untouched page, keeps the edited one and lists both', async () => {
    const page = await playground.open('/confluence/space/OPS/settings', {
      accountId: PRIYA,
      language: 'en',
    });
    const frame = appFrame(page, 'templates-space-settings');
    await pickBundle(frame, 'Team notes');
    await frame.getByTestId('templates-installed-here').waitFor({ timeout: 20_000 });
    await frame.getByTestId('templates-uninstall').click();
    await frame.getByTestId('templates-uninstall-confirm').click();
    const uninstalled = frame.getByTestId('templates-uninstalled');
    await uninstalled.waitFor({ timeout: 20_000 });
    expect(await uninstalled.textContent()).toContain('1 page archived; 1 edited page kept.');
    expect(await frame.getByTestId('templates-uninstalled-kept').getByRole('link').allTextContents()).toEqual(
      ['Team notes FAQ'],
    );
    expect(
      await frame.getByTestId('templates-uninstalled-archived').getByRole('link').allTextContents(),
    ).toEqual(['Team notes home']);
    // Nothing is deleted: the FAQ is still a current page; the home page is archived, not gone.
    const titles = (await storedPages('OPS')).map((stored) => stored.title);
    expect(titles).toContain('Team notes FAQ');
    expect(titles).not.toContain('Team notes home');
    expect(await frame.getByTestId('templates-uninstall').isDisabled()).toBe(true);
    await screenshot(page, 'templates-uninstalled');
    await page.context().close();
  });
});
