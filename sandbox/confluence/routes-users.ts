/**
 * Confluence's people endpoints (v1): user search by CQL (`user.fullname ~ "pri"`, `user = "id"`,
 * `user in (…)`, `type = user`) and the bulk lookup by account ids. Avatars are initials drawn as SVG data
 * URLs, so the playground shows faces without reaching the network.
 */
import type { Router, SandboxRequest } from '../http';
import type { SandboxUser, UserDirectory } from '../users';
import { CqlError, cqlReader, textWords } from './cql';
import { v1Error } from './json';

const V1 = '/wiki/rest/api';

type UserPredicate = (user: SandboxUser) => boolean;

/** The initials of a name on a colour picked from the account id: a stable face per person. */
function avatarDataUrl(user: Pick<SandboxUser, 'accountId' | 'displayName'>): string {
  const initials = textWords(user.displayName)
    .slice(0, 2)
    .map((word) => word.charAt(0).toUpperCase())
    .join('');
  let hash = 0;
  for (const char of user.accountId) hash = (hash * 31 + char.charCodeAt(0)) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48"><rect width="48" height="48" fill="hsl(${hash},55%,45%)"/><text x="24" y="30" font-family="sans-serif" font-size="18" fill="#fff" text-anchor="middle">${initials}</text></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/** A person as v1 returns them (`User` / `BulkUserLookup`). */
function v1Person(user: SandboxUser): Record<string, unknown> {
  return {
    type: 'known',
    accountId: user.accountId,
    accountType: 'atlassian',
    email: user.email,
    publicName: user.displayName,
    displayName: user.displayName,
    profilePicture: { path: avatarDataUrl(user), width: 48, height: 48, isDefault: false },
    timeZone: 'Europe/London',
    isExternalCollaborator: user.groups.includes('contractors'),
    _expandable: { operations: '', personalSpace: '' },
    _links: { self: `/wiki/rest/api/user?accountId=${encodeURIComponent(user.accountId)}` },
  };
}

/** Parses the user-search slice of CQL into a predicate; anything else is a CqlError (400). */
function parseUserCql(query: string): UserPredicate {
  const { peek, next, value, done } = cqlReader(query);
  const clause = (): UserPredicate => {
    const field = next().toLowerCase();
    const operator = next().toLowerCase();
    if (field === 'type' && operator === '=') {
      const type = value();
      return () => type === 'user';
    }
    if (field === 'user.fullname' && operator === '~') {
      const words = textWords(value());
      return (user) => {
        const names = textWords(user.displayName);
        return words.every((word) => names.some((name) => name.startsWith(word)));
      };
    }
    if ((field === 'user' || field === 'user.accountid') && (operator === '=' || operator === 'in')) {
      const ids = new Set<string>();
      if (operator === '=') ids.add(value());
      else {
        if (next() !== '(') throw new CqlError('Expected (');
        ids.add(value());
        while (peek() === ',') {
          next();
          ids.add(value());
        }
        if (next() !== ')') throw new CqlError('Expected )');
      }
      return (user) => ids.has(user.accountId);
    }
    throw new CqlError(`The user search cannot use '${field} ${operator}'`);
  };
  let predicate = clause();
  while (!done()) {
    const joiner = next().toLowerCase();
    const right = clause();
    const left = predicate;
    if (joiner === 'and') predicate = (user) => left(user) && right(user);
    else if (joiner === 'or') predicate = (user) => left(user) || right(user);
    else throw new CqlError(`Could not parse cql after '${joiner}'`);
  }
  return predicate;
}

const limitOf = (request: SandboxRequest, fallback: number, max: number): number =>
  Math.min(Math.max(Number(request.query.get('limit') ?? fallback) || fallback, 1), max);

/**
 * What the caller may do on the site, as `expand=operations` answers it: everyone `use`s Confluence, site admins
 * also `administer` it (the check apps make for Confluence administrators; the spec leaves `application` out of
 * its target types, Confluence Cloud sends it).
 */
function siteOperations(user: SandboxUser): { operation: string; targetType: string }[] {
  return [
    { operation: 'use', targetType: 'application' },
    { operation: 'create_space', targetType: 'application' },
    ...(user.isSiteAdmin ? [{ operation: 'administer', targetType: 'application' }] : []),
  ];
}

/** Registers `GET /wiki/rest/api/search/user`, `…/user/bulk` and `…/user/current`. */
export function registerUserRoutes(router: Router, users: UserDirectory, now: () => string): void {
  router.add('GET', `${V1}/user/current`, (request) => {
    const expand = (request.query.get('expand') ?? '').split(',').map((item) => item.trim());
    return {
      status: 200,
      body: {
        ...v1Person(request.user),
        ...(expand.includes('operations') ? { operations: siteOperations(request.user) } : {}),
      },
    };
  });

  router.add('GET', `${V1}/search/user`, (request) => {
    const cql = request.query.get('cql');
    if (!cql) return v1Error(400, 'cql is required');
    let predicate: UserPredicate;
    try {
      predicate = parseUserCql(cql);
    } catch (error) {
      if (error instanceof CqlError) return v1Error(400, error.message);
      throw error;
    }
    const start = Math.max(Number(request.query.get('start') ?? 0) || 0, 0);
    const limit = limitOf(request, 25, 50);
    const matches = users
      .all()
      .filter(predicate)
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
    const slice = matches.slice(start, start + limit);
    return {
      status: 200,
      body: {
        results: slice.map((user) => ({
          user: v1Person(user),
          title: user.displayName,
          excerpt: '',
          url: `/people/${user.accountId}`,
          breadcrumbs: [],
          entityType: 'user',
          iconCssClass: 'aui-icon content-type-profile',
          lastModified: now(),
          score: 0,
        })),
        start,
        limit,
        size: slice.length,
        totalSize: matches.length,
        cqlQuery: cql,
        searchDuration: 1,
        _links: { base: '', context: '/wiki', self: request.path },
      },
    };
  });

  router.add('GET', `${V1}/user/bulk`, (request) => {
    // Confluence reads a comma-separated list, and the parameter repeated.
    const ids = request.query
      .getAll('accountId')
      .flatMap((value) => value.split(','))
      .map((id) => id.trim())
      .filter((id) => id !== '');
    if (ids.length === 0) return v1Error(400, 'accountId is required');
    const limit = limitOf(request, 200, 200);
    // Deleted or unknown accounts are left out of the answer.
    const found = [...new Set(ids)].slice(0, limit).flatMap((id) => {
      const user = users.byAccountId(id);
      return user ? [v1Person(user)] : [];
    });
    return {
      status: 200,
      body: {
        results: found,
        start: 0,
        limit,
        size: found.length,
        _links: { base: '', context: '/wiki', self: request.path },
      },
    };
  });
}
