/**
 * The sandbox's fix versions and Jira Software boards / sprints, which a quarter by fix version or by sprint
 * reads: validated against Atlassian's specs, and consistent with what the seeded issues name.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';
import { SHARED, SPECS, validateComponent, validateResponse } from '../../contract/helpers/openapi';

const TIDEV = path.join(SHARED, 'data', 'tidev', 'issues.jsonl.gz');
const CONTRACTOR = 'alex.contractor@example.com';
let demo: RunningSandbox;
let tidev: RunningSandbox;

beforeAll(async () => {
  [demo, tidev] = await Promise.all([
    startSandbox({ port: 0, seeds: ['demo'], now: new Date('2026-11-16T09:00:00Z') }),
    startSandbox({ port: 0, seeds: [TIDEV] }),
  ]);
}, 120_000);
afterAll(async () => {
  await Promise.all([demo.close(), tidev.close()]);
});

interface Answer {
  readonly status: number;
  readonly body: unknown;
}

async function get(sandbox: RunningSandbox, pathAndQuery: string, actAs?: string): Promise<Answer> {
  const response = await fetch(`${sandbox.url}${pathAndQuery}`, {
    headers: actAs ? { 'x-sandbox-act-as': actAs } : {},
  });
  return { status: response.status, body: await response.json() };
}

interface Page<T> {
  readonly values: T[];
  readonly isLast: boolean;
  readonly total: number;
}
interface Sprint {
  readonly id: number;
  readonly name: string;
  readonly state: string;
  readonly startDate?: string;
  readonly endDate?: string;
  readonly originBoardId: number;
}
const page = <T>(answer: Answer): Page<T> => answer.body as Page<T>;

/** Issues of a JQL, with the fields asked, through the sandbox's search. */
async function search(
  sandbox: RunningSandbox,
  jql: string,
  fields: string,
): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  let token = '';
  for (;;) {
    const query = new URLSearchParams({
      jql,
      fields,
      maxResults: '100',
      ...(token ? { nextPageToken: token } : {}),
    });
    const body = (await get(sandbox, `/rest/api/3/search/jql?${query.toString()}`)).body as {
      issues: { fields: Record<string, unknown> }[];
      nextPageToken?: string;
    };
    found.push(...body.issues.map((issue) => issue.fields));
    if (!body.nextPageToken) return found;
    token = body.nextPageToken;
  }
}

describe('project versions in the sandbox', () => {
  it('lists the demo project’s three quarterly versions with their release dates, as the spec describes', async () => {
    const answer = await get(demo, '/rest/api/3/project/PAY/versions');
    expect(answer.status).toBe(200);
    expect(
      validateResponse(SPECS.jira, 'GET', '/rest/api/3/project/{projectIdOrKey}/versions', 200, answer.body)
        .errors,
    ).toEqual([]);
    expect(answer.body).toMatchObject([
      { name: '2026-Q3', releaseDate: '2026-09-30', released: true },
      { name: '2026-Q4', releaseDate: '2026-12-31', released: false },
      { name: '2027-Q1', releaseDate: '2027-03-31', released: false },
    ]);
  });

  it('answers 404 for a project the user may not browse, as for one that does not exist', async () => {
    expect((await get(demo, '/rest/api/3/project/PAY/versions', CONTRACTOR)).status).toBe(404);
    expect((await get(demo, '/rest/api/3/project/NOPE/versions')).status).toBe(404);
  });

  it('serves every version the real Appcelerator issues name in their fix versions, dates included', async () => {
    let named = 0;
    for (const key of ['AC', 'ALOY', 'DAEMON', 'MOD']) {
      const answer = await get(tidev, `/rest/api/3/project/${key}/versions`);
      expect(
        validateResponse(SPECS.jira, 'GET', '/rest/api/3/project/{projectIdOrKey}/versions', 200, answer.body)
          .errors,
      ).toEqual([]);
      const served = new Set((answer.body as { id: string }[]).map((version) => version.id));
      const ids = (
        await search(tidev, `project = ${key} AND fixVersion is not EMPTY`, 'fixVersions')
      ).flatMap((fields) => (fields['fixVersions'] as { id: string }[]).map((version) => version.id));
      expect(ids.filter((id) => !served.has(id))).toEqual([]);
      named += ids.length;
    }
    expect(named).toBeGreaterThan(1000);
    // ALOY lists 223 versions, 190 of them with a release date (counted in projects.json).
    const aloy = (await get(tidev, '/rest/api/3/project/ALOY/versions')).body as { releaseDate?: string }[];
    expect([aloy.length, aloy.filter((version) => version.releaseDate).length]).toEqual([223, 190]);
  });
});

