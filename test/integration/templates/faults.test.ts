import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfluenceClient } from '../../../src/atlassian/confluence';
import type { Transport } from '../../../src/atlassian/transport';
import { createHttpTransport, createMemoryStore } from '../../../src/platform/local';
import { installBundle } from '../../../src/services/templates/install';
import { prepareInstall, type InstallRequest } from '../../../src/services/templates/prepare';
import type { Resolution } from '../../../src/services/templates/resolutions';
import { mergeConflicts, type ConflictChoice } from '../../../src/templates/merge';
import { findBundle } from '../../../src/services/templates/records';
import type { TemplatesContext } from '../../../src/services/templates/space';
import { PAGE_PROPERTY_KEY } from '../../../src/templates/model';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';

const PRIYA = '712020:a0000000-0000-4000-8000-000000000002';

let sandbox: RunningSandbox;
let context: TemplatesContext;

const request = (teams: string): InstallRequest => ({
  spaceKey: 'OPS',
  bundleId: 'product-ops',
  language: 'en',
  variables: { orgName: 'Northwind', opsLead: PRIYA, teams, quarterStart: '2027-01-04' },
});

/** Runs cut off by a failure, over the whole file: the resume is only tested if some were. */
let cutOff = 0;

/**
 * The same choice for every conflicting block of the plan, as a person pressing it on each would after a
 * preview (tried until a preview gets through the failures).
 */
async function choosing(teams: string, choice: ConflictChoice): Promise<Resolution[]> {
  for (let run = 1; run <= 60; run++) {
    try {
      const { plan } = await prepareInstall(context, request(teams));
      return plan.pages.flatMap((step) =>
        mergeConflicts(step.merge ?? []).map((_, index) => ({ pageKey: step.key, block: index + 1, choice })),
      );
    } catch {
      // the preview failed: shown again
    }
  }
  throw new Error('no preview got through');
}

/**
 * Runs the install again and again, as a user would after an error, until one run finishes; with `settle`,
 * the person first previews the plan and chooses so on every conflicting block, and every run sends it.
 */
async function installUntilDone(teams: string, settle?: ConflictChoice): Promise<number> {
  const resolutions = settle ? await choosing(teams, settle) : [];
  for (let run = 1; run <= 60; run++) {
    try {
      const outcome = await installBundle(context, { ...request(teams), resolutions });
      if (outcome.remaining === 0) return run;
    } catch {
      // A request failed after its retries: the next run resumes from what the space holds.
      cutOff++;
    }
  }
  throw new Error('the install never finished');
}

function bundlePages() {
  const space = sandbox.confluence.state.spaceByKey('OPS');
  return [...sandbox.confluence.state.pages.values()].filter(
    (page) =>
      page.spaceId === space?.id && page.status === 'current' && page.properties.has(PAGE_PROPERTY_KEY),
  );
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seeds: ['demo'], failRate: 0.2, seedNumber: 7 });
  context = {
    confluence: new ConfluenceClient(createHttpTransport({ siteUrl: sandbox.url, actAs: PRIYA }), {
      // One attempt a request: with one request in five failing, most runs stop halfway and must resume.
      retry: { sleep: () => Promise.resolve(), maxAttempts: 1 },
    }),
    store: createMemoryStore(),
    clock: { now: () => new Date('2026-11-16T09:00:00Z'), sleep: () => Promise.resolve() },
    actorAccountId: PRIYA,
  };
});
afterAll(async () => {
  await sandbox.close();
});

