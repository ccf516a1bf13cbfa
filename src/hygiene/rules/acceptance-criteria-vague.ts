import { z } from 'zod';
import { appliesTo, issueTypesOption, messageCache, phrasesOption } from '../rule-kit';
import type { Block } from '../description/model';
import { normalise, paddedPhrases } from '../description/phrases';
import { findSection, sectionText } from '../description/sections';
import { defineRule } from '../types';
import { ruleWords } from '../words';
import type { IssueView } from '../view';
import { DEFAULT_CRITERIA_HEADINGS } from './acceptance-criteria-missing';

const words = ruleWords({
  en: {
    title: 'Acceptance criteria not testable',
    agreement: 'Acceptance criteria can be tested',
    rationale:
      'Criteria a tester cannot check ("should work", "fast", "etc.") give the same arguments as no criteria at all.',
    fixHint:
      'Write each criterion as a checklist item, a numbered item or Given / When / Then, with measurable words.',
    options: {
      issueTypes: 'Issue types (none: every type)',
      headings: 'Headings the acceptance criteria sit under',
      vagueWords: 'Vague words',
    },
    messages: {
      'acceptance-criteria-vague.words': 'The acceptance criteria use vague words: {words}.',
      'acceptance-criteria-vague.prose':
        'The acceptance criteria are prose: no checklist, numbered items or Given / When / Then.',
    },
  },
  fr: {
    title: 'Critères d’acceptation invérifiables',
    agreement: "Les critères d'acceptation sont vérifiables",
    rationale:
      'Des critères qu’un testeur ne peut pas vérifier (« doit fonctionner », « rapide », « etc. ») valent l’absence de critères.',
    fixHint:
      'Écrivez chaque critère en case à cocher, en liste numérotée ou en Étant donné / Quand / Alors, avec des mots mesurables.',
    options: {
      issueTypes: 'Types de ticket (aucun : tous les types)',
      headings: 'Titres sous lesquels sont les critères d’acceptation',
      vagueWords: 'Mots vagues',
    },
    messages: {
      'acceptance-criteria-vague.words': 'Les critères d’acceptation emploient des mots vagues : {words}.',
      'acceptance-criteria-vague.prose':
        'Les critères d’acceptation sont rédigés en prose : ni cases à cocher, ni liste numérotée, ni Étant donné / Quand / Alors.',
    },
  },
});

const DEFAULT_VAGUE_WORDS = [
  'etc',
  'and so on',
  'should work',
  'works fine',
  'as expected',
  'user-friendly',
  'user friendly',
  'intuitive',
  'fast',
  'easy',
  'nice',
  'good',
  'properly',
  'tbd',
  'ergonomique',
  'rapide',
  'intuitif',
  'doit fonctionner',
];

const GIVEN_WHEN_THEN =
  /\b(given|étant donné|etant donne)\b[\s\S]*\b(when|quand|lorsque)\b[\s\S]*\b(then|alors)\b/i;

/** Checklists, numbered items, a bullet list of two or more, or Given/When/Then make criteria testable. */
function structured(blocks: readonly Block[], text: string): boolean {
  for (const block of blocks) {
    if (block.kind === 'task' || block.kind === 'ordered' || block.kind === 'table') return true;
    if (block.kind === 'bullet' && block.items >= 2) return true;
  }
  return GIVEN_WHEN_THEN.test(text) || /(^|\n)\s*\d+[.)]\s/.test(text);
}

/** The issue's acceptance criteria (the field, else the section under a criteria heading); none when empty. */
function criteriaOf(
  issue: IssueView,
  headings: readonly string[],
): { readonly blocks: readonly Block[]; readonly text: string } | undefined {
  const field = issue.acceptanceCriteriaField;
  if (field.words > 0) return field;
  const section = findSection(issue.description, headings);
  if (section === undefined) return undefined;
  const text = sectionText(section);
  return text.length === 0 ? undefined : { blocks: section.blocks, text };
}

const PROSE = words.say('acceptance-criteria-vague.prose');
/** Keyed by the vague words found, quoted and joined: a handful of combinations recur across a whole scan. */
const vagueWords = messageCache((found: string) =>
  words.say('acceptance-criteria-vague.words', { words: found }),
);

export default defineRule({
  id: 'acceptance-criteria-vague',
  words,
  severity: 'warning',
  fields: ['description', 'issuetype', { mapped: 'acceptanceCriteria' }],
  options: z
    .object({
      issueTypes: issueTypesOption(['story']),
      headings: phrasesOption(DEFAULT_CRITERIA_HEADINGS),
      vagueWords: phrasesOption(DEFAULT_VAGUE_WORDS),
    })
    .strict(),
  check(issue, options) {
    if (!appliesTo(issue, options.issueTypes)) return null;
    const criteria = criteriaOf(issue, options.headings);
    if (criteria === undefined) return null;
    const { blocks, text } = criteria;
    const plain = ` ${normalise(text)} `;
    // Padded phrases are computed once per scan; sets and lists only for the few vague criteria.
    const padded = paddedPhrases(options.vagueWords);
    let seen: Set<string> | undefined;
    const vague: string[] = [];
    for (let i = 0; i < padded.length; i += 1) {
      const phrase = padded[i] ?? '';
      if (phrase.length <= 2 || !plain.includes(phrase) || seen?.has(phrase) === true) continue;
      (seen ??= new Set()).add(phrase);
      vague.push(options.vagueWords[i] ?? phrase);
    }
    if (vague.length > 0) return vagueWords(vague.map((w) => `"${w}"`).join(', '));
    if (!structured(blocks, text)) return PROSE;
    return null;
  },
  // Compared among issues with criteria: none at all is acceptance-criteria-missing's to count.
  evidence: {
    applies: (issue, options) =>
      appliesTo(issue, options.issueTypes) && criteriaOf(issue, options.headings) !== undefined,
  },
});
