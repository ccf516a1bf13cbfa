import { z } from 'zod';
import type { Result } from './result';

// The refusal reasons the UI translates, from the kernel the core shares.
export {
  TEMPLATES_ERRORS,
  VARIABLE_PROBLEMS,
  type TemplatesErrorReason,
  type VariableProblemReason,
} from '../shared/templates-errors';

/**
 * Resolver keys, payload schemas and results of the templates capability. Keys are namespaced `templates.*`.
 * Each payload has a zod schema here (checked at run time by the resolver) and a function type in
 * `TemplatesDefs` (checked at compile time by makeInvoke in static/).
 */

const language = z.enum(['en', 'fr']);
const spaceKey = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[A-Za-z0-9~_-]+$/, 'a space key has letters and digits only');
const bundleId = z.string().min(1).max(60);
const pageId = z.string().regex(/^\d{1,20}$/, 'a page id is a number');
const accountId = z.string().regex(/^[A-Za-z0-9:_-]{1,128}$/, 'an Atlassian account id');
const variables = z
  .record(z.string().max(40), z.string().max(2000))
  .refine((record) => Object.keys(record).length <= 30, 'at most 30 variables');

const conflictChoice = z.enum(['theirs', 'ours', 'both']);

/** A person's choice for one conflicting block: block 1 is the page's first conflict, in page order. */
const resolution = z
  .object({
    pageKey: z.string().min(1).max(200),
    block: z.number().int().min(1).max(1000),
    choice: conflictChoice,
    /** The conflict's fingerprint from the plan: the choice then applies to that very conflict only. */
    fingerprint: z
      .string()
      .regex(/^[0-9a-f]{32}$/)
      .optional(),
  })
  .strict();

const installTarget = z
  .object({
    /** The space of the settings page by default (the extension context); another space may be named. */
    spaceKey: spaceKey.optional(),
    bundleId,
    language: language.default('en'),
    variables: variables.default({}),
    parentId: pageId.optional(),
    resolutions: z.array(resolution).max(1000).default([]),
  })
  .strict();

export const templatesPayloads = {
  'templates.bundles': z.object({ language: language.optional() }).strict(),
  'templates.plan': installTarget,
  'templates.install': installTarget
    .extend({ maxSteps: z.number().int().min(1).max(50).optional() })
    .strict(),
  'templates.uninstall': z.object({ spaceKey: spaceKey.optional(), bundleId }).strict(),
  'templates.catalogue': z.object({ language: language.optional() }).strict(),
  'templates.adoption': z.object({ spaceKey, bundleId }).strict(),
  /** The installer's space: may the caller install there, and which bundles are installed. */
  'templates.space': z.object({ spaceKey: spaceKey.optional() }).strict(),
  /** The user picker of "user" variables: people whose name matches what was typed. */
  'templates.findPeople': z.object({ query: z.string().trim().min(1).max(80) }).strict(),
  /** Names and avatars of account ids (a picker's current value). */
  'templates.people': z.object({ accountIds: z.array(accountId).min(1).max(100) }).strict(),
  /** The page picker (parent of an install, root of an export): pages of a space whose title matches. */
  'templates.pages': z
    .object({ spaceKey: spaceKey.optional(), query: z.string().trim().max(120).default('') })
    .strict(),
  'templates.import': z
    .object({ text: z.string().min(1).max(400_000), format: z.enum(['json', 'yaml']).optional() })
    .strict(),
  'templates.export': z
    .object({
      spaceKey: spaceKey.optional(),
      rootPageId: pageId,
      id: z
        .string()
        .regex(/^[a-z0-9][a-z0-9-]*$/)
        .max(60),
      title: z.string().min(1).max(120),
      version: z
        .string()
        .regex(/^\d+\.\d+\.\d+$/)
        .default('1.0.0'),
      language: language.default('en'),
      format: z.enum(['json', 'yaml']).default('yaml'),
    })
    .strict(),
} satisfies Record<string, z.ZodType>;

type Payload<K extends keyof typeof templatesPayloads> = z.input<(typeof templatesPayloads)[K]>;

type VariableType = 'text' | 'user' | 'date' | 'teamList';
export type PlanAction = 'create' | 'update' | 'merge' | 'skip' | 'conflict';
export type ConflictChoice = z.output<typeof conflictChoice>;

/** A block people and the new bundle version both changed: as installed, as the bundle has it, as people wrote it. */
export interface ConflictBlockView {
  readonly base: string;
  readonly ours: string;
  readonly theirs: string;
}

interface BundleVariableView {
  readonly name: string;
  readonly type: VariableType;
  readonly label: string;
  readonly description?: string | undefined;
  readonly required: boolean;
  readonly default?: string | undefined;
}

export interface BundleView {
  readonly id: string;
  readonly version: string;
  readonly languages: readonly ('en' | 'fr')[];
  readonly title: string;
  readonly description: string;
  readonly pageCount: number;
  readonly templateCount: number;
  readonly shipped: boolean;
  readonly variables: readonly BundleVariableView[];
  readonly pages: readonly { key: string; title: string; depth: number }[];
}

