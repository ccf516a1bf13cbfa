import { z } from 'zod';
import { blockers, DEFAULT_BLOCKED_BY_PHRASES, phrasesOption } from '../rule-kit';
import { defineRule } from '../types';
import { ruleWords } from '../words';

const words = ruleWords({
  en: {
    title: 'Blockers all done',
    agreement: 'Tickets whose blockers are done move on',
    rationale: 'An issue still waiting on finished work is free to move; nobody has noticed yet.',
    fixHint: 'Pick the issue up (and clear its flag), or link what really blocks it now.',
    options: { blockedByPhrases: 'Link wordings that mean “is blocked by”' },
    messages: {
      'blocker-resolved': 'Every blocker is done ({keys}); the issue can move.',
    },
  },
  fr: {
    title: 'Bloqueurs tous terminés',
    agreement: 'Les tickets dont les bloqueurs sont terminés avancent',
    rationale:
      'Un ticket qui attend un travail terminé est libre d’avancer ; personne ne l’a encore remarqué.',
    fixHint: 'Reprenez le ticket (et retirez son drapeau), ou liez ce qui le bloque vraiment maintenant.',
    options: { blockedByPhrases: 'Libellés de lien qui veulent dire « est bloqué par »' },
    messages: {
      'blocker-resolved': 'Tous les bloqueurs sont terminés ({keys}) ; le ticket peut avancer.',
    },
  },
});

export default defineRule({
  id: 'blocker-resolved',
  words,
  severity: 'info',
  fields: ['status', 'issuelinks'],
  options: z.object({ blockedByPhrases: phrasesOption(DEFAULT_BLOCKED_BY_PHRASES) }).strict(),
  check(issue, options) {
    if (issue.statusCategory === 'done') return null;
    const waitingOn = blockers(issue, options.blockedByPhrases);
    if (waitingOn.length === 0 || waitingOn.some((link) => link.otherCategory !== 'done')) return null;
    const keys = waitingOn.map((link) => link.other).join(', ');
    // The keys differ on every issue: a cache would only hold each once.
    return words.say('blocker-resolved', { keys });
  },
});
