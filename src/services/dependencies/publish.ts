/**
 * "Publish to Confluence": writes the quarter's alignment page in a space, or updates it, rewriting only the
 * generated section so that notes and decisions written around it stay. A new page starts from the space's
 * quarterly alignment template when the template capability installed one (goals, agreements and risks
 * sections around the report), as if created from it in Confluence.
 */
import type { ConfluenceClient } from '../../atlassian/confluence';
import {
  ALIGNMENT_TEMPLATE_LABEL,
  renderAlignmentSection,
  replaceGeneratedSection,
  type DependencyReport,
  type PublishWords,
} from '../../dependencies';
import { dependenciesRefusal } from '../refusals';

export interface PublishRequest {
  readonly spaceKey: string;
  /** e.g. "Quarterly alignment Q4 2026": found by title, created under the space home page when absent. */
  readonly title: string;
  readonly report: DependencyReport;
  readonly now: Date;
  readonly words?: PublishWords;
  /** Projects whose dependencies may be written as plain text for the space's readers (none by default). */
  readonly shownProjects?: readonly string[];
}

export interface Published {
  readonly pageId: string;
  readonly title: string;
  readonly created: boolean;
  readonly version: number;
}

export async function publishAlignmentPage(
  confluence: ConfluenceClient,
  request: PublishRequest,
): Promise<Published> {
  const space = await confluence.spaceByKey(request.spaceKey);
  if (!space) throw dependenciesRefusal('NOT_FOUND', 'spaceNotFound', { space: request.spaceKey });
  const operations = await confluence.spaceOperations(space.id);
  if (!operations.includes('create:page')) {
    throw dependenciesRefusal('FORBIDDEN', 'mayNotAddPages', { space: request.spaceKey });
  }
  const section = renderAlignmentSection(
    request.report,
    request.now,
    request.words,
    new Set(request.shownProjects ?? []),
  );
  const existing = await confluence.findPageByTitle(space.id, request.title);
  if (existing) {
    const version = await confluence.updatePage({
      id: existing.id,
      title: request.title,
      body: replaceGeneratedSection(existing.body, section),
      version: existing.version,
      message: 'Dependencies updated by Vertebra',
    });
    return { pageId: existing.id, title: request.title, created: false, version };
  }
  if (!space.homepageId) throw dependenciesRefusal('NOT_FOUND', 'noHomePage', { space: request.spaceKey });
  const template = (await confluence.listTemplates(request.spaceKey)).find((found) =>
    found.labels.includes(ALIGNMENT_TEMPLATE_LABEL),
  );
  const created = await confluence.createPage({
    spaceId: space.id,
    parentId: space.homepageId,
    title: request.title,
    body: template
      ? replaceGeneratedSection(template.body, section)
      : `<p>Notes and decisions of the review go here; Vertebra only rewrites the section below.</p>${section}`,
  });
  // As Confluence does for a page made from a template: its labels too, so the template's adoption counts it.
  await confluence.addLabels(created.id, [
    'vertebra-dependencies',
    ...(template?.labels.filter((label) => label !== 'vertebra-dependencies') ?? []),
  ]);
  return { pageId: created.id, title: request.title, created: true, version: created.version };
}
