import { z } from 'zod';
import { messageCache } from '../rule-kit';
import { findingMessage } from '../finding-messages';
import { defineRule } from '../types';

/** Keyed `carried × 64 + limit` (the limit is at most 50 sprints). */
const message = messageCache((key: number) =>
  findingMessage('sprint-carry-over', { carried: Math.floor(key / 64), limit: key % 64 }),
);

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
    let closed = 0;
    let current = false;
    for (const sprint of issue.sprints) {
      if (sprint.state === 'closed') closed += 1;
      else if (sprint.state === 'active' || sprint.state === 'future') current = true;
    }
    // A done issue with no current sprint was finished in its last closed one: that one was no carry-over.
    // Finished in the active sprint, every closed sprint before it was.
    const carried = issue.statusCategory === 'done' && !current ? closed - 1 : closed;
    return carried >= options.sprints ? message(carried * 64 + options.sprints) : null;
  },
});
