import { z } from 'zod';
import { appliesTo, issueTypesOption, messageCache, phrasesOption } from '../rule-kit';
import {
  blockLead,
  mayStartWithPhrase,
  normalisedPhrases,
  startsWithPhrase,
  type DescriptionModel,
} from '../description';
import { findingMessage } from '../finding-messages';
import { defineRule } from '../types';

/**
 * Whether some block starts with one of `phrases`: headings, bold labels and "Expected: …" lines all count,
 * because bug reports write these parts in every one of those ways.
 */
function mentions(model: DescriptionModel, phrases: readonly string[]): boolean {
  const wanted = normalisedPhrases(phrases);
  for (const block of model.blocks) {
    if (!mayStartWithPhrase(block, phrases)) continue;
    const start = blockLead(block);
    for (const phrase of wanted) if (startsWithPhrase(start, phrase)) return true;
  }
  return false;
}

/** Keyed by a bit per missing part: steps 1, expected 2, actual 4. */
const message = messageCache((missing: number) => findingMessage('bug-missing-repro', { missing }));

export default defineRule({
  id: 'bug-missing-repro',
  title: 'Bug without reproduction steps',
  severity: 'warning',
  rationale: 'A bug nobody can reproduce bounces between reporter and developer before anyone fixes it.',
  fixHint: 'Add "Steps to reproduce", "Expected result" and "Actual result" sections.',
  fields: ['description', 'issuetype', { mapped: 'stepsToReproduce' }],
  options: z
    .object({
      issueTypes: issueTypesOption(['bug']),
      steps: phrasesOption([
        'Steps to reproduce',
        'Steps',
        'Repro',
        'Reproduction',
        'To reproduce',
        'Étapes',
      ]),
      expected: phrasesOption([
        'Expected',
        'Expected result',
        'Expected behavior',
        'Expected behaviour',
        'Attendu',
        'Résultat attendu',
      ]),
      actual: phrasesOption([
        'Actual',
        'Actual result',
        'Actual behavior',
        'Observed',
        'Current behavior',
        'Résultat obtenu',
        'Obtenu',
      ]),
    })
    .strict(),
  check(issue, options) {
    if (!appliesTo(issue, options.issueTypes)) return null;
    const description = issue.description;
    let missing = 0;
    if (issue.stepsToReproduceField.words === 0 && !mentions(description, options.steps)) missing |= 1;
    if (!mentions(description, options.expected)) missing |= 2;
    if (!mentions(description, options.actual)) missing |= 4;
    return missing === 0 ? null : message(missing);
  },
});