describe('Jira Software boards and sprints in the sandbox', () => {
  it('lists one scrum board per demo team, each in its project, valid against the Board schema', async () => {
    const answer = await get(demo, '/rest/agile/1.0/board');
    expect(
      validateResponse(SPECS.jiraSoftware, 'GET', '/rest/agile/1.0/board', 200, answer.body).errors,
    ).toEqual([]);
    const boards = page<{ id: number; name: string; type: string; location: { projectKey: string } }>(answer);
    expect(boards.values.map((board) => [board.id, board.name, board.location.projectKey])).toEqual([
      [1, 'PAY board', 'PAY'],
      [2, 'CHK board', 'CHK'],
      [3, 'GRW board', 'GRW'],
      [4, 'MOB board', 'MOB'],
      [5, 'PLT board', 'PLT'],
      [6, 'DAT board', 'DAT'],
    ]);
    expect(
      page<{ id: number }>(await get(demo, '/rest/agile/1.0/board?projectKeyOrId=CHK')).values.map(
        (b) => b.id,
      ),
    ).toEqual([2]);
  });

  it('serves a board’s two-week sprints in order, with the dates and states the issues carry', async () => {
    const answer = await get(demo, '/rest/agile/1.0/board/1/sprint');
    expect(answer.status).toBe(200);
    const sprints = page<Sprint>(answer);
    for (const sprint of sprints.values)
      expect(validateComponent(SPECS.jiraSoftware, 'SprintBean', sprint).errors).toEqual([]);
    // Sprint 1 starts on Monday 6 July 2026; the tenth is the active one on 16 November.
    expect(sprints.values[0]).toMatchObject({
      id: 100,
      name: 'PAY Sprint 1',
      state: 'closed',
      originBoardId: 1,
    });
    expect(sprints.values[0]?.startDate?.slice(0, 10)).toBe('2026-07-06');
    expect(sprints.values[0]?.endDate?.slice(0, 10)).toBe('2026-07-20');
    expect(sprints.values.filter((sprint) => sprint.state === 'active').map((sprint) => sprint.name)).toEqual(
      ['PAY Sprint 10'],
    );
    const onIssues = new Set(
      (await search(demo, 'project = PAY AND sprint is not EMPTY', 'customfield_10020')).flatMap((fields) =>
        (fields['customfield_10020'] as { id: number }[]).map((sprint) => sprint.id),
      ),
    );
    expect(new Set(sprints.values.map((sprint) => sprint.id))).toEqual(onIssues);
    const future = page<Sprint>(await get(demo, '/rest/agile/1.0/board/1/sprint?state=future'));
    expect(future.values.every((sprint) => sprint.state === 'future')).toBe(true);
    expect(future.values.length).toBeGreaterThan(0);
  });

  it('pages boards and sprints with startAt and maxResults', async () => {
    const first = page<{ id: number }>(await get(demo, '/rest/agile/1.0/board?maxResults=4'));
    const second = page<{ id: number }>(await get(demo, '/rest/agile/1.0/board?startAt=4&maxResults=4'));
    expect([first.isLast, second.isLast, first.total]).toEqual([false, true, 6]);
    expect([...first.values, ...second.values].map((board) => board.id)).toEqual([1, 2, 3, 4, 5, 6]);
    const sprints = page<Sprint>(await get(demo, '/rest/agile/1.0/board/2/sprint?startAt=10&maxResults=5'));
    expect(sprints.values[0]?.name).toBe('CHK Sprint 11');
  });

  it('hides the boards of projects the user may not browse, and answers 404 for their sprints', async () => {
    const boards = page<{ location: { projectKey: string } }>(
      await get(demo, '/rest/agile/1.0/board', CONTRACTOR),
    );
    expect(boards.values.map((board) => board.location.projectKey)).toEqual(['CHK', 'GRW', 'MOB', 'PLT']);
    expect((await get(demo, '/rest/agile/1.0/board/1/sprint', CONTRACTOR)).status).toBe(404);
    expect((await get(demo, '/rest/agile/1.0/board/999/sprint')).status).toBe(404);
    expect((await get(demo, '/rest/agile/1.0/board?projectKeyOrId=PAY', CONTRACTOR)).status).toBe(400);
  });

  it('serves the real Appcelerator boards and sprints the issues name, valid against the spec', async () => {
    const answer = await get(tidev, '/rest/agile/1.0/board');
    expect(
      validateResponse(SPECS.jiraSoftware, 'GET', '/rest/agile/1.0/board', 200, answer.body).errors,
    ).toEqual([]);
    const boards = page<{ id: number }>(answer).values;
    expect(boards.length).toBeGreaterThan(0);
    const served = new Set<number>();
    for (const board of boards) {
      for (let startAt = 0; ;) {
        const sprints = page<Sprint>(
          await get(tidev, `/rest/agile/1.0/board/${board.id}/sprint?startAt=${startAt}`),
        );
        for (const sprint of sprints.values) {
          expect(validateComponent(SPECS.jiraSoftware, 'SprintBean', sprint).errors).toEqual([]);
          served.add(sprint.id);
        }
        startAt += sprints.values.length;
        if (sprints.isLast) break;
      }
    }
    // AC-19 is in "2015 Sprint 3 API" (id 321) on board 149, from 2 to 14 February 2015.
    const sprint321 = page<Sprint>(await get(tidev, '/rest/agile/1.0/board/149/sprint')).values.find(
      (s) => s.id === 321,
    );
    expect(sprint321).toMatchObject({ name: '2015 Sprint 3 API', state: 'closed', originBoardId: 149 });
    expect(sprint321?.endDate?.slice(0, 10)).toBe('2015-02-14');
    const named = (
      await search(tidev, 'project in (AC, ALOY, DAEMON, MOD) AND sprint is not EMPTY', 'customfield_10020')
    ).flatMap((fields) => (fields['customfield_10020'] as { id: number }[]).map((sprint) => sprint.id));
    expect(named.filter((id) => !served.has(id))).toEqual([]);
  });
});
