import { z } from 'zod';
import { defineRule } from '../types';

export default defineRule({
  id: 'assignee-missing',
  title: 'In progress without assignee',
  severity: 'error',
  rationale: 'Work in progress that nobody owns is work nobody is asked about at stand-up.',
  fixHint: 'Assign the issue to the person doing the work, or move it back to the backlog.',
  fields: ['status', 'assignee'],
  options: z.object({}).strict(),
  check(issue) {
    return issue.statusCategory === 'indeterminate' && issue.assignee === null
      ? `The issue is "${issue.status}" but nobody is assigned.`
      : null;
  },
});
