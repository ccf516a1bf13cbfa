import { z } from 'zod';
import type {
  Agreement,
  BlockingWords,
  DependencyReport,
  IssueDependencies,
  LinkTypeReading,
  RiskRules,
  SnapshotDiff,
  WordListProblem,
} from './dependency-report';
import type { ErrorCode, Result } from './result';

export { DEPENDENCIES_ERRORS } from '../shared/dependencies-errors';

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
export const scopeSchema = z.discriminatedUnion('kind', [
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

const scope = scopeSchema;
const issueKey = z.string().regex(/^[A-Z][A-Z0-9_]*-[1-9]\d{0,17}$/);
/** A day as YYYY-MM-DD; whether it exists in the calendar, and is not past, the service checks. */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD');

/** What one side says on a dependency: the blocked team asks, the blocker's team commits or declines. */
export const agreementChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ask'), neededBy: day }).strict(),
  z.object({ kind: z.literal('commit'), committedBy: day }).strict(),
  /** Folded (spaces, line breaks) and refused when empty or over 500 characters by the service. */
  z.object({ kind: z.literal('decline'), reason: z.string().min(1).max(2000) }).strict(),
]);
const projectKey = z.string().regex(/^[A-Z][A-Z0-9_]{0,30}$/);

/** The work a page may resume: the report, saving a review, comparing with the last one, publishing. */
export const WORK_ACTIONS = ['report', 'snapshot', 'compare', 'publish'] as const;
export type WorkAction = (typeof WORK_ACTIONS)[number];

/** The word list as typed on the settings page; its rules (lengths, conflicts) are checked by the service. */
const phrases = z.array(z.string().max(200)).max(200);
const blockingWords = z
  .object({ blockerPhrases: phrases, blockedPhrases: phrases, symmetricWords: phrases })
  .strict();

/** One risk reason's rule: on or off, and its threshold in days (`null` for a reason that takes none). */
const riskRule = z
  .object({ enabled: z.boolean(), days: z.number().int().min(0).max(365).nullable() })
  .strict();
/** The site's risk rules, one per reason id; which reasons take a threshold is checked by the service. */
export const riskRulesSchema = z
  .object({
    'scheduled-after-blocked': riskRule,
    stale: riskRule,
    'blocker-blocked': riskRule,
    unscheduled: riskRule,
    unassigned: riskRule,
    'not-started': riskRule,
  })
  .strict() satisfies z.ZodType<RiskRules>;

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
  /** Ask, commit or decline on the dependency blockerKey → blockedKey, as the user, who must edit their side. */
  'dependencies.agree': z
    .object({ blockerKey: issueKey, blockedKey: issueKey, change: agreementChangeSchema })
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
  /** A dependency job's progress, then its outcome; only for the person who started it. */
  'dependencies.job': z.object({ jobId: z.uuid() }).strict(),
  /** The user's latest job of an action on the global page (no project) or a project page, kept a day. */
  'dependencies.latest': z
    .object({ action: z.enum(WORK_ACTIONS), projectKey: projectKey.optional() })
    .strict(),
  'dependencies.fields': z.object({}).strict(),
  'dependencies.settings.get': z.object({}).strict(),
  'dependencies.settings.preview': z.object({ words: blockingWords }).strict(),
  /** The word list, and the risk rules when they are edited too (kept as they were when absent). */
  'dependencies.settings.save': z
    .object({ words: blockingWords, riskRules: riskRulesSchema.optional() })
    .strict(),
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
  /** The risk rules in force, and the built-in ones. */
  readonly riskRules: RiskRules;
  readonly riskDefaults: RiskRules;
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

/** The agreement on one dependency as it stands after a change. */
export interface AgreementSaved {
  readonly blocker: string;
  readonly blocked: string;
  readonly agreement: Agreement;
}

/** What a finished piece of dependency work answers, by action. */
export type DependencyOutcome =
  | { readonly action: 'report'; readonly report: DependencyReportView }
  | { readonly action: 'snapshot'; readonly saved: SnapshotSaved }
  | { readonly action: 'compare'; readonly comparison: SnapshotComparison }
  | { readonly action: 'publish'; readonly page: PublishedPage };

/**
 * Dependency work, answered at once for a small scope (`done` without a job) or run as a job on Forge's queue
 * for a larger one: the page polls `dependencies.job` with the `jobId` until it is done or failed, and finds it
 * again with `dependencies.latest` after leaving.
 */
export type DependencyWork<O extends DependencyOutcome = DependencyOutcome> = (
  | { readonly status: 'done'; readonly jobId?: string; readonly outcome: O }
  | {
      readonly status: 'running';
      readonly jobId: string;
      readonly action: O['action'];
      readonly scopeLabel: string;
      /** Issues read so far, of `total` listed so far (`totalKnown` once the listing is over). */
      readonly done: number;
      readonly total: number;
      readonly totalKnown: boolean;
    }
  | {
      readonly status: 'failed';
      readonly jobId: string;
      readonly action: O['action'];
      readonly scopeLabel: string;
      readonly code: ErrorCode;
      readonly message: string;
    }
) & {
  /** What was asked: a page that finds a job again shows it under the scope it was run for. */
  readonly request: WorkScope;
};

/** The scope and team dimension of a piece of work, as the pages send them. */
export interface WorkScope {
  readonly scope: z.output<typeof scopeSchema>;
  readonly teamBy: string;
}

/** The outcome of one action. */
export type Outcome<A extends WorkAction> = Extract<DependencyOutcome, { action: A }>;

export type DependenciesDefs = {
  'dependencies.report': (
    payload: Payload<'dependencies.report'>,
  ) => Result<DependencyWork<Outcome<'report'>>>;
  'dependencies.job': (payload: Payload<'dependencies.job'>) => Result<DependencyWork>;
  'dependencies.latest': (payload: Payload<'dependencies.latest'>) => Result<DependencyWork | null>;
  'dependencies.issue': (payload: Payload<'dependencies.issue'>) => Result<IssueDependencies>;
  'dependencies.agree': (payload: Payload<'dependencies.agree'>) => Result<AgreementSaved>;
  'dependencies.snapshot.save': (
    payload: Payload<'dependencies.snapshot.save'>,
  ) => Result<DependencyWork<Outcome<'snapshot'>>>;
  'dependencies.snapshot.compare': (
    payload: Payload<'dependencies.snapshot.compare'>,
  ) => Result<DependencyWork<Outcome<'compare'>>>;
  'dependencies.publish': (
    payload: Payload<'dependencies.publish'>,
  ) => Result<DependencyWork<Outcome<'publish'>>>;
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
