/**
 * The sandbox's field catalogue (`GET /rest/api/3/field`) with Jira Cloud's real schemas, so that the app
 * discovers story points, sprint and team by schema custom type as it must on a real site, and the
 * `fields=` selection rules (`*all`, `*navigable`, explicit ids, `-field` exclusions).
 */

export interface FieldDefinition {
  readonly id: string;
  readonly name: string;
  readonly custom: boolean;
  readonly navigable: boolean;
  readonly clauseNames: readonly string[];
  readonly schema: {
    readonly type: string;
    readonly items?: string;
    readonly system?: string;
    readonly custom?: string;
    readonly customId?: number;
  };
}

function system(
  id: string,
  name: string,
  type: string,
  clauseNames: readonly string[] = [id],
  items?: string,
): FieldDefinition {
  return {
    id,
    name,
    custom: false,
    navigable: true,
    clauseNames,
    schema: { type, ...(items ? { items } : {}), system: id },
  };
}

function custom(
  id: string,
  name: string,
  type: string,
  customType: string,
  clauseNames: readonly string[],
  items?: string,
): FieldDefinition {
  const customId = Number(id.replace('customfield_', ''));
  return {
    id,
    name,
    custom: true,
    navigable: true,
    clauseNames: [...clauseNames, `cf[${customId}]`],
    schema: { type, ...(items ? { items } : {}), custom: customType, customId },
  };
}

/** Well-known custom field ids of the sandbox (the app must still find them through `/field`). */
export const CUSTOM_FIELDS = {
  sprint: 'customfield_10020',
  storyPoints: 'customfield_10016',
  team: 'customfield_10001',
  flagged: 'customfield_10021',
  acceptanceCriteria: 'customfield_10050',
} as const;

export const FIELDS: readonly FieldDefinition[] = [
  system('summary', 'Summary', 'string'),
  system('description', 'Description', 'string'),
  system('issuetype', 'Issue Type', 'issuetype', ['issuetype', 'type']),
  system('status', 'Status', 'status'),
  system('statusCategory', 'Status Category', 'statusCategory'),
  system('resolution', 'Resolution', 'resolution'),
  system('resolutiondate', 'Resolved', 'datetime', ['resolutiondate', 'resolved']),
  system('assignee', 'Assignee', 'user'),
  system('reporter', 'Reporter', 'user'),
  system('created', 'Created', 'datetime', ['created', 'createdDate']),
  system('updated', 'Updated', 'datetime', ['updated', 'updatedDate']),
  system('duedate', 'Due date', 'date', ['due', 'duedate']),
  system('priority', 'Priority', 'priority'),
  system('labels', 'Labels', 'array', ['labels'], 'string'),
  system('components', 'Components', 'array', ['component'], 'component'),
  system('fixVersions', 'Fix versions', 'array', ['fixVersion'], 'version'),
  system('parent', 'Parent', 'issuelink', ['parent']),
  system('issuelinks', 'Linked Issues', 'array', ['issueLink'], 'issuelinks'),
  system('subtasks', 'Sub-tasks', 'array', ['subtasks'], 'issuelinks'),
  system('project', 'Project', 'project'),
  system('statuscategorychangedate', 'Status Category Changed', 'datetime', ['statusCategoryChangedDate']),
  custom(
    CUSTOM_FIELDS.sprint,
    'Sprint',
    'array',
    'com.pyxis.greenhopper.jira:gh-sprint',
    ['Sprint', 'sprint'],
    'json',
  ),
  custom(
    CUSTOM_FIELDS.storyPoints,
    'Story point estimate',
    'number',
    'com.pyxis.greenhopper.jira:jsw-story-points',
    ['Story point estimate'],
  ),
  custom(
    CUSTOM_FIELDS.team,
    'Team',
    'team',
    'com.atlassian.jira.plugin.system.customfieldtypes:atlassian-team',
    ['Team', 'team'],
  ),
  custom(
    CUSTOM_FIELDS.flagged,
    'Flagged',
    'array',
    'com.atlassian.jira.plugin.system.customfieldtypes:multicheckboxes',
    ['Flagged', 'flagged'],
    'option',
  ),
  custom(
    CUSTOM_FIELDS.acceptanceCriteria,
    'Acceptance criteria',
    'string',
    'com.atlassian.jira.plugin.system.customfieldtypes:textarea',
    ['Acceptance criteria'],
  ),
];

const FIELD_IDS = new Set(FIELDS.map((field) => field.id));

/** The `/rest/api/3/field` entry of a field, in Jira's `FieldDetails` shape. */
export function fieldJson(field: FieldDefinition): Record<string, unknown> {
  return {
    id: field.id,
    key: field.id,
    name: field.name,
    custom: field.custom,
    orderable: field.id !== 'statusCategory' && field.id !== 'issuelinks',
    navigable: field.navigable,
    searchable: true,
    clauseNames: field.clauseNames,
    schema: field.schema,
  };
}

/** Which fields to return: `undefined` means every known field. */
export interface FieldSelection {
  readonly include: ReadonlySet<string>;
}

/**
 * Parses a `fields` parameter (comma-separated and/or repeated) the way Jira does: `*all`, `*navigable`,
 * explicit ids, `-id` exclusions; only exclusions start from `fallback`. `id` and `key` are not fields.
 */
export function selectFields(
  requested: readonly string[],
  fallback: '*all' | '*navigable' | 'none',
): FieldSelection {
  const tokens = requested
    .flatMap((entry) => entry.split(','))
    .map((token) => token.trim())
    .filter((token) => token !== '');
  const positives = tokens.filter((token) => !token.startsWith('-'));
  const include = new Set<string>();
  const base = positives.length > 0 ? positives : fallback === 'none' ? [] : [fallback];
  for (const token of base) {
    if (token === '*all' || token === '*navigable') for (const id of FIELD_IDS) include.add(id);
    else if (FIELD_IDS.has(token)) include.add(token);
  }
  // statusCategory is not a field Jira returns on issues; it lives inside status.
  include.delete('statusCategory');
  for (const token of tokens) if (token.startsWith('-')) include.delete(token.slice(1));
  return { include };
}

/** True when the selection asks for no field beyond id/key: Jira then allows pages of 5000. */
export function asksOnlyIdentifiers(requested: readonly string[]): boolean {
  const tokens = requested
    .flatMap((entry) => entry.split(','))
    .map((token) => token.trim())
    .filter((token) => token !== '');
  return tokens.every((token) => token === 'id' || token === 'key');
}
