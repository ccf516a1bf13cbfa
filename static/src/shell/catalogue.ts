import type { MessageCatalogue } from './define-messages';
import { shellMessages } from './messages';

/**
 * The app's message catalogues by name. The shell declares its own; the app root (static/src/catalogue.ts) adds
 * each capability's by declaration merging, as i18next's `CustomTypeOptions` does, so that `t()` checks every key
 * of the app while the shell imports no capability.
 */
export interface MessageCatalogues {
  readonly shell: typeof shellMessages;
}

type KeysOf<C> = C extends MessageCatalogue<infer K> ? K : never;

/** Every message key of the app; `t()` accepts only these. */
export type MessageKey = KeysOf<MessageCatalogues[keyof MessageCatalogues]>;

export type Language = 'en' | 'fr';

export type MessageTables = Readonly<Record<Language, Readonly<Record<MessageKey, string>>>>;

let installed: MessageTables | undefined;

function flatten(catalogues: MessageCatalogues, language: Language): Readonly<Record<MessageKey, string>> {
  const table: Record<string, string> = {};
  const byName: Readonly<Record<keyof MessageCatalogues, MessageCatalogue<string>>> = catalogues;
  for (const catalogue of Object.values(byName)) {
    Object.assign(table, catalogue[language]);
  }
  return table as Record<MessageKey, string>;
}

/** Builds the flat EN and FR tables `translate` reads; the app root calls it once, when it loads. */
export function installCatalogues(catalogues: MessageCatalogues): MessageTables {
  installed = { en: flatten(catalogues, 'en'), fr: flatten(catalogues, 'fr') };
  return installed;
}

/** The installed tables; a screen that translates before the app root loaded is a wiring mistake. */
export function messageTables(): MessageTables {
  if (installed === undefined) {
    throw new Error('No message catalogue installed: import static/src/catalogue.ts first');
  }
  return installed;
}
