import { z } from 'zod';
import type { JiraClient } from '../../atlassian/jira';
import { chunksOf } from '../../atlassian/request';
import type { JobContext } from './jobs';

/** Pages of 5000 ids one listing event reads before handing on: 20,000 ids, 100 parts, two pushes. */
const LIST_PAGES_PER_STEP = 4;
/**
 * Part events the listing pushes a minute at most. Forge counts events when they are pushed (500 a minute per
 * installation), whatever their delay, and a listing step takes a second or two: the next one waits its turn.
 */
const LISTED_PARTS_PER_MINUTE = 300;

const listDataSchema = z.object({
  token: z.string().optional(),
  step: z.number().int().min(0).default(0),
  offset: z.number().int().min(0).default(0),
});

/**
 * A job's `list` step: reads a few pages of `jql`'s ids (`search/jql`), plans a part of `partSize` ids per event,
 * and queues itself again with the page token while Jira has more. A scope of any size is listed this way
 * without one invocation reading it all.
 */
export async function listIdsStep<P>(
  context: JobContext<P>,
  jira: Pick<JiraClient, 'idPage'>,
  jql: string,
  data: Record<string, unknown>,
  partSize: number,
): Promise<void> {
  const { token, step, offset } = listDataSchema.parse(data);
  const ids: string[] = [];
  let next = token;
  for (let page = 0; page < LIST_PAGES_PER_STEP; page += 1) {
    const answer = await jira.idPage(jql, { nextPageToken: next });
    ids.push(...answer.ids);
    next = answer.nextPageToken;
    if (next === undefined) break;
  }
  const parts = chunksOf(ids, partSize).map((partIds, index) => ({
    id: `${String(step).padStart(4, '0')}-${String(index).padStart(3, '0')}`,
    items: partIds.length,
    data: { ids: partIds },
  }));
  await context.plan(parts, { step, offset, items: ids.length, last: next === undefined });
  if (next !== undefined)
    await context.next(
      'list',
      { token: next, step: step + 1, offset: offset + parts.length },
      (60 * parts.length) / LISTED_PARTS_PER_MINUTE,
    );
}
