import { z } from 'zod';
import { appliesTo, issueTypesOption, phrasesOption } from '../rule-kit';
import { blockLead, normalisedPhrases, type DescriptionModel } from '../description';
import { defineRule } from '../types';

/**
 * Whether some block starts with one of `phrases`: headings, bold labels and "Expected: …" lines all count,
 * because bug reports write these parts in every one of those ways.
 */
function mentions(model: DescriptionModel, phrases: readonly string[]): boolean {
  const wanted = normalisedPhrases(phrases);
  for (const block of model.blocks) {
    const start = blockLead(block);
    for (const phrase of wanted)
      if (phrase.length > 0 && (start === phrase || start.startsWith(`${phrase} `))) return true;
  }
  return false;
}

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
    const missing: string[] = [];
    if (issue.stepsToReproduceField.words === 0 && !mentions(description, options.steps))
      missing.push('steps to reproduce');
    if (!mentions(description, options.expected)) missing.push('expected result');
    if (!mentions(description, options.actual)) missing.push('actual result');
    return missing.length === 0 ? null : `The bug report lacks: ${missing.join(', ')}.`;
  },
});
