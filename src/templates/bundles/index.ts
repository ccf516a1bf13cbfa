import { bundleSchema, type Bundle, type Language } from '../model';
import { pmOnboarding } from './pm-onboarding';
import { productKnowledge } from './product-knowledge';
import { productOps } from './product-ops';

/**
 * The bundles Vertebra ships, each in English and French. Parsed once with the bundle schema, so a mistake
 * in our own data fails loudly at start-up (and in the test that checks every shipped bundle).
 */
export const SHIPPED_BUNDLES: readonly Readonly<Record<Language, Bundle>>[] = [
  productKnowledge,
  productOps,
  pmOnboarding,
].map((byLanguage) => ({
  en: bundleSchema.parse(byLanguage.en),
  fr: bundleSchema.parse(byLanguage.fr),
}));

/** A shipped bundle by id and language (English when the language is not given). */
export function shippedBundle(id: string, language: Language = 'en'): Bundle | undefined {
  return SHIPPED_BUNDLES.find((byLanguage) => byLanguage.en.id === id)?.[language];
}
