import { z } from 'zod';

/** What Jira's answers hold, as the app reads them: the shapes the client returns and the schemas it parses with. */

/** One issue as the app reads it: only the fields (and entity properties) that were asked for. */
export interface JiraIssue {
  readonly id: string;
  readonly key: string;
  readonly fields: Record<string, unknown>;
  readonly properties?: Record<string, unknown>;
}

export interface JiraField {
  readonly id: string;
  readonly name: string;
  readonly custom: boolean;
  readonly schema?: { readonly type?: string; readonly custom?: string; readonly items?: string } | undefined;
}

export interface JiraLinkType {
  readonly id: string;
  readonly name: string;
  readonly inward: string;
  readonly outward: string;
}

export interface JiraProject {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly projectTypeKey?: string | undefined;
  readonly lead?: { readonly accountId: string; readonly displayName?: string | undefined } | undefined;
}

export interface JiraUser {
  readonly accountId: string;
  readonly displayName: string;
  readonly emailAddress?: string | undefined;
  readonly locale?: string | undefined;
  readonly timeZone?: string | undefined;
}

// Envelopes of Jira's answers: parsed once here, so that the rest of the app works with typed values.
/**
 * An object of unknown values, checked but not copied: `z.record` rebuilds every issue's fields key by key,
 * which was a real share of a 6,686-issue report's time, while every reader of `fields` is defensive already.
 */
const jsonObject = z.custom<Record<string, unknown>>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  'expected an object',
);
export const issueSchema = z.object({
  id: z.string(),
  key: z.string(),
  fields: jsonObject.optional(),
  properties: jsonObject.optional(),
});
export const searchPageSchema = z.object({
  issues: z.array(z.object({ id: z.string() })).default([]),
  nextPageToken: z.string().nullish(),
  isLast: z.boolean().optional(),
});
export const bulkFetchSchema = z.object({
  issues: z.array(issueSchema).default([]),
  issueErrors: z.array(z.unknown()).optional(),
});
export const fieldSchema = z.object({
  id: z.string(),
  name: z.string(),
  custom: z.boolean().default(false),
  schema: z
    .object({ type: z.string().optional(), custom: z.string().optional(), items: z.string().optional() })
    .optional(),
});
export const linkTypesSchema = z.object({
  issueLinkTypes: z.array(
    z.object({ id: z.string(), name: z.string(), inward: z.string(), outward: z.string() }),
  ),
});
export const projectSchema = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  projectTypeKey: z.string().optional(),
  lead: z.object({ accountId: z.string(), displayName: z.string().optional() }).optional(),
});
export const projectPageSchema = z.object({
  values: z.array(projectSchema).default([]),
  isLast: z.boolean().optional(),
  startAt: z.number().optional(),
  maxResults: z.number().optional(),
  total: z.number().optional(),
});
export const userSchema = z.object({
  accountId: z.string(),
  displayName: z.string().default(''),
  emailAddress: z.string().optional(),
  locale: z.string().optional(),
  timeZone: z.string().optional(),
});
export const permissionsSchema = z.object({
  permissions: z.record(z.string(), z.object({ havePermission: z.boolean() })),
});
export const propertySchema = z.object({ key: z.string(), value: z.unknown() });

/** An issue of an answer as the app reads it. */
export function toIssue(raw: z.output<typeof issueSchema>): JiraIssue {
  const issue: JiraIssue = { id: raw.id, key: raw.key, fields: raw.fields ?? {} };
  return raw.properties ? { ...issue, properties: raw.properties } : issue;
}
