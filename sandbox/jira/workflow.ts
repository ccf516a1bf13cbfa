/**
 * Workflows in the sandbox: each project has one simplified workflow whose statuses are the demo's four plus any
 * its issues are in, with a global transition into each (named as its status, as Jira's simplified workflows
 * do). Transitions call the app's installed workflow validators with the event Jira gives a Forge
 * `jira:workflowValidator` function, and a refusal answers as Jira does: 400 with the validator's message.
 */
import { z } from 'zod';
import { jiraError, type Router, type SandboxResponse } from '../http';
import type { SandboxUser } from '../users';
import { statusJson } from './catalogue';
import type { IssueRecord } from './model';
import type { JiraState } from './state';

/** What Jira passes a validator function (Forge manifest reference, `jira:workflowValidator`). */
export interface ValidatorEvent {
  readonly issue: { readonly key: string };
  readonly transition: { readonly from: { readonly id: string }; readonly to: { readonly id: string } };
}

export type WorkflowValidator = (
  event: ValidatorEvent,
) => Promise<{ result: boolean; errorMessage?: string | undefined }>;

/** Statuses of every sandbox workflow, before those a seed's issues add. */
const BASE_STATUSES = ['To Do', 'In Progress', 'In Review', 'Done'];

/** Jira's words when a validator gives no message, or cannot be run. */
const VALIDATION_FAILED = 'The transition was refused by a workflow validator.';

const validatorsOf = new WeakMap<JiraState, Set<WorkflowValidator>>();

/**
 * Adds `validator` to every transition of every workflow, as a Jira administrator adding an app's validator to
 * the transitions they gate; returns the way to remove it (an uninstall).
 */
export function installWorkflowValidator(state: JiraState, validator: WorkflowValidator): () => void {
  let validators = validatorsOf.get(state);
  if (validators === undefined) {
    validators = new Set();
    validatorsOf.set(state, validators);
  }
  validators.add(validator);
  return () => validators.delete(validator);
}

const StatusJson = z
  .object({ id: z.string(), name: z.string(), statusCategory: z.object({ key: z.string() }).loose() })
  .loose();
type StatusJson = z.output<typeof StatusJson>;

function statusOf(issue: IssueRecord): StatusJson | undefined {
  const parsed = StatusJson.safeParse(issue.fields.status);
  return parsed.success ? parsed.data : undefined;
}

/** The project's workflow statuses as v3 status JSON, each once, the demo's four first. */
function workflowStatuses(state: JiraState, projectKey: string): StatusJson[] {
  const names = new Map(BASE_STATUSES.map((name) => [name.toLowerCase(), name]));
  for (const issue of state.issuesInProject(projectKey)) {
    const name = statusOf(issue)?.name;
    if (name !== undefined && !names.has(name.toLowerCase())) names.set(name.toLowerCase(), name);
  }
  return [...names.values()].map((name) => StatusJson.parse(statusJson(name, state.baseUrl)));
}

/** A transition's id: stable per target status, numeric as Jira's are. */
const transitionIdOf = (statusId: string): string => String(Number(statusId) * 10 + 1);

function transitionsOf(state: JiraState, issue: IssueRecord) {
  const current = statusOf(issue)?.id;
  return workflowStatuses(state, issue.projectKey)
    .filter((status) => status.id !== current)
    .map((status) => ({
      id: transitionIdOf(status.id),
      name: status.name,
      to: status,
      hasScreen: false,
      isGlobal: true,
      isInitial: false,
      isAvailable: true,
      isConditional: false,
      looped: false,
    }));
}

const TransitionBody = z
  .object({
    transition: z.object({ id: z.string().optional() }).loose().optional(),
    fields: z.record(z.string(), z.unknown()).optional(),
    update: z.record(z.string(), z.unknown()).optional(),
  })
  .loose();

/** Runs the installed validators in turn; the first refusal stops the transition, as in Jira. */
async function validate(state: JiraState, event: ValidatorEvent): Promise<string | undefined> {
  for (const validator of validatorsOf.get(state) ?? []) {
    let verdict: Awaited<ReturnType<WorkflowValidator>>;
    try {
      verdict = await validator(event);
    } catch {
      // Jira counts a validator that cannot be evaluated as a failed one.
      return VALIDATION_FAILED;
    }
    if (!verdict.result) return verdict.errorMessage ?? VALIDATION_FAILED;
  }
  return undefined;
}

