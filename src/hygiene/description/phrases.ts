import { memoise, memoiseByList } from '../memo';
import type { Block } from './model';

const NON_ASCII = /[\u0080-\uffff]/;
const NON_ALNUM = /[^a-z0-9]+/g;

/**
 * Normalised short texts (headings, labels, first words of blocks): descriptions written from templates repeat
 * the same few, and a lookup is cheaper than three new strings.
 */
const normalisedShort = memoise(normaliseNow, 5000);
const CACHED_LENGTH = 100;

/** Lower case, no accents, no punctuation: how headings and phrases are compared. */
export function normalise(text: string): string {
  return text.length > CACHED_LENGTH ? normaliseNow(text) : normalisedShort(text);
}

function normaliseNow(text: string): string {
  return withoutAccents(text).toLowerCase().replace(NON_ALNUM, ' ').trim();
}

/** `text` with its accents taken off ("é" → "e"). NFD is the costly step of a scan; ASCII text skips it. */
export function withoutAccents(text: string): string {
  return NON_ASCII.test(text) ? text.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : text;
}

/** `phrases` normalised, computed once per list. */
export const normalisedPhrases = memoiseByList((phrases: readonly string[]): readonly string[] =>
  phrases.map(normalise),
);

/**
 * `phrases` normalised with a space either side, computed once per list: a phrase occurs as whole words in
 * normalised text when it occurs so padded in `" " + normalise(text) + " "`. An empty phrase gives "  ".
 */
export const paddedPhrases = memoiseByList((phrases: readonly string[]): readonly string[] =>
  normalisedPhrases(phrases).map((phrase) => ` ${phrase} `),
);

/** Whether normalised `text` is `phrase` or starts with it as whole words ("expected result" for "expected"). */
export function startsWithPhrase(text: string, phrase: string): boolean {
  return (
    phrase.length > 0 &&
    text.startsWith(phrase) &&
    (text.length === phrase.length || text.charCodeAt(phrase.length) === 32)
  );
}

/** First characters of the normalised phrases, computed once per list. */
const phraseInitials = memoiseByList(
  (phrases: readonly string[]): ReadonlySet<string> =>
    new Set(normalisedPhrases(phrases).map((phrase) => phrase.charAt(0))),
);

/**
 * Whether line `line` of the block (its lead, for line 0) may start with one of `phrases`, decided on its first
 * letter or digit when that is plain ASCII (normalising then only lower-cases it), without normalising anything:
 * most blocks of a long bug report start with some other letter, and normalising each (NFD on any accent or
 * dash) was a real share of a report's time. Unsure (a non-ASCII first letter): true, and `blockLead` decides.
 */
export function mayStartWithPhrase(block: Block, phrases: readonly string[], line = 0): boolean {
  if (line === 0 && block.lead !== undefined) return true;
  const initial = block.lineInitial(line);
  // Nothing but separators: the lead is empty, and no phrase (never empty) starts it.
  if (initial < 0) return false;
  return initial >= 128 || phraseInitials(phrases).has(String.fromCharCode(initial));
}

/** The normalised first words of a block, cached on it: several rules ask whether a block starts with a phrase. */
export function blockLead(block: Block): string {
  block.lead ??= normalise(block.text.slice(0, 80));
  return block.lead;
}

/** The normalised first words of line `line` of a block (its lead for line 0). */
function lineLead(block: Block, line: number): string {
  return line === 0 ? blockLead(block) : normalise(block.line(line).slice(0, 80));
}

/** The first of `phrases` (normalised) that line `line` of the block starts with, as whole words. */
export function lineStartsWith(block: Block, phrases: readonly string[], line = 0): string | undefined {
  if (!mayStartWithPhrase(block, phrases, line)) return undefined;
  const lead = lineLead(block, line);
  for (const phrase of normalisedPhrases(phrases)) if (startsWithPhrase(lead, phrase)) return phrase;
  return undefined;
}
