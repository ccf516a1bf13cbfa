import { z } from 'zod';
import { appliesTo, issueTypesOption } from '../rule-kit';
import { findingMessage } from '../finding-messages';
import { defineRule } from '../types';

const NO_CHILDREN = findingMessage('epic-empty');

export default defineRule({
  id: 'epic-empty',
  title: 'Empty epic',
  severity: 'info',
  rationale: 'An epic without child issues shows on the roadmap as planned work that nobody has broken down.',
  fixHint: 'Break the epic into stories, or close it if the initiative was dropped.',
  fields: ['issuetype', 'status'],
  options: z
    .object({ issueTypes: issueTypesOption(['epic']), includeDone: z.boolean().default(false) })
    .strict(),
  check(issue, options, context) {
    if (!appliesTo(issue, options.issueTypes)) return null;
    if (issue.statusCategory === 'done' && !options.includeDone) return null;
    // Children are not a field of the epic; only the caller (a scan) can count them. Unknown: stay silent.
    const children = context.childCount?.(issue.key);
    return children === 0 ? NO_CHILDREN : null;
  },
});
