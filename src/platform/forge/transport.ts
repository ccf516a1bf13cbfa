import { asApp, asUser, assumeTrustedRoute, type APIResponse, type RequestInit } from '@forge/api';
import {
  encodeQuery,
  type Transport,
  type TransportRequest,
  type TransportResponse,
} from '../../atlassian/transport';
import type { Principal } from '../../services/ports';

/**
 * `Transport` over `@forge/api`. `asUser()` makes Jira and Confluence answer as the person using the app (they
 * see only what they may), `asApp()` is for triggers and queue consumers, which have no user. The clients build
 * every path from fixed segments and `encodeURIComponent`-ed values, and the query from `encodeQuery`, so the
 * path is trusted here (`assumeTrustedRoute`); the `route` tag would re-encode what is already encoded.
 */
export function forgeTransport(principal: Principal): Transport {
  return {
    async request(request: TransportRequest): Promise<TransportResponse> {
      const methods = principal.kind === 'user' ? asUser() : asApp();
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
      return readResponse(response);
    },
  };
}

async function readResponse(response: APIResponse): Promise<TransportResponse> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  const text = await response.text();
  let body: unknown = undefined;
  if (text !== '') {
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      body = text;
    }
  }
  return { status: response.status, headers, body };
}
