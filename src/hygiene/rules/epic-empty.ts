import { z } from 'zod';
import { appliesTo, issueTypesOption } from '../rule-kit';
import { defineRule } from '../types';
import { ruleWords } from '../words';

const words = ruleWords({
  en: {
    title: 'Empty epic',
    agreement: 'Epics are broken down into work',
    rationale:
      'An epic without child issues shows on the roadmap as planned work that nobody has broken down.',
    fixHint: 'Break the epic into stories, or close it if the initiative was dropped.',
    options: { issueTypes: 'Issue types (none: every type)', includeDone: 'Check done issues too' },
    messages: {
      'epic-empty': 'The epic has no child issues.',
    },
  },
  fr: {
    title: 'Epic vide',
    agreement: 'Les epics sont découpés en travail',
    rationale:
      'Un epic sans ticket enfant apparaît sur la feuille de route comme du travail prévu que personne n’a découpé.',
    fixHint: 'Découpez l’epic en stories, ou fermez-le si l’initiative est abandonnée.',
    options: {
      issueTypes: 'Types de ticket (aucun : tous les types)',
      includeDone: 'Vérifier aussi les tickets terminés',
    },
    messages: {
      'epic-empty': 'L’epic n’a aucun ticket enfant.',
    },
  },
});

const NO_CHILDREN = words.say('epic-empty');

export default defineRule({
  id: 'epic-empty',
  words,
  severity: 'info',
  fields: ['issuetype', 'status'],
  needs: ['childCount'],
  options: z
    .object({ issueTypes: issueTypesOption(['epic']), includeDone: z.boolean().default(false) })
    .strict(),
  check(issue, options, context) {
    if (!appliesTo(issue, options.issueTypes)) return null;
    if (issue.statusCategory === 'done' && !options.includeDone) return null;
    // Children are not a field of the epic; only the caller (a scan) can count them. Unknown: stay silent.
    const children = context.childCount?.(issue.key);
    return children === 0 ? NO_CHILDREN : null;
  },
});
