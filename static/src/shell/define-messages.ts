/**
 * A message catalogue of one part of the app: English is the reference, French must have exactly the same keys
 * (a missing or extra French key is a compile error). Keys are namespaced by capability: `hygiene.panel.title`.
 * Text may hold `{name}` placeholders that `t(key, { name })` fills in.
 */
export interface MessageCatalogue<K extends string> {
  readonly en: Readonly<Record<K, string>>;
  readonly fr: Readonly<Record<K, string>>;
}

/** Declares a catalogue; the `const` parameter keeps the keys literal so `t()` can check them. */
export function defineMessages<const E extends Record<string, string>>(catalogue: {
  readonly en: E;
  readonly fr: { readonly [K in keyof E]: string };
}): MessageCatalogue<keyof E & string> {
  return catalogue;
}

/**
 * The English messages of a catalogue of refusal reasons (src/shared/*-errors.ts), under `prefix`: the screens say
 * in English exactly what the CLI prints, and French is written beside the other messages.
 */
export function reasonMessages<const P extends string, const C extends Record<string, string>>(
  prefix: P,
  catalogue: C,
): { readonly [K in keyof C & string as `${P}${K}`]: string } {
  return Object.fromEntries(
    Object.entries(catalogue).map(([reason, text]) => [`${prefix}${reason}`, text]),
  ) as {
    readonly [K in keyof C & string as `${P}${K}`]: string;
  };
}
