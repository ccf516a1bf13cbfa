import { formatMessage } from './format';

/**
 * The finding messages that belong to no rule: a rule's own live in its words (`src/hygiene/words.ts`). The core
 * formats the English text once per distinct wording (the CLI, the CSV and the JSON print it); the UI formats the
 * same id and parameters in the reader's language (`static/src/hygiene/messages.ts`, whose French table must have
 * exactly these ids).
 *
 * Templates know three placeholders (see `./format.ts`):
 * - `{name}`: the parameter as it is;
 * - `{name, plural, one|other}`: a form chosen by the number (`#` stands for it): `{idle, plural, # day|# days}`;
 * - `{name, parts, a|b|c}`: the items whose bit is set in the number, joined by commas (1 = a, 2 = b, 4 = c).
 */
export const FINDING_MESSAGES_EN = {
  'not-evaluated': 'Could not evaluate this rule: {reason}',
} as const;

export type FindingMessageId = keyof typeof FINDING_MESSAGES_EN;

/** Numbers, dates, keys and names that fill a message; plain values so a finding stays plain JSON. */
export type FindingParams = Readonly<Record<string, string | number>>;

export type FindingLanguage = 'en' | 'fr';

/** Fills a finding template in `language` (the placeholders above; see `./format.ts`). */
export function formatFindingMessage(
  language: FindingLanguage,
  template: string,
  params: FindingParams,
): string {
  return formatMessage(language, template, params);
}
