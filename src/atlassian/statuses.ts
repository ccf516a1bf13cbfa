import { z } from 'zod';
import { send } from './request';
import type { Transport } from './transport';

/** A workflow status with its category (`new`, `indeterminate`, `done`), as Jira's status JSON carries it. */
export interface JiraStatus {
  readonly id: string;
  readonly name: string;
  readonly category: 'new' | 'indeterminate' | 'done';
}

const statusSchema = z.object({
  id: z.string(),
  name: z.string(),
  statusCategory: z.object({ key: z.string() }).loose().optional(),
});

const issueTypeStatusesSchema = z.array(
  z.object({ id: z.string(), name: z.string(), statuses: z.array(statusSchema) }).loose(),
);

/** `undefined` category keys (Jira's `undefined` category) count as not started. */
function categoryOf(key: string | undefined): JiraStatus['category'] {
  return key === 'indeterminate' || key === 'done' ? key : 'new';
}

/**
 * The statuses of a project's workflows, each once, in Jira's order: `GET /rest/api/3/project/{key}/statuses`
 * answers them per issue type, and most types share a workflow.
 */
export async function projectStatuses(transport: Transport, projectKey: string): Promise<JiraStatus[]> {
  const response = await send(transport, {
    product: 'jira',
    method: 'GET',
    path: `/rest/api/3/project/${encodeURIComponent(projectKey)}/statuses`,
  });
  const byId = new Map<string, JiraStatus>();
  for (const type of issueTypeStatusesSchema.parse(response.body)) {
    for (const status of type.statuses) {
      if (!byId.has(status.id))
        byId.set(status.id, {
          id: status.id,
          name: status.name,
          category: categoryOf(status.statusCategory?.key),
        });
    }
  }
  return [...byId.values()];
}
