import { z } from 'zod';
import { DAY_MS, daysBetween } from '../dates';
import { messageCache } from '../rule-kit';
import { defineRule } from '../types';
import { ruleWords } from '../words';

const words = ruleWords({
  en: {
    title: 'Due date passed',
    agreement: 'Due dates are kept or moved',
    rationale: 'A due date in the past tells stakeholders a promise that is no longer true.',
    fixHint: 'Finish the issue, or agree a new due date with whoever depends on it.',
    options: {},
    messages: {
      'due-date-passed': 'Due {due}, {late, plural, # day|# days} ago, and still unresolved.',
    },
  },
  fr: {
    title: 'Échéance dépassée',
    agreement: 'Les échéances sont tenues ou déplacées',
    rationale: 'Une échéance passée annonce aux parties prenantes une promesse qui n’est plus vraie.',
    fixHint: 'Terminez le ticket, ou convenez d’une nouvelle échéance avec qui en dépend.',
    options: {},
    messages: {
      'due-date-passed':
        'Échéance au {due}, dépassée de {late, plural, # jour|# jours}, et toujours pas résolu.',
    },
  },
});

const dueMessage = (due: number, late: number) =>
  words.say('due-date-passed', { due: new Date(due).toISOString().slice(0, 10), late });

/** Keyed `due day (days since 1970) × 65536 + days late`: both numbers are in the message. */
const message = messageCache((key: number) => {
  const day = Math.floor(key / 65536);
  return dueMessage(day * DAY_MS, key - day * 65536);
});

export default defineRule({
  id: 'due-date-passed',
  words,
  severity: 'error',
  fields: ['duedate', 'resolution', 'status'],
  options: z.object({}).strict(),
  check(issue, _options, context) {
    if (issue.due === null || issue.resolution !== null || issue.statusCategory === 'done') return null;
    // A due date is a whole day: it passes when that day is over.
    const dayOver = issue.due + DAY_MS;
    if (dayOver > context.now) return null;
    const late = daysBetween(issue.due, context.now);
    // Beyond 179 years late the key would run into the next day's: such a date is built without the cache.
    return late < 65536
      ? message(Math.floor(issue.due / DAY_MS) * 65536 + late)
      : dueMessage(issue.due, late);
  },
});
