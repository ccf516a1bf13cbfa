import type { HygieneRule } from '../types';
import acceptanceCriteriaMissing from './acceptance-criteria-missing';
import acceptanceCriteriaVague from './acceptance-criteria-vague';
import assigneeMissing from './assignee-missing';
import blockedWithoutLink from './blocked-without-link';
import blockerResolved from './blocker-resolved';
import bugMissingRepro from './bug-missing-repro';
import descriptionMissing from './description-missing';
import descriptionTooShort from './description-too-short';
import dueDatePassed from './due-date-passed';
import epicEmpty from './epic-empty';
import estimateMissing from './estimate-missing';
import longInProgress from './long-in-progress';
import parentMissing from './parent-missing';
import resolutionMismatch from './resolution-mismatch';
import sprintCarryOver from './sprint-carry-over';
import staleInProgress from './stale-in-progress';
import summaryPlaceholder from './summary-placeholder';

/** Every built-in rule, in the order people read them. The ids are part of the app's interface. */
export const RULES: readonly HygieneRule[] = [
  descriptionMissing,
  descriptionTooShort,
  acceptanceCriteriaMissing,
  acceptanceCriteriaVague,
  assigneeMissing,
  estimateMissing,
  parentMissing,
  staleInProgress,
  longInProgress,
  dueDatePassed,
  resolutionMismatch,
  blockedWithoutLink,
  blockerResolved,
  bugMissingRepro,
  sprintCarryOver,
  summaryPlaceholder,
  epicEmpty,
];

export const RULES_BY_ID: ReadonlyMap<string, HygieneRule> = new Map(RULES.map((rule) => [rule.id, rule]));

export const RULE_IDS: readonly string[] = RULES.map((rule) => rule.id);
