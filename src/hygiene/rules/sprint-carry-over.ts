import { z } from 'zod';
import { messageCache } from '../rule-kit';
import { defineRule } from '../types';
import { ruleWords } from '../words';

const words = ruleWords({
  en: {
    title: 'Carried over sprint after sprint',
    agreement: 'Tickets do not roll over sprint after sprint',
    rationale:
      'An issue rolled from sprint to sprint hides a scope or a dependency problem, and inflates commitments.',
    fixHint: 'Split it, unblock it, or take it out of the sprint until it is ready.',
    options: { sprints: 'Closed sprints before it speaks' },
    messages: {
      'sprint-carry-over':
        'Carried through {carried, plural, # closed sprint|# closed sprints} (limit {limit}).',
    },
  },
  fr: {
    title: 'Reporté de sprint en sprint',
    agreement: 'Les tickets ne glissent pas de sprint en sprint',
    rationale:
      'Un ticket reporté de sprint en sprint cache un problème de périmètre ou de dépendance, et gonfle les engagements.',
    fixHint: 'Découpez-le, débloquez-le, ou sortez-le du sprint jusqu’à ce qu’il soit prêt.',
    options: { sprints: 'Sprints terminés avant de signaler' },
    messages: {
      'sprint-carry-over':
        'Reporté sur {carried, plural, # sprint terminé|# sprints terminés} (limite {limit}).',
    },
  },
});

/** Keyed `carried × 64 + limit` (the limit is at most 50 sprints). */
const message = messageCache((key: number) =>
  words.say('sprint-carry-over', { carried: Math.floor(key / 64), limit: key % 64 }),
);

export default defineRule({
  id: 'sprint-carry-over',
  words,
  severity: 'warning',
  fields: ['status', { mapped: 'sprint' }],
  options: z.object({ sprints: z.number().int().min(1).max(50).default(3) }).strict(),
  check(issue, options) {
    let closed = 0;
    let current = false;
    for (const sprint of issue.sprints) {
      if (sprint.state === 'closed') closed += 1;
      else if (sprint.state === 'active' || sprint.state === 'future') current = true;
    }
    // A done issue with no current sprint was finished in its last closed one: that one was no carry-over.
    // Finished in the active sprint, every closed sprint before it was.
    const carried = issue.statusCategory === 'done' && !current ? closed - 1 : closed;
    return carried >= options.sprints ? message(carried * 64 + options.sprints) : null;
  },
});
