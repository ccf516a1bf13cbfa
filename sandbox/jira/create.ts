import { z } from 'zod';
import type { Router, SandboxResponse } from '../http';
import { statusJson } from './catalogue';
import type { JiraState } from './state';

/**
 * `POST /rest/api/3/issue`: creates an issue from a summary, an issue type and optionally a description, labels
 * and a parent, as the playground needs to show what the app does with a new issue. Jira's `update` operations and
 * other fields are not emulated: a body carrying them is refused, not half applied.
 */
const CreateBody = z
  .object({
    fields: z
      .object({
        project: z.object({ key: z.string().optional(), id: z.string().optional() }).loose(),
        issuetype: z.object({ name: z.string().optional(), id: z.string().optional() }).loose(),
        summary: z.string().trim().min(1).max(255),
        description: z
          .object({ type: z.literal('doc'), version: z.literal(1), content: z.array(z.unknown()) })
          .nullable()
          .optional(),
        labels: z.array(z.string().regex(/^\S+$/)).optional(),
        parent: z.object({ key: z.string().optional(), id: z.string().optional() }).loose().optional(),
      })
      .strict(),
  })
  .strict();

/** Jira's 400 for a create: `errors` names each field it refuses. */
function refused(errors: Record<string, string>): SandboxResponse {
  return { status: 400, body: { errorMessages: [], errors } };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Registers the create route; the issue type must be one the project's issues already have. */
export function registerCreateRoute(router: Router, state: JiraState): void {
  router.add('POST', '/rest/api/3/issue', (request) => {
    const parsed = CreateBody.safeParse(request.body);
    if (!parsed.success) return refused({ fields: 'The request body is not a valid issue to create.' });
    const { fields } = parsed.data;
    const projectRef = fields.project.key ?? fields.project.id;
    const project = projectRef === undefined ? undefined : state.projectByIdOrKey(projectRef);
    // Jira names a project the person may not browse exactly as one that does not exist.
    if (!project || !state.canBrowse(request.user, project.key))
      return refused({ project: 'Specify a valid project ID or key' });
    const issues = state.issuesInProject(project.key);
    const { id: typeId, name: typeName } = fields.issuetype;
    const typed = issues.find((issue) => {
      const type = issue.fields.issuetype;
      return (
        isRecord(type) &&
        ((typeId !== undefined && type.id === typeId) ||
          (typeName !== undefined && String(type.name).toLowerCase() === typeName.toLowerCase()))
      );
    });
    if (!typed) return refused({ issuetype: 'Specify an issue type' });
    const parentRef = fields.parent?.key ?? fields.parent?.id;
    const parent = parentRef === undefined ? undefined : state.visibleIssue(request.user, parentRef);
    if (parentRef !== undefined && !parent)
      return refused({ parent: `Issue '${parentRef}' can't be found.` });
    const created = state.createIssue(
      project.key,
      {
        summary: fields.summary,
        issuetype: typed.fields.issuetype,
        // A new issue starts in the first status of the demo's workflows.
        status: statusJson('To Do', state.baseUrl),
        description: fields.description ?? null,
        labels: fields.labels ?? [],
        assignee: null,
        // As Jira renders a parent: its id, key and a few fields.
        ...(parent
          ? {
              parent: {
                id: parent.id,
                key: parent.key,
                fields: {
                  summary: parent.fields.summary,
                  status: parent.fields.status,
                  priority: parent.fields.priority,
                  issuetype: parent.fields.issuetype,
                },
              },
            }
          : {}),
      },
      request.user,
    );
    return {
      status: 201,
      body: { id: created.id, key: created.key, self: `${state.baseUrl}/rest/api/3/issue/${created.id}` },
    };
  });
}
