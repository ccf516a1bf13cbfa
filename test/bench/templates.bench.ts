/**
 * Templates: installing a 15-page bundle over a sandbox adding 50 ms per request. Figures: requests, reads,
 * writes per page and wall time of a first install, a second run (must write nothing) and an upgrade, against a
 * baseline that installs page by page the obvious way (look each title up, read its property, then write).
 */
import { ConfluenceClient } from '../../src/atlassian/confluence';
import { createHttpTransport, createMemoryStore } from '../../src/platform/local';
import { installBundle } from '../../src/services/templates/install';
import { type InstallRequest } from '../../src/services/templates/prepare';
import { saveCustomBundle } from '../../src/services/templates/records';
import type { TemplatesContext } from '../../src/services/templates/space';
import { bundleSchema, flattenPages, PAGE_PROPERTY_KEY, type BundleInput } from '../../src/templates/model';
import { renderBundle } from '../../src/templates/plan';
import { resolveVariables } from '../../src/templates/variables';
import { benchSandbox, check, measure, printFigures } from './harness';

const LATENCY_MS = 50;
const PRIYA = '712020:a0000000-0000-4000-8000-000000000002';

/**
 * A bundle of 15 pages: a home page, four sections, ten pages below them; the pages named in `added` end with
 * a section the others lack (a newer version that changes some pages only).
 */
function fifteenPages(
  id: string,
  version: string,
  wording: string,
  added: ReadonlySet<string> = new Set(),
): BundleInput {
  const extra = (key: string): string => (added.has(key) ? '<h2>Decisions</h2><p>What we decided.</p>' : '');
  const leaf = (section: number, index: number) => ({
    key: `s${section}-p${index}`,
    title: `{{team}} ${id} ${section}.${index}`,
    body: `<p>${wording} ${section}.${index} for {{team}}</p>${extra(`s${section}-p${index}`)}`,
  });
  const sections = [0, 1, 2, 3].map((section) => ({
    key: `s${section}`,
    title: `{{team}} ${id} section ${section}`,
    body: `<h2>Section ${section}</h2><p>${wording}</p>${extra(`s${section}`)}`,
    children: [0, 1, 2].map((index) => leaf(section, index)).slice(0, section < 2 ? 3 : 2),
  }));
  return {
    id,
    version,
    language: 'en',
    title: `Bench ${id}`,
    variables: [{ name: 'team', type: 'text', label: 'Team' }],
    pages: [
      {
        key: 'home',
        title: `{{team}} ${id} home`,
        body: `<p>${wording}</p>${extra('home')}`,
        children: sections,
      },
    ],
  };
}

/** The pages people edit before the 1.2.0 upgrade (each gets a first line of their own), by title. */
const EDITED = ['0.0', '0.1', '1.0', '1.1', '2.0'].map((leaf) => `Payments bench ${leaf}`);
/** The pages 1.2.0 changes: the five edited, and three untouched. */
const CHANGED = new Set(['s0-p0', 's0-p1', 's1-p0', 's1-p1', 's2-p0', 'home', 's0', 's3-p1']);

const byKind = (byEndpoint: Record<string, number>) => {
  const entries = Object.entries(byEndpoint);
  const sum = (keep: (endpoint: string) => boolean) =>
    entries.filter(([endpoint]) => keep(endpoint)).reduce((total, [, count]) => total + count, 0);
  return {
    reads: sum((endpoint) => endpoint.startsWith('GET ')),
    writes: sum((endpoint) => !endpoint.startsWith('GET ')),
  };
};

