import { z } from 'zod';
import { daysBetween } from '../dates';
import { daysOption, messageCache } from '../rule-kit';
import { findingMessage } from '../finding-messages';
import { defineRule } from '../types';

/** Keyed `days in progress × 4096 + limit` (the limit is at most 3650 days). */
const message = messageCache((key: number) =>
  findingMessage('long-in-progress', { days: Math.floor(key / 4096), limit: key % 4096 }),
);

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
    return inProgress > options.days ? message(inProgress * 4096 + options.days) : null;
  },
});
