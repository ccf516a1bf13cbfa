import { ForgeKvsAPIError, kvs, WhereConditions } from '@forge/kvs';
import { markBusy, type KeyValueStore } from '../../services/ports';

/** Forge KVS answers at most this many entries a query page. */
const PAGE_SIZE = 100;

/** KVS answers 429 RATE_LIMIT_EXCEEDED past the installation's read or write units of a minute. */
async function kvsCall<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (error instanceof ForgeKvsAPIError && error.responseDetails.status === 429) throw markBusy(error);
    throw error;
  }
}

/** `KeyValueStore` over Forge's key-value storage (`storage:app`), listing by key prefix with cursor paging. */
export const forgeStore: KeyValueStore = {
  get: <T>(key: string) => kvsCall(() => kvs.get<T>(key)),
  set: (key, value) => kvsCall(() => kvs.set(key, value)),
  async setIfAbsent(key, value) {
    try {
      await kvsCall(() => kvs.set(key, value, { keyPolicy: 'FAIL_IF_EXISTS' }));
      return true;
    } catch (error) {
      // KVS answers 409 when the key exists: the lock is someone else's.
      if (error instanceof ForgeKvsAPIError && error.responseDetails.status === 409) return false;
      throw error;
    }
  },
  delete: (key) => kvsCall(() => kvs.delete(key)),
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the port's signature: the caller names what it stored
  async list<T>(prefix: string) {
    const entries: { key: string; value: T }[] = [];
    let cursor: string | undefined;
    do {
      let query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(PAGE_SIZE);
      if (cursor !== undefined) query = query.cursor(cursor);
      const page = await kvsCall(() => query.getMany<T>());
      for (const result of page.results) entries.push({ key: result.key, value: result.value });
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    return entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  },
};
