import { formatMessage } from './format';

/**
 * The catalogue of finding messages. A rule says what it found as a message id and parameters (numbers, dates,
 * keys, names read from Jira), never as finished text: the core formats the English text once per distinct
 * wording (the CLI, the CSV and the JSON print it), and the UI formats the same id and parameters in the
 * reader's language from `static/src/hygiene/messages.ts`, whose French table must have exactly these ids.
 *
 * Templates know three placeholders:
 * - `{name}`: the parameter as it is;
 * - `{name, plural, one|other}`: a form chosen by the number (`#` stands for it): `{idle, plural, # day|# days}`;
 * - `{name, parts, a|b|c}`: the items whose bit is set in the number, joined by commas (1 = a, 2 = b, 4 = c).
 */
export const FINDING_MESSAGES_EN = {
  'description-missing': 'The description is empty.',
  'description-too-short':
    'The description has {words, plural, # word|# words}; at least {minimum} are expected.',
  'acceptance-criteria-missing': 'No acceptance criteria: neither in the field nor under a heading.',
  'acceptance-criteria-missing.empty-heading': 'The "{heading}" heading has nothing under it.',
  'acceptance-criteria-vague.words': 'The acceptance criteria use vague words: {words}.',
  'acceptance-criteria-vague.prose':
    'The acceptance criteria are prose: no checklist, numbered items or Given / When / Then.',
  'assignee-missing': 'The issue is "{status}" but nobody is assigned.',
  'estimate-missing.in-progress': 'The issue is in progress with no estimate.',
  'estimate-missing.open-sprint': 'The issue is in the open sprint "{sprint}" with no estimate.',
  'parent-missing': 'This {type} has no parent epic.',
  'parent-missing.untyped': 'This issue has no parent epic.',
  'stale-in-progress':
    'In progress and not updated for {idle, plural, # day|# days} (limit {limit, plural, # day|# days}).',
  'long-in-progress': 'In progress for {days, plural, # day|# days} (limit {limit, plural, # day|# days}).',
  'due-date-passed': 'Due {due}, {late, plural, # day|# days} ago, and still unresolved.',
  'resolution-mismatch.done-unresolved': 'The issue is "{status}" (done) but has no resolution.',
  'resolution-mismatch.open-resolved': 'The issue is "{status}" (not done) but resolved as "{resolution}".',
  'blocked-without-link.flagged': 'The issue is flagged but no link says what blocks it.',
  'blocked-without-link.status': 'The issue is in status "{status}" but no link says what blocks it.',
  'blocked-without-link.label': 'The issue is labelled "{label}" but no link says what blocks it.',
  'blocker-resolved': 'Every blocker is done ({keys}); the issue can move.',
  'bug-missing-repro':
    'The bug report lacks: {missing, parts, steps to reproduce|expected result|actual result}.',
  'sprint-carry-over': 'Carried through {carried, plural, # closed sprint|# closed sprints} (limit {limit}).',
  'summary-placeholder.too-short': 'The summary "{summary}" is too short to say anything.',
  'summary-placeholder.placeholder': 'The summary "{summary}" is a placeholder.',
  'summary-placeholder.copied': 'The summary starts with "{prefix}": it was copied and never renamed.',
  'summary-placeholder.capitals': 'The summary is in capitals.',
  'epic-empty': 'The epic has no child issues.',
  'not-evaluated': 'Could not evaluate this rule: {reason}',
} as const;

export type FindingMessageId = keyof typeof FINDING_MESSAGES_EN;

/** Numbers, dates, keys and names that fill a message; plain values so a finding stays plain JSON. */
export type FindingParams = Readonly<Record<string, string | number>>;

export type FindingLanguage = 'en' | 'fr';

/** Fills a finding template in `language` (the placeholders above; see `./format.ts`). */
export function formatFindingMessage(
  language: FindingLanguage,
  template: string,
  params: FindingParams,
): string {
  return formatMessage(language, template, params);
}
