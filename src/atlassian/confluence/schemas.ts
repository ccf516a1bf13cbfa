import { z } from 'zod';

/** Confluence's answers as the app reads them, parsed with zod; unknown fields are ignored. */

export const spaceSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  homepageId: z.string().nullish(),
});
export type ConfluenceSpace = { id: string; key: string; name: string; homepageId: string | null };

export const v2PageSchema = z.looseObject({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  spaceId: z.string(),
  parentId: z.string().nullish(),
  version: z.looseObject({ number: z.number() }),
  body: z.looseObject({ storage: z.looseObject({ value: z.string() }).optional() }).optional(),
  _links: z.looseObject({ webui: z.string().optional() }).optional(),
});

export const propertySchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  value: z.unknown(),
  version: z.looseObject({ number: z.number() }),
});
export type PageProperty = { id: string; key: string; value: unknown; version: number };

export const v1ContentSchema = z.looseObject({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  version: z
    .looseObject({
      number: z.number(),
      when: z.string().optional(),
      by: z.looseObject({ accountId: z.string().optional() }).optional(),
    })
    .optional(),
  ancestors: z.array(z.looseObject({ id: z.string() })).optional(),
  body: z.looseObject({ storage: z.looseObject({ value: z.string() }).optional() }).optional(),
  metadata: z
    .looseObject({
      labels: z.looseObject({ results: z.array(z.looseObject({ name: z.string() })) }).optional(),
      properties: z.record(z.string(), propertySchema).optional(),
    })
    .optional(),
  _links: z.looseObject({ webui: z.string().optional() }).optional(),
});

export const v1ArraySchema = z.looseObject({
  results: z.array(z.unknown()),
  size: z.number(),
  _links: z.looseObject({ next: z.string().optional() }).optional(),
});

const templateSchema = z.looseObject({
  templateId: z.string(),
  name: z.string(),
  description: z.string().optional(),
  labels: z.array(z.looseObject({ name: z.string() })).optional(),
  body: z.looseObject({ storage: z.looseObject({ value: z.string() }).optional() }).optional(),
});

/** A page as the v1 listing reports it: body, version, parent, labels and the asked properties. */
export interface ListedPage {
  readonly id: string;
  readonly title: string;
  readonly status: string;
  readonly parentId: string | null;
  readonly version: number;
  readonly lastEditedAt: string | null;
  readonly lastEditedBy: string | null;
  readonly body: string;
  readonly labels: readonly string[];
  readonly properties: Readonly<Record<string, PageProperty>>;
  readonly webui: string | null;
}

export interface ContentTemplate {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly body: string;
  readonly labels: readonly string[];
}

export interface NewPage {
  readonly spaceId: string;
  readonly parentId: string;
  readonly title: string;
  readonly body: string;
}

export interface NewTemplate {
  readonly spaceKey: string;
  readonly name: string;
  readonly description: string;
  readonly body: string;
  readonly labels: readonly string[];
}

export function toProperty(raw: z.output<typeof propertySchema>): PageProperty {
  return { id: raw.id, key: raw.key, value: raw.value, version: raw.version.number };
}

export function toListedPage(raw: unknown): ListedPage {
  const content = v1ContentSchema.parse(raw);
  // Property keys are whatever anyone editing the page stored: no name may reach a prototype.
  const properties = Object.create(null) as Record<string, PageProperty>;
  for (const [key, property] of Object.entries(content.metadata?.properties ?? {}))
    properties[key] = toProperty(property);
  return {
    id: content.id,
    title: content.title,
    status: content.status,
    parentId: content.ancestors?.at(-1)?.id ?? null,
    version: content.version?.number ?? 1,
    lastEditedAt: content.version?.when ?? null,
    lastEditedBy: content.version?.by?.accountId ?? null,
    body: content.body?.storage?.value ?? '',
    labels: content.metadata?.labels?.results.map((label) => label.name) ?? [],
    properties,
    webui: content._links?.webui ?? null,
  };
}

export function toTemplate(raw: unknown): ContentTemplate {
  const template = templateSchema.parse(raw);
  return {
    id: template.templateId,
    name: template.name,
    description: template.description ?? '',
    body: template.body?.storage?.value ?? '',
    labels: template.labels?.map((label) => label.name) ?? [],
  };
}

export const userSchema = z.looseObject({
  type: z.string(),
  accountId: z.string().nullish(),
  displayName: z.string().nullish(),
  publicName: z.string().nullish(),
  email: z.string().nullish(),
  profilePicture: z.looseObject({ path: z.string() }).nullish(),
});

/** A person as Confluence shows them; `avatarPath` is site-relative (`/wiki/aa-avatar/…`) or absolute. */
export interface ConfluenceUser {
  readonly accountId: string;
  readonly displayName: string;
  /** Null when the person's privacy settings hide it from the caller (Confluence then sends an empty string). */
  readonly email: string | null;
  readonly avatarPath: string | null;
}

export function toUser(raw: z.output<typeof userSchema>): ConfluenceUser[] {
  const name = raw.displayName ?? raw.publicName;
  if (!raw.accountId || !name || raw.type === 'unknown' || raw.type === 'anonymous') return [];
  return [
    {
      accountId: raw.accountId,
      displayName: name,
      email: raw.email || null,
      avatarPath: raw.profilePicture?.path ?? null,
    },
  ];
}
