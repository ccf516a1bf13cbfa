import { z } from 'zod';
import { defineRule } from '../types';

export default defineRule({
  id: 'resolution-mismatch',
  title: 'Resolution does not match status',
  severity: 'error',
  rationale:
    'Reports and filters use the resolution to tell open from finished work; a mismatch miscounts both.',
  fixHint: 'Set a resolution when closing (workflow post-function), and clear it when reopening.',
  fields: ['status', 'resolution'],
  options: z.object({}).strict(),
  check(issue) {
    if (issue.statusCategory === 'done' && issue.resolution === null) {
      return `The issue is "${issue.status}" (done) but has no resolution.`;
    }
    if (
      (issue.statusCategory === 'new' || issue.statusCategory === 'indeterminate') &&
      issue.resolution !== null
    ) {
      return `The issue is "${issue.status}" (not done) but resolved as "${issue.resolution}".`;
    }
    return null;
  },
});
