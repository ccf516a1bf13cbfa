/**
 * The two Jira Software agile endpoints the app reads: `GET /rest/agile/1.0/board` (optionally for one project)
 * and `GET /rest/agile/1.0/board/{boardId}/sprint`. Boards and sprints are not seeded separately: they are read
 * from the seeded issues' sprint field (`customfield_10020`: id, name, state, boardId, dates), so the sprints
 * served are exactly the ones issues name. A board lives in the project holding most of its sprints' issues
 * and is visible to whoever may browse that project. Responses follow the Jira Software spec (`Board` allows
 * no property beyond its own; `SprintBean` likewise).
 */
import { jiraError, type Router, type SandboxRequest, type SandboxResponse } from '../http';
import type { JiraProject } from './model';
import type { JiraState } from './state';

const PAGE_LIMIT = 50;

interface SprintRecord {
  readonly id: number;
  readonly name: string;
  readonly state: 'closed' | 'active' | 'future';
  readonly startDate?: string;
  readonly endDate?: string;
  readonly completeDate?: string;
  readonly goal?: string;
}

interface BoardRecord {
  readonly id: number;
  readonly name: string;
  /** Where the board lives. */
  readonly project: JiraProject;
  /** Every project whose issues are in the board's sprints (what `projectKeyOrId` matches). */
  readonly projectKeys: ReadonlySet<string>;
  readonly sprints: readonly SprintRecord[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

function sprintOf(raw: Record<string, unknown>): SprintRecord | undefined {
  const id = Number(raw['id']);
  const state = text(raw['state'])?.toLowerCase();
  if (!Number.isInteger(id) || (state !== 'closed' && state !== 'active' && state !== 'future'))
    return undefined;
  const optional = (name: 'startDate' | 'endDate' | 'completeDate' | 'goal') => {
    const value = text(raw[name]);
    return value === undefined ? {} : { [name]: value };
  };
  return {
    id,
    name: text(raw['name']) ?? `Sprint ${id}`,
    state,
    ...optional('startDate'),
    ...optional('endDate'),
    ...optional('completeDate'),
    ...optional('goal'),
  };
}

/** Boards and their sprints, read from every issue's sprint field. */
function readBoards(state: JiraState): BoardRecord[] {
  const sprintsByBoard = new Map<number, Map<number, SprintRecord>>();
  const issuesByBoard = new Map<number, Map<string, number>>();
  // Sprints an old site kept without a board (pre-2014 exports): placed below on their project's main board.
  const boardless = new Map<string, Map<number, SprintRecord>>();
  for (const issue of state.allIssues()) {
    const values = issue.fields['customfield_10020'];
    if (!Array.isArray(values)) continue;
    for (const value of values) {
      if (!isRecord(value)) continue;
      const boardId = Number(value['boardId'] ?? value['originBoardId']);
      const sprint = sprintOf(value);
      if (!sprint) continue;
      if (!Number.isInteger(boardId) || boardId <= 0) {
        const orphans = boardless.get(issue.projectKey) ?? new Map<number, SprintRecord>();
        orphans.set(sprint.id, sprint);
        boardless.set(issue.projectKey, orphans);
        continue;
      }
      const sprints = sprintsByBoard.get(boardId) ?? new Map<number, SprintRecord>();
      if (!sprints.has(sprint.id)) sprints.set(sprint.id, sprint);
      sprintsByBoard.set(boardId, sprints);
      const counts = issuesByBoard.get(boardId) ?? new Map<string, number>();
      counts.set(issue.projectKey, (counts.get(issue.projectKey) ?? 0) + 1);
      issuesByBoard.set(boardId, counts);
    }
  }
  for (const [projectKey, orphans] of boardless) {
    let home: number | undefined;
    let most = 0;
    for (const [boardId, counts] of issuesByBoard) {
      const count = counts.get(projectKey) ?? 0;
      if (count > most || (count === most && home !== undefined && boardId < home)) {
        home = boardId;
        most = count;
      }
    }
    if (home === undefined) continue;
    const sprints = sprintsByBoard.get(home) ?? new Map<number, SprintRecord>();
    for (const [id, sprint] of orphans) if (!sprints.has(id)) sprints.set(id, sprint);
  }
  const placed: { id: number; project: JiraProject; projectKeys: Set<string>; sprints: SprintRecord[] }[] =
    [];
  for (const [boardId, sprints] of sprintsByBoard) {
    const counts = [...(issuesByBoard.get(boardId) ?? new Map<string, number>())].sort(
      ([a, x], [b, y]) => y - x || a.localeCompare(b),
    );
    const project = state.projects.get(counts[0]?.[0] ?? '');
    if (!project) continue;
    // Jira lists a board's sprints in their order on the board: by start, unplanned future sprints last.
    const ordered = [...sprints.values()].sort(
      (a, b) => (a.startDate ?? '9999').localeCompare(b.startDate ?? '9999') || a.id - b.id,
    );
    placed.push({ id: boardId, project, projectKeys: new Set(counts.map(([key]) => key)), sprints: ordered });
  }
  placed.sort((a, b) => a.id - b.id);
  const perProject = new Map<string, number>();
  for (const board of placed) perProject.set(board.project.key, (perProject.get(board.project.key) ?? 0) + 1);
  return placed.map((board) => ({
    ...board,
    name:
      (perProject.get(board.project.key) ?? 0) > 1
        ? `${board.project.key} board ${board.id}`
        : `${board.project.key} board`,
  }));
}

/**
 * A 200 with one page of `items` as the agile API pages them (`startAt`, `maxResults` up to 50, `total`,
 * `isLast`), each item of the page shown by `show`.
 */
function page<T>(request: SandboxRequest, items: readonly T[], show: (item: T) => unknown): SandboxResponse {
  const startAt = Math.max(0, Number(request.query.get('startAt') ?? 0) || 0);
  const maxResults = Math.min(
    PAGE_LIMIT,
    Math.max(1, Number(request.query.get('maxResults') ?? PAGE_LIMIT) || PAGE_LIMIT),
  );
  const slice = items.slice(startAt, startAt + maxResults);
  return {
    status: 200,
    body: {
      maxResults,
      startAt,
      total: items.length,
      isLast: startAt + slice.length >= items.length,
      values: slice.map(show),
    },
  };
}

/** Registers the board and sprint routes of the Jira Software agile API. */
export function registerAgileRoutes(router: Router, state: JiraState): void {
  let cached: { version: number; boards: BoardRecord[] } | undefined;
  const boards = (): BoardRecord[] => {
    if (cached?.version !== state.version) cached = { version: state.version, boards: readBoards(state) };
    return cached.boards;
  };
  const visible = (request: SandboxRequest): BoardRecord[] =>
    boards().filter((board) => state.canBrowse(request.user, board.project.key));

  router.add('GET', '/rest/agile/1.0/board', (request): SandboxResponse => {
    let shown = visible(request);
    const projectKeyOrId = request.query.get('projectKeyOrId');
    if (projectKeyOrId) {
      const project = state.projectByIdOrKey(projectKeyOrId);
      if (!project || !state.canBrowse(request.user, project.key)) {
        return jiraError(400, `No project could be found with key or id '${projectKeyOrId}'.`);
      }
      shown = shown.filter((board) => board.projectKeys.has(project.key));
    }
    return page(request, shown, (board) => ({
      id: board.id,
      self: `${state.baseUrl}/rest/agile/1.0/board/${board.id}`,
      name: board.name,
      type: 'scrum',
      location: {
        projectId: Number(board.project.id),
        displayName: `${board.project.name} (${board.project.key})`,
        projectName: board.project.name,
        projectKey: board.project.key,
        projectTypeKey: 'software',
        name: `${board.project.name} (${board.project.key})`,
      },
    }));
  });

  router.add('GET', '/rest/agile/1.0/board/:boardId/sprint', (request): SandboxResponse => {
    const board = visible(request).find((entry) => String(entry.id) === request.params.boardId);
    if (!board) {
      return jiraError(404, 'Board does not exist or you do not have permission to see it.');
    }
    const states = (request.query.get('state') ?? '')
      .split(',')
      .map((value) => value.trim().toLowerCase())
      .filter((value) => value !== '');
    const sprints = board.sprints.filter((sprint) => states.length === 0 || states.includes(sprint.state));
    return page(request, sprints, (sprint) => ({
      ...sprint,
      self: `${state.baseUrl}/rest/agile/1.0/sprint/${sprint.id}`,
      originBoardId: board.id,
    }));
  });
}
