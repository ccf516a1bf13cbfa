import { z } from 'zod';
import { blockers, DEFAULT_BLOCKED_BY_PHRASES, lowerCaseSet, messageCache, phrasesOption } from '../rule-kit';
import { findingMessage } from '../finding-messages';
import { defineRule } from '../types';

const FLAGGED = findingMessage('blocked-without-link.flagged');
const inStatus = messageCache((status: string) => findingMessage('blocked-without-link.status', { status }));
const labelled = messageCache((label: string) => findingMessage('blocked-without-link.label', { label }));

/** "Blocked", "Blocked by vendor", "Bloqué(e)": the word itself, so "Unblocked" and "Débloqué" are not. */
const BLOCKED_STATUS = /(?:^|[^\p{L}])(?:blocked|bloqu[ée]e?s?)(?:$|[^\p{L}])/u;

export default defineRule({
  id: 'blocked-without-link',
  title: 'Blocked without a blocking link',
  severity: 'warning',
  rationale:
    'A blocker nobody can see cannot be chased: the blocking team does not know it is holding anyone up.',
  fixHint: 'Link the issue that blocks this one ("is blocked by"), or clear the flag.',
  fields: ['status', 'labels', 'issuelinks', { mapped: 'flagged' }],
  options: z
    .object({
      blockedLabels: phrasesOption(['blocked', 'bloqué']),
      blockedByPhrases: phrasesOption(DEFAULT_BLOCKED_BY_PHRASES),
    })
    .strict(),
  check(issue, options) {
    if (issue.statusCategory === 'done') return null;
    const labels = lowerCaseSet(options.blockedLabels);
    const label = issue.labels.find((l) => labels.has(l.toLowerCase().trim()));
    const blockedStatus = BLOCKED_STATUS.test(issue.status);
    if (!issue.flagged && label === undefined && !blockedStatus) return null;
    if (blockers(issue, options.blockedByPhrases).length > 0) return null;
    if (issue.flagged) return FLAGGED;
    return blockedStatus ? inStatus(issue.statusName) : labelled(label ?? '');
  },
});
