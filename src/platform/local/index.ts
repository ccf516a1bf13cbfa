import path from 'node:path';
import type { Transport } from '../../atlassian/transport';
import type { Clock, KeyValueStore, Platform, Principal } from '../../services/ports';
import { createHttpTransport } from './http-transport';
import { createFileStore } from './file-store';
import { createInlineQueue, type InlineQueue } from './inline-queue';
import { realClock, type ForgeLimits, type TwinClock } from './limits';
import type { TwinObserver } from './meter';
import { createMemoryStore } from './memory-store';

export { createHttpTransport } from './http-transport';
export { createMemoryStore } from './memory-store';
export { createVirtualClock, FORGE_LIMITS } from './limits';
export { createTwinMeter, type MeterReading, type TwinObserver } from './meter';

export interface LocalPlatformOptions {
  /** Site root: a sandbox (`http://localhost:8787`) or a real `https://…atlassian.net`. */
  readonly siteUrl: string;
  /** Basic-auth email: a real account with `apiToken`, or a sandbox user without one. */
  readonly email?: string | undefined;
  /** API token of a real site. Without one the site is taken for a sandbox. */
  readonly apiToken?: string | undefined;
  /** Folder for the JSON store (e.g. `.vertebra/store`); in memory when absent. */
  readonly storeDir?: string | undefined;
  /** Pins the clock (`--now`), so reports are reproducible. */
  readonly now?: Date | undefined;
  /** Deadline of each request (`--timeout`); the HTTP transport's default when absent. */
  readonly timeoutMs?: number | undefined;
  /** Forge's limits the twins enforce; Forge's own figures for any left out (a bench or a test changes them). */
  readonly limits?: Partial<ForgeLimits> | undefined;
  /** The time of the twins' minute budgets and delayed events (real time when absent; `createVirtualClock`). */
  readonly twinClock?: TwinClock | undefined;
  /** Told what the store and the queue spend and refuse (a bench's `createTwinMeter`). */
  readonly observer?: TwinObserver | undefined;
}

export interface LocalPlatform extends Platform {
  /** The in-process queue; register the consumer that manifest.yml names for Forge. */
  readonly queue: InlineQueue;
  /** True when no API token was given, so principals map to the sandbox's acting user. */
  readonly isSandbox: boolean;
}

/**
 * The platform of the CLI and the playground. On a sandbox, a user principal acts as that accountId
 * (`x-sandbox-act-as`) and the app principal as the site admin (no credentials); on a real site, every
 * request signs in with `email:apiToken`, the only identity an API token has.
 */
export function createLocalPlatform(options: LocalPlatformOptions): LocalPlatform {
  const isSandbox = options.apiToken === undefined;
  const base = { siteUrl: options.siteUrl, timeoutMs: options.timeoutMs };
  const signedIn = createHttpTransport({ ...base, email: options.email, apiToken: options.apiToken });
  const asAdmin = isSandbox ? createHttpTransport(base) : signedIn;
  const perUser = new Map<string, Transport>();

  const transportFor = (principal: Principal): Transport => {
    if (!isSandbox) return signedIn;
    if (principal.kind === 'app') return asAdmin;
    let transport = perUser.get(principal.accountId);
    if (!transport) {
      transport = createHttpTransport({ ...base, email: options.email, actAs: principal.accountId });
      perUser.set(principal.accountId, transport);
    }
    return transport;
  };

  const twins = { limits: options.limits, clock: options.twinClock, observer: options.observer };
  const store: KeyValueStore = options.storeDir
    ? createFileStore(path.resolve(options.storeDir), twins)
    : createMemoryStore({}, twins);
  const pinned = options.now;
  const waits = options.twinClock ?? realClock;
  const clock: Clock = {
    now: () => (pinned ? new Date(pinned.getTime()) : new Date()),
    // Waits pass on the twins' clock, so the minute budgets a paced step waits for are the ones it spent.
    sleep: (milliseconds) => waits.sleep(milliseconds),
  };

  return {
    isSandbox,
    jira: transportFor,
    // Confluence is served under `/wiki` of the same site: the paths carry the prefix, so one transport serves both.
    confluence: transportFor,
    store,
    queue: createInlineQueue(twins),
    clock,
  };
}

/**
 * A transport signed in as the configured email (or anonymous = admin on a sandbox), for the CLI, which acts
 * as whoever `--as` names rather than as an accountId.
 */
export function createSignedInTransport(options: LocalPlatformOptions): Transport {
  return createHttpTransport({
    siteUrl: options.siteUrl,
    email: options.email,
    apiToken: options.apiToken,
    timeoutMs: options.timeoutMs,
  });
}
