import { z } from 'zod';
import { appliesTo, issueTypesOption, messageCache } from '../rule-kit';
import { findingMessage } from '../finding-messages';
import { defineRule } from '../types';

/** Keyed by the issue type's name ("story"); a type-less issue says "issue". */
const message = messageCache((type: string) =>
  type === '' ? findingMessage('parent-missing.untyped') : findingMessage('parent-missing', { type }),
);

export default defineRule({
  id: 'parent-missing',
  title: 'No parent epic',
  severity: 'info',
  rationale: 'Work outside an epic is invisible in roadmaps and in the time spent per initiative.',
  fixHint: 'Set the parent to the epic this work contributes to.',
  fields: ['issuetype', 'parent', 'status'],
  options: z
    .object({ issueTypes: issueTypesOption(['story', 'task']), includeDone: z.boolean().default(false) })
    .strict(),
  check(issue, options) {
    if (!appliesTo(issue, options.issueTypes)) return null;
    if (issue.statusCategory === 'done' && !options.includeDone) return null;
    return issue.parent === null ? message(issue.type) : null;
  },
  // Every resolved issue is done: as it stands now means with or without a parent, whatever `includeDone` says.
  evidence: {
    applies: (issue, options) => appliesTo(issue, options.issueTypes),
    flags: (issue) => issue.parent === null,
  },
});
