import { markBusy, type KeyValueStore } from '../../services/ports';
import {
  ForgeLimitError,
  jsonBytes,
  KVS_KEY_PATTERN,
  limitsOf,
  MinuteBudget,
  realClock,
  type ForgeLimits,
  type LocalLimitOptions,
} from './limits';

/** Forge KVS answers a query a page of at most this many entries, each page one read request. */
const QUERY_PAGE = 100;

function checkKey(key: string, limits: ForgeLimits): void {
  if (key.length > limits.kvsKeyChars)
    throw new ForgeLimitError(
      'kvsKeyChars',
      'KEY_TOO_LONG',
      `The store key "${key.slice(0, 40)}…" has ${String(key.length)} characters; Forge KVS takes ${String(limits.kvsKeyChars)}.`,
    );
  if (!KVS_KEY_PATTERN.test(key))
    throw new ForgeLimitError(
      'kvsKeyPattern',
      'INVALID_KEY',
      `The store key "${key}" does not match Forge KVS's pattern ${String(KVS_KEY_PATTERN)}.`,
    );
}

function depthOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let deepest = 0;
  for (const child of Object.values(value)) deepest = Math.max(deepest, depthOf(child));
  return deepest + 1;
}

function checkValue(key: string, value: unknown, limits: ForgeLimits): number {
  const bytes = jsonBytes(value);
  if (bytes > limits.kvsValueBytes)
    throw new ForgeLimitError(
      'kvsValueBytes',
      'MAX_SIZE',
      `The value of "${key}" is ${String(bytes)} bytes of JSON; Forge KVS takes ${String(limits.kvsValueBytes)}.`,
    );
  if (depthOf(value) > limits.kvsValueDepth)
    throw new ForgeLimitError(
      'kvsValueDepth',
      'MAX_DEPTH',
      `The value of "${key}" is nested deeper than Forge KVS's ${String(limits.kvsValueDepth)} levels.`,
    );
  return bytes;
}

/**
 * Wraps a local store in Forge KVS's limits: a key over 500 characters or off the pattern and a value over
 * 240 KiB (or 32 levels deep) are refused before anything is written, and every request spends read or write
 * units (its size in 10 KB units, at least one) from the installation's budget of the minute; past it a request
 * is refused as Forge answers it, with a rate-limit error.
 */
export function withKvsLimits(store: KeyValueStore, options: LocalLimitOptions = {}): KeyValueStore {
  const limits = limitsOf(options);
  const clock = options.clock ?? realClock;
  const reads = new MinuteBudget(clock, () => limits.kvsReadUnitsPerMinute);
  const writes = new MinuteBudget(clock, () => limits.kvsWriteUnitsPerMinute);
  const unitsOf = (bytes: number): number => Math.max(1, Math.ceil(bytes / limits.kvsUnitBytes));
  const observer = options.observer;

  function spend(budget: MinuteBudget, units: number, kind: 'read' | 'write'): void {
    if (budget.trySpend(units)) {
      observer?.kvs(kind, units, clock.now());
      return;
    }
    const limit = kind === 'read' ? 'kvsReadUnitsPerMinute' : 'kvsWriteUnitsPerMinute';
    throw markBusy(
      new ForgeLimitError(
        limit,
        'RATE_LIMIT_EXCEEDED',
        `The installation's KVS ${kind}s are over Forge's ${String(limits[limit])} units (of 10 KB) a minute.`,
      ),
    );
  }

  /** Runs one request, telling the observer of a refusal (the app may catch it and carry on). */
  async function metered<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      if (error instanceof ForgeLimitError) observer?.refused(error);
      throw error;
    }
  }

  return {
    get<T>(key: string): Promise<T | undefined> {
      return metered(async () => {
        checkKey(key, limits);
        const value = await store.get<T>(key);
        spend(reads, unitsOf(value === undefined ? 0 : jsonBytes(value)), 'read');
        return value;
      });
    },
    set(key, value) {
      return metered(async () => {
        checkKey(key, limits);
        spend(writes, unitsOf(checkValue(key, value, limits)), 'write');
        await store.set(key, value);
      });
    },
    setIfAbsent(key, value) {
      return metered(async () => {
        checkKey(key, limits);
        spend(writes, unitsOf(checkValue(key, value, limits)), 'write');
        return store.setIfAbsent(key, value);
      });
    },
    delete(key) {
      return metered(async () => {
        checkKey(key, limits);
        spend(writes, 1, 'write');
        await store.delete(key);
      });
    },
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the port's signature: the caller names what it stored
    list<T>(prefix: string) {
      return metered(async () => {
        const entries = await store.list<T>(prefix);
        for (let start = 0; start === 0 || start < entries.length; start += QUERY_PAGE)
          spend(reads, unitsOf(jsonBytes(entries.slice(start, start + QUERY_PAGE))), 'read');
        return entries;
      });
    },
  };
}
