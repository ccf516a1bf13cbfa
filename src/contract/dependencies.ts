import { z } from 'zod';
import type { DependencyReport, IssueDependencies } from '../dependencies/model';
import type { SnapshotDiff } from '../dependencies/snapshot';
import type { Result } from './result';

/**
 * Resolver keys, payload schemas and results of the dependencies capability. Keys are namespaced `dependencies.*`.
 * Each payload has a zod schema here (checked at run time by the resolver) and a function type in
 * `DependenciesDefs` (checked at compile time by makeInvoke in static/).
 */

/** The team dimension as users pick it: `project`, `component`, `team`, `label:<prefix>`, `field:<id>`. */
const teamBy = z
  .string()
  .min(1)
  .max(120)
  .regex(
    /^(project|component|team|label:.+|field:[A-Za-z0-9_.-]+)$/,
    'project, component, team, label:<prefix> or field:<id>',
  );

/** Which issues a report covers: a calendar quarter by due date, or any JQL. */
const scope = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('quarter'),
      year: z.number().int().min(2000).max(2100),
      quarter: z.number().int().min(1).max(4),
      /** Narrows the quarter to some projects. */
      projectKeys: z
        .array(z.string().regex(/^[A-Z][A-Z0-9_]{0,30}$/))
        .max(100)
        .optional(),
    })
    .strict(),
  z.object({ kind: z.literal('jql'), jql: z.string().min(1).max(4000) }).strict(),
]);

export const dependenciesPayloads = {
  'dependencies.report': z
    .object({
      scope,
      teamBy,
      /** One team's page: only dependencies where this project's issues wait or are waited on. */
      projectKey: z
        .string()
        .regex(/^[A-Z][A-Z0-9_]{0,30}$/)
        .optional(),
    })
    .strict(),
  'dependencies.issue': z
    .object({ issueKey: z.string().regex(/^[A-Z][A-Z0-9_]*-\d+$/), teamBy: teamBy.optional() })
    .strict(),
  'dependencies.snapshot.save': z.object({ scope, teamBy }).strict(),
  'dependencies.snapshot.compare': z.object({ scope, teamBy }).strict(),
  'dependencies.publish': z
    .object({
      scope,
      teamBy,
      spaceKey: z.string().regex(/^~?[A-Za-z0-9]{1,255}$/),
      title: z.string().min(1).max(255).optional(),
    })
    .strict(),
} satisfies Record<string, z.ZodType>;

type Payload<K extends keyof typeof dependenciesPayloads> = z.input<(typeof dependenciesPayloads)[K]>;

/** The report as the surfaces get it; the list is cut to keep the answer under Forge's 5 MB. */
export interface DependencyReportView extends DependencyReport {
  readonly jql: string;
  readonly scopeLabel: string;
  /** Dependencies in the report before the cut (at-risk first, so the cut drops resolved ones first). */
  readonly totalDependencies: number;
}

export interface SnapshotSaved {
  readonly takenAt: string;
  readonly dependencies: number;
}

export interface SnapshotComparison {
  /** `null` when no review was saved for this scope before. */
  readonly diff: SnapshotDiff | null;
}

export interface PublishedPage {
  readonly pageId: string;
  readonly title: string;
  readonly created: boolean;
  readonly version: number;
  readonly spaceKey: string;
}

export type DependenciesDefs = {
  'dependencies.report': (payload: Payload<'dependencies.report'>) => Result<DependencyReportView>;
  'dependencies.issue': (payload: Payload<'dependencies.issue'>) => Result<IssueDependencies>;
  'dependencies.snapshot.save': (payload: Payload<'dependencies.snapshot.save'>) => Result<SnapshotSaved>;
  'dependencies.snapshot.compare': (
    payload: Payload<'dependencies.snapshot.compare'>,
  ) => Result<SnapshotComparison>;
  'dependencies.publish': (payload: Payload<'dependencies.publish'>) => Result<PublishedPage>;
};

export type { Result };
