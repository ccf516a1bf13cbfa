import type { z } from 'zod';
import type { FindingParams } from '../shared/finding-messages';
import type { FindingMessage } from './finding-messages';
import type { FieldMap } from './fields';
import type { IssueView } from './view';
import type { RuleWords } from './words';

export type { FieldMap };

/** How loudly a rule speaks: errors break planning, warnings slow it, info is a nudge. */
export type Severity = 'error' | 'warning' | 'info';

/** A logical field a rule reads: a Jira system field id, or a mapped field by its role. */
export type FieldNeed = string | { readonly mapped: keyof FieldMap };

/** What a rule may know besides the issue. Time is passed in so that a scan is reproducible (`--now`). */
export interface RuleContext {
  /** Evaluation instant, epoch milliseconds. */
  readonly now: number;
  /** Number of child issues of an epic, when the caller knows it; `undefined` = unknown. */
  readonly childCount?: ((issueKey: string) => number | undefined) | undefined;
}

/**
 * What a rule needs from a scan besides the issue's fields: `childCount`, the number of child issues of an epic
 * (`RuleContext.childCount`), which a scan counts with requests of its own only when an enabled rule needs it.
 */
export type ScanNeed = 'childCount';

export interface RuleMeta {
  readonly id: string;
  readonly severity: Severity;
  readonly fields: readonly FieldNeed[];
  readonly needs?: readonly ScanNeed[] | undefined;
  readonly processUrl?: string | undefined;
  /** Everything the rule says, in every language (`./words.ts`). */
  readonly words: RuleWords;
}

/**
 * A rule's verdict on one issue: `null` when the issue follows it, else what it found as a message of the
 * finding catalogue (`finding-messages.ts`), which people read in their language.
 */
export type RuleVerdict = FindingMessage | null;

/**
 * How a rule speaks about a resolved issue, for the evidence of the site's own history (`evidence.ts`). A rule
 * without it is not measurable: what it checks (time in a status, sprints, due dates, the state of work in
 * progress) is gone once the issue is resolved, or no longer as it was while people worked on it.
 */
export interface RuleEvidence<O> {
  /**
   * Whether the rule has something to say about this issue under these options: its population. A rule that
   * leaves a case to another (an empty description is description-missing's, not description-too-short's)
   * leaves it out, so that its flagged issues are compared with issues it could have flagged.
   */
  applies(issue: IssueView, options: O): boolean;
  /**
   * Whether it flags the issue as it stands now, its done-skip set aside (a resolved issue is done). Absent:
   * whether `check` finds something.
   */
  flags?(issue: IssueView, options: O, context: RuleContext): boolean;
}

/** A rule as stored in the registry: its options are parsed with its own schema before `check` runs. */
export interface HygieneRule extends RuleMeta {
  /** The English words, for the CLI, the CSV and the JSON. */
  readonly title: string;
  readonly rationale: string;
  readonly fixHint: string;
  readonly options: z.ZodType<Record<string, unknown>>;
  check(issue: IssueView, options: Record<string, unknown>, context: RuleContext): RuleVerdict;
  readonly evidence?: RuleEvidence<Record<string, unknown>> | undefined;
}

export interface RuleDefinition<S extends z.ZodType<Record<string, unknown>>> extends RuleMeta {
  readonly options: S;
  check(issue: IssueView, options: z.output<S>, context: RuleContext): RuleVerdict;
  readonly evidence?: RuleEvidence<z.output<S>> | undefined;
}

/** Declares a rule; keeps the option types precise inside the rule and erased in the registry. */
export function defineRule<S extends z.ZodType<Record<string, unknown>>>(
  definition: RuleDefinition<S>,
): HygieneRule {
  return {
    ...definition,
    title: definition.words.en.title,
    rationale: definition.words.en.rationale,
    fixHint: definition.words.en.fixHint,
    // The engine only ever passes options parsed by `definition.options`, so the narrowing holds. The rule's own
    // function, not a wrapper: a scan calls it 100,000 times per rule.
    // eslint-disable-next-line @typescript-eslint/unbound-method -- rules are plain functions of their arguments
    check: definition.check,
  };
}

/** Someone said "we know, and here is why": the finding stays visible but apart, until `expires`. */
export interface Acknowledgement {
  readonly issue: string;
  readonly rule: string;
  readonly reason: string;
  /** ISO date or date-time; the acknowledgement lapses at that instant. */
  readonly expires: string;
  readonly by?: string | undefined;
  readonly at?: string | undefined;
}

export type FindingKind = 'violation' | 'not-evaluated';

/**
 * What one rule found on one issue. The issue is its result's (`IssueResult.issue`): a finding carries nothing of
 * the issue, so the engine shares one object between every issue with the same verdict of the same rule.
 */
export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  /** In English (CLI, CSV, JSON); the UI shows `messageId` + `params` in the reader's language. */
  readonly message: string;
  /** A message id of the rule's words (`RuleText.messages`), or `not-evaluated`. */
  readonly messageId: string;
  readonly params: FindingParams;
  /** `not-evaluated`: the rule failed on odd data; shown so that nobody mistakes silence for health. */
  readonly kind: FindingKind;
  readonly acknowledgement?: Acknowledgement | undefined;
}
