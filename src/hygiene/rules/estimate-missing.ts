import { z } from 'zod';
import { appliesTo, issueTypesOption, messageCache } from '../rule-kit';
import { findingMessage } from '../finding-messages';
import { defineRule } from '../types';

const IN_PROGRESS = findingMessage('estimate-missing.in-progress');
const inOpenSprint = messageCache((sprint: string) =>
  findingMessage('estimate-missing.open-sprint', { sprint }),
);

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
    if (issue.statusCategory === 'indeterminate') return IN_PROGRESS;
    const sprint = issue.sprints.find((s) => s.state === 'active');
    return sprint === undefined ? null : inOpenSprint(sprint.name);
  },
});
