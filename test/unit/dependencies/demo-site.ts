import { afterAll, beforeAll } from 'vitest';
import type { InvocationContext } from '../../../src/contract/context';
import { createLocalPlatform } from '../../../src/platform/local/index';
import { dependenciesResolvers } from '../../../src/resolvers/dependencies';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';

const DEMO_NOW = new Date('2026-11-16T09:00:00Z');
export const ADMIN = '712020:a0000000-0000-4000-8000-000000000001';
export const PRIYA = '712020:a0000000-0000-4000-8000-000000000002';

/** A user's invocation context in English on a module of `extension`. */
export const as = (
  accountId: string | undefined,
  extension: InvocationContext['extension'] = {},
): InvocationContext => ({ accountId, locale: 'en-US', extension });

/**
 * The demo sandbox and the dependencies resolvers over it (in-memory store), started before the calling file's
 * tests and closed after them. Read `resolvers` inside tests, once `beforeAll` ran.
 */
export function useDemoResolvers(): { readonly resolvers: ReturnType<typeof dependenciesResolvers> } {
  let sandbox: RunningSandbox | undefined;
  let resolvers: ReturnType<typeof dependenciesResolvers> | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seeds: ['demo'], now: DEMO_NOW });
    resolvers = dependenciesResolvers(createLocalPlatform({ siteUrl: sandbox.url, now: DEMO_NOW }));
  }, 60_000);
  afterAll(async () => {
    await sandbox?.close();
  });
  return {
    get resolvers() {
      if (!resolvers) throw new Error('useDemoResolvers: the sandbox is not started (beforeAll).');
      return resolvers;
    },
  };
}
