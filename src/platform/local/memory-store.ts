import type { KeyValueStore } from '../../services/ports';
import { withKvsLimits } from './kvs-limits';
import type { LocalLimitOptions } from './limits';

/**
 * `KeyValueStore` in memory, for tests and throw-away runs, inside Forge KVS's limits (`withKvsLimits`). Values
 * are copied so callers cannot alias them; `initial` entries are taken as they are, as data already stored.
 */
export function createMemoryStore(
  initial: Record<string, unknown> = {},
  options: LocalLimitOptions = {},
): KeyValueStore {
  const entries = new Map<string, string>(
    Object.entries(initial).map(([key, value]) => [key, JSON.stringify(value)]),
  );
  return withKvsLimits(
    {
      get<T>(key: string): Promise<T | undefined> {
        const text = entries.get(key);
        return Promise.resolve(text === undefined ? undefined : (JSON.parse(text) as T));
      },
      set(key: string, value: unknown): Promise<void> {
        entries.set(key, JSON.stringify(value));
        return Promise.resolve();
      },
      setIfAbsent(key: string, value: unknown): Promise<boolean> {
        if (entries.has(key)) return Promise.resolve(false);
        entries.set(key, JSON.stringify(value));
        return Promise.resolve(true);
      },
      delete(key: string): Promise<void> {
        entries.delete(key);
        return Promise.resolve();
      },
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the port's signature: the caller names what it stored
      list<T>(prefix: string): Promise<{ key: string; value: T }[]> {
        const keys = [...entries.keys()].filter((key) => key.startsWith(prefix)).sort();
        return Promise.resolve(
          keys.map((key) => ({ key, value: JSON.parse(entries.get(key) as string) as T })),
        );
      },
    },
    options,
  );
}
