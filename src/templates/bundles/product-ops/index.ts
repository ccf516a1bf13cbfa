import { buildProductOps } from './build';
import { en } from './en';
import { fr } from './fr';

/** The product operations bundle in each language. */
export const productOps = { en: buildProductOps('en', en), fr: buildProductOps('fr', fr) };
