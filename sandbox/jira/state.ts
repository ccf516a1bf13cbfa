/**
 * The Jira emulator's state: projects, issues indexed by key / id / project / parent, link types, entity
 * properties, and the permission rules (who may browse which project). Rendering to REST v3 JSON lives in
 * `render.ts`; routes in `routes.ts`.
 */
import type { SandboxUser } from '../users';
import {
  factsOf,
  type IssueInput,
  type IssueRecord,
  type JiraLinkType,
  type JiraProject,
  type JiraUserRef,
} from './model';

export const BLOCKS_LINK_TYPE: JiraLinkType = {
  id: '10000',
  name: 'Blocks',
  inward: 'is blocked by',
  outward: 'blocks',
};

/** Told of an issue edit, with the user who made it. */
export type IssueUpdateListener = (issue: IssueRecord, by: SandboxUser) => void;

export class JiraState {
  baseUrl = 'http://127.0.0.1';
  readonly projects = new Map<string, JiraProject>();
  readonly linkTypes = new Map<string, JiraLinkType>();
  readonly people = new Map<string, JiraUserRef>();
  private readonly byKey = new Map<string, IssueRecord>();
  private readonly byId = new Map<string, IssueRecord>();
  private readonly byProject = new Map<string, IssueRecord[]>();
  private readonly childrenByParent = new Map<string, IssueRecord[]>();
  private readonly clock: () => Date;
  private readonly updateListeners = new Set<IssueUpdateListener>();
  private readonly createListeners = new Set<IssueUpdateListener>();
  private nextLinkId = 10000;
  private nextRank = 0;
  /** Bumped on every write, so cached search results and rendered issues can tell they are stale. */
  version = 0;

  constructor(clock: () => Date = () => new Date()) {
    this.clock = clock;
  }

  /** The sandbox's "now", for relative JQL dates. */
  now(): Date {
    return this.clock();
  }

  setBaseUrl(url: string): void {
    this.baseUrl = url;
    // Every `self` link changes.
    this.version++;
  }

  addProject(project: JiraProject): void {
    this.projects.set(project.key, project);
    if (!this.byProject.has(project.key)) this.byProject.set(project.key, []);
  }

  projectByIdOrKey(idOrKey: string): JiraProject | undefined {
    const byKey = this.projects.get(idOrKey.toUpperCase());
    if (byKey) return byKey;
    for (const project of this.projects.values()) if (project.id === idOrKey) return project;
    return undefined;
  }

  addLinkType(type: JiraLinkType): void {
    this.linkTypes.set(type.id, type);
  }

  addPerson(person: JiraUserRef): void {
    this.people.set(person.accountId, person);
  }

  /** Stores an issue (replacing one with the same key) and indexes it. */
  addIssue(input: IssueInput): IssueRecord {
    const issue: IssueRecord = {
      id: input.id,
      key: input.key,
      projectKey: input.projectKey,
      fields: { ...input.fields },
      wiki: new Map(Object.entries(input.wiki ?? {})),
      links: [...(input.links ?? [])],
      properties: new Map(Object.entries(input.properties ?? {})),
      rank: input.rank ?? this.nextRank++,
      facts: factsOf(input.fields),
    };
    const previous = this.byKey.get(issue.key);
    if (previous) this.removeFromIndexes(previous);
    this.byKey.set(issue.key, issue);
    this.byId.set(issue.id, issue);
    const inProject = this.byProject.get(issue.projectKey) ?? [];
    inProject.push(issue);
    this.byProject.set(issue.projectKey, inProject);
    if (issue.facts.parentKey) {
      const siblings = this.childrenByParent.get(issue.facts.parentKey) ?? [];
      siblings.push(issue);
      this.childrenByParent.set(issue.facts.parentKey, siblings);
    }
    this.version++;
    return issue;
  }

  private removeFromIndexes(issue: IssueRecord): void {
    this.byId.delete(issue.id);
    const inProject = this.byProject.get(issue.projectKey);
    if (inProject)
      this.byProject.set(
        issue.projectKey,
        inProject.filter((entry) => entry !== issue),
      );
    if (issue.facts.parentKey) {
      const siblings = this.childrenByParent.get(issue.facts.parentKey);
      if (siblings)
        this.childrenByParent.set(
          issue.facts.parentKey,
          siblings.filter((entry) => entry !== issue),
        );
    }
  }

  /**
   * Links two issues: `outwardKey <outward wording> inwardKey` (e.g. PAY-1 blocks CHK-2). Either side may be
   * missing from the state (an issue the sandbox does not hold); the other side still shows the link.
   */
  link(
    outwardKey: string,
    inwardKey: string,
    typeId: string,
    missingIds: { outward?: string; inward?: string } = {},
  ): void {
    const outward = this.byKey.get(outwardKey);
    const inward = this.byKey.get(inwardKey);
    const id = String(this.nextLinkId++);
    const outwardId = outward?.id ?? missingIds.outward ?? syntheticId(outwardKey);
    const inwardId = inward?.id ?? missingIds.inward ?? syntheticId(inwardKey);
    outward?.links.push({ id, typeId, direction: 'outward', otherId: inwardId, otherKey: inwardKey });
    inward?.links.push({ id, typeId, direction: 'inward', otherId: outwardId, otherKey: outwardKey });
    this.version++;
  }

