import { z } from 'zod';
import { appliesTo, issueTypesOption } from '../rule-kit';
import { defineRule } from '../types';

export default defineRule({
  id: 'estimate-missing',
  title: 'Estimate missing',
  severity: 'warning',
  rationale:
    'Unestimated work in a sprint makes velocity and forecasts wrong for everyone who plans on them.',
  fixHint: 'Estimate the issue (story points, or an original estimate) at the next refinement.',
  fields: ['issuetype', 'status', 'timeoriginalestimate', { mapped: 'storyPoints' }, { mapped: 'sprint' }],
  options: z.object({ issueTypes: issueTypesOption(['story', 'task']) }).strict(),
  check(issue, options) {
    if (!appliesTo(issue, options.issueTypes) || issue.statusCategory === 'done') return null;
    if (issue.estimate !== null) return null;
    if (issue.statusCategory === 'indeterminate') return 'The issue is in progress with no estimate.';
    const sprint = issue.sprints.find((s) => s.state === 'active');
    return sprint === undefined ? null : `The issue is in the open sprint "${sprint.name}" with no estimate.`;
  },
});
