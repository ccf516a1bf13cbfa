import { z } from 'zod';
import { blockers, DEFAULT_BLOCKED_BY_PHRASES, phrasesOption } from '../rule-kit';
import { findingMessage } from '../finding-messages';
import { defineRule } from '../types';

export default defineRule({
  id: 'blocker-resolved',
  title: 'Blockers all done',
  severity: 'info',
  rationale: 'An issue still waiting on finished work is free to move; nobody has noticed yet.',
  fixHint: 'Pick the issue up (and clear its flag), or link what really blocks it now.',
  fields: ['status', 'issuelinks'],
  options: z.object({ blockedByPhrases: phrasesOption(DEFAULT_BLOCKED_BY_PHRASES) }).strict(),
  check(issue, options) {
    if (issue.statusCategory === 'done') return null;
    const waitingOn = blockers(issue, options.blockedByPhrases);
    if (waitingOn.length === 0 || waitingOn.some((link) => link.otherCategory !== 'done')) return null;
    const keys = waitingOn.map((link) => link.other).join(', ');
    // The keys differ on every issue: a cache would only hold each once.
    return findingMessage('blocker-resolved', { keys });
  },
});
