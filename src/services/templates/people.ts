import type { ConfluenceUser } from '../../atlassian/confluence/schemas';
import type { KeyValueStore } from '../ports';
import type { TemplatesContext } from './space';

/** A person as the templates screens show them; `displayName` null = unknown or deleted account. */
export interface Person {
  readonly accountId: string;
  readonly displayName: string | null;
  /** Site-relative (`/wiki/aa-avatar/…`) or absolute; the UI prefixes the site URL when relative. */
  readonly avatarUrl: string | null;
}

/** Names change rarely and the catalogue lists the same few installers over and over. */
const CACHE_MS = 10 * 60 * 1000;

interface Cached {
  readonly person: Person;
  readonly until: number;
}

/**
 * One cache per store: a store stands for one installation of the app (one site), so names of one site never
 * answer for another; in Forge it lives as long as the warm function does.
 */
const caches = new WeakMap<KeyValueStore, Map<string, Cached>>();

function cacheOf(store: KeyValueStore): Map<string, Cached> {
  let cache = caches.get(store);
  if (!cache) {
    cache = new Map();
    caches.set(store, cache);
  }
  return cache;
}

const toPerson = (user: ConfluenceUser): Person => ({
  accountId: user.accountId,
  displayName: user.displayName,
  avatarUrl: user.avatarPath,
});

/** People whose name matches what was typed in a user picker (at most 10), read as the caller. */
export async function findPeople(context: TemplatesContext, name: string): Promise<Person[]> {
  const trimmed = name.trim();
  if (trimmed === '') return [];
  return (await context.confluence.searchUsers(trimmed, 10)).map(toPerson);
}

/** Whom a person typed by hand (an email address or a display name) designates, and whom the search found. */
export interface PersonMatch {
  /** The people whose visible email address, or whole display name, is the one given (case and spacing aside). */
  readonly matches: readonly Person[];
  /** Everyone the search found, to suggest when `matches` is not exactly one person. */
  readonly found: readonly Person[];
}

const comparable = (text: string): string => text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The people an email address or a display name stands for, through the user picker's search (at most 10 a
 * search). That search matches names, so an address is looked for whole and under its name-like part
 * (`priya.patel@…` → "priya patel"), and counts only where Confluence shows that very address: a namesake at
 * another domain is not the person meant, and people who hide their address are found by name instead.
 */
export async function matchPeople(context: TemplatesContext, given: string): Promise<PersonMatch> {
  const wanted = comparable(given);
  if (wanted === '') return { matches: [], found: [] };
  const at = wanted.lastIndexOf('@');
  if (at < 0) {
    const found = await context.confluence.searchUsers(wanted, 10);
    return {
      matches: found.filter((user) => comparable(user.displayName) === wanted).map(toPerson),
      found: found.map(toPerson),
    };
  }
  const nameLike = (wanted.slice(0, at).split('+')[0] ?? '').replace(/[._-]+/g, ' ').trim();
  const queries = [...new Set([wanted, nameLike])].filter((query) => query !== '');
  const answers = await Promise.all(queries.map((query) => context.confluence.searchUsers(query, 10)));
  const found = [...new Map(answers.flat().map((user) => [user.accountId, user])).values()];
  return {
    matches: found.filter((user) => user.email !== null && comparable(user.email) === wanted).map(toPerson),
    found: found.map(toPerson),
  };
}

/**
 * The people behind account ids, in the order asked: one bulk lookup per 100 ids not already cached. An id
 * Confluence does not return (a deleted or unknown account) comes back with a null name, so the screen can
 * say "Former user" instead of an opaque id.
 */
export async function peopleByAccountIds(
  context: TemplatesContext,
  accountIds: readonly string[],
): Promise<Person[]> {
  const cache = cacheOf(context.store);
  const now = context.clock.now().getTime();
  const wanted = [...new Set(accountIds)];
  const missing = wanted.filter((id) => (cache.get(id)?.until ?? 0) <= now);
  if (missing.length > 0) {
    const found = new Map(
      (await context.confluence.usersByAccountIds(missing)).map((user) => [user.accountId, user]),
    );
    for (const id of missing) {
      const user = found.get(id);
      cache.set(id, {
        person: user ? toPerson(user) : { accountId: id, displayName: null, avatarUrl: null },
        until: now + CACHE_MS,
      });
    }
  }
  return accountIds.map(
    (id) => cache.get(id)?.person ?? { accountId: id, displayName: null, avatarUrl: null },
  );
}
