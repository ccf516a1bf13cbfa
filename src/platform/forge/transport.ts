import { asApp, asUser, assumeTrustedRoute, NeedsAuthenticationError, type RequestInit } from '@forge/api';
import { ProductUnavailableError } from '../../atlassian/errors';
import { readTransportResponse } from '../../atlassian/response';
import {
  encodeQuery,
  passToPlatform,
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
      try {
        const response =
          request.product === 'jira'
            ? await methods.requestJira(url, init)
            : await methods.requestConfluence(url, init);
        return await readTransportResponse(response);
      } catch (error) {
        // The person has not allowed the app to act for them yet: Forge asks them once this error leaves the
        // function, so it must not be retried or turned into a failed request.
        if (error instanceof NeedsAuthenticationError) throw passToPlatform(error);
        if (refusesProduct(error)) throw new ProductUnavailableError(request.product, error.message);
        throw error;
      }
    },
  };
}

/**
 * Forge's refusal of a request to a product the installation does not include (@forge/api's
 * `RequestProductNotAllowedError`, "Request confluence is not allowed from jira context"): Confluence is optional
 * (manifest.yml's `app.compatibility`). Read by name and wording, since the runtime throws its own copy of the class.
 */
function refusesProduct(error: unknown): error is Error {
  return (
    error instanceof Error &&
    error.name === 'REQUEST_EGRESS_ALLOWLIST_ERR' &&
    /^Request \w+ is not allowed from/.test(error.message)
  );
}
