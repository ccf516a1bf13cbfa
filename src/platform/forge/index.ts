import type { Platform } from '../../services/ports';
import { forgeQueue } from './queue';
import { forgeStore } from './store';
import { forgeTransport } from './transport';

/** The queue manifest.yml declares for large hygiene scans. */
const HYGIENE_SCAN_QUEUE = 'hygiene-scan';

/** The platform inside Forge: `@forge/api` requests, KVS storage, Forge queue, the real clock. */
export const forgePlatform: Platform = {
  jira: forgeTransport,
  confluence: forgeTransport,
  store: forgeStore,
  queue: forgeQueue(HYGIENE_SCAN_QUEUE),
  clock: {
    now: () => new Date(),
    sleep: (milliseconds) =>
      new Promise((resolve) => {
        setTimeout(resolve, milliseconds);
      }),
  },
};
