/**
 * Which issue-link types mean "blocking", and which side is the blocker. Sites name their types freely
 * ("Blocks", "Blocker", "Depends", "Dependency", "5 - Depend"…), so the type name says nothing: the inward and
 * outward wording does. On an issue X, a link holding `outwardIssue: Y` reads "X <outward> Y"; a link holding
 * `inwardIssue: Y` reads "X <inward> Y".
 */

export interface LinkTypeWording {
  readonly id: string;
  readonly name: string;
  readonly inward: string;
  readonly outward: string;
}

/**
 * Phrases said by the blocker ("X blocks Y") and by the blocked issue ("X depends on Y"), plus words that mean
 * blocking when a type has the same wording both ways ("Dependency" / "Dependency"). Sites extend these lists
 * (for example with Gantt wording such as "has to be done before").
 */
export interface BlockingWords {
  readonly blockerPhrases: readonly string[];
  readonly blockedPhrases: readonly string[];
  readonly symmetricWords: readonly string[];
}

export const DEFAULT_BLOCKING_WORDS: BlockingWords = {
  blockerPhrases: [
    'blocks',
    'is blocking',
    'blocker of',
    'blocker for',
    'depended on by',
    'depended upon by',
    'is required for',
    'is required by',
    'is a precondition for',
    'is a prerequisite for',
    'is a prerequisite of',
  ],
  blockedPhrases: [
    'is blocked by',
    'blocked by',
    'depends on',
    'depends upon',
    'is dependent on',
    'is dependent upon',
    'requires',
    'has prerequisite',
  ],
  symmetricWords: ['blocked', 'blocker', 'blocks', 'dependency', 'dependent', 'depends', 'depend'],
};

/**
 * `outward-blocks`: on the issue holding the link, the outward issue is the one blocked ("X blocks Y").
 * `outward-is-blocker`: the outward issue is the blocker ("X depends on Y").
 */
export type BlockingDirection = 'outward-blocks' | 'outward-is-blocker';

export interface BlockingType {
  readonly direction: BlockingDirection;
  /** True when both wordings are the same word ("Blocked" / "Blocked"): the direction is a convention. */
  readonly assumedDirection: boolean;
}

/** Lower case, punctuation to spaces, single spaces: "Is  Blocked-by." → "is blocked by". */
export function normalisePhrase(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9']+/g, ' ')
    .trim();
}

type Side = 'blocker' | 'blocked' | null;

/** The side a phrase speaks for: the longest listed phrase found in it as whole words decides. */
function sideOf(text: string, words: BlockingWords): Side {
  const padded = ` ${normalisePhrase(text)} `;
  let best: Side = null;
  let bestLength = 0;
  const consider = (phrases: readonly string[], side: Side): void => {
    for (const phrase of phrases) {
      const wanted = normalisePhrase(phrase);
      if (wanted !== '' && wanted.length > bestLength && padded.includes(` ${wanted} `)) {
        best = side;
        bestLength = wanted.length;
      }
    }
  };
  consider(words.blockerPhrases, 'blocker');
  consider(words.blockedPhrases, 'blocked');
  return best;
}

/**
 * Whether a link type means blocking, and in which direction; `null` when it does not (relates, duplicates,
 * clones, Gantt wording unless listed). The outward wording wins when both sides are read: sites word the
 * inward side loosely (Appcelerator's "Depends" is "is dependent of" / "depends on").
 */
export function classifyLinkType(
  type: LinkTypeWording,
  words: BlockingWords = DEFAULT_BLOCKING_WORDS,
): BlockingType | null {
  const outward = sideOf(type.outward, words);
  if (outward === 'blocker') return { direction: 'outward-blocks', assumedDirection: false };
  if (outward === 'blocked') return { direction: 'outward-is-blocker', assumedDirection: false };
  const inward = sideOf(type.inward, words);
  if (inward === 'blocked') return { direction: 'outward-blocks', assumedDirection: false };
  if (inward === 'blocker') return { direction: 'outward-is-blocker', assumedDirection: false };
  const sameWording = normalisePhrase(type.inward) === normalisePhrase(type.outward);
  if (sameWording && words.symmetricWords.map(normalisePhrase).includes(normalisePhrase(type.outward))) {
    // "X Blocked Y", "X Dependency Y": read as "X is blocked by / has a dependency on Y".
    return { direction: 'outward-is-blocker', assumedDirection: true };
  }
  return null;
}

/** The blocking types of a site, by link type id. */
export function blockingTypesById(
  types: readonly LinkTypeWording[],
  words: BlockingWords = DEFAULT_BLOCKING_WORDS,
): Map<string, BlockingType> {
  const byId = new Map<string, BlockingType>();
  for (const type of types) {
    const blocking = classifyLinkType(type, words);
    if (blocking) byId.set(type.id, blocking);
  }
  return byId;
}
