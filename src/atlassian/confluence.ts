import type { SendOptions } from './request';
import type { Transport } from './transport';
import { confluenceCall, type ConfluenceCall } from './confluence/call';
import * as pages from './confluence/pages';
import type { NewPage, NewTemplate } from './confluence/schemas';
import * as users from './confluence/search-users';
import * as templates from './confluence/templates';

export interface ConfluenceClientOptions {
  readonly retry?: SendOptions['retry'];
}

/**
 * Confluence Cloud client over a `Transport`: v2 for spaces, pages and page properties, v1 where v2 has no
 * equivalent (CQL search with properties expanded, labels, archiving, content templates, page views, people).
 * A class, as `JiraClient` is; each method is written, and documented, in the module of its kind:
 * `confluence/pages.ts`, `confluence/templates.ts`, `confluence/search-users.ts`.
 */
export class ConfluenceClient {
  private readonly call: ConfluenceCall;

  constructor(transport: Transport, options: ConfluenceClientOptions = {}) {
    this.call = confluenceCall(transport, options.retry);
  }

  spaceByKey(key: string) {
    return pages.spaceByKey(this.call, key);
  }

  spaceOperations(spaceId: string) {
    return pages.spaceOperations(this.call, spaceId);
  }

  siteOperations() {
    return pages.siteOperations(this.call);
  }

  searchPages(cql: string, propertyKeys: readonly string[]) {
    return pages.searchPages(this.call, cql, propertyKeys);
  }

  listSpacePages(
    spaceKey: string,
    propertyKeys: readonly string[],
    scope?: Parameters<typeof pages.listSpacePages>[3],
  ) {
    return pages.listSpacePages(this.call, spaceKey, propertyKeys, scope);
  }

  findPageByTitle(spaceId: string, title: string) {
    return pages.findPageByTitle(this.call, spaceId, title);
  }

  createPage(page: NewPage, attempts?: number) {
    return pages.createPage(this.call, page, attempts);
  }

  addLabels(pageId: string, labels: readonly string[]) {
    return pages.addLabels(this.call, pageId, labels);
  }

  getPageProperty(pageId: string, key: string) {
    return pages.getPageProperty(this.call, pageId, key);
  }

  updatePage(page: Parameters<typeof pages.updatePage>[1]) {
    return pages.updatePage(this.call, page);
  }

  createPageProperty(pageId: string, key: string, value: unknown) {
    return pages.createPageProperty(this.call, pageId, key, value);
  }

  updatePageProperty(pageId: string, property: { id: string; key: string; version: number }, value: unknown) {
    return pages.updatePageProperty(this.call, pageId, property, value);
  }

  archivePages(ids: readonly string[]) {
    return pages.archivePages(this.call, ids);
  }

  pageViews(id: string) {
    return pages.pageViews(this.call, id);
  }

  findPagesByTitle(spaceKey: string, words: string, limit?: number) {
    return pages.findPagesByTitle(this.call, spaceKey, words, limit);
  }

  listTemplates(spaceKey: string) {
    return templates.listTemplates(this.call, spaceKey);
  }

  createTemplate(template: NewTemplate) {
    return templates.createTemplate(this.call, template);
  }

  updateTemplate(id: string, template: NewTemplate) {
    return templates.updateTemplate(this.call, id, template);
  }

  searchUsers(name: string, limit?: number) {
    return users.searchUsers(this.call, name, limit);
  }

  usersByAccountIds(accountIds: readonly string[]) {
    return users.usersByAccountIds(this.call, accountIds);
  }
}
