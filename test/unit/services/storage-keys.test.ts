import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/contract/result';
import { KVS_KEY_PATTERN } from '../../../src/platform/local/limits';
import { createMemoryStore } from '../../../src/platform/local/memory-store';
import { KEYS, loadAllAcknowledgements, saveAcknowledgement } from '../../../src/services/hygiene/store';
import { keyPart, storeKey } from '../../../src/services/storage-keys';
import {
  listRecords,
  readRecord,
  writeRecord,
  type InstallRecord,
} from '../../../src/services/templates/records';

describe('a store key part from text people or sites chose', () => {
  it.each([
    ['a Jira project key, unchanged', 'GRW', 'GRW'],
    ['an issue key, unchanged', 'GRW-1204', 'GRW-1204'],
    ['a scan id, unchanged', '0b6f3c9e-1d2a-4c4b-9a57-2f9d7c1e8a10', '0b6f3c9e-1d2a-4c4b-9a57-2f9d7c1e8a10'],
    ['a personal space key, its “~” encoded', '~alice', '#7Ealice'],
    ['a name with an accent and a space', 'Équipe produit', '#C3#89quipe#20produit'],
    ['a colon, which separates parts', 'a:b', 'a#3Ab'],
    ['the escape character itself', '#1', '#231'],
  ])('encodes %s', (_name, text, expected) => {
    expect(keyPart(text)).toBe(expected);
    expect(KVS_KEY_PATTERN.test(storeKey('templates:install', text))).toBe(true);
  });

  it('refuses, before any write, a key that would be over KVS’s 500 characters', () => {
    const error = (() => {
      try {
        return storeKey('templates:install', '~'.repeat(200), 'product-ops');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'INVALID_INPUT' });
  });
});

const record: InstallRecord = {
  bundleId: 'product-ops',
  version: '1.0.0',
  language: 'en',
  spaceKey: '~alice',
  spaceId: '98304',
  parentId: '98305',
  status: 'installed',
  installedAt: '2026-11-16T09:00:00.000Z',
  installedBy: 'u-alice',
  pages: { home: '98306' },
  templates: {},
  variables: {},
};

describe('keys built from space, project and issue keys, in a store that refuses what KVS refuses', () => {
  it('keeps the install record of a bundle in a personal space (~alice)', async () => {
    const store = createMemoryStore();
    await writeRecord(store, record);
    expect(await readRecord(store, '~alice', 'product-ops')).toEqual(record);
    expect(await listRecords(store)).toEqual([record]);
  });

  it('lists a project’s acknowledgements and no other project’s, whatever its key', async () => {
    const store = createMemoryStore();
    const ack = (issue: string) => ({
      issue,
      rule: 'stale-in-progress',
      reason: 'r',
      expires: '2027-01-01T00:00:00Z',
    });
    await saveAcknowledgement(store, ack('AB-1'), 0);
    await saveAcknowledgement(store, ack('ABC-2'), 0);
    expect((await loadAllAcknowledgements(store, 'AB')).map((a) => a.issue)).toEqual(['AB-1']);
    expect(KEYS.snapshot('AB', '2026-11-16')).toBe('hygiene:snapshot:AB:2026-11-16');
  });
});
