import { buildPmOnboarding } from './build';
import { en } from './en';
import { fr } from './fr';

/** The PM onboarding bundle in each language. */
export const pmOnboarding = { en: buildPmOnboarding('en', en), fr: buildPmOnboarding('fr', fr) };