async function transition(state: JiraState, issue: IssueRecord, body: unknown, user: SandboxUser) {
  const parsed = TransitionBody.safeParse(body ?? {});
  if (!parsed.success) return jiraError(400, 'The request body is not a valid transition.');
  const id = parsed.data.transition?.id;
  if (id === undefined) return jiraError(400, "Missing 'transition' identifier");
  const chosen = transitionsOf(state, issue).find((candidate) => candidate.id === id);
  if (chosen === undefined) return jiraError(400, `Transition id '${id}' is not valid for this issue.`);
  // The sandbox's transitions have no screen: a field set with them is refused, as Jira refuses a field that
  // is not on the transition's screen.
  const screenFields = [...Object.keys(parsed.data.fields ?? {}), ...Object.keys(parsed.data.update ?? {})];
  if (screenFields.length > 0) {
    const errors = Object.fromEntries(
      screenFields.map((field) => [
        field,
        `Field '${field}' cannot be set. It is not on the appropriate screen, or unknown.`,
      ]),
    );
    return { status: 400, body: { errorMessages: [], errors } };
  }
  const from = statusOf(issue);
  const to = chosen.to;
  const refusal = await validate(state, {
    issue: { key: issue.key },
    transition: { from: { id: from?.id ?? '' }, to: { id: to.id } },
  });
  if (refusal !== undefined) return jiraError(400, refusal);
  const now = state.now().toISOString().replace('Z', '+0000');
  const category = to.statusCategory.key;
  const fields: Record<string, unknown> = { status: to };
  if (from?.statusCategory.key !== category) fields.statuscategorychangedate = now;
  // Jira's simplified workflows set a resolution on entering a done status and clear it on leaving one.
  if (category === 'done' && issue.fields.resolution == null) {
    fields.resolution = { id: '10000', name: 'Done', description: 'Resolved as Done.' };
    fields.resolutiondate = now;
  } else if (category !== 'done' && issue.fields.resolution != null) {
    fields.resolution = null;
    fields.resolutiondate = null;
  }
  state.updateFields(issue, fields, user);
  return { status: 204, body: undefined } satisfies SandboxResponse;
}

const IssueTypeJson = z.object({ id: z.string(), name: z.string(), subtask: z.boolean().default(false) });

const ISSUE_NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';
const PROJECT_NOT_FOUND = 'No project could be found with key';

/** Registers the workflow endpoints: project statuses, an issue's transitions, and transitioning. */
export function registerWorkflowRoutes(router: Router, state: JiraState): void {
  router.add('GET', '/rest/api/3/project/:projectIdOrKey/statuses', (request) => {
    const key = request.params.projectIdOrKey ?? '';
    const project = state.projectByIdOrKey(key);
    if (!project || !state.canBrowse(request.user, project.key))
      return jiraError(404, `${PROJECT_NOT_FOUND} '${key}'.`);
    const statuses = workflowStatuses(state, project.key);
    // One entry per issue type the project's issues have, each with the project's one workflow.
    const types = new Map<string, { id: string; name: string; subtask: boolean }>();
    for (const issue of state.issuesInProject(project.key)) {
      const type = IssueTypeJson.safeParse(issue.fields.issuetype);
      if (type.success && !types.has(type.data.id)) types.set(type.data.id, type.data);
    }
    const body = [...types.values()].map((type) => ({
      id: type.id,
      name: type.name,
      self: `${state.baseUrl}/rest/api/3/issuetype/${type.id}`,
      subtask: type.subtask,
      statuses,
    }));
    return { status: 200, body };
  });

  router.add('GET', '/rest/api/3/issue/:issueIdOrKey/transitions', (request) => {
    const issue = state.visibleIssue(request.user, request.params.issueIdOrKey ?? '');
    if (!issue) return jiraError(404, ISSUE_NOT_FOUND);
    return { status: 200, body: { transitions: transitionsOf(state, issue) } };
  });

  router.add('POST', '/rest/api/3/issue/:issueIdOrKey/transitions', async (request) => {
    const issue = state.visibleIssue(request.user, request.params.issueIdOrKey ?? '');
    if (!issue) return jiraError(404, ISSUE_NOT_FOUND);
    return transition(state, issue, request.body, request.user);
  });
}
