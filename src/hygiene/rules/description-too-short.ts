import { z } from 'zod';
import { appliesTo, issueTypesOption } from '../rule-kit';
import { defineRule } from '../types';

export default defineRule({
  id: 'description-too-short',
  title: 'Description too short',
  severity: 'warning',
  rationale: 'A one-line description rarely carries the why and the scope; the team ends up guessing.',
  fixHint: 'Add the context, the expected outcome and what is out of scope.',
  fields: ['description', 'issuetype'],
  options: z
    .object({ minWords: z.number().int().min(1).max(1000).default(15), issueTypes: issueTypesOption([]) })
    .strict(),
  check(issue, options) {
    if (!appliesTo(issue, options.issueTypes)) return null;
    const { words } = issue.description;
    // An empty description is description-missing's finding; saying it twice would be noise.
    if (words === 0 || words >= options.minWords) return null;
    return `The description has ${String(words)} word${words === 1 ? '' : 's'}; at least ${String(options.minWords)} are expected.`;
  },
});