export interface PlanView {
  readonly bundleId: string;
  readonly version: string;
  readonly spaceKey: string;
  readonly parentId: string;
  readonly pages: readonly {
    key: string;
    title: string;
    depth: number;
    action: PlanAction;
    reason: string;
    pageId: string | null;
    /** Confluence's diff of what people changed since the install (pages with blocks to choose on). */
    compareUrl: string | null;
    /**
     * The blocks in conflict on a page people edited (empty when no merge could be tried), each with the choice
     * sent with the plan; every block chosen makes the page a `merge` (reason `resolved`) of those choices.
     */
    conflicts: readonly (ConflictBlockView & { choice: ConflictChoice | null; fingerprint: string })[];
  }[];
  readonly templates: readonly { key: string; name: string; action: PlanAction; reason: string }[];
  readonly summary: Readonly<Record<PlanAction, number>>;
  /** Steps an install would write, markers of pages that already hold the new content included. */
  readonly writes: number;
}

export interface InstallOutcomeView {
  readonly bundleId: string;
  readonly version: string;
  readonly spaceKey: string;
  readonly created: number;
  readonly updated: number;
  /** How many of the updated pages merged people's edits with the new version. */
  readonly merged: number;
  readonly skipped: number;
  readonly conflicts: readonly {
    page: string;
    id: string | null;
    reason: string;
    compareUrl: string | null;
    blocks?: readonly ConflictBlockView[];
  }[];
  readonly remaining: number;
  readonly pages: readonly { key: string; title: string; id: string | null; action: PlanAction }[];
}

export interface UninstallView {
  readonly archived: readonly { id: string; title: string }[];
  readonly kept: readonly { id: string; title: string }[];
}

/** A person; `displayName` null = an account Confluence no longer knows (shown as "Former user"). */
export interface PersonView {
  readonly accountId: string;
  readonly displayName: string | null;
  /** Site-relative (`/wiki/aa-avatar/…`) or absolute (`https:`, `data:`). */
  readonly avatarUrl: string | null;
}

export interface PageChoiceView {
  readonly id: string;
  readonly title: string;
}

export interface CatalogueEntryView extends BundleView {
  readonly installations: readonly {
    spaceKey: string;
    version: string;
    language: 'en' | 'fr';
    installedAt: string;
    installedBy: PersonView | null;
    status: 'partial' | 'installed' | 'uninstalled';
    upgradeAvailable: boolean;
  }[];
}

export interface AdoptionView {
  readonly spaceKey: string;
  readonly bundleId: string;
  readonly installedPages: number;
  readonly editedPages: number;
  readonly viewedPages: number;
  readonly views: number;
  readonly createdFromTemplates: number;
}

/** A choice a person made on a conflicting block, kept with the install record. */
export interface ResolutionView {
  readonly pageKey: string;
  readonly page: string;
  readonly block: number;
  readonly choice: ConflictChoice;
  /** The bundle version the choice was made for. */
  readonly version: string;
  readonly chosenBy: PersonView | null;
  readonly chosenAt: string;
}

interface SpaceAccessView {
  readonly spaceKey: string;
  readonly spaceName: string;
  readonly canAdminister: boolean;
  readonly installations: readonly {
    bundleId: string;
    version: string;
    language: 'en' | 'fr';
    status: 'partial' | 'installed' | 'uninstalled';
    installedAt: string;
    variables: Readonly<Record<string, string>>;
    /** The bundle's version available now: newer than `version` means the space is behind. */
    availableVersion: string | null;
    resolutions: readonly ResolutionView[];
  }[];
}

/** Where Confluence Cloud shows a page (the title slug after the id is optional). */
export function confluencePagePath(spaceKey: string, pageId: string): string {
  return `/wiki/spaces/${encodeURIComponent(spaceKey)}/pages/${encodeURIComponent(pageId)}`;
}

export type TemplatesDefs = {
  'templates.bundles': (payload: Payload<'templates.bundles'>) => Result<BundleView[]>;
  'templates.plan': (payload: Payload<'templates.plan'>) => Result<PlanView>;
  'templates.install': (payload: Payload<'templates.install'>) => Result<InstallOutcomeView>;
  'templates.uninstall': (payload: Payload<'templates.uninstall'>) => Result<UninstallView>;
  'templates.catalogue': (payload: Payload<'templates.catalogue'>) => Result<CatalogueEntryView[]>;
  'templates.adoption': (payload: Payload<'templates.adoption'>) => Result<AdoptionView>;
  'templates.space': (payload: Payload<'templates.space'>) => Result<SpaceAccessView>;
  'templates.findPeople': (payload: Payload<'templates.findPeople'>) => Result<PersonView[]>;
  'templates.people': (payload: Payload<'templates.people'>) => Result<PersonView[]>;
  'templates.pages': (payload: Payload<'templates.pages'>) => Result<PageChoiceView[]>;
  'templates.import': (payload: Payload<'templates.import'>) => Result<BundleView>;
  'templates.export': (payload: Payload<'templates.export'>) => Result<{ text: string; fileName: string }>;
};

/** Compares two `major.minor.patch` versions: negative when `a` is older. */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let index = 0; index < 3; index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
