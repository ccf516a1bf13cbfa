import { z } from 'zod';

/**
 * The Forge context of the place a surface is shown in, as `view.getContext()` gives it (the playground's bridge
 * shim gives the same shape). Parsed once at start-up because the bridge returns untyped JSON.
 */
const productContextSchema = z.object({
  accountId: z.string().optional(),
  moduleKey: z.string(),
  locale: z.string().optional(),
  siteUrl: z.string().optional(),
  timezone: z.string().optional(),
  theme: z
    .object({ colorMode: z.enum(['light', 'dark']).optional() })
    .nullish()
    .transform((theme) => theme ?? undefined),
  extension: z
    .object({
      type: z.string().optional(),
      issue: z.object({ key: z.string(), id: z.string(), type: z.string().optional() }).optional(),
      project: z.object({ key: z.string(), id: z.string() }).optional(),
      space: z.object({ key: z.string(), id: z.string().optional() }).optional(),
    })
    .default({}),
});

export type ProductContext = z.output<typeof productContextSchema> & {
  /** The sub-page of a project page (`hygiene`, `dependencies`), from the Forge history location. */
  readonly route: string | undefined;
  readonly colorMode: 'light' | 'dark';
};

/** Reads the bridge's context; throws a readable error when a field the app relies on is missing. */
export function parseProductContext(raw: unknown, route: string | undefined): ProductContext {
  const parsed = productContextSchema.parse(raw);
  return { ...parsed, route, colorMode: parsed.theme?.colorMode ?? 'light' };
}

/** `/hygiene`, `hygiene/`, `/hygiene/PAY-12` → `hygiene`: the first segment of the history path. */
export function routeOf(pathname: string | undefined): string | undefined {
  const first = pathname?.split('/').find((segment) => segment !== '');
  return first === undefined ? undefined : decodeURIComponent(first);
}

/**
 * A link the app's frame can follow: Atlassian gives some site-relative (`/wiki/…`, Confluence avatars, the
 * product-ops page a finding explains itself on), and the frame is on another origin, so those get the site.
 */
export function siteLink(siteUrl: string | undefined, url: string): string {
  return url.startsWith('/') ? `${siteUrl ?? ''}${url}` : url;
}
