import type { z } from 'zod';
import type { Result } from './result';

/**
 * Resolver keys, payload schemas and results of the dependencies capability. Keys are namespaced `dependencies.*`.
 * Each payload has a zod schema here (checked at run time by the resolver) and a function type in
 * `DependenciesDefs` (checked at compile time by makeInvoke in static/).
 */
export const dependenciesPayloads = {} satisfies Record<string, z.ZodType>;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the dependencies capability
export type DependenciesDefs = {};

export type { Result };
