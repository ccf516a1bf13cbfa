import type { InvocationContext } from '../contract/context';
import { templatesPayloads, type TemplatesDefs } from '../contract/templates';
import type { Platform } from '../services/ports';
import {
  catalogueView,
  exportPageTree,
  importBundle,
  listBundles,
  spaceAdoption,
} from '../services/templates/catalogue';
import { installBundle } from '../services/templates/install';
import { uninstallBundle } from '../services/templates/uninstall';
import { findPeople, peopleByAccountIds } from '../services/templates/people';
import { planView } from '../services/templates/plan-view';
import { signedIn } from '../services/guards';
import {
  requireSpace,
  spaceAccess,
  templatesContext,
  type TemplatesContext,
} from '../services/templates/space';
import { templatesError } from '../services/templates/errors';
import { defineResolver } from './define';
import type { ResolverMap } from './types';

/** The signed-in user, first: every templates resolver reads and writes Confluence as them. */
function asUser(platform: Platform, context: InvocationContext): TemplatesContext {
  return templatesContext(
    platform,
    signedIn(context, () => templatesError('UNAUTHENTICATED', 'notSignedIn')),
  );
}

/** The space named in the payload, else the one whose settings page is open. */
function spaceOf(payloadKey: string | undefined, context: InvocationContext): string {
  const key = payloadKey ?? context.extension.space?.key;
  if (!key) throw templatesError('INVALID_INPUT', 'noSpace');
  return key;
}

const languageOf = (context: InvocationContext): 'en' | 'fr' =>
  context.locale?.toLowerCase().startsWith('fr') ? 'fr' : 'en';

/** Resolvers of the space settings installer and the global settings catalogue. */
export function templatesResolvers(platform: Platform): ResolverMap<TemplatesDefs> {
  return {
    /** The bundles available, in the user's language. */
    'templates.bundles': defineResolver(templatesPayloads['templates.bundles'], async (payload, context) => {
      asUser(platform, context);
      return listBundles(platform.store, payload.language ?? languageOf(context));
    }),

    /** What installing would do, page by page; writes nothing. Space admins only (checked by the service first). */
    'templates.plan': defineResolver(templatesPayloads['templates.plan'], async (payload, context) =>
      planView(asUser(platform, context), { ...payload, spaceKey: spaceOf(payload.spaceKey, context) }),
    ),

    /**
     * Installs or upgrades, at most `maxSteps` writing steps per call so each call stays far below Forge's
     * 25 s: the UI calls again while `remaining > 0`, which also drives its progress bar. Resumable by design.
     */
    'templates.install': defineResolver(templatesPayloads['templates.install'], async (payload, context) =>
      installBundle(
        asUser(platform, context),
        { ...payload, spaceKey: spaceOf(payload.spaceKey, context) },
        { maxSteps: payload.maxSteps },
      ),
    ),

    /** Archives the bundle's untouched pages and lists the edited ones (space admins only). */
    'templates.uninstall': defineResolver(
      templatesPayloads['templates.uninstall'],
      async (payload, context) =>
        uninstallBundle(asUser(platform, context), {
          spaceKey: spaceOf(payload.spaceKey, context),
          bundleId: payload.bundleId,
        }),
    ),

    /** Global settings: every bundle and where it is installed, with who installed it by name (Confluence admins). */
    'templates.catalogue': defineResolver(
      templatesPayloads['templates.catalogue'],
      async (payload, context) =>
        catalogueView(asUser(platform, context), payload.language ?? languageOf(context)),
    ),

    /** The user picker: people whose name matches, as the caller may see them. */
    'templates.findPeople': defineResolver(
      templatesPayloads['templates.findPeople'],
      async (payload, context) => findPeople(asUser(platform, context), payload.query),
    ),

    /** Names and avatars of account ids; unknown or deleted accounts come back with a null name. */
    'templates.people': defineResolver(templatesPayloads['templates.people'], async (payload, context) =>
      peopleByAccountIds(asUser(platform, context), payload.accountIds),
    ),

    /** The page picker: up to 25 pages of the space whose title matches. */
    'templates.pages': defineResolver(templatesPayloads['templates.pages'], async (payload, context) => {
      const user = asUser(platform, context);
      const space = await requireSpace(user, spaceOf(payload.spaceKey, context));
      return user.confluence.findPagesByTitle(space.key, payload.query, 25);
    }),

    /** The installer's first call: may the user install in this space (told at once), and what is installed. */
    'templates.space': defineResolver(templatesPayloads['templates.space'], async (payload, context) =>
      spaceAccess(asUser(platform, context), spaceOf(payload.spaceKey, context)),
    ),

    /** Adoption of a bundle in one space, read as the user (they must see the space). */
    'templates.adoption': defineResolver(templatesPayloads['templates.adoption'], async (payload, context) =>
      spaceAdoption(asUser(platform, context), payload),
    ),

    /**
     * Imports a custom bundle file (Confluence admins: it becomes installable in every space); every problem
     * comes back with its path, and nothing is saved then.
     */
    'templates.import': defineResolver(templatesPayloads['templates.import'], async (payload, context) =>
      importBundle(asUser(platform, context), payload.text, payload.format),
    ),

    /** Exports a page tree of a space as a bundle file (YAML or JSON). */
    'templates.export': defineResolver(templatesPayloads['templates.export'], async (payload, context) => {
      const text = await exportPageTree(asUser(platform, context), {
        ...payload,
        spaceKey: spaceOf(payload.spaceKey, context),
      });
      return { text, fileName: `${payload.id}.${payload.format === 'json' ? 'json' : 'yaml'}` };
    }),
  };
}
