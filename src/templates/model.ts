import { z } from 'zod';

/**
 * What a bundle is: plain data (no code), so that ops can import and export their own as JSON or YAML.
 * The same schema checks the bundles we ship (in a test) and the ones people import (at run time).
 */

const VARIABLE_TYPES = ['text', 'user', 'date', 'teamList'] as const;

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

const key = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes');

const variableSchema = z
  .object({
    name: z
      .string()
      .min(1)
      .max(40)
      .regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, 'use letters, digits and underscores, starting with a letter'),
    type: z.enum(VARIABLE_TYPES),
    label: z.string().min(1).max(120),
    description: z.string().max(500).optional(),
    required: z.boolean().default(true),
    default: z.string().max(2000).optional(),
    maxLength: z.number().int().min(1).max(2000).optional(),
  })
  .strict();

export type BundleVariable = z.output<typeof variableSchema>;

export interface BundlePage {
  readonly key: string;
  readonly title: string;
  readonly body: string;
  readonly labels: readonly string[];
  readonly children: readonly BundlePage[];
}

const label = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[^\s:]+$/, 'labels have no spaces or colons');

const pageSchema: z.ZodType<BundlePage> = z.lazy(() =>
  z
    .object({
      key,
      title: z.string().min(1).max(255),
      body: z.string().max(200_000),
      labels: z.array(label).max(20).default([]),
      children: z.array(pageSchema).max(100).default([]),
    })
    .strict(),
);

const templateSchema = z
  .object({
    key,
    name: z.string().min(1).max(255),
    description: z.string().max(255).default(''),
    body: z.string().max(200_000),
    labels: z.array(label).max(20).default([]),
  })
  .strict();

export const bundleSchema = z
  .object({
    id: key,
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'use a version like 1.2.0'),
    language: z.enum(LANGUAGES),
    title: z.string().min(1).max(120),
    description: z.string().max(1000).default(''),
    variables: z.array(variableSchema).max(30).default([]),
    pages: z.array(pageSchema).min(1).max(100),
    templates: z.array(templateSchema).max(50).default([]),
  })
  .strict()
  .superRefine((bundle, ctx) => {
    const seen = new Set<string>();
    const visit = (pages: readonly BundlePage[], path: (string | number)[]): void => {
      pages.forEach((page, index) => {
        if (seen.has(page.key)) {
          ctx.addIssue({
            code: 'custom',
            message: `page key "${page.key}" is used twice`,
            path: [...path, index, 'key'],
          });
        }
        seen.add(page.key);
        visit(page.children, [...path, index, 'children']);
      });
    };
    visit(bundle.pages, ['pages']);
    const names = new Set<string>();
    bundle.variables.forEach((variable, index) => {
      if (names.has(variable.name)) {
        ctx.addIssue({
          code: 'custom',
          message: `variable "${variable.name}" is declared twice`,
          path: ['variables', index, 'name'],
        });
      }
      names.add(variable.name);
    });
    const templateKeys = new Set<string>();
    bundle.templates.forEach((template, index) => {
      if (templateKeys.has(template.key)) {
        ctx.addIssue({
          code: 'custom',
          message: `template key "${template.key}" is used twice`,
          path: ['templates', index, 'key'],
        });
      }
      templateKeys.add(template.key);
    });
  });

export type Bundle = z.output<typeof bundleSchema>;
export type BundleInput = z.input<typeof bundleSchema>;

/** Every page of the tree, parents before their children, with the key of the parent (undefined at the top). */
export function flattenPages(
  pages: readonly BundlePage[],
  parentKey?: string,
): { page: BundlePage; parentKey: string | undefined }[] {
  return pages.flatMap((page) => [{ page, parentKey }, ...flattenPages(page.children, page.key)]);
}

/**
 * What each installed page carries in its `vertebra-template` page property: enough to know, without any
 * other store, which bundle page it is and whether people edited it since (`hash` of the installed body).
 */
export const PAGE_PROPERTY_KEY = 'vertebra-template';

export const installedMarkerSchema = z.object({
  bundleId: z.string(),
  version: z.string(),
  pageKey: z.string(),
  hash: z.string(),
  /** Page version right after Vertebra wrote it: the left side of the "compare" link on a conflict. */
  pageVersion: z.number().int().optional(),
  installedAt: z.string().optional(),
  installedBy: z.string().optional(),
});

export type InstalledMarker = z.output<typeof installedMarkerSchema>;
