import type { Clock, KeyValueStore } from '../ports';

/**
 * Forge KVS counts every request in units of 10 KB of its value (one at least) against 4,000 read and 4,000 write
 * units a minute per installation, and refuses requests past them (429 RATE_LIMIT_EXCEEDED):
 * https://developer.atlassian.com/platform/forge/limits-kvs-ce. One job step that reads or writes more than a
 * minute's budget (the finish of a 100,000-issue report) would be refused half-way, so a step's store is paced.
 */
const UNIT_BYTES = 10 * 1024;
/** A step spends at most this much of each minute's budget; parts, pages and other jobs share the rest. */
const STEP_SHARE = { read: 2000, write: 2000 } as const;
/** The largest value KVS takes (240 KiB) is 24 units: a request is admitted only while that much is left. */
const LARGEST_REQUEST_UNITS = 24;
/** Forge counts its rate limits in one-minute windows. */
const WINDOW_MS = 60_000;
/** Forge KVS answers a query a page of at most 100 entries, each page a request of its own. */
const QUERY_PAGE = 100;

type Kind = 'read' | 'write';

const bytesOf = (value: unknown): number => Buffer.byteLength(JSON.stringify(value ?? null), 'utf8');
const unitsOf = (bytes: number): number => Math.max(1, Math.ceil(bytes / UNIT_BYTES));

function listUnits(entries: readonly unknown[]): number {
  let units = 0;
  for (let start = 0; start === 0 || start < entries.length; start += QUERY_PAGE)
    units += unitsOf(bytesOf(entries.slice(start, start + QUERY_PAGE)));
  return units;
}

/**
 * `store` as one invocation should use it: once the requests made through it near `share` units of a kind, it
 * waits a whole minute before the next one. Every request of a minute window then comes from one stretch of at
 * most `share` units, whatever the window's boundaries, so a long step never meets the rate limit on its own.
 * Each request reserves the largest size before it runs and is counted at its real size once answered, so
 * requests in flight side by side cannot overshoot either. A query is counted page by page, after it answers:
 * steps list small values only (markers), and read large ones by key.
 */
export function pacedStore(
  store: KeyValueStore,
  clock: Pick<Clock, 'sleep'>,
  share: Readonly<Record<Kind, number>> = STEP_SHARE,
): KeyValueStore {
  let spent = { read: 0, write: 0 };
  /** Which stretch a request reserved in: one answered after a pause is not taken from the next stretch. */
  let stretch = 0;
  let pause: Promise<void> | undefined;

  function waitAMinute(): Promise<void> {
    pause ??= clock.sleep(WINDOW_MS).then(() => {
      spent = { read: 0, write: 0 };
      stretch += 1;
      pause = undefined;
    });
    return pause;
  }

  async function paced<T>(kind: Kind, request: () => Promise<T>, units: (answer: T) => number): Promise<T> {
    while (spent[kind] + LARGEST_REQUEST_UNITS > share[kind]) await waitAMinute();
    const reservedIn = stretch;
    spent[kind] += LARGEST_REQUEST_UNITS;
    let used = 1;
    try {
      const answer = await request();
      used = units(answer);
      return answer;
    } finally {
      if (reservedIn === stretch) spent[kind] += used - LARGEST_REQUEST_UNITS;
    }
  }

  return {
    get<T>(key: string) {
      return paced(
        'read',
        () => store.get<T>(key),
        (value) => unitsOf(bytesOf(value)),
      );
    },
    set: (key, value) =>
      paced(
        'write',
        () => store.set(key, value),
        () => unitsOf(bytesOf(value)),
      ),
    setIfAbsent: (key, value) =>
      paced(
        'write',
        () => store.setIfAbsent(key, value),
        () => unitsOf(bytesOf(value)),
      ),
    delete: (key) =>
      paced(
        'write',
        () => store.delete(key),
        () => 1,
      ),
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the port's signature: the caller names what it stored
    list<T>(prefix: string) {
      return paced('read', () => store.list<T>(prefix), listUnits);
    },
  };
}
