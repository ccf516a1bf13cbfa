/** A day as people of the language write it: "30 Nov 2026", "30 nov. 2026". */
export function dayText(language: 'en' | 'fr', iso: string): string {
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium' }).format(
    new Date(iso),
  );
}
