import { z } from 'zod';
import { defineRule } from '../types';

export default defineRule({
  id: 'sprint-carry-over',
  title: 'Carried over sprint after sprint',
  severity: 'warning',
  rationale:
    'An issue rolled from sprint to sprint hides a scope or a dependency problem, and inflates commitments.',
  fixHint: 'Split it, unblock it, or take it out of the sprint until it is ready.',
  fields: ['status', { mapped: 'sprint' }],
  options: z.object({ sprints: z.number().int().min(1).max(50).default(3) }).strict(),
  check(issue, options) {
    const closed = issue.sprints.filter((s) => s.state === 'closed').length;
    // A done issue was finished in its last closed sprint: that one was not a carry-over.
    const carried = issue.statusCategory === 'done' ? closed - 1 : closed;
    return carried >= options.sprints
      ? `Carried through ${String(carried)} closed sprints (limit ${String(options.sprints)}).`
      : null;
  },
});
