import type { TransportRequest } from '../../../src/atlassian/transport';
import type { Platform } from '../../../src/services/ports';

/**
 * `platform` whose Jira refuses its bulk fetches, whoever asks (403, as when the app lost access to a project); every
 * other request goes through. A scan part run on it fails the way a real part would.
 */
export function refusingBulkFetch<P extends Platform>(platform: P): P {
  return {
    ...platform,
    jira: (principal) => ({
      request: (request: TransportRequest) =>
        request.path === '/rest/api/3/issue/bulkfetch'
          ? Promise.resolve({
              status: 403,
              headers: {},
              body: { errorMessages: ['The app may no longer read this project.'] },
            })
          : platform.jira(principal).request(request),
    }),
  };
}
