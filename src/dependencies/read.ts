/**
 * Turns issue JSON as Jira's REST API returns it (v2 or v3 shapes) into the plain records the analysis reads.
 * Written by hand rather than with a schema: it runs on every issue of a large scope, and each field it does
 * not understand simply counts as absent.
 */
import { AGREEMENTS_PROPERTY, readAgreements } from './agreements';
import type { BlockingType } from './link-types';
import { UNASSIGNED_TEAM, type BlockingLink, type DependencyIssue, type StatusCategory } from './model';
import { teamOf, type TeamBy } from './teams';

/** An issue as the Jira client returns it. */
export interface RawIssue {
  readonly id: string;
  readonly key: string;
  readonly fields: Record<string, unknown>;
  /** The entity properties asked for with the fields (the agreements property among them). */
  readonly properties?: Readonly<Record<string, unknown>>;
}

/** Where the site keeps the agile fields (ids differ between sites). */
export interface FieldIds {
  readonly storyPoints?: string | undefined;
  readonly sprint?: string | undefined;
}

export interface ReadOptions {
  readonly teamBy: TeamBy;
  readonly fieldIds: FieldIds;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;
const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const day = (value: unknown): string | null => {
  const date = text(value);
  return date !== null && /^\d{4}-\d{2}-\d{2}/.test(date) ? date.slice(0, 10) : null;
};
const earliest = (dates: readonly (string | null)[]): string | null =>
  dates.reduce<string | null>(
    (best, date) => (date !== null && (best === null || date < best) ? date : best),
    null,
  );

/** The fields of an issue the analysis reads, besides the team dimension's. */
export function dependencyFields(fieldIds: FieldIds): string[] {
  const fields = [
    'summary',
    'status',
    'assignee',
    'duedate',
    'fixVersions',
    'updated',
    'issuelinks',
    'project',
  ];
  if (fieldIds.storyPoints) fields.push(fieldIds.storyPoints);
  if (fieldIds.sprint) fields.push(fieldIds.sprint);
  return fields;
}

function statusCategoryOf(status: unknown): StatusCategory {
  const key =
    isRecord(status) && isRecord(status['statusCategory']) ? status['statusCategory']['key'] : undefined;
  return key === 'done' || key === 'indeterminate' ? key : 'new';
}

/** The end of the sprint the issue is in now (active or future), else of its last sprint. */
function sprintEnd(value: unknown): string | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const sprints = value.map((sprint: unknown) => {
    if (isRecord(sprint))
      return { state: text(sprint['state'])?.toLowerCase() ?? '', end: day(sprint['endDate']) };
    // Older sites serialise a sprint as "com.atlassian.greenhopper…[state=ACTIVE,…,endDate=2016-05-10T…,…]".
    const legacy = typeof sprint === 'string' ? sprint : '';
    return {
      state: /state=([A-Za-z]+)/.exec(legacy)?.[1]?.toLowerCase() ?? '',
      end: day(/endDate=([^,\]]+)/.exec(legacy)?.[1]),
    };
  });
  const current = sprints.find((sprint) => sprint.state === 'active' || sprint.state === 'future');
  return (current ?? sprints[sprints.length - 1])?.end ?? null;
}

function versionsEnd(value: unknown): string | null {
  if (!Array.isArray(value)) return null;
  return earliest(value.map((version: unknown) => (isRecord(version) ? day(version['releaseDate']) : null)));
}

/** The issue's agreements as a blocker, only when it has some (or they could not be read). */
function agreementsOf(issue: RawIssue): Pick<DependencyIssue, 'agreements' | 'agreementsProblem'> {
  const read = readAgreements(issue.properties?.[AGREEMENTS_PROPERTY]);
  if (!read.ok) return { agreementsProblem: read.problem };
  return read.agreements.length > 0 ? { agreements: read.agreements } : {};
}

/** One issue as the analysis sees it. */
export function readIssue(issue: RawIssue, options: ReadOptions, inScope: boolean): DependencyIssue {
  const fields = issue.fields;
  const status = fields['status'];
  const assignee = fields['assignee'];
  const points = options.fieldIds.storyPoints ? fields[options.fieldIds.storyPoints] : undefined;
  const dash = issue.key.lastIndexOf('-');
  return {
    id: issue.id,
    key: issue.key,
    summary: text(fields['summary']) ?? '',
    projectKey: dash > 0 ? issue.key.slice(0, dash) : issue.key,
    team: teamOf(fields, options.teamBy, issue.key) ?? UNASSIGNED_TEAM,
    status: (isRecord(status) ? text(status['name']) : null) ?? '',
    statusCategory: statusCategoryOf(status),
    assignee: isRecord(assignee)
      ? (text(assignee['displayName']) ?? text(assignee['accountId']) ?? text(assignee['name']))
      : null,
    plannedDate: earliest([
      day(fields['duedate']),
      options.fieldIds.sprint ? sprintEnd(fields[options.fieldIds.sprint]) : null,
      versionsEnd(fields['fixVersions']),
    ]),
    storyPoints: typeof points === 'number' && Number.isFinite(points) ? points : null,
    updated: text(fields['updated']),
    inScope,
    ...agreementsOf(issue),
  };
}

/** A link's other side, as the link JSON names it: enough to fetch it, never to show it before it is fetched. */
export interface LinkedIssueRef {
  readonly id: string;
  readonly key: string;
  /**
   * False when the link names the other issue without any of its fields: Jira (and the sandbox) answer only
   * `id`, `key` and `self` for an issue the user may not browse or that no longer exists.
   */
  readonly described: boolean;
}

/**
 * The blocking relations in an issue's links, oriented blocker → blocked. `blockingTypes` comes from
 * `blockingTypesById`; links of other types are left out. `others[i]` is the other side of `links[i]`.
 */
export function readBlockingLinks(
  issue: RawIssue,
  blockingTypes: ReadonlyMap<string, BlockingType>,
): { links: BlockingLink[]; others: LinkedIssueRef[] } {
  const links: BlockingLink[] = [];
  const others: LinkedIssueRef[] = [];
  const issueLinks = issue.fields['issuelinks'];
  if (!Array.isArray(issueLinks)) return { links, others };
  for (const link of issueLinks) {
    if (!isRecord(link) || !isRecord(link['type'])) continue;
    const typeId = text(link['type']['id']);
    const blocking = typeId === null ? undefined : blockingTypes.get(typeId);
    if (!blocking) continue;
    const outward = link['outwardIssue'];
    const inward = link['inwardIssue'];
    const other = isRecord(outward) ? outward : isRecord(inward) ? inward : null;
    const otherId = other ? text(other['id']) : null;
    if (otherId === null) continue;
    // "X <outward> Y" when Y is the outward issue, "X <inward> Y" when Y is the inward issue.
    const otherIsBlocker = isRecord(outward)
      ? blocking.direction === 'outward-is-blocker'
      : blocking.direction === 'outward-blocks';
    links.push({
      linkId: text(link['id']) ?? `${issue.id}:${otherId}`,
      blockerId: otherIsBlocker ? otherId : issue.id,
      blockedId: otherIsBlocker ? issue.id : otherId,
      typeName: text(link['type']['name']) ?? '',
    });
    others.push({ id: otherId, key: text(other?.['key']) ?? '', described: isRecord(other?.['fields']) });
  }
  return { links, others };
}
