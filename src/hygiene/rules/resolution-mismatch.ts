import { z } from 'zod';
import { messageCache } from '../rule-kit';
import { defineRule } from '../types';
import { ruleWords } from '../words';

const words = ruleWords({
  en: {
    title: 'Resolution does not match status',
    agreement: 'Resolution matches the status',
    rationale:
      'Reports and filters use the resolution to tell open from finished work; a mismatch miscounts both.',
    fixHint: 'Set a resolution when closing (workflow post-function), and clear it when reopening.',
    options: {},
    messages: {
      'resolution-mismatch.done-unresolved': 'The issue is "{status}" (done) but has no resolution.',
      'resolution-mismatch.open-resolved':
        'The issue is "{status}" (not done) but resolved as "{resolution}".',
    },
  },
  fr: {
    title: 'Résolution incohérente avec le statut',
    agreement: 'La résolution correspond au statut',
    rationale:
      'Rapports et filtres utilisent la résolution pour distinguer l’ouvert du terminé ; une incohérence fausse les deux.',
    fixHint: 'Renseignez une résolution à la clôture, et effacez-la à la réouverture.',
    options: {},
    messages: {
      'resolution-mismatch.done-unresolved':
        'Le ticket est « {status} » (terminé) mais n’a pas de résolution.',
      'resolution-mismatch.open-resolved':
        'Le ticket est « {status} » (non terminé) mais résolu en « {resolution} ».',
    },
  },
});

/** Keyed by the status name: done statuses are few. */
const doneUnresolved = messageCache((status: string) =>
  words.say('resolution-mismatch.done-unresolved', { status }),
);
/** Keyed `status NUL resolution`. */
const openResolved = messageCache((key: string) => {
  const [status = '', resolution = ''] = key.split('\u0000');
  return words.say('resolution-mismatch.open-resolved', { status, resolution });
});

export default defineRule({
  id: 'resolution-mismatch',
  words,
  severity: 'error',
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
