import type { MessageCatalogue } from './define-messages';
import { shellMessages } from './messages';
import { messages as hygieneMessages } from '../hygiene/messages';
import { templatesMessages } from '../templates/messages';
import { messages as dependenciesMessages } from '../dependencies/messages';

/**
 * Every message catalogue of the app. A capability adds ONE line here for its `static/src/<cap>/messages.ts`:
 *   import { messages as hygieneMessages } from '../hygiene/messages';   …   hygiene: hygieneMessages,
 */
export const catalogues = {
  shell: shellMessages,
  hygiene: hygieneMessages,
  templates: templatesMessages,
  dependencies: dependenciesMessages,
} as const;

type KeysOf<C> = C extends MessageCatalogue<infer K> ? K : never;

/** Every message key of the app; `t()` accepts only these. */
export type MessageKey = KeysOf<(typeof catalogues)[keyof typeof catalogues]>;

export type Language = 'en' | 'fr';

function flatten(language: Language): Readonly<Record<MessageKey, string>> {
  const table: Record<string, string> = {};
  for (const catalogue of Object.values<MessageCatalogue<string>>(catalogues)) {
    Object.assign(table, catalogue[language]);
  }
  return table as Record<MessageKey, string>;
}

/** The flat EN and FR tables, built once. */
export const messageTables: Record<Language, Readonly<Record<MessageKey, string>>> = {
  en: flatten('en'),
  fr: flatten('fr'),
};
