import { z } from 'zod';
import { daysBetween } from '../dates';
import { daysOption, messageCache } from '../rule-kit';
import { defineRule } from '../types';
import { ruleWords } from '../words';

const words = ruleWords({
  en: {
    title: 'Long in progress',
    agreement: 'Work in progress finishes within a month',
    rationale:
      'Work in progress for more than a month is usually too big to flow; splitting it shortens feedback.',
    fixHint: 'Split the issue into pieces that can finish within a sprint.',
    options: { days: 'Days in progress' },
    messages: {
      'long-in-progress':
        'In progress for {days, plural, # day|# days} (limit {limit, plural, # day|# days}).',
    },
  },
  fr: {
    title: 'En cours depuis longtemps',
    agreement: "Le travail en cours se termine en moins d'un mois",
    rationale:
      'Un travail en cours depuis plus d’un mois est souvent trop gros pour avancer ; le découper raccourcit les retours.',
    fixHint: 'Découpez le ticket en morceaux qui se terminent dans un sprint.',
    options: { days: 'Jours en cours' },
    messages: {
      'long-in-progress':
        'En cours depuis {days, plural, # jour|# jours} (limite {limit, plural, # jour|# jours}).',
    },
  },
});

/** Keyed `days in progress × 4096 + limit` (the limit is at most 3650 days). */
const message = messageCache((key: number) =>
  words.say('long-in-progress', { days: Math.floor(key / 4096), limit: key % 4096 }),
);

export default defineRule({
  id: 'long-in-progress',
  words,
  severity: 'info',
  fields: ['status', 'statuscategorychangedate'],
  options: z.object({ days: daysOption(30) }).strict(),
  check(issue, options, context) {
    // Jira stamps `statuscategorychangedate` when the issue entered its current status category.
    if (issue.statusCategory !== 'indeterminate' || issue.statusCategoryChanged === null) return null;
    const inProgress = daysBetween(issue.statusCategoryChanged, context.now);
    return inProgress > options.days ? message(inProgress * 4096 + options.days) : null;
  },
});
