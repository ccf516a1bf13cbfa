import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { templatesError } from './errors';
import { SHIPPED_BUNDLES } from '../../templates/bundles';
import { bundleSchema, type Bundle, type Language } from '../../templates/model';
import type { KeyValueStore } from '../ports';
import { storeKey } from '../storage-keys';

/**
 * What Vertebra keeps in its own store (KVS in Forge): one install record per space and bundle, and the
 * custom bundles ops imported. The page properties stay the truth about pages; records feed the catalogue.
 */

const installRecordSchema = z.object({
  bundleId: z.string(),
  version: z.string(),
  language: z.enum(['en', 'fr']),
  spaceKey: z.string(),
  spaceId: z.string(),
  parentId: z.string(),
  status: z.enum(['partial', 'installed', 'uninstalled']),
  installedAt: z.string(),
  installedBy: z.string().nullable(),
  pages: z.record(z.string(), z.string()),
  templates: z.record(z.string(), z.object({ id: z.string(), hash: z.string() })),
  variables: z.record(z.string(), z.string()),
  /** The choices people made on conflicting blocks, latest last (absent in records written before choices). */
  resolutions: z
    .array(
      z.object({
        pageKey: z.string(),
        page: z.string(),
        block: z.number(),
        choice: z.enum(['theirs', 'ours', 'both']),
        version: z.string(),
        chosenBy: z.string().nullable(),
        chosenAt: z.string(),
      }),
    )
    .optional(),
});

export type InstallRecord = z.output<typeof installRecordSchema>;

const RECORD_PREFIX = 'templates:install:';
const BUNDLE_PREFIX = 'templates:bundle:';

/**
 * A record's key: space keys go through `storeKey` (a personal space's key starts with `~`, which KVS refuses),
 * and reading the record first checks it, before an install writes any page.
 */
const recordKey = (spaceKey: string, bundleId: string): string =>
  storeKey('templates:install', spaceKey, bundleId);

/** The install record of a bundle in a space, if any (ignored when it does not parse: pages hold the truth). */
export async function readRecord(
  store: KeyValueStore,
  spaceKey: string,
  bundleId: string,
): Promise<InstallRecord | undefined> {
  const parsed = installRecordSchema.safeParse(await store.get(recordKey(spaceKey, bundleId)));
  return parsed.success ? parsed.data : undefined;
}

export async function writeRecord(store: KeyValueStore, record: InstallRecord): Promise<void> {
  await store.set(recordKey(record.spaceKey, record.bundleId), record);
}

