import { asApp, asUser, assumeTrustedRoute, type RequestInit } from '@forge/api';
import { readTransportResponse } from '../../atlassian/response';
import {
  encodeQuery,
  type Transport,
  type TransportRequest,
  type TransportResponse,
} from '../../atlassian/transport';
import type { Principal } from '../../services/ports';

/**
 * `Transport` over `@forge/api`. `asUser(accountId)` makes Jira and Confluence answer as that person (they see
 * only what they may): in a resolver the invoking user, in a queue consumer the owner of the job, who pushed its
 * first event from their own resolver (a consumer has no invoking user, so the id is passed explicitly, as
 * `@forge/api`'s `asUser(userId?)` takes it). `asApp()` is for the nightly trigger's own work. The clients build
 * every path from fixed segments and `encodeURIComponent`-ed values, and the query from `encodeQuery`, so the
 * path is trusted here (`assumeTrustedRoute`); the `route` tag would re-encode what is already encoded.
 */
export function forgeTransport(principal: Principal): Transport {
  return {
    async request(request: TransportRequest): Promise<TransportResponse> {
      const methods = principal.kind === 'user' ? asUser(principal.accountId) : asApp();
      const url = assumeTrustedRoute(`${request.path}${encodeQuery(request.query)}`);
      const init: RequestInit = { method: request.method, headers: { Accept: 'application/json' } };
      if (request.body !== undefined) {
        init.body = JSON.stringify(request.body);
        init.headers = { Accept: 'application/json', 'Content-Type': 'application/json' };
      }
      const response =
        request.product === 'jira'
          ? await methods.requestJira(url, init)
          : await methods.requestConfluence(url, init);
      return readTransportResponse(response);
    },
  };
}
