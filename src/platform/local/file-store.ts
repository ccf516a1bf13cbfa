import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { KeyValueStore } from '../../services/ports';
import { withKvsLimits } from './kvs-limits';
import type { LocalLimitOptions } from './limits';

/**
 * `KeyValueStore` in JSON files under a folder (e.g. `.vertebra/store/`), one file per namespace: the part of
 * the key before the first `:` (`hygiene:rules` → `hygiene.json`). Writes go to a temporary file renamed over
 * the old one, so a crash never leaves half a file; writes within one process are serialised per file. Forge
 * KVS's limits hold (`withKvsLimits`).
 */
export function createFileStore(directory: string, options: LocalLimitOptions = {}): KeyValueStore {
  const pending = new Map<string, Promise<unknown>>();

  const fileOf = (key: string): string => {
    const namespace = key.includes(':') ? key.slice(0, key.indexOf(':')) : 'default';
    return path.join(directory, `${encodeURIComponent(namespace)}.json`);
  };

  async function load(file: string): Promise<Record<string, unknown>> {
    try {
      return JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
  }

  /** Runs `change` after every earlier change to the same file, then saves atomically. */
  function update(file: string, change: (entries: Record<string, unknown>) => void): Promise<void> {
    const previous = pending.get(file) ?? Promise.resolve();
    const next = previous
      .catch(() => undefined)
      .then(async () => {
        const entries = await load(file);
        change(entries);
        await mkdir(directory, { recursive: true });
        const temporary = `${file}.${String(process.pid)}.${String(Date.now())}.tmp`;
        await writeFile(temporary, JSON.stringify(entries, null, 2));
        await rename(temporary, file);
      });
    pending.set(file, next);
    return next;
  }

  async function settled(file: string): Promise<void> {
    await pending.get(file)?.catch(() => undefined);
  }

  return withKvsLimits(
    {
      async get<T>(key: string): Promise<T | undefined> {
        const file = fileOf(key);
        await settled(file);
        return (await load(file))[key] as T | undefined;
      },
      set: (key, value) =>
        update(fileOf(key), (entries) => {
          entries[key] = JSON.parse(JSON.stringify(value)) as unknown;
        }),
      // Atomic within one process (changes to a file are serialised); two processes sharing a folder can race.
      async setIfAbsent(key, value) {
        let wrote = false;
        await update(fileOf(key), (entries) => {
          if (Object.hasOwn(entries, key)) return;
          Object.defineProperty(entries, key, {
            value: JSON.parse(JSON.stringify(value)) as unknown,
            enumerable: true,
            writable: true,
            configurable: true,
          });
          wrote = true;
        });
        return wrote;
      },
      delete: (key) =>
        update(fileOf(key), (entries) => {
          // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- the store is a map keyed by user keys
          delete entries[key];
        }),
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the port's signature: the caller names what it stored
      async list<T>(prefix: string): Promise<{ key: string; value: T }[]> {
        const file = fileOf(prefix.includes(':') ? prefix : `${prefix}:`);
        const files = prefix.includes(':') ? [file] : await allFiles();
        const found: { key: string; value: T }[] = [];
        for (const each of files) {
          await settled(each);
          for (const [key, value] of Object.entries(await load(each))) {
            if (key.startsWith(prefix)) found.push({ key, value: value as T });
          }
        }
        return found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      },
    },
    options,
  );

  async function allFiles(): Promise<string[]> {
    const { readdir } = await import('node:fs/promises');
    try {
      return (await readdir(directory))
        .filter((name) => name.endsWith('.json'))
        .map((name) => path.join(directory, name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }
}
