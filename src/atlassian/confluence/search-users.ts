import { z } from 'zod';
import { cqlValue, type ConfluenceCall } from './call';
import { toUser, userSchema, type ConfluenceUser } from './schemas';

/** People: v1 only, v2 has no user search. */

// Declared in each module rather than shared: the scope test resolves path constants within one file.
const V1 = '/wiki/rest/api';

/**
 * People whose name starts with or contains `name` (v1 user search, CQL `user.fullname ~`), at most
 * `limit`. Fields hidden by a person's privacy settings come back as null and are left out.
 */
export async function searchUsers(call: ConfluenceCall, name: string, limit = 10): Promise<ConfluenceUser[]> {
  const body = z.looseObject({ results: z.array(z.looseObject({ user: userSchema.nullish() })) }).parse(
    await call('GET', `${V1}/search/user`, {
      cql: `user.fullname ~ ${cqlValue(name)}`,
      limit,
    }),
  );
  return body.results.flatMap((result) => (result.user ? toUser(result.user) : []));
}

/**
 * People by account id, 100 ids a request (v1 bulk lookup). Ids Confluence does not know (deleted or
 * never existed) are simply absent from the answer.
 */
export async function usersByAccountIds(
  call: ConfluenceCall,
  accountIds: readonly string[],
): Promise<ConfluenceUser[]> {
  const found: ConfluenceUser[] = [];
  for (let index = 0; index < accountIds.length; index += 100) {
    const ids = accountIds.slice(index, index + 100);
    const body = z
      .looseObject({ results: z.array(userSchema) })
      .parse(await call('GET', `${V1}/user/bulk`, { accountId: ids.join(','), limit: ids.length }));
    found.push(...body.results.flatMap(toUser));
  }
  return found;
}
