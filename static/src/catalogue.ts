import { messages as dependenciesMessages } from './dependencies/messages';
import { gateMessages } from './hygiene/gate-messages';
import { messages as hygieneMessages } from './hygiene/messages';
import { installCatalogues, type MessageCatalogues } from './shell/catalogue';
import { shellMessages } from './shell/messages';
import { templatesMessages } from './templates/messages';

// Each capability's keys join the shell's `MessageKey`: the app root knows the capabilities, the shell does not.
declare module './shell/catalogue' {
  interface MessageCatalogues {
    readonly hygiene: typeof hygieneMessages;
    readonly gate: typeof gateMessages;
    readonly templates: typeof templatesMessages;
    readonly dependencies: typeof dependenciesMessages;
  }
}

/**
 * Every message catalogue of the app. A capability adds its `static/src/<cap>/messages.ts` here: one line in the
 * declaration above, one below.
 */
export const catalogues = {
  shell: shellMessages,
  hygiene: hygieneMessages,
  gate: gateMessages,
  templates: templatesMessages,
  dependencies: dependenciesMessages,
} as const satisfies MessageCatalogues;

/** The flat EN and FR tables, built once when the app loads. */
export const messageTables = installCatalogues(catalogues);
