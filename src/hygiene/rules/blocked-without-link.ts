import { z } from 'zod';
import { blockers, DEFAULT_BLOCKED_BY_PHRASES, lowerCaseSet, messageCache, phrasesOption } from '../rule-kit';
import { memoise } from '../memo';
import { defineRule } from '../types';
import { ruleWords } from '../words';

const words = ruleWords({
  en: {
    title: 'Blocked without a blocking link',
    agreement: 'Blocked tickets link their blocker',
    rationale:
      'A blocker nobody can see cannot be chased: the blocking team does not know it is holding anyone up.',
    fixHint: 'Link the issue that blocks this one ("is blocked by"), or clear the flag.',
    options: {
      blockedLabels: 'Labels that say blocked',
      blockedByPhrases: 'Link wordings that mean “is blocked by”',
    },
    messages: {
      'blocked-without-link.flagged': 'The issue is flagged but no link says what blocks it.',
      'blocked-without-link.status': 'The issue is in status "{status}" but no link says what blocks it.',
      'blocked-without-link.label': 'The issue is labelled "{label}" but no link says what blocks it.',
    },
  },
  fr: {
    title: 'Bloqué sans lien de blocage',
    agreement: 'Les tickets bloqués lient leur bloqueur',
    rationale:
      'Un blocage invisible ne peut pas être relancé : l’équipe bloquante ne sait pas qu’elle retient quelqu’un.',
    fixHint: 'Liez le ticket qui bloque celui-ci (« est bloqué par »), ou retirez le drapeau.',
    options: {
      blockedLabels: 'Étiquettes qui signalent un blocage',
      blockedByPhrases: 'Libellés de lien qui veulent dire « est bloqué par »',
    },
    messages: {
      'blocked-without-link.flagged': 'Le ticket est signalé, mais aucun lien ne dit ce qui le bloque.',
      'blocked-without-link.status':
        'Le ticket est au statut « {status} », mais aucun lien ne dit ce qui le bloque.',
      'blocked-without-link.label':
        'Le ticket porte l’étiquette « {label} », mais aucun lien ne dit ce qui le bloque.',
    },
  },
});

const FLAGGED = words.say('blocked-without-link.flagged');
const inStatus = messageCache((status: string) => words.say('blocked-without-link.status', { status }));
const labelled = messageCache((label: string) => words.say('blocked-without-link.label', { label }));

/** "Blocked", "Blocked by vendor", "Bloqué(e)": the word itself, so "Unblocked" and "Débloqué" are not. */
const BLOCKED_STATUS = /(?:^|[^\p{L}])(?:blocked|bloqu[ée]e?s?)(?:$|[^\p{L}])/u;

/**
 * Whether a (lower-cased) status name says blocked, decided once per name: a site has a few dozen statuses and a
 * scan asks 100,000 times, and a Unicode-aware pattern is not cheap.
 */
const isBlockedStatus = memoise((status: string) => BLOCKED_STATUS.test(status));

export default defineRule({
  id: 'blocked-without-link',
  words,
  severity: 'warning',
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
    // Most issues have no label: no search (and no closure for it) then.
    const label =
      issue.labels.length === 0 ? undefined : issue.labels.find((l) => labels.has(l.toLowerCase().trim()));
    const blockedStatus = isBlockedStatus(issue.status);
    if (!issue.flagged && label === undefined && !blockedStatus) return null;
    if (blockers(issue, options.blockedByPhrases).length > 0) return null;
    if (issue.flagged) return FLAGGED;
    return blockedStatus ? inStatus(issue.statusName) : labelled(label ?? '');
  },
});
