import type { QueryValue } from '../transport';
import type { ConfluenceCall } from './call';
import { toTemplate, v1ArraySchema, type ContentTemplate, type NewTemplate } from './schemas';

/** Page templates: v1 only, templates have no v2 API. */

// Declared in each module rather than shared: the scope test resolves path constants within one file.
const V1 = '/wiki/rest/api';

/** Reads every page of a v1 offset listing. */
async function listV1Offset(
  call: ConfluenceCall,
  path: string,
  query: Record<string, QueryValue>,
  limit: number,
): Promise<unknown[]> {
  const results: unknown[] = [];
  for (let start = 0; ;) {
    const page = v1ArraySchema.parse(await call('GET', path, { ...query, start, limit }));
    results.push(...page.results);
    if (!page._links?.next || page.size === 0) return results;
    start += page.size;
  }
}

/** The page templates of a space, with their bodies (v1: templates have no v2 API). */
export async function listTemplates(call: ConfluenceCall, spaceKey: string): Promise<ContentTemplate[]> {
  return (await listV1Offset(call, `${V1}/template/page`, { spaceKey, expand: 'body' }, 100)).map(toTemplate);
}

/** Registers a page template in a space (shown in Confluence's Create menu). */
export async function createTemplate(call: ConfluenceCall, template: NewTemplate): Promise<ContentTemplate> {
  return toTemplate(
    await call('POST', `${V1}/template`, undefined, templateBody(template), { idempotent: false }),
  );
}

/** Replaces a page template: its name, description, body and labels. */
export async function updateTemplate(
  call: ConfluenceCall,
  id: string,
  template: NewTemplate,
): Promise<ContentTemplate> {
  return toTemplate(
    await call('PUT', `${V1}/template`, undefined, { templateId: id, ...templateBody(template) }),
  );
}

function templateBody(template: NewTemplate): Record<string, unknown> {
  return {
    name: template.name,
    templateType: 'page',
    description: template.description,
    body: { storage: { value: template.body, representation: 'storage' } },
    labels: template.labels.map((name) => ({ prefix: 'global', name })),
    space: { key: template.spaceKey },
  };
}
