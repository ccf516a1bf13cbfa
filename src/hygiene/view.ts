import { EMPTY_DESCRIPTION, wordsUpTo, type DescriptionModel } from './description/model';
import { countWords, describe } from './description/read';
import { memoise } from './memo';
import { parseJiraDate } from './dates';
import type { FieldMap } from './fields';

/** An issue as Jira returns it (`/issue/{key}`, `/search/jql`, `/issue/bulkfetch`): only `fields` is read. */
export interface HygieneIssue {
  readonly id?: string | undefined;
  readonly key: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

export type StatusCategory = 'new' | 'indeterminate' | 'done' | 'unknown';

export interface LinkView {
  /** The wording as read from this issue: "is blocked by", "blocks", "depends on"… (lower case). */
  readonly phrase: string;
  readonly other: string;
  readonly otherCategory: StatusCategory;
}

export interface SprintView {
  readonly name: string;
  readonly state: 'active' | 'closed' | 'future' | 'unknown';
}

/**
 * The fields every rule reads, derived once per issue and shared by all rules. Reading is tolerant (odd values
 * become `null`/empty); only the descriptions are parsed lazily, and a parse failure is rethrown to each rule
 * that asks, so that one bad description yields "could not evaluate" on the rules that need it, not a crash.
 */
export interface IssueView {
  readonly key: string;
  readonly type: string;
  readonly isSubtask: boolean;
  readonly summary: string;
  /** The status name in lower case, for comparing. */
  readonly status: string;
  /** The status name as Jira spells it, for messages. */
  readonly statusName: string;
  readonly statusCategory: StatusCategory;
  readonly assignee: string | null;
  /** How people know the assignee (display name), for reports. */
  readonly assigneeName: string | null;
  readonly parent: string | null;
  readonly created: number | null;
  readonly updated: number | null;
  readonly statusCategoryChanged: number | null;
  readonly due: number | null;
  readonly resolution: string | null;
  readonly labels: readonly string[];
  readonly flagged: boolean;
  readonly links: readonly LinkView[];
  readonly sprints: readonly SprintView[];
  readonly estimate: number | null;
  readonly team: string | null;
  readonly description: DescriptionModel;
  /**
   * The description's word count, read only as far as `limit`: exact below it, at least `limit` otherwise. For
   * the rules that ask "empty?" or "shorter than N words?": when no rule reads this issue's description blocks,
   * the blocks are never built. Fails like `description` on an unreadable description.
   */
  descriptionWords(limit: number): number;
  readonly acceptanceCriteriaField: DescriptionModel;
  readonly stepsToReproduceField: DescriptionModel;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** `value[key]` when `value` is an object. Fixed arity: a rest parameter allocates an array on every call. */
function prop(value: unknown, key: string): unknown {
  return isRecord(value) ? value[key] : undefined;
}

function prop2(value: unknown, key: string, inner: string): unknown {
  return prop(prop(value, key), inner);
}

/**
 * Lower-cased names (issue types, statuses, link wordings): a site has a few dozen, a scan reads them 100,000
 * times, and `toLowerCase()` allocates a new string each time.
 */
const lower = memoise((name: string) => name.toLowerCase());

function category(status: unknown): StatusCategory {
  const key = prop2(status, 'statusCategory', 'key');
  return key === 'new' || key === 'indeterminate' || key === 'done' ? key : 'unknown';
}

function links(value: unknown): LinkView[] {
  if (!Array.isArray(value)) return [];
  const out: LinkView[] = [];
  for (const link of value) {
    // On this issue, a link holding `inwardIssue` reads with the type's inward wording, and vice versa.
    const inward = prop(link, 'inwardIssue');
    const outward = prop(link, 'outwardIssue');
    const other = isRecord(inward) ? inward : isRecord(outward) ? outward : undefined;
    const phrase = str(prop2(link, 'type', isRecord(inward) ? 'inward' : 'outward'));
    const key = str(other?.key);
    if (other === undefined || phrase === null || key === null) continue;
    out.push({
      phrase: lower(phrase.trim()),
      other: key,
      otherCategory: category(prop2(other, 'fields', 'status')),
    });
  }
  return out;
}

const LEGACY_SPRINT = /\[(.*)\]$/;

function sprintState(state: unknown): SprintView['state'] {
  if (typeof state !== 'string') return 'unknown';
  // Jira Cloud answers lower case; only legacy strings say "CLOSED".
  if (state === 'active' || state === 'closed' || state === 'future') return state;
  const lowered = lower(state);
  return lowered === 'active' || lowered === 'closed' || lowered === 'future' ? lowered : 'unknown';
}

/** A sprint as Jira Cloud sends it (`name`, lower-case `state`), usable as a view without a copy. */
function isSprintView(sprint: unknown): sprint is SprintView {
  if (!isRecord(sprint) || typeof sprint.name !== 'string') return false;
  const state = sprint.state;
  return state === 'active' || state === 'closed' || state === 'future';
}

const NO_SPRINTS: readonly SprintView[] = Object.freeze([]);

function sprints(value: unknown): readonly SprintView[] {
  if (!Array.isArray(value) || value.length === 0) return NO_SPRINTS;
  // Jira Cloud's usual answer is read in place: every issue of a scan has a few sprints.
  if (value.every(isSprintView)) return value;
  const out: SprintView[] = [];
  for (const sprint of value) {
    if (isRecord(sprint)) {
      out.push({
        name: typeof sprint.name === 'string' ? sprint.name : '',
        state: sprintState(sprint.state),
      });
    } else if (typeof sprint === 'string') {
      // Jira Server and old REST answers: "com.atlassian.greenhopper.service.sprint.Sprint@1[id=1,state=CLOSED,name=S1,…]"
      let name = '';
      let state: unknown;
      for (const pair of (LEGACY_SPRINT.exec(sprint)?.[1] ?? '').split(',')) {
        const [k, v] = pair.split('=');
        if (k === 'name') name = v ?? '';
        if (k === 'state') state = v;
      }
      out.push({ name, state: sprintState(state) });
    }
  }
  return out;
}

function flagged(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') return lower(value) === 'true' || lower(value) === 'impediment';
  return isRecord(value);
}

function estimate(fields: Readonly<Record<string, unknown>>, map: FieldMap): number | null {
  const points = map.storyPoints === undefined ? undefined : fields[map.storyPoints];
  if (typeof points === 'number' && Number.isFinite(points)) return points;
  const original = fields.timeoriginalestimate ?? prop(fields.timetracking, 'originalEstimateSeconds');
  return typeof original === 'number' && Number.isFinite(original) ? original : null;
}

function team(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (!isRecord(value)) return null;
  const name = value.name ?? value.value ?? value.title;
  return typeof name === 'string' ? name : null;
}

const NO_LABELS: readonly string[] = Object.freeze([]);

const UNSET = Symbol('unset');
type Lazy<T> = T | typeof UNSET;

/**
 * The view of one issue. Cheap fields are read up front; dates, links, sprints and descriptions only when a
 * rule asks, once, because most rules stop at the issue type or status and a scan reads 100,000 issues.
 */
class LazyIssueView implements IssueView {
  readonly key: string;
  readonly type: string;
  readonly isSubtask: boolean;
  readonly summary: string;
  readonly status: string;
  readonly statusName: string;
  readonly statusCategory: StatusCategory;
  readonly assignee: string | null;
  readonly assigneeName: string | null;
  readonly parent: string | null;
  readonly resolution: string | null;
  #created: Lazy<number | null> = UNSET;
  #updated: Lazy<number | null> = UNSET;
  #changed: Lazy<number | null> = UNSET;
  #due: Lazy<number | null> = UNSET;
  #links: Lazy<readonly LinkView[]> = UNSET;
  #sprints: Lazy<readonly SprintView[]> = UNSET;
  #description: Lazy<DescriptionModel> = UNSET;
  /** Words counted by `descriptionWords` without building blocks, and how far they were counted (-1: not yet). */
  #counted = -1;
  #countedTo = 0;
  /** Whether some rule will read this issue's description blocks: then counting alone would be extra work. */
  private readonly readsBlocks: boolean;
  #criteria: Lazy<DescriptionModel> = UNSET;
  #steps: Lazy<DescriptionModel> = UNSET;
  /** Allocated on the first failure only: nearly every issue parses. */
  #failures: Partial<Record<'description' | 'criteria' | 'steps', Error>> | undefined;

