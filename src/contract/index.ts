/**
 * The one typed contract between the Custom UI (static/) and the resolvers (src/resolvers/): resolver keys,
 * payload schemas and result types. `makeInvoke<Defs>()` checks calls on the front end, the resolver map is
 * checked against `Defs` on the back end, and payloads are parsed again at run time.
 */
import type { AppDefs } from './app';
import type { DependenciesDefs } from './dependencies';
import type { GateDefs } from './gate';
import type { HygieneDefs } from './hygiene';
import type { TemplatesDefs } from './templates';

export type Defs = AppDefs & HygieneDefs & GateDefs & TemplatesDefs & DependenciesDefs;

export * from './result';
