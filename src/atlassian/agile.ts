import { z } from 'zod';
import { send, type RetryPolicy, type SendOptions } from './request';
import type { Transport, TransportRequest } from './transport';

export interface JiraVersion {
  readonly id: string;
  readonly name: string;
  readonly releaseDate?: string | undefined;
  readonly released?: boolean | undefined;
  readonly archived?: boolean | undefined;
}

export interface JiraBoard {
  readonly id: number;
  readonly name: string;
  readonly type?: string | undefined;
}

export interface JiraSprint {
  readonly id: number;
  readonly name: string;
  readonly state?: string | undefined;
  readonly startDate?: string | undefined;
  readonly endDate?: string | undefined;
}

/** The agile API answers at most 50 boards or sprints a page. */
const AGILE_PAGE_SIZE = 50;
const versionSchema = z.object({
  id: z.string(),
  name: z.string(),
  releaseDate: z.string().optional(),
  released: z.boolean().optional(),
  archived: z.boolean().optional(),
});
const boardPageSchema = z.object({
  values: z
    .array(z.object({ id: z.number().int(), name: z.string(), type: z.string().optional() }))
    .default([]),
  isLast: z.boolean().optional(),
});
const sprintPageSchema = z.object({
  values: z
    .array(
      z.object({
        id: z.number().int(),
        name: z.string(),
        state: z.string().optional(),
        startDate: z.string().optional(),
        endDate: z.string().optional(),
      }),
    )
    .default([]),
  isLast: z.boolean().optional(),
});

/**
 * Jira's planning data: fix versions (REST v3) and Jira Software's boards and sprints (agile REST 1.0), read
 * to place a quarter's versions and sprints by their dates. Reached as `JiraClient.agile`.
 */
export class JiraAgileClient {
  constructor(
    private readonly transport: Transport,
    private readonly retry: Partial<RetryPolicy> | undefined,
  ) {}

  private async call<S extends z.ZodType>(
    schema: S,
    request: Omit<TransportRequest, 'product'>,
  ): Promise<z.output<S>> {
    const sendOptions: SendOptions = this.retry ? { retry: this.retry } : {};
    const response = await send(this.transport, { product: 'jira', ...request }, sendOptions);
    return schema.parse(response.body);
  }

  /** Every version of a project (fix versions), with its release date when one is set. */
  async projectVersions(projectIdOrKey: string): Promise<JiraVersion[]> {
    return this.call(z.array(versionSchema), {
      method: 'GET',
      path: `/rest/api/3/project/${encodeURIComponent(projectIdOrKey)}/versions`,
    });
  }

  /** The Jira Software boards the user can see, all of them or those of one project, page after page. */
  async boards(options: { projectKeyOrId?: string } = {}): Promise<JiraBoard[]> {
    const boards: JiraBoard[] = [];
    for (let startAt = 0; ;) {
      const page = await this.call(boardPageSchema, {
        method: 'GET',
        path: '/rest/agile/1.0/board',
        query: { startAt, maxResults: AGILE_PAGE_SIZE, projectKeyOrId: options.projectKeyOrId },
      });
      boards.push(...page.values);
      startAt += page.values.length;
      if (page.isLast !== false || page.values.length === 0) return boards;
    }
  }

  /** The sprints of a board, page after page; a board without sprints (kanban) answers 400 and has none. */
  async boardSprints(boardId: number): Promise<JiraSprint[]> {
    const sprints: JiraSprint[] = [];
    for (let startAt = 0; ;) {
      const response = await send(
        this.transport,
        {
          product: 'jira',
          method: 'GET',
          path: `/rest/agile/1.0/board/${encodeURIComponent(String(boardId))}/sprint`,
          query: { startAt, maxResults: AGILE_PAGE_SIZE },
        },
        { acceptStatuses: [400], ...(this.retry ? { retry: this.retry } : {}) },
      );
      if (response.status === 400) return sprints;
      const page = sprintPageSchema.parse(response.body);
      sprints.push(...page.values);
      startAt += page.values.length;
      if (page.isLast !== false || page.values.length === 0) return sprints;
    }
  }
}
