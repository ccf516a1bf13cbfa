import { createContext, useContext, useMemo, type ReactNode } from 'react';
import {
  languageOf,
  translate,
  type Language,
  type MessageKey,
  type MessageParams,
  type Translate,
} from './translate';

export type { MessageKey, Translate } from './translate';

const LanguageContext = createContext<Language>('en');

/** Provides the language of the product context to every `useT()` below it. */
export function I18nProvider({ locale, children }: { locale: string | undefined; children: ReactNode }) {
  return <LanguageContext.Provider value={languageOf(locale)}>{children}</LanguageContext.Provider>;
}

/** `const t = useT(); t('shell.loading')`: the text in the user's Jira/Confluence language. */
export function useT(): Translate {
  const language = useContext(LanguageContext);
  return useMemo(
    () => (key: MessageKey, params?: MessageParams) => translate(language, key, params),
    [language],
  );
}

/** The current language, for formatting numbers and dates with `Intl`. */
export function useLanguage(): Language {
  return useContext(LanguageContext);
}
