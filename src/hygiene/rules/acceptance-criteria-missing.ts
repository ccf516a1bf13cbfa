import { z } from 'zod';
import { appliesTo, issueTypesOption, messageCache, phrasesOption } from '../rule-kit';
import { findSection } from '../description/sections';
import { defineRule } from '../types';
import { ruleWords } from '../words';

const words = ruleWords({
  en: {
    title: 'Acceptance criteria missing',
    agreement: 'Stories have acceptance criteria',
    rationale:
      'Without acceptance criteria, "done" is a matter of opinion: reviews and demos turn into negotiations.',
    fixHint:
      'Fill the acceptance criteria field, or add an "Acceptance criteria" heading with testable items.',
    options: {
      issueTypes: 'Issue types (none: every type)',
      headings: 'Headings the acceptance criteria sit under',
    },
    messages: {
      'acceptance-criteria-missing': 'No acceptance criteria: neither in the field nor under a heading.',
      'acceptance-criteria-missing.empty-heading': 'The "{heading}" heading has nothing under it.',
    },
  },
  fr: {
    title: 'Critères d’acceptation absents',
    agreement: "Les stories ont des critères d'acceptation",
    rationale:
      'Sans critères d’acceptation, « terminé » est une affaire d’opinion : revues et démos tournent à la négociation.',
    fixHint:
      'Remplissez le champ des critères, ou ajoutez un titre « Critères d’acceptation » avec des éléments vérifiables.',
    options: {
      issueTypes: 'Types de ticket (aucun : tous les types)',
      headings: 'Titres sous lesquels sont les critères d’acceptation',
    },
    messages: {
      'acceptance-criteria-missing': 'Aucun critère d’acceptation : ni dans le champ, ni sous un titre.',
      'acceptance-criteria-missing.empty-heading': 'Le titre « {heading} » n’est suivi de rien.',
    },
  },
});

/** Heading wordings that introduce acceptance criteria, in English and French. */
export const DEFAULT_CRITERIA_HEADINGS = [
  'Acceptance criteria',
  'Acceptance criterion',
  'Acceptance tests',
  'Definition of done',
  'AC',
  "Critères d'acceptation",
  "Critère d'acceptation",
  "Critères d'acceptance",
  'Définition de terminé',
];

const NO_CRITERIA = words.say('acceptance-criteria-missing');
const emptyHeading = messageCache((heading: string) =>
  words.say('acceptance-criteria-missing.empty-heading', { heading }),
);

export default defineRule({
  id: 'acceptance-criteria-missing',
  words,
  severity: 'error',
  fields: ['description', 'issuetype', { mapped: 'acceptanceCriteria' }],
  options: z
    .object({ issueTypes: issueTypesOption(['story']), headings: phrasesOption(DEFAULT_CRITERIA_HEADINGS) })
    .strict(),
  check(issue, options) {
    if (!appliesTo(issue, options.issueTypes)) return null;
    if (issue.acceptanceCriteriaField.words > 0) return null;
    const section = findSection(issue.description, options.headings);
    if (section === undefined) return NO_CRITERIA;
    const filled = section.inline.length > 0 || section.blocks.some((b) => b.text.length > 0);
    return filled ? null : emptyHeading(section.title);
  },
  evidence: { applies: (issue, options) => appliesTo(issue, options.issueTypes) },
});