/** Runs the templates benchmark and checks the request budget of the issue. */
export async function run(): Promise<void> {
  const sandbox = await benchSandbox({ seeds: ['demo'], latencyMs: LATENCY_MS });
  try {
    const transport = createHttpTransport({ siteUrl: sandbox.url, actAs: PRIYA });
    const client = new ConfluenceClient(transport);
    const store = createMemoryStore();
    const context: TemplatesContext = {
      confluence: client,
      store,
      clock: { now: () => new Date('2026-11-16T09:00:00Z'), sleep: () => Promise.resolve() },
      actorAccountId: PRIYA,
    };
    const request = (bundleId: string): InstallRequest => ({
      spaceKey: 'OPS',
      bundleId,
      language: 'en',
      variables: { team: 'Payments' },
    });
    await saveCustomBundle(store, bundleSchema.parse(fifteenPages('bench', '1.0.0', 'First words')));
    check(
      flattenPages(bundleSchema.parse(fifteenPages('bench', '1.0.0', '')).pages).length === 15,
      'the bench bundle has 15 pages',
    );

    // Baseline: page by page, each looked up by title and its property read before writing.
    const space = sandbox.confluence.state.spaceByKey('OPS');
    if (!space) throw new Error('OPS space missing');
    const naiveBundle = bundleSchema.parse(fifteenPages('naive', '1.0.0', 'First words'));
    const values = resolveVariables(naiveBundle.variables, { team: 'Payments' });
    if (!values.ok) throw new Error('bad bench variables');
    const rendered = renderBundle(naiveBundle, values.values);
    const baseline = await measure(sandbox, async () => {
      const ids = new Map<string, string>();
      for (const page of rendered.pages) {
        const found = await client.findPageByTitle(space.id, page.title);
        if (found) {
          await client.getPageProperty(found.id, PAGE_PROPERTY_KEY);
          ids.set(page.key, found.id);
          continue;
        }
        const created = await client.createPage({
          spaceId: space.id,
          parentId: page.parentKey ? (ids.get(page.parentKey) ?? space.homepageId) : space.homepageId,
          title: page.title,
          body: page.body,
        });
        await client.createPageProperty(created.id, PAGE_PROPERTY_KEY, {
          bundleId: 'naive',
          version: '1.0.0',
          pageKey: page.key,
          hash: page.hash,
        });
        ids.set(page.key, created.id);
      }
    });

    const first = await measure(sandbox, () => installBundle(context, request('bench')));
    const second = await measure(sandbox, () => installBundle(context, request('bench')));
    await saveCustomBundle(store, bundleSchema.parse(fifteenPages('bench', '1.1.0', 'Newer words')));
    const upgrade = await measure(sandbox, () => installBundle(context, request('bench')));

    // People edit five pages; 1.2.0 adds a section to eight pages, those five among them: five merges.
    for (const stored of sandbox.confluence.state.pages.values()) {
      if (!EDITED.includes(stored.title) || stored.status !== 'current') continue;
      stored.body = `<p>Our own first line.</p>${stored.body}`;
      stored.version.number += 1;
    }
    await saveCustomBundle(store, bundleSchema.parse(fifteenPages('bench', '1.2.0', 'Newer words', CHANGED)));
    const merging = await measure(sandbox, () => installBundle(context, request('bench')));

    // A shipped bundle as it is, for the record: labels cost one v1 write per labelled page (v2 cannot set them
    // at creation), and each page template one write.
    const shipped = await measure(sandbox, () =>
      installBundle(context, {
        spaceKey: 'OPS',
        bundleId: 'product-ops',
        language: 'en',
        variables: { orgName: 'Bench', opsLead: PRIYA, teams: 'Payments', quarterStart: '2027-01-04' },
      }),
    );

    const rows = [
      { name: 'baseline: page by page (15 pages)', timed: baseline },
      { name: 'install, first run (15 pages)', timed: first },
      { name: 'install, second run (nothing to do)', timed: second },
      { name: 'upgrade to 1.1.0 (15 pages updated)', timed: upgrade },
      { name: 'upgrade to 1.2.0 (8 pages change, 5 edited by people)', timed: merging },
    ];
    printFigures(
      `Templates: a 15-page bundle over a sandbox with ${LATENCY_MS} ms per request`,
      rows.map(({ name, timed }) => {
        const { reads, writes } = byKind(timed.byEndpoint);
        return {
          name,
          requests: timed.requests,
          ms: timed.ms,
          note:
            timed === merging
              ? `${reads} reads, ${writes} writes (${(writes / CHANGED.size).toFixed(2)} per changed page, ${writes - 2 * CHANGED.size} on the 7 unchanged)`
              : `${reads} reads, ${writes} writes (${(writes / 15).toFixed(2)} per page)`,
        };
      }),
    );
    const shippedKinds = byKind(shipped.byEndpoint);
    console.log(
      `product-ops as shipped (6 pages, 2 of them labelled, 3 page templates): ${String(shipped.requests)} requests, ${String(shippedKinds.reads)} reads, ${String(shippedKinds.writes)} writes, ${String(Math.round(shipped.ms))} ms (reported)`,
    );
    const firstKinds = byKind(first.byEndpoint);
    const secondKinds = byKind(second.byEndpoint);
    const upgradeKinds = byKind(upgrade.byEndpoint);
    check(first.result.created === 15, `the first run creates 15 pages (created ${first.result.created})`);
    check(firstKinds.writes <= 30, `at most 2 writes per page on install (${firstKinds.writes})`);
    check(firstKinds.reads <= 5, `at most 5 reads on install (${firstKinds.reads})`);
    check(secondKinds.writes === 0, `the second run writes nothing (${secondKinds.writes})`);
    check(secondKinds.reads <= 5, `at most 5 reads on the second run (${secondKinds.reads})`);
    check(
      upgrade.result.updated === 15 && upgradeKinds.writes <= 30,
      `the upgrade updates 15 pages in at most 30 writes (${upgradeKinds.writes})`,
    );
    const mergingKinds = byKind(merging.byEndpoint);
    check(
      merging.result.updated === CHANGED.size && merging.result.merged === EDITED.length,
      `1.2.0 changes 8 pages, merging the 5 edited (updated ${merging.result.updated}, merged ${merging.result.merged})`,
    );
    check(
      mergingKinds.reads <= 3 * CHANGED.size && mergingKinds.writes === 2 * CHANGED.size,
      `at most 3 reads and exactly 2 writes per changed page, none for the unchanged (${mergingKinds.reads} reads, ${mergingKinds.writes} writes)`,
    );
  } finally {
    await sandbox.close();
  }
}
