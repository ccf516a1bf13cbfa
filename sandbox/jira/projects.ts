/**
 * Projects and permissions as Jira v3 serves them: `Project` JSON (with components and versions on the
 * single-project endpoint) and `mypermissions` answered per project for the acting user.
 */
import { jiraError, type SandboxRequest, type SandboxResponse } from '../http';
import { jiraUserJson } from '../users';
import type { JiraProject } from './model';
import { projectRefJson } from './render';
import type { JiraState } from './state';

/** A project in v3 `Project` shape; `detailed` adds components, versions and lead as `/project/{key}` does. */
export function projectJson(
  state: JiraState,
  project: JiraProject,
  detailed: boolean,
): Record<string, unknown> {
  const base = state.baseUrl;
  return {
    expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
    ...projectRefJson(project, base),
    style: 'classic',
    isPrivate: false,
    properties: {},
    ...(project.description !== undefined ? { description: project.description } : {}),
    ...(detailed
      ? {
          ...(project.lead ? { lead: jiraUserJson(project.lead, base) } : {}),
          components: project.components.map((component) => ({
            self: `${base}/rest/api/3/component/${component.id}`,
            id: component.id,
            name: component.name,
            project: project.key,
            projectId: Number(project.id),
          })),
          versions: project.versions.map((version) => ({
            self: `${base}/rest/api/3/version/${version.id}`,
            id: version.id,
            name: version.name,
            archived: version.archived,
            released: version.released,
            ...(version.releaseDate ? { releaseDate: version.releaseDate } : {}),
            projectId: Number(project.id),
          })),
          assigneeType: 'UNASSIGNED',
        }
      : {}),
  };
}

const PERMISSIONS: Record<
  string,
  { id: string; name: string; type: 'PROJECT' | 'GLOBAL'; description: string }
> = {
  BROWSE_PROJECTS: {
    id: '10',
    name: 'Browse Projects',
    type: 'PROJECT',
    description: 'Ability to browse projects and the issues within them.',
  },
  ADMINISTER_PROJECTS: {
    id: '23',
    name: 'Administer Projects',
    type: 'PROJECT',
    description: 'Ability to administer a project in Jira.',
  },
  EDIT_ISSUES: { id: '12', name: 'Edit Issues', type: 'PROJECT', description: 'Ability to edit issues.' },
  LINK_ISSUES: {
    id: '21',
    name: 'Link Issues',
    type: 'PROJECT',
    description: 'Ability to link issues together.',
  },
  ADMINISTER: {
    id: '0',
    name: 'Administer Jira',
    type: 'GLOBAL',
    description:
      'Create and administer projects, issue types, fields, workflows and schemes for all projects.',
  },
};

/** `GET /rest/api/3/mypermissions?permissions=A,B&projectKey=K` for the acting user. */
export function projectPermissionsJson(state: JiraState, request: SandboxRequest): SandboxResponse {
  const asked = (request.query.get('permissions') ?? '')
    .split(',')
    .map((key) => key.trim())
    .filter((key) => key !== '');
  if (asked.length === 0) return jiraError(400, 'The permissions query parameter was not provided.');
  const unknown = asked.find((key) => !(key in PERMISSIONS));
  if (unknown) return jiraError(404, `No project permissions with key ${unknown} could be found.`);
  // As Jira: an issue (by key or id) narrows the answer to its project, and one the user may not see is a 404.
  const issueRef = request.query.get('issueKey') ?? request.query.get('issueId');
  const issue = issueRef ? state.visibleIssue(request.user, issueRef) : undefined;
  if (issueRef && !issue)
    return jiraError(404, `Issue does not exist or you do not have permission to see it.`);
  const projectRef = issue?.projectKey ?? request.query.get('projectKey') ?? request.query.get('projectId');
  const project = projectRef ? state.projectByIdOrKey(projectRef) : undefined;
  if (projectRef && (!project || !state.canBrowse(request.user, project.key))) {
    return jiraError(404, `No project could be found with key '${projectRef}'.`);
  }
  const user = request.user;
  const projectKeys = project ? [project.key] : [...state.projects.keys()];
  const holds = (key: string): boolean => {
    switch (key) {
      case 'ADMINISTER':
        return user.isSiteAdmin;
      case 'ADMINISTER_PROJECTS':
        return projectKeys.some((projectKey) => state.canAdminister(user, projectKey));
      default:
        return projectKeys.some((projectKey) => state.canBrowse(user, projectKey));
    }
  };
  const permissions: Record<string, unknown> = {};
  for (const key of asked) {
    const definition = PERMISSIONS[key];
    if (!definition) continue;
    permissions[key] = { ...definition, key, havePermission: holds(key) };
  }
  return { status: 200, body: { permissions } };
}
