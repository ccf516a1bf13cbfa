import { buildProductKnowledge } from './build';
import { en } from './en';
import { fr } from './fr';

/** The product knowledge bundle in each language. */
export const productKnowledge = { en: buildProductKnowledge('en', en), fr: buildProductKnowledge('fr', fr) };
