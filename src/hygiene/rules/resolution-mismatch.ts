import { z } from 'zod';
import { findingMessage } from '../finding-messages';
import { messageCache } from '../rule-kit';
import { defineRule } from '../types';

/** Keyed by the status name: done statuses are few. */
const doneUnresolved = messageCache((status: string) =>
  findingMessage('resolution-mismatch.done-unresolved', { status }),
);
/** Keyed `status NUL resolution`. */
const openResolved = messageCache((key: string) => {
  const [status = '', resolution = ''] = key.split('\u0000');
  return findingMessage('resolution-mismatch.open-resolved', { status, resolution });
});

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
      return doneUnresolved(issue.status);
    }
    if (
      (issue.statusCategory === 'new' || issue.statusCategory === 'indeterminate') &&
      issue.resolution !== null
    ) {
      return openResolved(`${issue.status}\u0000${issue.resolution}`);
    }
    return null;
  },
});