  constructor(
    issue: HygieneIssue,
    private readonly fields: Readonly<Record<string, unknown>>,
    private readonly fieldMap: FieldMap,
    readsBlocks: (type: string) => boolean,
  ) {
    const issueType = fields.issuetype;
    const assignee = fields.assignee;
    // Typed as a string, but a malformed answer must still yield a usable view.
    this.key = typeof (issue.key as unknown) === 'string' ? issue.key : (issue.id ?? '?');
    const typeName = str(prop(issueType, 'name'));
    this.type = typeName === null ? '' : lower(typeName);
    this.isSubtask = prop(issueType, 'subtask') === true;
    this.summary = str(fields.summary) ?? '';
    const statusName = str(prop(fields.status, 'name'));
    this.statusName = statusName ?? '';
    this.status = statusName === null ? '' : lower(statusName);
    this.statusCategory = category(fields.status);
    this.assignee = str(prop(assignee, 'accountId')) ?? str(prop(assignee, 'displayName'));
    this.assigneeName = str(prop(assignee, 'displayName')) ?? this.assignee;
    this.parent = str(prop(fields.parent, 'key'));
    this.resolution = str(prop(fields.resolution, 'name'));
    this.readsBlocks = readsBlocks === always || readsBlocks(this.type);
  }

  private mapped(role: keyof FieldMap): unknown {
    const id = this.fieldMap[role];
    return id === undefined ? undefined : this.fields[id];
  }

