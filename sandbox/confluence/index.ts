/**
 * Confluence Cloud emulator for the sandbox: v2 spaces/pages/properties, v1 templates, labels,
 * analytics and space permissions. `sandbox/server.ts` registers it on its router.
 */
import type { Router } from '../http';
import type { UserDirectory } from '../users';
import { createConfluenceState, type ConfluenceState } from './state';
import { registerRoutes } from './routes';
import { seedConfluenceDemo } from './seed';

export type { ConfluenceState } from './state';

/** Creates the Confluence emulator bound to the sandbox's user directory. */
export function createConfluenceSandbox(users: UserDirectory): {
  register(router: Router): void;
  seedDemo(): void;
  state: ConfluenceState;
} {
  const state = createConfluenceState();
  return {
    register(router: Router): void {
      registerRoutes(router, state, users);
    },
    seedDemo(): void {
      seedConfluenceDemo(state, users);
    },
    state,
  };
}
