import { z } from 'zod';
import { findingMessage } from '../finding-messages';
import { messageCache } from '../rule-kit';
import { defineRule } from '../types';

/** Keyed by the status name: a site has a few in-progress statuses, repeated on every unassigned issue. */
const message = messageCache((status: string) => findingMessage('assignee-missing', { status }));

export default defineRule({
  id: 'assignee-missing',
  title: 'In progress without assignee',
  severity: 'error',
  rationale: 'Work in progress that nobody owns is work nobody is asked about at stand-up.',
  fixHint: 'Assign the issue to the person doing the work, or move it back to the backlog.',
  fields: ['status', 'assignee'],
  options: z.object({}).strict(),
  check(issue) {
    return issue.statusCategory === 'indeterminate' && issue.assignee === null ? message(issue.status) : null;
  },
});
