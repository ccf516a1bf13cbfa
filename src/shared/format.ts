/**
 * Fills a message template, on the server (English for the CLI) and in the UI (the reader's language) alike.
 * Templates know three placeholders:
 * - `{name}`: the parameter as it is;
 * - `{name, plural, one|other}`: a form chosen by the number (`#` stands for it): `{idle, plural, # day|# days}`;
 * - `{name, parts, a|b|c}`: the items whose bit is set in the number, joined by commas (1 = a, 2 = b, 4 = c).
 * A parameter that is missing stays visible as `{name}`, so a slip shows in review instead of disappearing.
 */

export type MessageLanguage = 'en' | 'fr';
export type MessageValues = Readonly<Record<string, string | number>>;

const pluralRules = {
  en: new Intl.PluralRules('en'),
  fr: new Intl.PluralRules('fr'),
};

// `{name}`, `{name, plural, …}` or `{name, parts, …}`; the choices hold no braces.
const PLACEHOLDER = /\{(\w+)(?:, (plural|parts), ([^{}]*))?\}/g;

/** The template with its placeholders filled from `params`, plural forms chosen by `language`'s rules. */
export function formatMessage(language: MessageLanguage, template: string, params: MessageValues): string {
  return template.replace(
    PLACEHOLDER,
    (placeholder, name: string, kind: string | undefined, choices: string | undefined) => {
      const value = params[name];
      if (value === undefined) return placeholder;
      if (kind === undefined || choices === undefined) return String(value);
      const forms = choices.split('|');
      const n = Number(value);
      if (kind === 'plural') {
        const form = (pluralRules[language].select(n) === 'one' ? forms[0] : forms[1]) ?? '';
        return form.replaceAll('#', String(value));
      }
      return forms.filter((_, bit) => (n & (1 << bit)) !== 0).join(', ');
    },
  );
}
