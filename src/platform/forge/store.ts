import { ForgeKvsAPIError, kvs, WhereConditions } from '@forge/kvs';
import type { KeyValueStore } from '../../services/ports';

/** Forge KVS answers at most this many entries a query page. */
const PAGE_SIZE = 100;

/** `KeyValueStore` over Forge's key-value storage (`storage:app`), listing by key prefix with cursor paging. */
export const forgeStore: KeyValueStore = {
  get: <T>(key: string) => kvs.get<T>(key),
  set: (key, value) => kvs.set(key, value),
  async setIfAbsent(key, value) {
    try {
      await kvs.set(key, value, { keyPolicy: 'FAIL_IF_EXISTS' });
      return true;
    } catch (error) {
      // KVS answers 409 when the key exists: the lock is someone else's.
      if (error instanceof ForgeKvsAPIError && error.responseDetails.status === 409) return false;
      throw error;
    }
  },
  delete: (key) => kvs.delete(key),
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the port's signature: the caller names what it stored
  async list<T>(prefix: string) {
    const entries: { key: string; value: T }[] = [];
    let cursor: string | undefined;
    do {
      let query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(PAGE_SIZE);
      if (cursor !== undefined) query = query.cursor(cursor);
      const page = await query.getMany<T>();
      for (const result of page.results) entries.push({ key: result.key, value: result.value });
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    return entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  },
};
