import { z } from 'zod';
import type { FindingMessage } from './finding-messages';
import { memoise, memoiseByList } from './memo';
import type { IssueView } from './view';

/** Issue type names a rule applies to; empty = every type. Compared case-insensitively. */
export const issueTypesOption = (defaults: readonly string[]) =>
  z
    .array(z.string().min(1).max(60))
    .max(50)
    .default([...defaults]);

/** A day threshold, bounded so that a typo (14000) is refused rather than silencing the rule. */
export const daysOption = (fallback: number) => z.number().int().min(1).max(3650).default(fallback);

export const phrasesOption = (defaults: readonly string[]) =>
  z
    .array(z.string().min(1).max(100))
    .max(100)
    .default([...defaults]);

/**
 * Whether `issue` is of one of `types` (empty list = all types). The list is lower-cased once per option list,
 * not once per issue: lower-casing "Story" for every issue and rule was a real share of a scan's garbage.
 */
export function appliesTo(issue: IssueView, types: readonly string[]): boolean {
  return appliesToType(types, issue.type);
}

/** `appliesTo` for a lower-case type name: whether `types` (empty = every type) includes it. */
function appliesToType(types: readonly string[], type: string): boolean {
  return types.length === 0 || lowerCaseSet(types).has(type);
}

/**
 * Whether a rule configured with `options` applies to issues of this lower-case type, by its `issueTypes`
 * option; a rule without one (or with odd values there) applies to every type and decides for itself.
 */
export function optionsApplyToType(options: unknown, type: string): boolean {
  const types = (options as { issueTypes?: unknown } | null | undefined)?.issueTypes;
  if (!Array.isArray(types) || !types.every((name) => typeof name === 'string')) return true;
  return appliesToType(types, type);
}

/** Blocking is known by the link's wording read from this issue, not by the link type's name (differs by site). */
export const DEFAULT_BLOCKED_BY_PHRASES = [
  'is blocked by',
  'depends on',
  'has to be done after',
  'is blocked',
];

/** `words` lower-cased and trimmed, as a set, computed once per list. */
export const lowerCaseSet = memoiseByList(
  (words: readonly string[]): ReadonlySet<string> => new Set(words.map((w) => w.toLowerCase().trim())),
);

const NO_LINKS: IssueView['links'] = Object.freeze([]);

/** Keys of the issues this one waits for. */
export function blockers(issue: IssueView, phrases: readonly string[]): IssueView['links'] {
  const { links } = issue;
  if (links.length === 0) return NO_LINKS;
  const wanted = lowerCaseSet(phrases);
  return links.filter((link) => wanted.has(link.phrase));
}

/**
 * A rule's messages, built once per distinct wording: a scan of 100,000 issues says "In progress and not
 * updated for 15 days" thousands of times, and every copy (id, parameters, English text) would be kept in the
 * results. `key` must determine the message (e.g. the numbers in it, combined into one, or the status name).
 * Bounded.
 */
export function messageCache<K>(build: (key: K) => FindingMessage): (key: K) => FindingMessage {
  return memoise(build);
}
