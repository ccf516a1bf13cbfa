/**
 * Applies the sandbox's seeds in order: `demo` (the built-in Northwind organisation, Jira + Confluence) and
 * paths of Jira issue files. Several may be combined (`--seed demo --seed FILE`).
 */
import type { JiraState } from '../jira/state';
import type { UserDirectory } from '../users';
import { seedJiraDemo } from './demo';
import { seedFromFile } from './files';

export interface SeedTargets {
  readonly jira: JiraState;
  readonly confluence: { seedDemo(): void };
  readonly users: UserDirectory;
  readonly seedNumber: number;
}

/** Fills the emulators from each seed; a file that cannot be read rejects with its path in the message. */
export function applySeeds(seeds: readonly string[], targets: SeedTargets): void {
  for (const seed of seeds) {
    if (seed === 'demo') {
      seedJiraDemo(targets.jira, targets.users, targets.seedNumber);
      targets.confluence.seedDemo();
      continue;
    }
    try {
      seedFromFile(targets.jira, seed);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Cannot seed the sandbox from ${seed}: ${reason}`, { cause: error });
    }
  }
}
