/**
 * A quarter by due date, fix version or sprint: which versions and sprints it picks (the rules are in
 * src/dependencies/quarter.ts), the JQL it builds, and the scope service reading versions and sprints from the
 * demo organisation in the sandbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JiraClient } from '../../../src/atlassian/jira';
import {
  parseQuarter,
  quarterOf,
  quarterRange,
  sprintsInQuarter,
  versionsInQuarter,
} from '../../../src/dependencies/quarter';
import { createHttpTransport } from '../../../src/platform/local/http-transport';
import { idList, quarterJql } from '../../../src/services/dependencies/quarter-jql';
import { resolveScope, scopeLabel } from '../../../src/services/dependencies/scope';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';
import { NOW } from '../../unit/dependencies/fixtures';

describe('calendar quarters', () => {
  it.each([
    [2026, 1, '2026-01-01', '2026-03-31'],
    [2024, 1, '2024-01-01', '2024-03-31'],
    [2026, 2, '2026-04-01', '2026-06-30'],
    [2026, 3, '2026-07-01', '2026-09-30'],
    [2026, 4, '2026-10-01', '2026-12-31'],
  ])('Q%2$s %1$s runs from %3$s to %4$s', (year, quarter, from, to) => {
    expect(quarterRange({ year, quarter })).toEqual({ from, to });
  });

  it('refuses a fifth quarter', () => {
    expect(() => quarterRange({ year: 2026, quarter: 5 })).toThrow(RangeError);
  });

  it('knows the quarter of a date', () => {
    expect(quarterOf(NOW)).toEqual({ year: 2026, quarter: 4 });
  });

  it.each([
    ['2026-Q4', { year: 2026, quarter: 4 }],
    ['2027q1', { year: 2027, quarter: 1 }],
    [' 2026-Q2 ', { year: 2026, quarter: 2 }],
    ['2026-Q5', undefined],
    ['Q4 2026', undefined],
    ['26-Q4', undefined],
  ])('reads “%s” typed on the command line', (text, expected) => {
    expect(parseQuarter(text)).toEqual(expected);
  });
});

describe('the fix versions of a quarter', () => {
  const versions = [
    { id: '11', name: '4.1', releaseDate: '2026-09-30' },
    { id: '12', name: '4.2', releaseDate: '2026-10-01' },
    { id: '14', name: 'Winter "26"', releaseDate: '2026-12-31' },
    { id: '13', name: '4.3', releaseDate: '2026-11-15' },
    { id: '15', name: 'someday' },
    { id: '16', name: 'maybe', releaseDate: null },
    { id: '17', name: '5.0', releaseDate: '2027-01-01' },
  ];

  it('picks the versions released from the first to the last day of the quarter, in release order', () => {
    expect(versionsInQuarter(versions, { year: 2026, quarter: 4 }).picked.map((v) => v.name)).toEqual([
      '4.2',
      '4.3',
      'Winter "26"',
    ]);
  });

  it('leaves versions without a release date out of every quarter and counts them', () => {
    expect(versionsInQuarter(versions, { year: 2026, quarter: 4 }).undated).toBe(2);
    expect(versionsInQuarter(versions, { year: 2027, quarter: 1 }).picked.map((v) => v.name)).toEqual([
      '5.0',
    ]);
  });

  it('names the picked versions by id, never by name (names repeat across projects)', () => {
    expect(quarterJql({ year: 2026, quarter: 4, by: 'fixVersion', versions })).toBe(
      'fixVersion in (12, 13, 14)',
    );
  });

  it('selects nothing, without a JQL error, when no version is released in the quarter', () => {
    expect(quarterJql({ year: 2025, quarter: 1, by: 'fixVersion', versions, projectKeys: ['PAY'] })).toBe(
      '(project in ("PAY")) AND ((fixVersion is EMPTY AND fixVersion is not EMPTY))',
    );
  });
});

describe('the sprints of a quarter', () => {
  const sprints = [
    { id: 11, name: 'ends in Q3', startDate: '2026-09-14T09:00:00Z', endDate: '2026-09-28T09:00:00Z' },
    { id: 12, name: 'spans Q3 and Q4', startDate: '2026-09-28T09:00:00Z', endDate: '2026-10-12T09:00:00Z' },
    { id: 13, name: 'inside Q4', startDate: '2026-10-12T09:00:00Z', endDate: '2026-10-26T09:00:00Z' },
    { id: 14, name: 'spans Q4 and Q1', startDate: '2026-12-21T09:00:00Z', endDate: '2027-01-04T09:00:00Z' },
    { id: 15, name: 'future, start only', startDate: '2026-11-23T09:00:00Z' },
    { id: 16, name: 'future, no dates' },
    { id: 13, name: 'inside Q4', startDate: '2026-10-12T09:00:00Z', endDate: '2026-10-26T09:00:00Z' },
  ];

  it('counts a sprint spanning two quarters in the one it ends in, and only there', () => {
    expect(sprintsInQuarter(sprints, { year: 2026, quarter: 4 }).picked.map((s) => s.id)).toEqual([
      12, 13, 15,
    ]);
    expect(sprintsInQuarter(sprints, { year: 2026, quarter: 3 }).picked.map((s) => s.id)).toEqual([11]);
    expect(sprintsInQuarter(sprints, { year: 2027, quarter: 1 }).picked.map((s) => s.id)).toEqual([14]);
  });

  it('places a sprint without an end date by its start, and counts a sprint with no date as undated', () => {
    const pick = sprintsInQuarter(sprints, { year: 2026, quarter: 4 });
    expect(pick.picked.find((s) => s.id === 15)?.name).toBe('future, start only');
    expect(pick.undated).toBe(1);
  });

  it('lists a sprint shared by two boards once', () => {
    expect(quarterJql({ year: 2026, quarter: 4, by: 'sprint', sprints })).toBe('sprint in (12, 13, 15)');
  });

  it('selects nothing when no sprint falls in the quarter', () => {
    expect(quarterJql({ year: 2030, quarter: 1, by: 'sprint', sprints })).toBe(
      '(sprint is EMPTY AND sprint is not EMPTY)',
    );
  });
});

describe('ids in JQL', () => {
  it.each([['12) OR project is not EMPTY OR (1'], ['"12"'], ['1e3'], ['']])('refuses %j as an id', (id) => {
    expect(() => idList('sprint', [id])).toThrow(RangeError);
  });

  it('writes a field name that needs quotes with quotes', () => {
    expect(idList('Fix versions', [3, '2'])).toBe('"Fix versions" in (2, 3)');
  });
});

describe('a quarter’s scope read from the demo organisation', () => {
  let sandbox: RunningSandbox;
  let admin: JiraClient;
  let contractor: JiraClient;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seeds: ['demo'], now: NOW });
    admin = new JiraClient(createHttpTransport({ siteUrl: sandbox.url }));
    contractor = new JiraClient(
      createHttpTransport({ siteUrl: sandbox.url, email: 'alex.contractor@example.com', apiToken: 'x' }),
    );
  }, 60_000);
  afterAll(async () => {
    await sandbox.close();
  });

  it('by fix version: each team’s “2026-Q4” version (released 31 December), by id', async () => {
    const scope = await resolveScope(admin, { kind: 'quarter', year: 2026, quarter: 4, by: 'fixVersion' });
    // The six demo projects are 10001..10006; their Q4 versions are <project id>2.
    expect(scope.jql).toBe('fixVersion in (100012, 100022, 100032, 100042, 100052, 100062)');
    expect(scope.plan).toEqual({ by: 'fixVersion', picked: Array(6).fill('2026-Q4'), undated: 0 });
  });

  it('by sprint: sprints 7 to 12 of every team, sprint 7 (28 Sep → 12 Oct) counted in Q4 where it ends', async () => {
    const scope = await resolveScope(admin, { kind: 'quarter', year: 2026, quarter: 4, by: 'sprint' });
    const ids = [1, 2, 3, 4, 5, 6].flatMap((board) =>
      [6, 7, 8, 9, 10, 11].map((index) => board * 100 + index),
    );
    expect(scope.jql).toBe(`sprint in (${ids.join(', ')})`);
    expect(scope.plan?.picked).toHaveLength(36);
    expect(scope.plan?.picked).toContain('PAY Sprint 7');
    expect(scope.plan?.picked).not.toContain('PAY Sprint 6');
  });

  it('by sprint on a team page: only that team’s boards, and the JQL narrowed to the project', async () => {
    const scope = await resolveScope(admin, { kind: 'quarter', year: 2026, quarter: 3, by: 'sprint' }, 'CHK');
    expect(scope.jql).toBe('sprint IN (200, 201, 202, 203, 204, 205) AND project = "CHK"');
  });

  it('reads only the versions and boards of projects the user may browse', async () => {
    const scope = await resolveScope(contractor, {
      kind: 'quarter',
      year: 2026,
      quarter: 4,
      by: 'fixVersion',
    });
    expect(scope.jql).toBe('fixVersion in (100022, 100032, 100042, 100052)');
    const sprints = await resolveScope(contractor, { kind: 'quarter', year: 2026, quarter: 4, by: 'sprint' });
    expect(sprints.jql).not.toMatch(/\b10[6-9]\b|\b11[01]\b/);
  });

  it('keeps an extra JQL filter and names the scope with how the quarter was read', async () => {
    const scope = {
      kind: 'quarter',
      year: 2026,
      quarter: 4,
      by: 'sprint',
      projectKeys: ['PAY'],
      jql: 'type = Bug',
    } as const;
    const resolved = await resolveScope(admin, scope);
    expect(resolved.jql).toBe(
      '(project IN ("PAY") AND sprint IN (106, 107, 108, 109, 110, 111)) AND type = Bug',
    );
    expect(scopeLabel(scope)).toBe('Q4 2026 by sprint (project in ("PAY")) AND (type = Bug)');
    expect(scopeLabel({ kind: 'quarter', year: 2026, quarter: 4 })).toBe('Q4 2026');
  });

  it.each([
    {
      name: 'keeps a typed OR inside the team page’s project',
      scope: { kind: 'jql', jql: 'resolution = EMPTY OR project in (PAY, DAT)' },
      jql: '(resolution = empty OR project IN (PAY, DAT)) AND project = "CHK"',
    },
    {
      name: 'drops a typed ORDER BY instead of breaking the query in parentheses',
      scope: { kind: 'quarter', year: 2026, quarter: 4, jql: 'type = Bug ORDER BY rank' },
      jql: '(duedate >= "2026-10-01" AND duedate <= "2026-12-31") AND type = Bug AND project = "CHK"',
    },
  ] as const)('$name', async ({ scope, jql }) => {
    expect((await resolveScope(admin, scope, 'CHK')).jql).toBe(jql);
  });

  it('refuses a JQL that closes the team page’s parentheses, instead of reading PAY and DAT', async () => {
    const escape = { kind: 'jql', jql: 'resolution = EMPTY) OR (project in (PAY, DAT)' } as const;
    await expect(resolveScope(admin, escape, 'CHK')).rejects.toThrow(/does not parse/);
  });

  it('finds issues with the JQL it builds: the sprint scope’s issues all sit in a Q4 sprint', async () => {
    const { jql } = await resolveScope(admin, { kind: 'quarter', year: 2026, quarter: 4, by: 'sprint' });
    const { issues } = await admin.searchIssues(jql, ['customfield_10020']);
    expect(issues.length).toBeGreaterThan(300);
    for (const issue of issues) {
      const ends = (issue.fields['customfield_10020'] as { endDate: string }[]).map((s) =>
        s.endDate.slice(0, 10),
      );
      expect(ends.some((end) => end >= '2026-10-01' && end <= '2026-12-31')).toBe(true);
    }
  });
});
