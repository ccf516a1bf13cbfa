import { z } from 'zod';
import { messageCache, phrasesOption } from '../rule-kit';
import { normalise, normalisedPhrases, withoutAccents } from '../description/phrases';
import { memoiseByList } from '../memo';
import { defineRule } from '../types';
import { ruleWords } from '../words';

const words = ruleWords({
  en: {
    title: 'Placeholder summary',
    agreement: 'Summaries say what the work is',
    rationale:
      'The summary is what boards, reports and notifications show; "TBD" or "copy of…" tells nobody anything.',
    fixHint: 'Rewrite the summary as the outcome in a few plain words.',
    options: {
      placeholders: 'Placeholder summaries',
      prefixes: 'Prefixes of a copied summary',
      minLength: 'Shortest summary, in characters',
    },
    messages: {
      'summary-placeholder.too-short': 'The summary "{summary}" is too short to say anything.',
      'summary-placeholder.placeholder': 'The summary "{summary}" is a placeholder.',
      'summary-placeholder.copied': 'The summary starts with "{prefix}": it was copied and never renamed.',
      'summary-placeholder.capitals': 'The summary is in capitals.',
    },
  },
  fr: {
    title: 'Résumé provisoire',
    agreement: "Les résumés disent ce qu'est le travail",
    rationale:
      'Le résumé est ce que montrent tableaux, rapports et notifications ; « TBD » ou « copie de… » n’apprend rien.',
    fixHint: 'Réécrivez le résumé comme le résultat attendu, en quelques mots simples.',
    options: {
      placeholders: 'Résumés provisoires',
      prefixes: 'Préfixes d’un résumé copié',
      minLength: 'Résumé le plus court, en caractères',
    },
    messages: {
      'summary-placeholder.too-short': 'Le résumé « {summary} » est trop court pour dire quoi que ce soit.',
      'summary-placeholder.placeholder': 'Le résumé « {summary} » est un texte provisoire.',
      'summary-placeholder.copied': 'Le résumé commence par « {prefix} » : il a été copié sans être renommé.',
      'summary-placeholder.capitals': 'Le résumé est en majuscules.',
    },
  },
});

// Keyed by the summary (or the prefix) quoted in the message; placeholders repeat ("TBD", "test").
const tooShort = messageCache((summary: string) => words.say('summary-placeholder.too-short', { summary }));
const placeholder = messageCache((summary: string) =>
  words.say('summary-placeholder.placeholder', { summary }),
);
const copied = messageCache((prefix: string) => words.say('summary-placeholder.copied', { prefix }));
const CAPITALS = words.say('summary-placeholder.capitals');

/**
 * Whether `summary` may start with the normalised `prefix`: its first three characters, compared without case.
 * A quick filter before normalising the whole summary, which allocates.
 */
function startsLike(summary: string, prefix: string): boolean {
  const head = Math.min(3, prefix.length);
  if (summary.length < head) return false;
  for (let i = 0; i < head; i += 1) {
    const a = summary.charCodeAt(i);
    const b = prefix.charCodeAt(i);
    // ASCII letters compare without case; anything else (accents) is left to the full comparison.
    if (a === b || (a | 0x20) === b || a > 127 || b > 127) continue;
    return false;
  }
  return true;
}

const longestOf = memoiseByList((phrases: readonly string[]): number =>
  phrases.reduce((max, p) => Math.max(max, p.length), 0),
);

/**
 * Lower case, no accents, single spaces, punctuation kept: prefixes compare so, because the dash of Jira's
 * "CLONE - " is what tells a clone from a summary starting with the verb.
 */
function loose(text: string): string {
  return withoutAccents(text).toLowerCase().replace(/\s+/g, ' ').trim();
}

const loosePhrases = memoiseByList((phrases: readonly string[]): readonly string[] => phrases.map(loose));

/** Whether the character code is a letter or digit (NaN, past the end, is not). */
function isWordCharacter(code: number): boolean {
  return !Number.isNaN(code) && /[\p{L}\p{N}]/u.test(String.fromCharCode(code));
}

// Characters that `toUpperCase` / `toLowerCase` would change, in any language.
const CHANGES_WHEN_UPPERCASED = /\p{Changes_When_Uppercased}/u;
const CHANGES_WHEN_LOWERCASED = /\p{Changes_When_Lowercased}/u;

export default defineRule({
  id: 'summary-placeholder',
  words,
  severity: 'warning',
  fields: ['summary'],
  options: z
    .object({
      placeholders: phrasesOption([
        'tbd',
        'todo',
        'to do',
        'test',
        'testing',
        'xxx',
        'placeholder',
        'untitled',
        'new issue',
        'wip',
        'à faire',
        'a definir',
      ]),
      // Jira's own clone prefix is "CLONE - "; "clone" alone would flag "Clone the repositories in parallel".
      prefixes: phrasesOption(['copy of', 'clone -', 'copie de']),
      minLength: z.number().int().min(1).max(50).default(5),
    })
    .strict(),
  check(issue, options) {
    const summary = issue.summary.trim();
    if (summary.length < options.minLength) return tooShort(summary);
    // Cheap tests first: a scan runs this on every issue, and nearly every summary is fine.
    const placeholders = normalisedPhrases(options.placeholders);
    if (summary.length <= longestOf(placeholders) + 12) {
      // "test", "TODO 2", "testing-2": a placeholder word with nothing but numbers after it.
      const bare = normalise(summary).replace(/[\s\d]+$/, '');
      if (placeholders.includes(bare)) return placeholder(summary);
    }
    const prefixes = loosePhrases(options.prefixes);
    for (let i = 0; i < prefixes.length; i += 1) {
      const prefix = prefixes[i] ?? '';
      if (prefix.length === 0 || !startsLike(summary, prefix)) continue;
      const text = loose(summary);
      if (text.startsWith(prefix) && !isWordCharacter(text.charCodeAt(prefix.length))) {
        return copied(options.prefixes[i] ?? prefix);
      }
    }
    // Capitals: upper-casing changes nothing and lower-casing something (tested without copying the summary).
    if (!CHANGES_WHEN_UPPERCASED.test(summary) && CHANGES_WHEN_LOWERCASED.test(summary)) {
      const letters = summary.replace(/[^\p{L}]/gu, '');
      if (letters.length >= 8) return CAPITALS;
    }
    return null;
  },
  evidence: { applies: () => true },
});
