import { z } from 'zod';
import { daysBetween } from '../dates';
import { daysOption, messageCache } from '../rule-kit';
import { defineRule } from '../types';
import { ruleWords } from '../words';

const words = ruleWords({
  en: {
    title: 'Stale in progress',
    agreement: 'Nothing stays in progress untouched',
    rationale:
      'An issue in progress that nobody touched for weeks is usually blocked or abandoned, not progressing.',
    fixHint: 'Post where it stands, flag it if blocked, or move it back to the backlog.',
    options: { days: 'Days without an update' },
    messages: {
      'stale-in-progress':
        'In progress and not updated for {idle, plural, # day|# days} (limit {limit, plural, # day|# days}).',
    },
  },
  fr: {
    title: 'En cours mais à l’arrêt',
    agreement: 'Rien ne reste en cours sans bouger',
    rationale:
      'Un ticket en cours que personne n’a touché depuis des semaines est souvent bloqué ou abandonné.',
    fixHint: 'Indiquez où il en est, signalez-le s’il est bloqué, ou remettez-le dans le backlog.',
    options: { days: 'Jours sans mise à jour' },
    messages: {
      'stale-in-progress':
        'En cours et sans mise à jour depuis {idle, plural, # jour|# jours} (limite {limit, plural, # jour|# jours}).',
    },
  },
});

/** Keyed `idle × 4096 + limit` (the limit is at most 3650 days). */
const message = messageCache((key: number) =>
  words.say('stale-in-progress', { idle: Math.floor(key / 4096), limit: key % 4096 }),
);

export default defineRule({
  id: 'stale-in-progress',
  words,
  severity: 'warning',
  fields: ['status', 'updated'],
  options: z.object({ days: daysOption(14) }).strict(),
  check(issue, options, context) {
    if (issue.statusCategory !== 'indeterminate' || issue.updated === null) return null;
    const idle = daysBetween(issue.updated, context.now);
    return idle > options.days ? message(idle * 4096 + options.days) : null;
  },
});
