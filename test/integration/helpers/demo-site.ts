import { afterAll, beforeAll } from 'vitest';
import { createLocalPlatform, type LocalPlatform } from '../../../src/platform/local/index';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';

/** The demo organisation's clock: its dates are anchored at this day. */
const DEMO_NOW = new Date('2026-11-16T09:00:00Z');

/**
 * The demo sandbox and `make`'s resolvers over it (in-memory store), started before the calling file's tests and
 * closed after them. Read `resolvers` and `sandbox` inside tests, once `beforeAll` ran.
 */
export function useDemoSite<R>(make: (platform: LocalPlatform) => R): {
  readonly resolvers: R;
  readonly sandbox: RunningSandbox;
} {
  let sandbox: RunningSandbox | undefined;
  let resolvers: R | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seeds: ['demo'], now: DEMO_NOW });
    resolvers = make(createLocalPlatform({ siteUrl: sandbox.url, now: DEMO_NOW }));
  }, 60_000);
  afterAll(async () => {
    await sandbox?.close();
  });
  const started = (): { sandbox: RunningSandbox; resolvers: R } => {
    if (sandbox === undefined || resolvers === undefined)
      throw new Error('useDemoSite: the sandbox is not started (beforeAll).');
    return { sandbox, resolvers };
  };
  return {
    get resolvers() {
      return started().resolvers;
    },
    get sandbox() {
      return started().sandbox;
    },
  };
}
