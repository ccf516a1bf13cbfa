/**
 * `GET /rest/api/3/project/{projectIdOrKey}/versions`: a project's versions as Jira Cloud serves them (the
 * v3 `Version` shape), the same versions the seeded issues name in `fixVersions`. A project the user may not
 * browse answers 404, as Jira does.
 */
import { jiraError, type Router } from '../http';
import type { JiraState } from './state';

/** "30/Sep/26", the user-facing date Jira adds beside `releaseDate`. */
function userDate(isoDay: string): string {
  const [year, month, day] = isoDay.split('-');
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${Number(day)}/${months[Number(month) - 1] ?? ''}/${(year ?? '').slice(2)}`;
}

/** Registers the project versions route. */
export function registerVersionRoutes(router: Router, state: JiraState): void {
  router.add('GET', '/rest/api/3/project/:projectIdOrKey/versions', (request) => {
    const idOrKey = request.params.projectIdOrKey ?? '';
    const project = state.projectByIdOrKey(idOrKey);
    if (!project || !state.canBrowse(request.user, project.key)) {
      return jiraError(404, `No project could be found with key '${idOrKey}'.`);
    }
    const today = state.now().toISOString().slice(0, 10);
    return {
      status: 200,
      body: project.versions.map((version) => ({
        self: `${state.baseUrl}/rest/api/3/version/${version.id}`,
        id: version.id,
        name: version.name,
        archived: version.archived,
        released: version.released,
        ...(version.releaseDate
          ? {
              releaseDate: version.releaseDate,
              userReleaseDate: userDate(version.releaseDate),
              overdue: !version.released && version.releaseDate < today,
            }
          : {}),
        projectId: Number(project.id),
      })),
    };
  });
}
