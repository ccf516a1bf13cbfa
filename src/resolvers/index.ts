import type { Defs } from '../contract';
import type { Platform } from '../services/ports';
import { appResolvers } from './app';
import { dependenciesResolvers } from './dependencies';
import { gateResolvers } from './gate';
import { hygieneResolvers } from './hygiene';
import { templatesResolvers } from './templates';
import type { ResolverMap } from './types';

/**
 * Every resolver of the app, bound to a platform. Forge (src/platform/forge) and the playground
 * (sandbox/playground) hand this same map to `makeResolver`, so both run identical code.
 */
export function createResolvers(platform: Platform): ResolverMap<Defs> {
  return {
    ...appResolvers(platform),
    ...dependenciesResolvers(platform),
    ...hygieneResolvers(platform),
    ...gateResolvers(platform),
    ...templatesResolvers(platform),
  };
}
