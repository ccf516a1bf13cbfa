import { z } from 'zod';
import { appliesTo, issueTypesOption, messageCache } from '../rule-kit';
import { defineRule } from '../types';
import { ruleWords } from '../words';

const words = ruleWords({
  en: {
    title: 'Description too short',
    agreement: 'Descriptions say why and how far',
    rationale: 'A one-line description rarely carries the why and the scope; the team ends up guessing.',
    fixHint: 'Add the context, the expected outcome and what is out of scope.',
    options: { minWords: 'Fewest words', issueTypes: 'Issue types (none: every type)' },
    messages: {
      'description-too-short':
        'The description has {words, plural, # word|# words}; at least {minimum} are expected.',
    },
  },
  fr: {
    title: 'Description trop courte',
    agreement: "Les descriptions disent pourquoi et jusqu'où",
    rationale:
      'Une description d’une ligne porte rarement le pourquoi et le périmètre ; l’équipe finit par deviner.',
    fixHint: 'Ajoutez le contexte, le résultat attendu et ce qui est hors périmètre.',
    options: { minWords: 'Nombre minimal de mots', issueTypes: 'Types de ticket (aucun : tous les types)' },
    messages: {
      'description-too-short':
        'La description compte {words, plural, # mot|# mots} ; il en faut au moins {minimum}.',
    },
  },
});

/** Keyed `words × 1024 + minimum` (the minimum is at most 1000 words). */
const message = messageCache((key: number) =>
  words.say('description-too-short', { words: Math.floor(key / 1024), minimum: key % 1024 }),
);

export default defineRule({
  id: 'description-too-short',
  words,
  severity: 'warning',
  fields: ['description', 'issuetype'],
  options: z
    .object({ minWords: z.number().int().min(1).max(1000).default(15), issueTypes: issueTypesOption([]) })
    .strict(),
  check(issue, options) {
    if (!appliesTo(issue, options.issueTypes)) return null;
    const words = issue.descriptionWords(options.minWords);
    // An empty description is description-missing's finding; saying it twice would be noise.
    if (words === 0 || words >= options.minWords) return null;
    return message(words * 1024 + options.minWords);
  },
  // Compared among descriptions that say something: an empty one is description-missing's to count.
  evidence: {
    applies: (issue, options) => appliesTo(issue, options.issueTypes) && issue.descriptionWords(1) > 0,
  },
});
