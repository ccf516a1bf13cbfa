import { z } from 'zod';
import { appliesTo, issueTypesOption, messageCache, phrasesOption } from '../rule-kit';
import type { DescriptionModel } from '../description/model';
import { lineStartsWith } from '../description/phrases';
import { defineRule } from '../types';
import { ruleWords } from '../words';

const words = ruleWords({
  en: {
    title: 'Bug without reproduction steps',
    agreement: 'Bugs say how to reproduce them',
    rationale: 'A bug nobody can reproduce bounces between reporter and developer before anyone fixes it.',
    fixHint: 'Add "Steps to reproduce", "Expected result" and "Actual result" sections.',
    options: {
      issueTypes: 'Issue types (none: every type)',
      steps: 'Headings of the steps to reproduce',
      expected: 'Headings of the expected result',
      actual: 'Headings of the actual result',
    },
    messages: {
      'bug-missing-repro':
        'The bug report lacks: {missing, parts, steps to reproduce|expected result|actual result}.',
    },
  },
  fr: {
    title: 'Bug sans étapes de reproduction',
    agreement: 'Les bugs disent comment les reproduire',
    rationale: 'Un bug que personne ne sait reproduire fait des allers-retours avant d’être corrigé.',
    fixHint: 'Ajoutez les sections « Étapes pour reproduire », « Résultat attendu » et « Résultat obtenu ».',
    options: {
      issueTypes: 'Types de ticket (aucun : tous les types)',
      steps: 'Titres des étapes pour reproduire',
      expected: 'Titres du résultat attendu',
      actual: 'Titres du résultat obtenu',
    },
    messages: {
      'bug-missing-repro':
        'Il manque au rapport de bug : {missing, parts, étapes pour reproduire|résultat attendu|résultat obtenu}.',
    },
  },
});

type Blocks = DescriptionModel['blocks'];

/**
 * Whether some block or line starts with one of `phrases` and says something: headings, bold labels and
 * "Expected: …" lines all count, wherever the line is (a paragraph's third line, a list item), because bug
 * reports write these parts in every one of those ways. A heading or label with nothing after it nor under it (a
 * template's empty skeleton) does not.
 */
function mentions(model: DescriptionModel, phrases: readonly string[]): boolean {
  const { blocks } = model;
  for (let i = 0; i < blocks.length; i += 1) {
    const block = blocks[i] as Blocks[number];
    // A heading's or a code block's later lines are no labels.
    const lines = block.kind === 'heading' || block.kind === 'code' ? 1 : block.lineCount;
    for (let line = 0; line < lines; line += 1) {
      if (lineStartsWith(block, phrases, line) !== undefined && saysSomething(blocks, i, line)) return true;
    }
  }
  return false;
}

/**
 * Whether line `line` of block `index` (a heading, a label, or a line starting with a part's phrase) carries text:
 * after its colon ("Actual: it crashes"), as prose ("Expected the total to include tax"), or, for a heading or an
 * empty label ("Actual behavior:"), on the lines under it up to the next label, then in the blocks under it up to
 * the next heading or label of the same or a higher level (deeper headings are passed over: "On Android" is no
 * content itself, the blocks under it are).
 */
function saysSomething(blocks: Blocks, index: number, line: number): boolean {
  const block = blocks[index] as Blocks[number];
  const text = block.line(line);
  const heading = line === 0 && (block.kind === 'heading' || block.label);
  const colon = text.indexOf(':');
  if (!heading && colon < 0) return true;
  if (colon >= 0 && text.slice(colon + 1).trim().length > 0) return true;
  for (let next = line + 1; next < block.lineCount; next += 1) {
    const following = block.line(next);
    // "Expected:" then "Actual:": a template's skeleton.
    if (following.endsWith(':')) return false;
    if (following.length > 0) return true;
  }
  const level = heading ? block.level : 7;
  for (let j = index + 1; j < blocks.length; j += 1) {
    const next = blocks[j] as Blocks[number];
    if (next.kind === 'heading' || next.label) {
      if (next.level <= level) return false;
    } else if (next.text.length > 0) return true;
  }
  return false;
}

/** Keyed by a bit per missing part: steps 1, expected 2, actual 4. */
const message = messageCache((missing: number) => words.say('bug-missing-repro', { missing }));

export default defineRule({
  id: 'bug-missing-repro',
  words,
  severity: 'warning',
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
  evidence: { applies: (issue, options) => appliesTo(issue, options.issueTypes) },
});
