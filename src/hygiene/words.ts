import { formatFindingMessage, type FindingLanguage, type FindingParams } from '../shared/finding-messages';
import type { FindingMessage } from './finding-messages';

export type { FindingLanguage };

/** The languages every rule speaks; a rule without one of them does not compile. */
export const RULE_LANGUAGES: readonly FindingLanguage[] = ['en', 'fr'];

/**
 * What a rule says in one language, as a typescript-eslint rule owns `meta.messages`: its name, the working
 * agreement it checks (as the product-ops bundle's hygiene page states it), why it exists, how to fix a finding,
 * the name of each of its options, and the message of each finding it can give. A message's id is what travels on the wire (`Finding.messageId`):
 * the rule's id, or the rule's id, a dot and a case (`blocked-without-link.label`).
 *
 * Message templates know three placeholders: `{name}`; `{name, plural, one|other}` (`#` stands for the number);
 * `{name, parts, a|b|c}`: the items whose bit is set in the number, joined by commas (see `src/shared/format.ts`).
 */
export interface RuleText<M extends string> {
  readonly title: string;
  readonly agreement: string;
  readonly rationale: string;
  readonly fixHint: string;
  /** What each option of the rule is called on the settings pages, by its key; every option has one. */
  readonly options: Readonly<Record<string, string>>;
  readonly messages: Readonly<Record<M, string>>;
}

/** A rule's words in every language; French has exactly the English message ids (checked by the compiler). */
export type RuleWordsByLanguage<M extends string> = { readonly [L in FindingLanguage]: RuleText<M> };

export interface RuleWords<M extends string = string> extends RuleWordsByLanguage<M> {
  /** The finding `id` with its English text (what the CLI, the CSV and the JSON print). */
  say(id: M, params?: FindingParams): FindingMessage;
}

const NO_PARAMS: FindingParams = Object.freeze({});

/**
 * Declares a rule's words. Rules call `say` once per distinct wording (inside `messageCache`, or once for a
 * message without parameters), so a scan formats each wording once, not once per issue.
 */
export function ruleWords<const M extends string>(words: RuleWordsByLanguage<M>): RuleWords<M> {
  return {
    en: words.en,
    fr: words.fr,
    say(id, params = NO_PARAMS) {
      return { id, params, text: formatFindingMessage('en', words.en.messages[id], params) };
    },
  };
}
