/**
 * The site's dependency settings: the word list that decides which link types mean blocking. Checked here,
 * as plain data, so the settings page, the resolvers and the tests share one set of rules and messages.
 */
import {
  blockingTypesById,
  DEFAULT_BLOCKING_WORDS,
  normalisePhrase,
  type BlockingDirection,
  type BlockingWords,
  type LinkTypeWording,
} from './link-types';

/** At most this many phrases a list: the preview and every report read them all. */
export const MAX_PHRASES = 60;
const MAX_PHRASE_LENGTH = 60;

export interface WordListProblem {
  readonly list: keyof BlockingWords;
  readonly phrase: string;
  readonly problem: 'empty' | 'too-long' | 'no-letters' | 'in-both-lists' | 'too-many';
}

const LISTS: readonly (keyof BlockingWords)[] = ['blockerPhrases', 'blockedPhrases', 'symmetricWords'];

/**
 * Cleans a word list (trims, drops repeats) and lists what is wrong with it: empty or over-long phrases,
 * phrases with no letter, a phrase said by both the blocker and the blocked side (it could not decide), more
 * than `MAX_PHRASES` in a list. An empty list is allowed: a site may read no symmetric wording at all.
 */
export function checkBlockingWords(words: BlockingWords): {
  readonly words: BlockingWords;
  readonly problems: readonly WordListProblem[];
} {
  const problems: WordListProblem[] = [];
  const cleaned = {} as Record<keyof BlockingWords, string[]>;
  for (const list of LISTS) {
    const seen = new Set<string>();
    cleaned[list] = [];
    for (const raw of words[list]) {
      const phrase = raw.trim().replace(/\s+/g, ' ');
      if (phrase === '') problems.push({ list, phrase: raw, problem: 'empty' });
      else if (phrase.length > MAX_PHRASE_LENGTH) problems.push({ list, phrase, problem: 'too-long' });
      else if (!/\p{L}/u.test(phrase) || normalisePhrase(phrase) === '')
        problems.push({ list, phrase, problem: 'no-letters' });
      else if (!seen.has(normalisePhrase(phrase))) {
        seen.add(normalisePhrase(phrase));
        cleaned[list].push(phrase);
      }
    }
    if (cleaned[list].length > MAX_PHRASES)
      problems.push({ list, phrase: cleaned[list][MAX_PHRASES] ?? '', problem: 'too-many' });
  }
  const blocked = new Set(cleaned.blockedPhrases.map(normalisePhrase));
  for (const phrase of cleaned.blockerPhrases) {
    if (blocked.has(normalisePhrase(phrase)))
      problems.push({ list: 'blockerPhrases', phrase, problem: 'in-both-lists' });
  }
  return { words: cleaned, problems };
}

/** How one link type of the site is read with a word list. */
export interface LinkTypeReading extends LinkTypeWording {
  /** `null` when the type does not mean blocking. */
  readonly direction: BlockingDirection | null;
  /** True when both wordings are the same word, so the direction is a convention. */
  readonly assumedDirection: boolean;
}

/** Every link type of the site, read with `words`, blocking ones first, then by name. */
export function readLinkTypes(
  types: readonly LinkTypeWording[],
  words: BlockingWords = DEFAULT_BLOCKING_WORDS,
): LinkTypeReading[] {
  const blocking = blockingTypesById(types, words);
  return types
    .map((type) => {
      const reading = blocking.get(type.id);
      return {
        id: type.id,
        name: type.name,
        inward: type.inward,
        outward: type.outward,
        direction: reading?.direction ?? null,
        assumedDirection: reading?.assumedDirection ?? false,
      };
    })
    .sort(
      (a, b) => Number(a.direction === null) - Number(b.direction === null) || a.name.localeCompare(b.name),
    );
}
