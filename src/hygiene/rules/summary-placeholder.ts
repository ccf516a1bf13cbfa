import { z } from 'zod';
import { phrasesOption } from '../rule-kit';
import { normalise, normalisedPhrases } from '../description';
import { defineRule } from '../types';

export default defineRule({
  id: 'summary-placeholder',
  title: 'Placeholder summary',
  severity: 'warning',
  rationale:
    'The summary is what boards, reports and notifications show; "TBD" or "copy of…" tells nobody anything.',
  fixHint: 'Rewrite the summary as the outcome in a few plain words.',
  fields: ['summary'],
  options: z
    .object({
      placeholders: phrasesOption([
        'tbd',
        'todo',
        'to do',
        'test',
        'testing',
        'xxx',
        'placeholder',
        'untitled',
        'new issue',
        'wip',
        'à faire',
        'a definir',
      ]),
      prefixes: phrasesOption(['copy of', 'clone', 'copie de']),
      minLength: z.number().int().min(1).max(50).default(5),
    })
    .strict(),
  check(issue, options) {
    const summary = issue.summary.trim();
    if (summary.length < options.minLength) return `The summary "${summary}" is too short to say anything.`;
    const lower = summary.toLowerCase();
    // Cheap tests first: a scan runs this on every issue, and nearly every summary is fine.
    const placeholders = normalisedPhrases(options.placeholders);
    const longest = placeholders.reduce((max, p) => Math.max(max, p.length), 0);
    if (lower.length <= longest + 12) {
      // "test", "TODO 2", "testing-2": a placeholder word with nothing but numbers after it.
      const bare = normalise(summary).replace(/[\s\d]+$/, '');
      if (placeholders.includes(bare)) return `The summary "${summary}" is a placeholder.`;
    }
    const prefixes = normalisedPhrases(options.prefixes);
    for (let i = 0; i < prefixes.length; i += 1) {
      const prefix = prefixes[i] ?? '';
      if (prefix.length === 0 || !lower.startsWith(prefix.slice(0, 3))) continue;
      if (normalise(summary).startsWith(`${prefix} `)) {
        return `The summary starts with "${options.prefixes[i] ?? prefix}": it was copied and never renamed.`;
      }
    }
    if (summary === summary.toUpperCase() && lower !== summary) {
      const letters = summary.replace(/[^\p{L}]/gu, '');
      if (letters.length >= 8) return 'The summary is in capitals.';
    }
    return null;
  },
});
