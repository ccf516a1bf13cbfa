import { gatePayloads, type GateDefs } from '../contract/gate';
import { signedIn } from '../services/guards';
import { gateView, saveGate } from '../services/hygiene/gate';
import type { Platform } from '../services/ports';
import { defineResolver } from './define';
import type { ResolverMap } from './types';

/** The Definition of Ready gate of a project's settings page. */
export function gateResolvers(platform: Platform): ResolverMap<GateDefs> {
  return {
    /** The project's gate and the statuses and rules it may hold; the user must see the project (404 otherwise). */
    'hygiene.gate': defineResolver(gatePayloads['hygiene.gate'], async ({ projectKey }, context) =>
      gateView(platform, signedIn(context), projectKey),
    ),
    /** Saves the project's gate (project administrators only); a gate with a problem is refused whole. */
    'hygiene.saveGate': defineResolver(
      gatePayloads['hygiene.saveGate'],
      async ({ projectKey, gate }, context) => saveGate(platform, signedIn(context), projectKey, gate),
    ),
  };
}
