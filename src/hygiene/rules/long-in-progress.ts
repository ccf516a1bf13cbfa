import { z } from 'zod';
import { daysBetween } from '../view';
import { days, daysOption } from '../rule-kit';
import { defineRule } from '../types';

export default defineRule({
  id: 'long-in-progress',
  title: 'Long in progress',
  severity: 'info',
  rationale:
    'Work in progress for more than a month is usually too big to flow; splitting it shortens feedback.',
  fixHint: 'Split the issue into pieces that can finish within a sprint.',
  fields: ['status', 'statuscategorychangedate'],
  options: z.object({ days: daysOption(30) }).strict(),
  check(issue, options, context) {
    // Jira stamps `statuscategorychangedate` when the issue entered its current status category.
    if (issue.statusCategory !== 'indeterminate' || issue.statusCategoryChanged === null) return null;
    const inProgress = daysBetween(issue.statusCategoryChanged, context.now);
    return inProgress > options.days
      ? `In progress for ${days(inProgress)} (limit ${days(options.days)}).`
      : null;
  },
});