  /** Finds an issue by id or key, visible or not (callers check permissions). */
  findIssue(idOrKey: string): IssueRecord | undefined {
    return this.byKey.get(idOrKey.toUpperCase()) ?? this.byId.get(idOrKey);
  }

  /** All issues, in insertion order. */
  allIssues(): Iterable<IssueRecord> {
    return this.byKey.values();
  }

  issueCount(): number {
    return this.byKey.size;
  }

  issuesInProject(projectKey: string): readonly IssueRecord[] {
    return this.byProject.get(projectKey) ?? [];
  }

  childrenOf(parentKey: string): readonly IssueRecord[] {
    return this.childrenByParent.get(parentKey) ?? [];
  }

  /** Whether the user may browse the project (site admins may browse everything). */
  canBrowse(user: SandboxUser, projectKey: string): boolean {
    if (user.isSiteAdmin) return true;
    const project = this.projects.get(projectKey);
    if (!project) return false;
    return project.browseGroups.some((group) => user.groups.includes(group));
  }

  canAdminister(user: SandboxUser, projectKey: string): boolean {
    if (user.isSiteAdmin) return true;
    const project = this.projects.get(projectKey);
    return (
      !!project &&
      this.canBrowse(user, projectKey) &&
      project.adminGroups.some((group) => user.groups.includes(group))
    );
  }

  /** The issue if it exists and the user may see it; Jira answers 404 otherwise. */
  visibleIssue(user: SandboxUser, idOrKey: string): IssueRecord | undefined {
    const issue = this.findIssue(idOrKey);
    return issue && this.canBrowse(user, issue.projectKey) ? issue : undefined;
  }

  /**
   * Edits an issue as `PUT /rest/api/3/issue/{key}` does: the given fields replace the stored ones (`null` clears
   * one), `updated` moves to now, and whoever listens (the playground's issue view) hears of it.
   */
  updateFields(issue: IssueRecord, fields: Readonly<Record<string, unknown>>, by: SandboxUser): void {
    for (const [fieldId, value] of Object.entries(fields)) {
      // A seeded wiki value would otherwise be converted and win over the edit on the next read.
      issue.wiki.delete(fieldId);
      issue.fields[fieldId] = value;
    }
    issue.fields.updated = this.clock().toISOString().replace('Z', '+0000');
    issue.facts = factsOf(issue.fields);
    this.version++;
    for (const listener of this.updateListeners) listener(issue, by);
  }

  /**
   * Creates an issue as `POST /rest/api/3/issue` does: the project's next key and the site's next id, `created`
   * and `updated` now, and whoever listens (the playground's app trigger) hears of it.
   */
  createIssue(projectKey: string, fields: Readonly<Record<string, unknown>>, by: SandboxUser): IssueRecord {
    let number = 0;
    for (const issue of this.issuesInProject(projectKey))
      number = Math.max(number, Number(issue.key.slice(issue.key.lastIndexOf('-') + 1)) || 0);
    let id = 10000;
    for (const issue of this.byId.values()) id = Math.max(id, Number(issue.id) || 0);
    const now = this.clock().toISOString().replace('Z', '+0000');
    const issue = this.addIssue({
      id: String(id + 1),
      key: `${projectKey}-${String(number + 1)}`,
      projectKey,
      fields: { ...fields, created: now, updated: now },
    });
    for (const listener of this.createListeners) listener(issue, by);
    return issue;
  }

  /** Calls `listener` after every issue created through the REST API (not seeds); returns the way to stop. */
  onIssueCreated(listener: IssueUpdateListener): () => void {
    this.createListeners.add(listener);
    return () => this.createListeners.delete(listener);
  }

  /** Calls `listener` after every issue edit; returns the way to stop. */
  onIssueUpdated(listener: IssueUpdateListener): () => void {
    this.updateListeners.add(listener);
    return () => this.updateListeners.delete(listener);
  }

  setProperty(issue: IssueRecord, key: string, value: unknown): boolean {
    const existed = issue.properties.has(key);
    issue.properties.set(key, value);
    this.version++;
    return existed;
  }

  deleteProperty(issue: IssueRecord, key: string): boolean {
    const existed = issue.properties.delete(key);
    if (existed) this.version++;
    return existed;
  }
}

/** A stable numeric id for an issue the sandbox does not hold (a link to a restricted or deleted issue). */
function syntheticId(key: string): string {
  let hash = 0;
  for (const char of key) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return String(900000 + (hash % 9000000));
}
