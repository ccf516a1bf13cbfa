import { z } from 'zod';
import type { ErrorCode, Result } from './result';

// The finding catalogue the UI's English table is, and its formatter, from the kernel the core shares.
export { evidenceSaysLess } from '../shared/evidence';
export { HYGIENE_ERRORS } from '../shared/hygiene-errors';
export { FINDING_MESSAGES_EN, formatFindingMessage, type FindingMessageId } from '../shared/finding-messages';

// The wire's own types: the core's (hygiene/types, hygiene/report) are checked against them where resolvers
// answer, so a change in the core cannot change what the screens receive unnoticed.

/** How loudly a rule speaks: errors break planning, warnings slow it, info is a nudge. */
export type HygieneSeverity = 'error' | 'warning' | 'info';

export interface Tally {
  readonly open: number;
  readonly acknowledged: number;
}

interface HygieneSummaryData {
  readonly scanned: number;
  /** Mean of the issue scores, 0–100; 100 for an empty scope. */
  readonly score: number;
  readonly bySeverity: Readonly<Record<HygieneSeverity, number>>;
  readonly byRule: Readonly<Record<string, Tally>>;
  readonly byAssignee: Readonly<Record<string, Tally>>;
  readonly byTeam: Readonly<Record<string, Tally>>;
  readonly notEvaluated: number;
  readonly issuesWithFindings: number;
}

/**
 * Resolver keys, payload schemas and results of the hygiene capability. Keys are namespaced `hygiene.*`.
 * Each payload has a zod schema here (checked at run time by the resolver) and a function type in
 * `HygieneDefs` (checked at compile time by makeInvoke in static/). Result types are spelled out here, not
 * imported from the core, so the front end compiles against this folder alone.
 */

const issueKey = z.string().regex(/^[A-Z][A-Z0-9_]{0,49}-[1-9][0-9]{0,9}$/, 'an issue key such as PAY-42');
const projectKey = z.string().regex(/^[A-Z][A-Z0-9_]{0,49}$/, 'a project key such as PAY');
const ruleId = z.string().regex(/^[a-z][a-z0-9-]{1,60}$/, 'a rule id such as stale-in-progress');
const jql = z.string().max(4000);

export const hygienePayloads = {
  'hygiene.issueFindings': z.object({ issueKey }).strict(),
  'hygiene.acknowledge': z
    .object({
      issueKey,
      rule: ruleId,
      reason: z.string().trim().min(3).max(500),
      expires: z.iso.date().or(z.iso.datetime()),
    })
    .strict(),
  'hygiene.withdrawAcknowledgement': z.object({ issueKey, rule: ruleId }).strict(),
  'hygiene.projectReport': z.object({ projectKey, jql: jql.optional() }).strict(),
  'hygiene.scanProgress': z.object({ scanId: z.uuid() }).strict(),
  'hygiene.latestScan': z.object({ projectKey }).strict(),
  'hygiene.exportCsv': z
    .object({
      projectKey,
      jql: jql.optional(),
      scanId: z.uuid().optional(),
      piece: z.number().int().min(0).max(100_000).optional(),
    })
    .strict(),
  'hygiene.trend': z.object({ projectKey }).strict(),
  'hygiene.orgConfig': z.object({}).strict(),
  'hygiene.saveOrgConfig': z.object({ config: z.record(z.string(), z.unknown()) }).strict(),
  'hygiene.projectConfig': z.object({ projectKey }).strict(),
  'hygiene.saveProjectConfig': z.object({ projectKey, config: z.record(z.string(), z.unknown()) }).strict(),
  /** Resolution names are data: compared without case, never pasted into JQL. Absent: the defaults. */
  'hygiene.evidence': z
    .object({
      jql,
      badResolutions: z.array(z.string().trim().min(1).max(255)).max(50).optional(),
    })
    .strict(),
  'hygiene.words': z.object({}).strict(),
} satisfies Record<string, z.ZodType>;

type Input<K extends keyof typeof hygienePayloads> = z.input<(typeof hygienePayloads)[K]>;

interface AcknowledgementData {
  readonly issue: string;
  readonly rule: string;
  readonly reason: string;
  readonly expires: string;
  readonly by?: string | undefined;
  readonly at?: string | undefined;
}

/**
 * What a finding says, in two forms: `message` in English (as the CLI prints it), and the id of the finding
 * catalogue (src/shared/finding-messages.ts) with its parameters, which the UI shows in the reader's language.
 */
export interface FindingWording {
  readonly message: string;
  readonly messageId: string;
  readonly params: Readonly<Record<string, string | number>>;
}

