import { formatMessage } from '@contract/format';
import { messageTables, type Language, type MessageKey } from './catalogue';

export type { MessageKey, Language } from './catalogue';
export type MessageParams = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** Jira and Confluence give BCP 47 locales (`fr-FR`, `fr_CA`, `en-US`): French for any `fr*`, English otherwise. */
export function languageOf(locale: string | null | undefined): Language {
  return locale?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/**
 * Looks a message up and fills its placeholders: `{name}`, and `{count, plural, # page|# pages}` where the
 * number decides the words (`src/contract/format.ts`). A placeholder with no value stays visible as `{name}`
 * so a missing parameter shows in review instead of silently disappearing.
 */
export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  const template = messageTables()[language][key];
  return params ? formatMessage(language, template, params) : template;
}

/** Whether `key` is a message of the catalogues: a reason id that came over the wire is checked before use. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(messageTables().en, key);
}
