import { z } from 'zod';
import { daysBetween } from '../dates';
import { daysOption, messageCache } from '../rule-kit';
import { findingMessage } from '../finding-messages';
import { defineRule } from '../types';

/** Keyed `idle × 4096 + limit` (the limit is at most 3650 days). */
const message = messageCache((key: number) =>
  findingMessage('stale-in-progress', { idle: Math.floor(key / 4096), limit: key % 4096 }),
);

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
    return idle > options.days ? message(idle * 4096 + options.days) : null;
  },
});
