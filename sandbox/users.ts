/**
 * The sandbox's people and how a request picks its acting user: basic auth `email:api-token` as Atlassian's
 * clients send it (any token is accepted), the `x-sandbox-act-as: <accountId>` header the playground uses,
 * and the site admin when there are no credentials so that a plain `curl` works.
 */
import type { IncomingHttpHeaders } from 'node:http';

export interface SandboxUser {
  readonly accountId: string;
  readonly email: string;
  readonly displayName: string;
  /** BCP 47 tag as Atlassian reports it, e.g. `en-US`, `fr-FR`. */
  readonly locale: string;
  readonly isSiteAdmin: boolean;
  /**
   * Group names. `employees` may browse every project and space; `contractors` only those whose
   * permission lists name them; `site-admins` administer everything; `product-ops` administer projects.
   */
  readonly groups: readonly string[];
}

export const GROUPS = {
  employees: 'employees',
  contractors: 'contractors',
  siteAdmins: 'site-admins',
  productOps: 'product-ops',
  engineering: 'engineering',
  productManagers: 'product-managers',
} as const;

function person(
  accountId: string,
  email: string,
  displayName: string,
  groups: readonly string[],
  extra: { locale?: string; isSiteAdmin?: boolean } = {},
): SandboxUser {
  return {
    accountId,
    email,
    displayName,
    locale: extra.locale ?? 'en-US',
    isSiteAdmin: extra.isSiteAdmin ?? false,
    groups,
  };
}

const { employees, contractors, siteAdmins, productOps, engineering, productManagers } = GROUPS;

/** The demo organisation's people (Northwind). Account ids are fixed so tests and seeds can name them. */
export const DEMO_USERS: readonly SandboxUser[] = [
  person(
    '712020:a0000000-0000-4000-8000-000000000001',
    'admin@example.com',
    'Site Admin',
    [employees, siteAdmins],
    {
      isSiteAdmin: true,
    },
  ),
  person('712020:a0000000-0000-4000-8000-000000000002', 'priya.patel@example.com', 'Priya Patel', [
    employees,
    productOps,
  ]),
  person('712020:a0000000-0000-4000-8000-000000000003', 'marcus.chen@example.com', 'Marcus Chen', [
    employees,
    productManagers,
  ]),
  person('712020:a0000000-0000-4000-8000-000000000004', 'sofia.garcia@example.com', 'Sofia Garcia', [
    employees,
    productManagers,
  ]),
  person(
    '712020:a0000000-0000-4000-8000-000000000005',
    'camille.dubois@example.com',
    'Camille Dubois',
    [employees, productManagers],
    { locale: 'fr-FR' },
  ),
  person('712020:a0000000-0000-4000-8000-000000000006', 'james.okafor@example.com', 'James Okafor', [
    employees,
    engineering,
  ]),
  person('712020:a0000000-0000-4000-8000-000000000007', 'lena.muller@example.com', 'Lena Müller', [
    employees,
    engineering,
  ]),
  person('712020:a0000000-0000-4000-8000-000000000008', 'ravi.kumar@example.com', 'Ravi Kumar', [
    employees,
    engineering,
  ]),
  person('712020:a0000000-0000-4000-8000-000000000009', 'emma.wilson@example.com', 'Emma Wilson', [
    employees,
    engineering,
  ]),
  person('712020:a0000000-0000-4000-8000-00000000000a', 'diego.santos@example.com', 'Diego Santos', [
    employees,
    engineering,
  ]),
  person('712020:a0000000-0000-4000-8000-00000000000b', 'hana.sato@example.com', 'Hana Sato', [
    employees,
    engineering,
  ]),
  person(
    '712020:a0000000-0000-4000-8000-00000000000c',
    'alex.contractor@example.com',
    'Alex Reed (Contractor)',
    [contractors, engineering],
  ),
];

type Authentication =
  | { readonly ok: true; readonly user: SandboxUser }
  | { readonly ok: false; readonly status: 401; readonly message: string };

/** Looks people up and authenticates requests; shared by the Jira and Confluence emulators. */
export interface UserDirectory {
  readonly admin: SandboxUser;
  all(): readonly SandboxUser[];
  byAccountId(accountId: string): SandboxUser | undefined;
  byEmail(email: string): SandboxUser | undefined;
  /** Picks the acting user from the request headers, as described at the top of this file. */
  authenticate(headers: IncomingHttpHeaders): Authentication;
}

/** Builds a directory over the given users (the demo users by default); the first site admin is the default. */
export function createUserDirectory(users: readonly SandboxUser[] = DEMO_USERS): UserDirectory {
  const byId = new Map(users.map((user) => [user.accountId, user]));
  const byMail = new Map(users.map((user) => [user.email.toLowerCase(), user]));
  const admin = users.find((user) => user.isSiteAdmin);
  if (!admin) throw new Error('The sandbox needs at least one site admin.');
  return {
    admin,
    all: () => users,
    byAccountId: (accountId) => byId.get(accountId),
    byEmail: (email) => byMail.get(email.toLowerCase()),
    authenticate(headers) {
      const actAs = headerValue(headers['x-sandbox-act-as']);
      if (actAs) {
        const user = byId.get(actAs) ?? byMail.get(actAs.toLowerCase());
        return user
          ? { ok: true, user }
          : { ok: false, status: 401, message: `Unknown sandbox user: ${actAs}` };
      }
      const authorization = headerValue(headers.authorization);
      if (!authorization) return { ok: true, user: admin };
      const [scheme, encoded] = authorization.split(' ', 2);
      if (scheme?.toLowerCase() !== 'basic' || !encoded) {
        return {
          ok: false,
          status: 401,
          message: 'Only basic authentication (email:api-token) is supported.',
        };
      }
      const decoded = Buffer.from(encoded, 'base64').toString('utf8');
      const email = decoded.slice(0, Math.max(0, decoded.indexOf(':'))) || decoded;
      const user = byMail.get(email.toLowerCase());
      return user
        ? { ok: true, user }
        : { ok: false, status: 401, message: 'Client must be authenticated to access this resource.' };
    },
  };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first?.trim() ? first.trim() : undefined;
}

/** The user JSON Jira and Confluence embed in their responses (v3 `UserDetails` shape). */
export function jiraUserJson(
  user: Pick<SandboxUser, 'accountId' | 'displayName'> & { email?: string },
  baseUrl = '',
): Record<string, unknown> {
  const avatar = `https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/default/${encodeURIComponent(user.accountId)}`;
  return {
    self: `${baseUrl}/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`,
    accountId: user.accountId,
    ...(user.email ? { emailAddress: user.email } : {}),
    avatarUrls: { '48x48': avatar, '24x24': avatar, '16x16': avatar, '32x32': avatar },
    displayName: user.displayName,
    active: true,
    timeZone: 'Europe/London',
    accountType: 'atlassian',
  };
}
