import { z } from 'zod';
import { daysBetween } from '../view';
import { days, daysOption } from '../rule-kit';
import { defineRule } from '../types';

export default defineRule({
  id: 'stale-in-progress',
  title: 'Stale in progress',
  severity: 'warning',
  rationale:
    'An issue in progress that nobody touched for weeks is usually blocked or abandoned, not progressing.',
  fixHint: 'Post where it stands, flag it if blocked, or move it back to the backlog.',
  fields: ['status', 'updated'],
  options: z.object({ days: daysOption(14) }).strict(),
  check(issue, options, context) {
    if (issue.statusCategory !== 'indeterminate' || issue.updated === null) return null;
    const idle = daysBetween(issue.updated, context.now);
    return idle > options.days
      ? `In progress and not updated for ${days(idle)} (limit ${days(options.days)}).`
      : null;
  },
});