  get created(): number | null {
    return this.#created === UNSET ? (this.#created = parseJiraDate(this.fields.created)) : this.#created;
  }
  get updated(): number | null {
    return this.#updated === UNSET ? (this.#updated = parseJiraDate(this.fields.updated)) : this.#updated;
  }
  get statusCategoryChanged(): number | null {
    return this.#changed === UNSET
      ? (this.#changed = parseJiraDate(this.fields.statuscategorychangedate))
      : this.#changed;
  }
  get due(): number | null {
    return this.#due === UNSET ? (this.#due = parseJiraDate(this.fields.duedate)) : this.#due;
  }
  get labels(): readonly string[] {
    const labels = this.fields.labels;
    if (!Array.isArray(labels) || labels.length === 0) return NO_LABELS;
    // Jira's labels are strings; copy only when some odd value must be left out.
    return labels.every((l) => typeof l === 'string')
      ? labels
      : labels.filter((l): l is string => typeof l === 'string');
  }
  get flagged(): boolean {
    return flagged(this.fieldMap.flagged === undefined ? this.fields.flagged : this.mapped('flagged'));
  }
  get links(): readonly LinkView[] {
    return this.#links === UNSET ? (this.#links = links(this.fields.issuelinks)) : this.#links;
  }
  get sprints(): readonly SprintView[] {
    return this.#sprints === UNSET ? (this.#sprints = sprints(this.mapped('sprint'))) : this.#sprints;
  }
  get estimate(): number | null {
    return estimate(this.fields, this.fieldMap);
  }
  get team(): string | null {
    return team(this.mapped('team'));
  }
  get description(): DescriptionModel {
    if (this.#description === UNSET) this.#description = this.parse('description', this.fields.description);
    return this.#description;
  }
  descriptionWords(limit: number): number {
    if (this.readsBlocks || this.#description !== UNSET) return wordsUpTo(this.description, limit);
    if (this.#counted < 0 || (this.#counted >= this.#countedTo && limit > this.#countedTo)) {
      const failure = this.#failures?.description;
      if (failure !== undefined) throw failure;
      // "Empty?" then "shorter than 15?" are asked of the same issue: one count answers both.
      const to = Math.max(limit, MIN_WORDS_COUNTED);
      try {
        this.#counted = countWords(this.fields.description, to);
        this.#countedTo = to;
      } catch (error) {
        const wrapped = error instanceof Error ? error : new Error(String(error));
        (this.#failures ??= {}).description = wrapped;
        throw wrapped;
      }
    }
    return this.#counted;
  }
  get acceptanceCriteriaField(): DescriptionModel {
    if (this.#criteria === UNSET) this.#criteria = this.parse('criteria', this.mapped('acceptanceCriteria'));
    return this.#criteria;
  }
  get stepsToReproduceField(): DescriptionModel {
    if (this.#steps === UNSET) this.#steps = this.parse('steps', this.mapped('stepsToReproduce'));
    return this.#steps;
  }

  /** Parses once; a failure is remembered and rethrown to every rule that asks ("could not evaluate"). */
  private parse(which: 'description' | 'criteria' | 'steps', value: unknown): DescriptionModel {
    const failure = this.#failures?.[which];
    if (failure !== undefined) throw failure;
    try {
      return value === undefined || value === null ? EMPTY_DESCRIPTION : describe(value);
    } catch (error) {
      const wrapped = error instanceof Error ? error : new Error(String(error));
      (this.#failures ??= {})[which] = wrapped;
      throw wrapped;
    }
  }
}

/** `descriptionWords` counts at least this far: the built-in rules ask 1 ("empty?") and 15 ("short?"). */
const MIN_WORDS_COUNTED = 64;

/**
 * Derives the rule-facing view of one issue; `fieldMap` says where site-specific fields live. `readsBlocks`
 * tells, by lower-case issue type, whether some rule will read the description's blocks (default: always, the
 * safe answer; a wrong "no" costs a second reading, never a wrong result).
 */
export function viewIssue(
  issue: HygieneIssue,
  fieldMap: FieldMap = {},
  readsBlocks: (type: string) => boolean = always,
): IssueView {
  const fields = isRecord(issue.fields) ? issue.fields : {};
  return new LazyIssueView(issue, fields, fieldMap, readsBlocks);
}

/** The default of `viewIssue`: every issue's description blocks may be read. */
function always(): boolean {
  return true;
}