describe('installing while one request in five fails', () => {
  it('repeated installs end with exactly the bundle pages, no duplicates, no lost edits', async () => {
    await installUntilDone('Payments');
    const keys = bundlePages().map(
      (page) => (page.properties.get(PAGE_PROPERTY_KEY)?.value as { pageKey: string }).pageKey,
    );
    expect(keys.sort()).toEqual([
      'definition-of-done',
      'definition-of-ready',
      'home',
      'jira-hygiene',
      'rituals',
      'working-agreements',
    ]);
    expect(sandbox.confluence.state.templates.size).toBe(3);
    // Every page the bundle labels has its labels, whichever write a failure cut.
    const labelled = (await findBundle(createMemoryStore(), 'product-ops', 'en')).pages.filter(
      (page) => page.labels.length > 0,
    );
    expect(labelled.length).toBeGreaterThan(0);
    for (const wanted of labelled) {
      const page = bundlePages().find(
        (candidate) =>
          (candidate.properties.get(PAGE_PROPERTY_KEY)?.value as { pageKey: string }).pageKey === wanted.key,
      );
      expect(page?.labels).toEqual(expect.arrayContaining([...wanted.labels]));
    }

    // People edit the home page; an upgrade that changes the teams runs under the same failures.
    const home = bundlePages().find((page) => page.title === 'Northwind product operations');
    if (!home) throw new Error('home page missing');
    home.body = '<p>Our own home page</p>';
    home.version.number += 1;
    await installUntilDone('Payments, Checkout', 'theirs');

    expect(bundlePages()).toHaveLength(6);
    expect(home.body).toBe('<p>Our own home page</p>');
    const rituals = bundlePages().find((page) => page.title === 'Northwind rituals calendar');
    expect(rituals?.body).toContain('Payments, Checkout');
    const space = sandbox.confluence.state.spaceByKey('OPS');
    const titles = [...sandbox.confluence.state.pages.values()]
      .filter((page) => page.spaceId === space?.id)
      .map((page) => page.title);
    expect(new Set(titles).size).toBe(titles.length);
    expect(cutOff).toBeGreaterThan(0);
  });
});

describe('upgrading while one request in five fails', () => {
  it('repeated upgrades end with exactly the merge of people’s edit and the new version, once', async () => {
    // The home page people rewrote above conflicts with every change of teams: they keep theirs.
    await installUntilDone('Payments', 'theirs');
    const rituals = bundlePages().find((page) => page.title === 'Northwind rituals calendar');
    if (!rituals) throw new Error('rituals page missing');
    const installed = rituals.body;
    expect(installed).toContain('for Payments.');
    rituals.body += '<p>Our note</p>';
    rituals.version.number += 1;
    await installUntilDone('Payments, Growth', 'theirs');

    // Whitespace inside tags aside (a merged block is written back by the XML builder).
    const flat = (body: string): string => body.replace(/\s*\/>/g, '/>').replace(/>\s+</g, '><');
    expect(flat(rituals.body)).toBe(
      flat(`${installed.replaceAll('Payments', 'Payments, Growth')}<p>Our note</p>`),
    );
    expect(bundlePages()).toHaveLength(6);
  });
});

describe('installing when writes land but their answers are lost', () => {
  it('never creates a page twice: a lost answer to a create is found by title before trying again', async () => {
    const space = sandbox.confluence.state.spaceByKey('ENG');
    const inner = createHttpTransport({ siteUrl: sandbox.url });
    let writes = 0;
    // Every third write reaches Confluence, then the answer is lost (a gateway error on the way back).
    const lossy: Transport = {
      async request(request) {
        const response = await inner.request(request);
        if (request.method !== 'GET' && ++writes % 3 === 0)
          return { status: 502, headers: {}, body: 'Bad gateway' };
        return response;
      },
    };
    const lossyContext: TemplatesContext = {
      ...context,
      confluence: new ConfluenceClient(lossy, { retry: { sleep: () => Promise.resolve() } }),
      store: createMemoryStore(),
    };
    const eng: InstallRequest = {
      spaceKey: 'ENG',
      bundleId: 'pm-onboarding',
      language: 'fr',
      variables: { teamName: 'Plateforme', buddy: PRIYA, startDate: '2026-12-01' },
    };
    let finished = false;
    for (let run = 1; run <= 20 && !finished; run++) {
      try {
        finished = (await installBundle(lossyContext, eng)).remaining === 0;
      } catch {
        // resumed by the next run
      }
    }
    expect(finished).toBe(true);
    const titles = [...sandbox.confluence.state.pages.values()]
      .filter((page) => page.spaceId === space?.id && page.status === 'current')
      .map((page) => page.title);
    const camp = titles.filter((title) => title.includes('Plateforme'));
    expect(camp.sort()).toEqual([
      'Product camp : Plateforme',
      'Product camp Plateforme : glossaire',
      'Product camp Plateforme : outils',
      'Product camp Plateforme : premier mois',
      'Product camp Plateforme : première semaine',
      'Product camp Plateforme : qui fait quoi',
    ]);
    const second = await installBundle({ ...lossyContext, confluence: new ConfluenceClient(inner) }, eng);
    expect(second).toMatchObject({ created: 0, updated: 0, skipped: 6 });
  });
});