/** A finding as the issue panel shows it: the rule's why, how to fix, and where the process is written. */
export interface PanelFinding extends FindingWording {
  readonly rule: string;
  readonly title: string;
  readonly severity: HygieneSeverity;
  readonly kind: 'violation' | 'not-evaluated';
  readonly rationale: string;
  readonly fixHint: string;
  readonly processUrl: string | null;
  readonly acknowledgement: AcknowledgementData | null;
}

export interface IssueFindings {
  readonly issue: string;
  readonly projectKey: string;
  readonly score: number;
  readonly findings: readonly PanelFinding[];
  readonly acknowledged: readonly PanelFinding[];
  readonly property: { readonly score: number; readonly rules: readonly string[] };
}

export interface ReportRow {
  readonly issue: string;
  readonly summary: string;
  readonly assignee: string | null;
  readonly team: string | null;
  readonly score: number;
  readonly findings: readonly (FindingWording & { rule: string; severity: HygieneSeverity; kind: string })[];
  readonly acknowledged: readonly (FindingWording & {
    rule: string;
    severity: HygieneSeverity;
    reason: string;
    expires: string;
  })[];
}

export interface ProjectReport {
  readonly status: 'done';
  /** Set when the report came from a queued scan: its CSV is exported from what the scan stored. */
  readonly scanId?: string | undefined;
  readonly projectKey: string;
  readonly jql: string;
  readonly generatedAt: string;
  readonly summary: HygieneSummaryData;
  readonly rows: readonly ReportRow[];
  readonly truncated: boolean;
}

export interface ScanRunning {
  readonly status: 'running';
  readonly scanId: string;
  readonly projectKey: string;
  readonly jql: string;
  readonly done: number;
  /** Issues listed so far; it may still grow while `totalKnown` is false (the scope is being listed). */
  readonly total: number;
  readonly totalKnown: boolean;
}

/**
 * A queued scan that will not finish: one of its parts failed (`message` says why, as an error would), or not
 * every part came back within the time a scan may take. The page stops polling and offers to run it again.
 */
export interface ScanFailed {
  readonly status: 'failed';
  readonly scanId: string;
  readonly projectKey: string;
  readonly jql: string;
  readonly code: ErrorCode;
  readonly message: string;
}

export interface SnapshotData {
  readonly day: string;
  readonly scanned: number;
  readonly score: number;
  readonly open: number;
  readonly acknowledged: number;
  readonly bySeverity: Readonly<Record<HygieneSeverity, number>>;
}

/** The settings of a rule that a settings page sees from the level below it. */
export interface InheritedRuleSetting {
  readonly enabled: boolean;
  readonly severity: HygieneSeverity;
  readonly options: Readonly<Record<string, unknown>>;
  readonly processUrl: string | null;
}

/**
 * One option of a rule as a settings form edits it: a whole number within bounds, a yes/no, or a list of
 * words or phrases (one per line on screen).
 */
export type OptionField =
  | { readonly key: string; readonly kind: 'integer'; readonly min?: number; readonly max?: number }
  | { readonly key: string; readonly kind: 'boolean' }
  | { readonly key: string; readonly kind: 'list'; readonly maxItems?: number };

/** A rule as the admin page and a project's overrides list it, with the settings in force. */
export interface RuleSettingsData {
  readonly id: string;
  readonly title: string;
  readonly rationale: string;
  readonly fixHint: string;
  readonly defaultSeverity: HygieneSeverity;
  readonly defaultOptions: Readonly<Record<string, unknown>>;
  /** The options' form fields, in the order the rule declares them. */
  readonly optionFields: readonly OptionField[];
  readonly enabled: boolean;
  readonly severity: HygieneSeverity;
  readonly options: Readonly<Record<string, unknown>>;
  readonly processUrl: string | null;
  readonly teamsMayOverride: boolean;
  /** On a project page: the project stores settings of its own for this rule. */
  readonly overridden: boolean;
  /**
   * What is in force when this page stores nothing for the rule: the rule's built-in defaults on the
   * organisation page, the organisation's settings on a project page. A page stores only what differs from it.
   */
  readonly inherited: InheritedRuleSetting;
}

export interface StoredRuleSetting {
  readonly enabled?: boolean | undefined;
  readonly severity?: HygieneSeverity | undefined;
  readonly options?: Readonly<Record<string, unknown>> | undefined;
  readonly processUrl?: string | undefined;
  readonly teamsMayOverride?: boolean | undefined;
}

interface OrgConfigData {
  readonly rules: Readonly<Record<string, StoredRuleSetting>>;
  readonly fieldMap: Readonly<Record<string, string | undefined>>;
  readonly teamsMayOverride: boolean;
}

