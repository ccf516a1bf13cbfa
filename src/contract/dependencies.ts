import { z } from 'zod';
import type { BlockingWords } from '../dependencies/link-types';
import type { DependencyReport, IssueDependencies } from '../dependencies/model';
import type { LinkTypeReading, WordListProblem } from '../dependencies/settings';
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

/** Which issues a report covers: a calendar quarter (by due date, fix version or sprint), or any JQL. */
const scope = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('quarter'),
      year: z.number().int().min(2000).max(2100),
      quarter: z.number().int().min(1).max(4),
      /** What places an issue in the quarter: its due date (default), its fix version's release, its sprint's end. */
      by: z.enum(['duedate', 'fixVersion', 'sprint']).optional(),
      /** An extra JQL filter on the quarter's issues. */
      jql: z.string().max(4000).optional(),
      /** Narrows the quarter to some projects. */
      projectKeys: z
        .array(z.string().regex(/^[A-Z][A-Z0-9_]{0,30}$/))
        .max(100)
        .optional(),
    })
    .strict(),
  z.object({ kind: z.literal('jql'), jql: z.string().min(1).max(4000) }).strict(),
]);

/** The word list as typed on the settings page; its rules (lengths, conflicts) are checked by the service. */
const phrases = z.array(z.string().max(200)).max(200);
const blockingWords = z
  .object({ blockerPhrases: phrases, blockedPhrases: phrases, symmetricWords: phrases })
  .strict();

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
      /**
       * The projects the publisher agreed to show to everyone who reads the space: teams, counts and risks are
       * written as plain text only for dependencies between their issues (the dialog names the candidates).
       */
      shownProjects: z.array(z.string().regex(/^[A-Z][A-Z0-9_]{0,30}$/)).max(1000),
    })
    .strict(),
  'dependencies.fields': z.object({}).strict(),
  'dependencies.settings.get': z.object({}).strict(),
  'dependencies.settings.preview': z.object({ words: blockingWords }).strict(),
  'dependencies.settings.save': z.object({ words: blockingWords }).strict(),
} satisfies Record<string, z.ZodType>;

type Payload<K extends keyof typeof dependenciesPayloads> = z.input<(typeof dependenciesPayloads)[K]>;

/** The report as the surfaces get it; the list is cut to keep the answer under Forge's 5 MB. */
export interface DependencyReportView extends DependencyReport {
  readonly jql: string;
  readonly scopeLabel: string;
  /** Dependencies in the report before the cut (at-risk first, so the cut drops resolved ones first). */
  readonly totalDependencies: number;
  /** For a quarter by fix version or sprint: the versions or sprints it picked, and how many had no date. */
  readonly plan?: {
    readonly by: 'duedate' | 'fixVersion' | 'sprint';
    readonly picked: readonly string[];
    readonly undated: number;
  };
}

/** The settings page: the word list in force, the built-in one, and how the site's link types read with it. */
export interface DependencySettingsView {
  readonly words: BlockingWords;
  readonly defaults: BlockingWords;
  readonly linkTypes: readonly LinkTypeReading[];
  readonly canEdit: boolean;
}

/** The preview of a word list being edited: what is wrong with it, and how the link types would read. */
export interface LinkTypePreview {
  readonly problems: readonly WordListProblem[];
  readonly linkTypes: readonly LinkTypeReading[];
}

/** The custom fields a team dimension can read (`field:<id>`), by name. */
interface TeamFieldChoices {
  readonly fields: readonly { readonly id: string; readonly name: string }[];
}

interface SnapshotSaved {
  readonly takenAt: string;
  readonly dependencies: number;
}

export interface SnapshotComparison {
  /** `null` when no review was saved for this scope before. */
  readonly diff: SnapshotDiff | null;
}

interface PublishedPage {
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
  'dependencies.fields': (payload: Payload<'dependencies.fields'>) => Result<TeamFieldChoices>;
  'dependencies.settings.get': (
    payload: Payload<'dependencies.settings.get'>,
  ) => Result<DependencySettingsView>;
  'dependencies.settings.preview': (
    payload: Payload<'dependencies.settings.preview'>,
  ) => Result<LinkTypePreview>;
  'dependencies.settings.save': (
    payload: Payload<'dependencies.settings.save'>,
  ) => Result<DependencySettingsView>;
};
