import { z } from 'zod';
import { appliesTo, issueTypesOption, messageCache, phrasesOption } from '../rule-kit';
import { findSection } from '../description/sections';
import { findingMessage } from '../finding-messages';
import { defineRule } from '../types';

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

const NO_CRITERIA = findingMessage('acceptance-criteria-missing');
const emptyHeading = messageCache((heading: string) =>
  findingMessage('acceptance-criteria-missing.empty-heading', { heading }),
);

export default defineRule({
  id: 'acceptance-criteria-missing',
  title: 'Acceptance criteria missing',
  severity: 'error',
  rationale:
    'Without acceptance criteria, "done" is a matter of opinion: reviews and demos turn into negotiations.',
  fixHint: 'Fill the acceptance criteria field, or add an "Acceptance criteria" heading with testable items.',
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
