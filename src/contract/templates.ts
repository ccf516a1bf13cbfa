import type { z } from 'zod';
import type { Result } from './result';

/**
 * Resolver keys, payload schemas and results of the templates capability. Keys are namespaced `templates.*`.
 * Each payload has a zod schema here (checked at run time by the resolver) and a function type in
 * `TemplatesDefs` (checked at compile time by makeInvoke in static/).
 */
export const templatesPayloads = {} satisfies Record<string, z.ZodType>;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the templates capability
export type TemplatesDefs = {};

export type { Result };
