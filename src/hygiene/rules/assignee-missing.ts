import { z } from 'zod';
import { messageCache } from '../rule-kit';
import { defineRule } from '../types';
import { ruleWords } from '../words';

const words = ruleWords({
  en: {
    title: 'In progress without assignee',
    agreement: 'Work in progress has an assignee',
    rationale: 'Work in progress that nobody owns is work nobody is asked about at stand-up.',
    fixHint: 'Assign the issue to the person doing the work, or move it back to the backlog.',
    options: {},
    messages: {
      'assignee-missing': 'The issue is "{status}" but nobody is assigned.',
    },
  },
  fr: {
    title: 'En cours sans responsable',
    agreement: 'Le travail en cours a un responsable',
    rationale:
      'Un travail en cours que personne ne porte est un travail dont personne ne parle au point quotidien.',
    fixHint: 'Assignez le ticket à la personne qui fait le travail, ou remettez-le dans le backlog.',
    options: {},
    messages: {
      'assignee-missing': 'Le ticket est « {status} » mais personne n’en est responsable.',
    },
  },
});

/** Keyed by the status name: a site has a few in-progress statuses, repeated on every unassigned issue. */
const message = messageCache((status: string) => words.say('assignee-missing', { status }));

export default defineRule({
  id: 'assignee-missing',
  words,
  severity: 'error',
  fields: ['status', 'assignee'],
  options: z.object({}).strict(),
  check(issue) {
    return issue.statusCategory === 'indeterminate' && issue.assignee === null ? message(issue.status) : null;
  },
});
