/**
 * The team of an issue, along the dimension the user picked: its project (default), first component, the
 * Atlassian Team field, a label with a given prefix ("team-payments" → "payments"), or any custom field.
 */

export type TeamBy =
  | { readonly kind: 'project' }
  | { readonly kind: 'component' }
  | { readonly kind: 'team'; readonly fieldId: string }
  | { readonly kind: 'label'; readonly prefix: string }
  | { readonly kind: 'field'; readonly fieldId: string };

/** A team dimension before the site's Team field id is known (`team`), as users type it. */
export type TeamByOption =
  | { readonly kind: 'project' }
  | { readonly kind: 'component' }
  | { readonly kind: 'team' }
  | { readonly kind: 'label'; readonly prefix: string }
  | { readonly kind: 'field'; readonly fieldId: string };

/** Parses `project`, `component`, `team`, `label:<prefix>` or `field:<id>`; `null` when it is none of these. */
export function parseTeamBy(text: string): TeamByOption | null {
  const value = text.trim();
  if (value === 'project' || value === 'component' || value === 'team') return { kind: value };
  const match = /^(label|field):(.+)$/.exec(value);
  if (!match?.[2]) return null;
  const argument = match[2].trim();
  if (argument === '') return null;
  return match[1] === 'label' ? { kind: 'label', prefix: argument } : { kind: 'field', fieldId: argument };
}

/** The issue fields a team dimension needs. */
export function teamFields(teamBy: TeamBy): string[] {
  switch (teamBy.kind) {
    case 'project':
      return ['project'];
    case 'component':
      return ['components'];
    case 'label':
      return ['labels'];
    case 'team':
    case 'field':
      return [teamBy.fieldId];
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/**
 * The readable text of a field value of any common shape: string, number, option `{value}`, named entity
 * `{name}` (team, component, version), user `{displayName}`, project `{key}`; arrays give their first value.
 */
export function fieldText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    for (const item of value) {
      const text = fieldText(item);
      if (text !== null) return text;
    }
    return null;
  }
  if (!isRecord(value)) return null;
  for (const property of ['title', 'name', 'value', 'displayName', 'key']) {
    const text = value[property];
    if (typeof text === 'string' && text.trim() !== '') return text.trim();
  }
  return null;
}

/** The team of an issue, or `null` when the dimension has no value on it. */
export function teamOf(fields: Record<string, unknown>, teamBy: TeamBy, issueKey: string): string | null {
  switch (teamBy.kind) {
    case 'project': {
      const project = fields['project'];
      if (isRecord(project) && typeof project['key'] === 'string') return project['key'];
      // The key's prefix is the project key: enough when the project field was not asked for.
      const dash = issueKey.lastIndexOf('-');
      return dash > 0 ? issueKey.slice(0, dash) : null;
    }
    case 'component': {
      const components = fields['components'];
      if (!Array.isArray(components)) return null;
      const names = components.map(fieldText).filter((name): name is string => name !== null);
      return names.sort((a, b) => a.localeCompare(b))[0] ?? null;
    }
    case 'label': {
      const labels = fields['labels'];
      if (!Array.isArray(labels)) return null;
      const prefix = teamBy.prefix.toLowerCase();
      const found = labels
        .filter((label): label is string => typeof label === 'string')
        .filter((label) => label.toLowerCase().startsWith(prefix) && label.length > prefix.length)
        .sort()[0];
      return found === undefined ? null : found.slice(prefix.length);
    }
    case 'team':
    case 'field':
      // The field id is typed by the user: `field:__proto__` must read nothing, not Object.prototype.
      return Object.hasOwn(fields, teamBy.fieldId) ? fieldText(fields[teamBy.fieldId]) : null;
  }
}

/** A field as `/rest/api/3/field` describes it, as far as picking a team dimension needs. */
export interface FieldDescription {
  readonly id: string;
  readonly name: string;
  readonly custom: boolean;
  readonly schema?: { readonly type?: string; readonly items?: string; readonly custom?: string } | undefined;
}

/** Custom field shapes whose value reads as a team name (option, text, team, user, a list of options). */
const TEAM_LIKE_TYPES = new Set(['option', 'string', 'team', 'user', 'option-with-child', 'group']);

/**
 * The custom fields a site could hold its teams in, by name: those whose value is a choice, a text, a team, a
 * user or a list of these; numbers, dates, sprints and long texts (paragraph fields) are left out. Names repeat
 * on real sites, so each keeps its id.
 */
export function teamFieldChoices(fields: readonly FieldDescription[]): { id: string; name: string }[] {
  return fields
    .filter((field) => {
      if (!field.custom || field.schema?.custom?.endsWith(':textarea') === true) return false;
      const type = field.schema?.type ?? '';
      return type === 'array' ? TEAM_LIKE_TYPES.has(field.schema?.items ?? '') : TEAM_LIKE_TYPES.has(type);
    })
    .map(({ id, name }) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
