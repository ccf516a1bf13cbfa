import type { z } from 'zod';
import type { Result } from './result';

/**
 * Resolver keys, payload schemas and results of the hygiene capability. Keys are namespaced `hygiene.*`.
 * Each payload has a zod schema here (checked at run time by the resolver) and a function type in
 * `HygieneDefs` (checked at compile time by makeInvoke in static/).
 */
export const hygienePayloads = {} satisfies Record<string, z.ZodType>;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the hygiene capability
export type HygieneDefs = {};

export type { Result };
