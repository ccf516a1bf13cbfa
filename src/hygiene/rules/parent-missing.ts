import { z } from 'zod';
import { appliesTo, issueTypesOption, messageCache } from '../rule-kit';
import { defineRule } from '../types';
import { ruleWords } from '../words';

const words = ruleWords({
  en: {
    title: 'No parent epic',
    agreement: 'Work belongs to an epic',
    rationale: 'Work outside an epic is invisible in roadmaps and in the time spent per initiative.',
    fixHint: 'Set the parent to the epic this work contributes to.',
    options: { issueTypes: 'Issue types (none: every type)', includeDone: 'Check done issues too' },
    messages: {
      'parent-missing': 'This {type} has no parent epic.',
      'parent-missing.untyped': 'This issue has no parent epic.',
    },
  },
  fr: {
    title: 'Sans epic parent',
    agreement: 'Le travail appartient à une epic',
    rationale:
      'Le travail hors epic est invisible dans les feuilles de route et dans le temps passé par initiative.',
    fixHint: 'Rattachez le ticket à l’epic auquel il contribue.',
    options: {
      issueTypes: 'Types de ticket (aucun : tous les types)',
      includeDone: 'Vérifier aussi les tickets terminés',
    },
    messages: {
      'parent-missing': 'Ce ticket ({type}) n’a pas d’epic parent.',
      'parent-missing.untyped': 'Ce ticket n’a pas d’epic parent.',
    },
  },
});

/** Keyed by the issue type's name ("story"); a type-less issue says "issue". */
const message = messageCache((type: string) =>
  type === '' ? words.say('parent-missing.untyped') : words.say('parent-missing', { type }),
);

export default defineRule({
  id: 'parent-missing',
  words,
  severity: 'info',
  fields: ['issuetype', 'parent', 'status'],
  options: z
    .object({ issueTypes: issueTypesOption(['story', 'task']), includeDone: z.boolean().default(false) })
    .strict(),
  check(issue, options) {
    if (!appliesTo(issue, options.issueTypes)) return null;
    if (issue.statusCategory === 'done' && !options.includeDone) return null;
    return issue.parent === null ? message(issue.type) : null;
  },
  // Every resolved issue is done: as it stands now means with or without a parent, whatever `includeDone` says.
  evidence: {
    applies: (issue, options) => appliesTo(issue, options.issueTypes),
    flags: (issue) => issue.parent === null,
  },
});
