import type { Secrets } from './secrets';

/** One thing of PAY or DAT found in what the contractor got, and where. */
export interface Leak {
  readonly where: string;
  readonly kind: 'key' | 'summary' | 'assignee' | 'team';
  readonly found: string;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `name` as a whole word or phrase of `text` (so "Data" is not found in "Database" nor "data"). */
const wholeWord = (text: string, name: string): boolean =>
  new RegExp(`(?<![\\p{L}\\p{N}_-])${escape(name)}(?![\\p{L}\\p{N}_-])`, 'u').test(text);

/**
 * Every restricted key, summary, assignee or team name in `text`, except what `echoed` (what the contractor
 * typed himself, e.g. the PAY key he asked for) already holds.
 */
export function leaksInText(text: string, secrets: Secrets, where: string, echoed = ''): Leak[] {
  const leaks: Leak[] = [];
  for (const match of text.matchAll(new RegExp(secrets.keyPattern.source, 'g'))) {
    if (!wholeWord(echoed, match[0])) leaks.push({ where, kind: 'key', found: match[0] });
  }
  for (const summary of secrets.summaries) {
    if (wholeWord(text, summary) && !echoed.includes(summary))
      leaks.push({ where, kind: 'summary', found: summary });
  }
  for (const name of secrets.assignees) {
    if (text.includes(name) && !echoed.includes(name)) leaks.push({ where, kind: 'assignee', found: name });
  }
  for (const name of secrets.teamNames) {
    if (wholeWord(text, name) && !wholeWord(echoed, name)) leaks.push({ where, kind: 'team', found: name });
  }
  return leaks;
}

/** Every leak in a resolver's answer: each string value and each property name, walked as JSON. */
export function leaksInValue(value: unknown, secrets: Secrets, echoed = '', where = '$'): Leak[] {
  if (typeof value === 'string') return leaksInText(value, secrets, where, echoed);
  if (Array.isArray(value))
    return value.flatMap((item, index) => leaksInValue(item, secrets, echoed, `${where}[${String(index)}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([name, item]) => [
      ...leaksInText(name, secrets, `${where} (property name)`, echoed),
      ...leaksInValue(item, secrets, echoed, `${where}.${name}`),
    ]);
  }
  return [];
}
