/**
 * "Create from template", as Confluence's editor does it: a new page whose body is the template's body (its
 * `<at:var>` placeholders filled from the wizard's answers, the declarations dropped) and whose labels are the
 * template's labels. Confluence has no public REST call for this (the editor does it), so the sandbox serves it
 * at `POST /wiki/sandbox/pages/from-template`, for the playground's Create menu and for tests.
 */
import { z } from 'zod';
import type { Router } from '../http';
import { v2Error, v2Page } from './json';
import { titleTaken, type ConfluencePage, type ConfluenceState } from './state';

export const FROM_TEMPLATE_PATH = '/wiki/sandbox/pages/from-template';

const request = z.object({
  templateId: z.string().min(1),
  title: z.string().trim().min(1).max(255),
  /** The space for a global template; a space template creates in its own space. */
  spaceKey: z.string().optional(),
  parentId: z.string().optional(),
  variables: z.record(z.string(), z.string()).default({}),
});

const escapeXml = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** The body a page created from `templateBody` starts with: declarations dropped, variables filled. */
export function pageBodyFromTemplate(
  templateBody: string,
  variables: Readonly<Record<string, string>>,
): string {
  return templateBody
    .replace(/<at:declarations>[\s\S]*?<\/at:declarations>/g, '')
    .replace(/<at:var\s+at:name="([^"]*)"\s*\/>/g, (_match, name: string) =>
      escapeXml(variables[name] ?? ''),
    );
}

/** Registers the create-from-template action on the sandbox router (acting user, faults and counts apply). */
export function registerFromTemplate(router: Router, state: ConfluenceState): void {
  router.add('POST', FROM_TEMPLATE_PATH, (incoming) => {
    const parsed = request.safeParse(incoming.body);
    if (!parsed.success) return v2Error(400, 'Invalid request', z.prettifyError(parsed.error));
    const input = parsed.data;
    const template = state.templates.get(input.templateId);
    if (!template) return v2Error(404, 'Not Found', `No template ${input.templateId}`);
    const space = state.spaceByKey(template.spaceKey ?? input.spaceKey ?? '');
    if (!space || !state.canView(incoming.user, space))
      return v2Error(404, 'Not Found', 'No such space, or you may not see it.');
    const parentId = input.parentId ?? space.homepageId;
    const parent: ConfluencePage | undefined = state.pages.get(parentId);
    if (!parent || parent.spaceId !== space.id || parent.status !== 'current')
      return v2Error(400, 'Invalid request', 'The parent page must be in the same space.');
    if (titleTaken(state, space.id, input.title))
      return v2Error(400, 'A page with this title already exists', 'A page already exists with this title.');
    const page = state.addPage({
      spaceId: space.id,
      title: input.title,
      parentId,
      body: pageBodyFromTemplate(template.body, input.variables),
      authorId: incoming.user.accountId,
    });
    // Confluence copies the template's labels onto the new page: how adoption finds pages made from it.
    page.labels.push(...template.labels.filter((label, index, all) => all.indexOf(label) === index));
    return { status: 200, body: v2Page(state, page, true) };
  });
}
