import { z } from 'zod';
import { appliesTo, issueTypesOption, messageCache } from '../rule-kit';
import { defineRule } from '../types';
import { ruleWords } from '../words';

const words = ruleWords({
  en: {
    title: 'Estimate missing',
    agreement: 'Stories in a sprint are estimated',
    rationale:
      'Unestimated work in a sprint makes velocity and forecasts wrong for everyone who plans on them.',
    fixHint: 'Estimate the issue (story points, or an original estimate) at the next refinement.',
    options: { issueTypes: 'Issue types (none: every type)' },
    messages: {
      'estimate-missing.in-progress': 'The issue is in progress with no estimate.',
      'estimate-missing.open-sprint': 'The issue is in the open sprint "{sprint}" with no estimate.',
    },
  },
  fr: {
    title: 'Estimation absente',
    agreement: 'Les stories du sprint sont estimées',
    rationale:
      'Du travail non estimé dans un sprint fausse la vélocité et les prévisions de tous ceux qui s’y fient.',
    fixHint: 'Estimez le ticket (points ou estimation initiale) au prochain affinage.',
    options: { issueTypes: 'Types de ticket (aucun : tous les types)' },
    messages: {
      'estimate-missing.in-progress': 'Le ticket est en cours sans estimation.',
      'estimate-missing.open-sprint': 'Le ticket est dans le sprint ouvert « {sprint} » sans estimation.',
    },
  },
});

const IN_PROGRESS = words.say('estimate-missing.in-progress');
const inOpenSprint = messageCache((sprint: string) => words.say('estimate-missing.open-sprint', { sprint }));

export default defineRule({
  id: 'estimate-missing',
  words,
  severity: 'warning',
  fields: ['issuetype', 'status', 'timeoriginalestimate', { mapped: 'storyPoints' }, { mapped: 'sprint' }],
  options: z.object({ issueTypes: issueTypesOption(['story', 'task']) }).strict(),
  check(issue, options) {
    if (!appliesTo(issue, options.issueTypes) || issue.statusCategory === 'done') return null;
    if (issue.estimate !== null) return null;
    if (issue.statusCategory === 'indeterminate') return IN_PROGRESS;
    const sprint = issue.sprints.find((s) => s.state === 'active');
    return sprint === undefined ? null : inOpenSprint(sprint.name);
  },
});