export interface OrgConfigView {
  readonly config: OrgConfigData;
  readonly rules: readonly RuleSettingsData[];
  /** Field ids found on the site through /rest/api/3/field, before the admin's mapping. */
  readonly discoveredFields: Readonly<Record<string, string | undefined>>;
  readonly canEdit: boolean;
}

export interface ProjectConfigView {
  readonly projectKey: string;
  readonly config: {
    readonly rules: Readonly<Record<string, StoredRuleSetting>>;
    readonly fieldMap: Readonly<Record<string, string | undefined>>;
  };
  /** The field ids in force without the project's mapping: the organisation's, else found on the site. */
  readonly inheritedFields: Readonly<Record<string, string | undefined>>;
  readonly rules: readonly RuleSettingsData[];
  readonly canEdit: boolean;
}

/** What the evidence says of one rule over a scope's resolved issues (`unflagged = population − flagged`). */
export interface RuleEvidenceData {
  readonly rule: string;
  readonly population: number;
  readonly flagged: number;
  readonly flaggedBad: number;
  readonly unflaggedBad: number;
  /** The risk ratio of a bad resolution, flagged vs not, and its 95 % interval; null where undefined. */
  readonly lift: number | null;
  readonly liftLow: number | null;
  readonly liftHigh: number | null;
  readonly medianDaysFlagged: number | null;
  readonly medianDaysUnflagged: number | null;
}

export interface EvidenceData {
  readonly jql: string;
  readonly resolved: number;
  readonly badResolutions: readonly string[];
  readonly rules: readonly RuleEvidenceData[];
  /** Rules that cannot speak about a resolved issue. */
  readonly notMeasurable: readonly string[];
}

/** More resolved issues than a resolver measures at once: `details` of the CONFLICT error `hygiene.evidence` answers. */
export interface EvidenceLimitDetails {
  readonly reason: 'evidence-scope-too-large';
  readonly limit: number;
}

/** A finding message of a rule, as `FindingWording.messageId` names it, and its template in one language. */
export interface MessageTemplateData {
  readonly id: string;
  readonly template: string;
}

/** What a rule says in one language. */
export interface RuleTextData {
  readonly title: string;
  /** The working agreement the rule checks, stated positively ("Epics are broken down into work"). */
  readonly agreement: string;
  readonly rationale: string;
  readonly fixHint: string;
  /** What each option is called on the settings pages. */
  readonly options: readonly { readonly key: string; readonly label: string }[];
  readonly messages: readonly MessageTemplateData[];
}

/** A built-in rule's words in every language the app speaks; screens pick the reader's. */
export interface RuleWordsData {
  readonly rule: string;
  readonly en: RuleTextData;
  readonly fr: RuleTextData;
}

export type HygieneDefs = {
  'hygiene.issueFindings': (payload: Input<'hygiene.issueFindings'>) => Result<IssueFindings>;
  'hygiene.acknowledge': (payload: Input<'hygiene.acknowledge'>) => Result<IssueFindings>;
  'hygiene.withdrawAcknowledgement': (
    payload: Input<'hygiene.withdrawAcknowledgement'>,
  ) => Result<IssueFindings>;
  'hygiene.projectReport': (payload: Input<'hygiene.projectReport'>) => Result<ProjectReport | ScanRunning>;
  'hygiene.scanProgress': (
    payload: Input<'hygiene.scanProgress'>,
  ) => Result<ProjectReport | ScanRunning | ScanFailed>;
  'hygiene.latestScan': (
    payload: Input<'hygiene.latestScan'>,
  ) => Result<ProjectReport | ScanRunning | ScanFailed | null>;
  /** A queued scan's CSV comes a piece at a time: ask again with `piece: nextPiece` until there is none. */
  'hygiene.exportCsv': (
    payload: Input<'hygiene.exportCsv'>,
  ) => Result<{ filename: string; csv: string; nextPiece?: number }>;
  'hygiene.trend': (payload: Input<'hygiene.trend'>) => Result<SnapshotData[]>;
  'hygiene.orgConfig': (payload: Input<'hygiene.orgConfig'>) => Result<OrgConfigView>;
  'hygiene.saveOrgConfig': (payload: Input<'hygiene.saveOrgConfig'>) => Result<OrgConfigView>;
  'hygiene.projectConfig': (payload: Input<'hygiene.projectConfig'>) => Result<ProjectConfigView>;
  'hygiene.saveProjectConfig': (payload: Input<'hygiene.saveProjectConfig'>) => Result<ProjectConfigView>;
  'hygiene.evidence': (payload: Input<'hygiene.evidence'>) => Result<EvidenceData>;
  /** The words of every built-in rule, in the registry's order: the same for everyone, derived from the rules. */
  'hygiene.words': (payload: Input<'hygiene.words'>) => Result<readonly RuleWordsData[]>;
};
