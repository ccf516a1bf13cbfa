/**
 * The Jira Cloud emulator: state + routes. `sandbox/server.ts` registers it on its router; seeds fill the state.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Router } from '../http';
import type { UserDirectory } from '../users';
import type { PropertyAlias } from './jql';
import { registerCreateRoute } from './create';
import { registerJiraRoutes } from './routes';
import { JiraState } from './state';

export { JiraState } from './state';

const Manifest = z.object({
  modules: z
    .object({
      'jira:entityProperty': z
        .array(
          z.object({
            propertyKey: z.string(),
            values: z.array(
              z.object({
                path: z.string(),
                type: z.enum(['number', 'string', 'date', 'text', 'user']),
                searchAlias: z.string().optional(),
              }),
            ),
          }),
        )
        .optional(),
    })
    .loose(),
});

/**
 * Reads the search aliases of the app's entity properties from `manifest.yml`, so that JQL such as
 * `hygiene.score < 80` works in the sandbox exactly as the installed app's aliases do in Jira.
 */
export function manifestSearchAliases(manifestPath: string): Map<string, PropertyAlias> {
  const aliases = new Map<string, PropertyAlias>();
  const manifest = Manifest.parse(parse(readFileSync(manifestPath, 'utf8')));
  for (const property of manifest.modules['jira:entityProperty'] ?? []) {
    for (const value of property.values) {
      if (!value.searchAlias) continue;
      aliases.set(value.searchAlias.toLowerCase(), {
        propertyKey: property.propertyKey,
        path: value.path.split('.'),
        type: value.type,
      });
    }
  }
  return aliases;
}

const MANIFEST = path.resolve(import.meta.dirname, '..', '..', 'manifest.yml');

/** Creates the Jira emulator; its people start as the sandbox's users. */
export function createJiraSandbox(
  users: UserDirectory,
  options: { now?: Date } = {},
): { state: JiraState; register(router: Router): void } {
  const fixedNow = options.now;
  const state = new JiraState(fixedNow ? () => fixedNow : () => new Date());
  for (const user of users.all()) {
    state.addPerson({ accountId: user.accountId, displayName: user.displayName, email: user.email });
  }
  const aliases = manifestSearchAliases(MANIFEST);
  return {
    state,
    register(router) {
      registerJiraRoutes(router, state, aliases);
      registerCreateRoute(router, state);
    },
  };
}
