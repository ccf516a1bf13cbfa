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
 * Whether some block starts with one of `phrases` and says something: headings, bold labels and "Expected: …"
 * lines all count, because bug reports write these parts in every one of those ways. A heading or label with
 * nothing after it nor under it (a template's empty skeleton) does not.
 */
function mentions(model: DescriptionModel, phrases: readonly string[]): boolean {
  const wanted = normalisedPhrases(phrases);
  const { blocks } = model;
  for (let i = 0; i < blocks.length; i += 1) {
    const block = blocks[i] as DescriptionModel['blocks'][number];
    if (!mayStartWithPhrase(block, phrases)) continue;
    const start = blockLead(block);
    for (const phrase of wanted) if (startsWithPhrase(start, phrase) && saysSomething(blocks, i)) return true;
  }
  return false;
}

/**
 * Whether the block at `index` carries text of its own: a paragraph does ("Expected the total to include tax");
 * a heading or label does when text follows its colon, or when a block under it (up to the next heading or label
 * of the same or a higher level; deeper headings are passed over) holds text.
 */
function saysSomething(blocks: DescriptionModel['blocks'], index: number): boolean {
  const block = blocks[index] as DescriptionModel['blocks'][number];
  if (block.kind !== 'heading' && !block.label) return true;
  const colon = block.text.indexOf(':');
  if (colon >= 0 && block.text.slice(colon + 1).trim().length > 0) return true;
  for (let j = index + 1; j < blocks.length; j += 1) {
    const next = blocks[j] as DescriptionModel['blocks'][number];
    if (next.kind === 'heading' || next.label) {
      // A deeper heading ("On Android") is no content itself; the blocks under it are.
      if (next.level <= block.level) return false;
    } else if (next.text.length > 0) return true;
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
