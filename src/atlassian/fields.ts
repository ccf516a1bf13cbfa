import type { JiraField } from './jira';

/** The custom fields a site uses for agile data; their ids differ from site to site. */
export interface DiscoveredFields {
  storyPoints?: string;
  sprint?: string;
  team?: string;
  flagged?: string;
  acceptanceCriteria?: string;
}

const STORY_POINTS_TYPE = 'com.pyxis.greenhopper.jira:jsw-story-points';
const SPRINT_TYPE = 'com.pyxis.greenhopper.jira:gh-sprint';
const TEAM_TYPE = 'com.atlassian.jira.plugin.system.customfieldtypes:atlassian-team';
const normalise = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
const ACCEPTANCE_NAMES = new Set([
  'acceptance criteria',
  'acceptance criterion',
  'criteres d acceptation',
  'critere d acceptation',
]);

/**
 * Finds the custom fields that hold story points, sprint, team, the flag and acceptance criteria, by their
 * schema type where Jira gives one (field names are translated and renamed by admins), by name otherwise.
 */
export function discoverFields(fields: readonly JiraField[]): DiscoveredFields {
  const found: DiscoveredFields = {};
  const byType = (type: string): string | undefined =>
    fields.find((field) => field.schema?.custom === type)?.id;
  const byName = (names: Set<string>): string | undefined =>
    fields.find((field) => names.has(normalise(field.name)))?.id;

  const storyPoints =
    byType(STORY_POINTS_TYPE) ??
    fields.find((field) => normalise(field.name) === 'story points' && field.schema?.type === 'number')?.id;
  if (storyPoints) found.storyPoints = storyPoints;
  const sprint = byType(SPRINT_TYPE);
  if (sprint) found.sprint = sprint;
  const team = byType(TEAM_TYPE);
  if (team) found.team = team;
  const flagged = byName(new Set(['flagged']));
  if (flagged) found.flagged = flagged;
  const acceptance = byName(ACCEPTANCE_NAMES);
  if (acceptance) found.acceptanceCriteria = acceptance;
  return found;
}
