import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';
import { createLocalPlatform, createMemoryStore } from '../../../src/platform/local';
import type { Platform } from '../../../src/services/ports';
import { type InstallRequest } from '../../../src/services/templates/prepare';
import { templatesContext, type TemplatesContext } from '../../../src/services/templates/space';

/** Priya: admin of the OPS space only. */
export const PRIYA = '712020:a0000000-0000-4000-8000-000000000002';

/**
 * The demo sandbox for installs into the OPS space: one sandbox for the file, and a fresh Confluence and store
 * for each case (reseeding replaces the state's content).
 */
export function useOpsSpace() {
  let sandbox: RunningSandbox | undefined;
  let platform: Platform | undefined;
  const running = (): RunningSandbox => {
    if (!sandbox) throw new Error('the sandbox is not started');
    return sandbox;
  };
  const current = (): Platform => {
    if (!platform) throw new Error('no case is running');
    return platform;
  };

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seeds: ['demo'] });
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  beforeEach(() => {
    const { confluence } = running();
    confluence.state.pages.clear();
    confluence.state.spaces.clear();
    confluence.state.templates.clear();
    confluence.seedDemo();
    platform = createLocalPlatform({ siteUrl: running().url, now: new Date('2026-11-16T09:00:00Z') });
    Object.assign(platform, { store: createMemoryStore() });
    running().resetStats();
  });

  return {
    sandbox: running,
    platform: current,
    as: (accountId: string): TemplatesContext => templatesContext(current(), { kind: 'user', accountId }),
    request: (overrides: Partial<InstallRequest> = {}): InstallRequest => ({
      spaceKey: 'OPS',
      bundleId: 'product-ops',
      language: 'en',
      variables: {
        orgName: 'Northwind',
        opsLead: PRIYA,
        teams: 'Payments, Checkout',
        quarterStart: '2027-01-04',
      },
      ...overrides,
    }),
    /** The current pages of the OPS space. */
    opsPages: () => {
      const { state } = running().confluence;
      const space = state.spaceByKey('OPS');
      return [...state.pages.values()].filter(
        (page) => page.spaceId === space?.id && page.status === 'current',
      );
    },
    /** Confluence requests that are not reads, since the case began. */
    writes: (): number =>
      Object.entries(running().stats().byEndpoint)
        .filter(([endpoint]) => !endpoint.startsWith('GET'))
        .reduce((sum, [, count]) => sum + count, 0),
  };
}
