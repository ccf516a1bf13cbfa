import { z } from 'zod';
import { DAY_MS, daysBetween } from '../view';
import { days } from '../rule-kit';
import { defineRule } from '../types';

export default defineRule({
  id: 'due-date-passed',
  title: 'Due date passed',
  severity: 'error',
  rationale: 'A due date in the past tells stakeholders a promise that is no longer true.',
  fixHint: 'Finish the issue, or agree a new due date with whoever depends on it.',
  fields: ['duedate', 'resolution', 'status'],
  options: z.object({}).strict(),
  check(issue, _options, context) {
    if (issue.due === null || issue.resolution !== null || issue.statusCategory === 'done') return null;
    // A due date is a whole day: it passes when that day is over.
    const dayOver = issue.due + DAY_MS;
    if (dayOver > context.now) return null;
    const late = daysBetween(issue.due, context.now);
    return `Due ${new Date(issue.due).toISOString().slice(0, 10)}, ${days(late)} ago, and still unresolved.`;
  },
});