/** Every install record, for the catalogue. */
export async function listRecords(store: KeyValueStore): Promise<InstallRecord[]> {
  const entries = await store.list<unknown>(RECORD_PREFIX);
  return entries.flatMap(({ value }) => {
    const parsed = installRecordSchema.safeParse(value);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * The body each page had as installed, the base of a three-way merge at the next upgrade. One value per page,
 * beside the record: a record holding every body would pass KVS's 240 KiB a value, and a body alone passes it
 * only past this size, when the page is left without a base (its edits then stay a conflict, never merged).
 */
const BASE_VALUE_BYTES = 200 * 1024;

const baseSchema = z.object({ pageKey: z.string(), body: z.string() });

const basePrefix = (spaceKey: string, bundleId: string): string =>
  `${storeKey('templates:base', spaceKey, bundleId)}:`;

/** The installed bodies of a bundle's pages in a space, by bundle page key (one listing, however many pages). */
export async function readBases(
  store: KeyValueStore,
  spaceKey: string,
  bundleId: string,
): Promise<Map<string, string>> {
  const entries = await store.list<unknown>(basePrefix(spaceKey, bundleId));
  const bases = new Map<string, string>();
  for (const { value } of entries) {
    const parsed = baseSchema.safeParse(value);
    if (parsed.success) bases.set(parsed.data.pageKey, parsed.data.body);
  }
  return bases;
}

/** Keeps the body a page was installed with; answers false when it is too large to keep. */
export async function writeBase(
  store: KeyValueStore,
  spaceKey: string,
  bundleId: string,
  pageKey: string,
  body: string,
): Promise<boolean> {
  const value = { pageKey, body };
  if (Buffer.byteLength(JSON.stringify(value), 'utf8') > BASE_VALUE_BYTES) return false;
  await store.set(storeKey('templates:base', spaceKey, bundleId, pageKey), value);
  return true;
}

/**
 * How long an install may hold its lock: a run that crashed never releases it, so its lease runs out. A
 * resolver call lasts at most 25 s and a CLI install seconds; a user after a crash waits this long at most.
 */
const LOCK_LEASE_MS = 2 * 60_000;

const lockSchema = z.object({ holder: z.string(), expiresAt: z.number() });

/**
 * Takes the lock of a bundle in a space for one install or uninstall, or fails with CONFLICT while another
 * holds it: two runs at once would each write the record from what they planned, and the last would erase the
 * other's templates. Answers the function that releases it (only if it is still this run's).
 */
export async function lockInstall(
  store: KeyValueStore,
  spaceKey: string,
  bundleId: string,
  now: number,
): Promise<() => Promise<void>> {
  const key = storeKey('templates:lock', spaceKey, bundleId);
  const lease = { holder: randomUUID(), expiresAt: now + LOCK_LEASE_MS };
  const running = () => templatesError('CONFLICT', 'installRunning', { space: spaceKey, bundle: bundleId });
  if (!(await store.setIfAbsent(key, lease))) {
    const held = lockSchema.safeParse(await store.get(key));
    if (held.success && held.data.expiresAt > now) throw running();
    // A lease that ran out (its run crashed) or cannot be read is taken over.
    await store.delete(key);
    if (!(await store.setIfAbsent(key, lease))) throw running();
  }
  return async () => {
    const current = lockSchema.safeParse(await store.get(key));
    if (current.success && current.data.holder === lease.holder) await store.delete(key);
  };
}

/** Bundles ops imported, stored per id and language. */
async function customBundles(store: KeyValueStore): Promise<Bundle[]> {
  const entries = await store.list<unknown>(BUNDLE_PREFIX);
  return entries.flatMap(({ value }) => {
    const parsed = bundleSchema.safeParse(value);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * An imported bundle is one stored value: Forge KVS takes 240 KiB of UTF-8 JSON a value, and a bundle file may
 * hold 400,000 characters (more bytes once accented or escaped), so it is refused above this, with headroom.
 */
const BUNDLE_VALUE_BYTES = 200 * 1024;

/** Saves an imported bundle; a shipped bundle's id cannot be taken over, and a bundle too large is refused. */
export async function saveCustomBundle(store: KeyValueStore, bundle: Bundle): Promise<void> {
  if (SHIPPED_BUNDLES.some((byLanguage) => byLanguage.en.id === bundle.id)) {
    throw templatesError('CONFLICT', 'bundleIdTaken', { bundle: bundle.id });
  }
  const bytes = Buffer.byteLength(JSON.stringify(bundle), 'utf8');
  if (bytes > BUNDLE_VALUE_BYTES) {
    throw templatesError('INVALID_INPUT', 'bundleTooLarge', {
      bundle: bundle.id,
      size: Math.ceil(bytes / 1024),
      limit: BUNDLE_VALUE_BYTES / 1024,
    });
  }
  await store.set(storeKey('templates:bundle', bundle.id, bundle.language), bundle);
}

/** Every bundle available: shipped ones first, then imported ones. */
export async function availableBundles(store: KeyValueStore): Promise<Bundle[]> {
  return [
    ...SHIPPED_BUNDLES.flatMap((byLanguage) => [byLanguage.en, byLanguage.fr]),
    ...(await customBundles(store)),
  ];
}

/** A bundle by id and language, falling back to another language of the same bundle; NOT_FOUND otherwise. */
export async function findBundle(store: KeyValueStore, id: string, language: Language): Promise<Bundle> {
  const candidates = (await availableBundles(store)).filter((bundle) => bundle.id === id);
  const bundle = candidates.find((candidate) => candidate.language === language) ?? candidates[0];
  if (!bundle) throw templatesError('NOT_FOUND', 'bundleNotFound', { bundle: id });
  return bundle;
}
