import type { Router } from '../http';
import type { UserDirectory } from '../users';
import { registerFromTemplate } from './from-template';
import { registerV1 } from './routes-v1';
import { registerUserRoutes } from './routes-users';
import { registerV2 } from './routes-v2';
import type { ConfluenceState } from './state';

/** Registers every Confluence route (v2 and the v1 ones the app needs). */
export function registerRoutes(router: Router, state: ConfluenceState, users: UserDirectory): void {
  registerV2(router, state);
  registerV1(router, state, users);
  registerUserRoutes(router, users, () => state.now());
  registerFromTemplate(router, state);
}
