import { describe, expect, it } from 'vitest';
import { blockingTypesById } from '../../../src/dependencies/link-types';
import { UNASSIGNED_TEAM } from '../../../src/dependencies/model';
import { readBlockingLinks, readIssue } from '../../../src/dependencies/read';
import {
  fieldText,
  parseTeamBy,
  teamFieldChoices,
  teamOf,
  type TeamBy,
} from '../../../src/dependencies/teams';

describe('parseTeamBy', () => {
  it.each([
    ['project', { kind: 'project' }],
    ['component', { kind: 'component' }],
    ['team', { kind: 'team' }],
    ['label:squad-', { kind: 'label', prefix: 'squad-' }],
    ['field:customfield_10099', { kind: 'field', fieldId: 'customfield_10099' }],
    ['label:', null],
    ['squad', null],
  ])('reads "%s"', (text, expected) => {
    expect(parseTeamBy(text)).toEqual(expected);
  });
});

describe('team of an issue', () => {
  const fields = {
    project: { key: 'PAY', name: 'Payments' },
    components: [{ name: 'Checkout API' }, { name: 'Billing' }],
    labels: ['urgent', 'squad-falcon', 'q4'],
    customfield_10001: { id: 'a1b2', name: 'Platform Core' },
    customfield_10200: { value: 'Growth' },
    customfield_10300: [{ displayName: 'Grace Hopper' }],
  };
  const cases: { name: string; teamBy: TeamBy; expected: string | null }[] = [
    { name: 'by project: the project key', teamBy: { kind: 'project' }, expected: 'PAY' },
    { name: 'by component: the first component by name', teamBy: { kind: 'component' }, expected: 'Billing' },
    {
      name: 'by label prefix: the rest of the label',
      teamBy: { kind: 'label', prefix: 'squad-' },
      expected: 'falcon',
    },
    {
      name: 'by label prefix, ignoring case',
      teamBy: { kind: 'label', prefix: 'SQUAD-' },
      expected: 'falcon',
    },
    {
      name: 'by the Atlassian Team field: the team name',
      teamBy: { kind: 'team', fieldId: 'customfield_10001' },
      expected: 'Platform Core',
    },
    {
      name: 'by a select custom field: the option value',
      teamBy: { kind: 'field', fieldId: 'customfield_10200' },
      expected: 'Growth',
    },
    {
      name: 'by a user picker: the person',
      teamBy: { kind: 'field', fieldId: 'customfield_10300' },
      expected: 'Grace Hopper',
    },
    {
      name: 'by a field the issue does not have: none',
      teamBy: { kind: 'field', fieldId: 'customfield_99999' },
      expected: null,
    },
    {
      name: 'by a label prefix no label has: none',
      teamBy: { kind: 'label', prefix: 'team-' },
      expected: null,
    },
  ];
  it.each(cases)('$name', ({ teamBy, expected }) => {
    expect(teamOf(fields, teamBy, 'PAY-1')).toBe(expected);
  });

  it('falls back on the key prefix when the project field was not read', () => {
    expect(teamOf({}, { kind: 'project' }, 'MOB-12')).toBe('MOB');
  });

  it('reads text out of the usual field shapes', () => {
    expect([
      fieldText('  '),
      fieldText(3),
      fieldText([null, { name: 'X' }]),
      fieldText({ other: 1 }),
    ]).toEqual([null, '3', 'X', null]);
  });
});

describe('readIssue', () => {
  const options = {
    teamBy: { kind: 'team', fieldId: 'customfield_10001' } as const,
    fieldIds: { storyPoints: 'customfield_10016', sprint: 'customfield_10020' },
  };
  it('takes the earliest of due date, current sprint end and fix version release as the planned date', () => {
    const read = readIssue(
      {
        id: '1',
        key: 'PAY-1',
        fields: {
          summary: 'Card vault',
          status: { name: 'In Review', statusCategory: { key: 'indeterminate' } },
          assignee: { accountId: 'abc', displayName: 'Ada' },
          duedate: '2026-12-20',
          fixVersions: [{ name: '4.2', releaseDate: '2026-12-15' }, { name: '5.0' }],
          customfield_10020: [
            { id: 1, state: 'closed', endDate: '2026-10-01T00:00:00Z' },
            { id: 2, state: 'active', endDate: '2026-11-27T12:00:00Z' },
          ],
          customfield_10016: 5,
          customfield_10001: null,
        },
      },
      options,
      true,
    );
    expect(read).toMatchObject({
      team: UNASSIGNED_TEAM,
      status: 'In Review',
      statusCategory: 'indeterminate',
      assignee: 'Ada',
      plannedDate: '2026-11-27',
      storyPoints: 5,
      projectKey: 'PAY',
    });
  });

  it('reads the end date of an old-style sprint string', () => {
    const sprint =
      'com.atlassian.greenhopper.service.sprint.Sprint@1[id=7,state=FUTURE,name=S7,startDate=2026-12-01T00:00:00.000Z,endDate=2026-12-14T00:00:00.000Z]';
    expect(
      readIssue({ id: '1', key: 'A-1', fields: { customfield_10020: [sprint] } }, options, true).plannedDate,
    ).toBe('2026-12-14');
  });

  it('leaves an issue with no date, no sprint and no version unscheduled, with no status as to do', () => {
    expect(readIssue({ id: '1', key: 'A-1', fields: {} }, options, false)).toMatchObject({
      plannedDate: null,
      statusCategory: 'new',
      assignee: null,
      storyPoints: null,
      inScope: false,
    });
  });
});

describe('readBlockingLinks', () => {
  const types = blockingTypesById([
    { id: '10020', name: 'Depends', inward: 'is dependent of', outward: 'depends on' },
    { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
    { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' },
  ]);
  const cases = [
    {
      name: 'X depends on Y (outward): Y blocks X',
      link: { id: '1', type: { id: '10020', name: 'Depends' }, outwardIssue: { id: '2', key: 'MOD-2' } },
      blocker: '2',
      blocked: '1',
    },
    {
      name: 'X is dependent of Y (inward): X blocks Y',
      link: { id: '1', type: { id: '10020', name: 'Depends' }, inwardIssue: { id: '2', key: 'MOD-2' } },
      blocker: '1',
      blocked: '2',
    },
    {
      name: 'X blocks Y (outward): X blocks Y',
      link: { id: '1', type: { id: '10000', name: 'Blocks' }, outwardIssue: { id: '2', key: 'MOD-2' } },
      blocker: '1',
      blocked: '2',
    },
    {
      name: 'X is blocked by Y (inward): Y blocks X',
      link: { id: '1', type: { id: '10000', name: 'Blocks' }, inwardIssue: { id: '2', key: 'MOD-2' } },
      blocker: '2',
      blocked: '1',
    },
  ];
  it.each(cases)('$name', ({ link, blocker, blocked }) => {
    const { links, others } = readBlockingLinks(
      { id: '1', key: 'MOD-1', fields: { issuelinks: [link] } },
      types,
    );
    expect(links.map((l) => [l.blockerId, l.blockedId])).toEqual([[blocker, blocked]]);
    // The link names the other issue without its fields: one the user may not see, or a deleted one.
    expect(others).toEqual([{ id: '2', key: 'MOD-2', described: false }]);
  });

  it('tells a linked issue shown with its fields from one named only by id and key', () => {
    const issue = {
      id: '1',
      key: 'A-1',
      fields: {
        issuelinks: [
          {
            id: '8',
            type: { id: '10000' },
            outwardIssue: { id: '2', key: 'A-2', fields: { summary: 'Seen' } },
          },
          { id: '9', type: { id: '10000' }, outwardIssue: { id: '3', key: 'SEC-3' } },
        ],
      },
    };
    expect(readBlockingLinks(issue, types).others.map((o) => [o.key, o.described])).toEqual([
      ['A-2', true],
      ['SEC-3', false],
    ]);
  });

  it('leaves out links that do not mean blocking', () => {
    const issue = {
      id: '1',
      key: 'A-1',
      fields: { issuelinks: [{ id: '9', type: { id: '10003' }, outwardIssue: { id: '2', key: 'A-2' } }] },
    };
    expect(readBlockingLinks(issue, types).links).toEqual([]);
  });
});

describe('custom fields a team can be read from', () => {
  const field = (id: string, name: string, schema: { type: string; items?: string; custom?: string }) => ({
    id,
    name,
    custom: id.startsWith('customfield_'),
    schema,
  });
  const site = [
    field('customfield_10001', 'Team', { type: 'team' }),
    field('customfield_10100', 'Squad', { type: 'option' }),
    field('customfield_10101', 'Tribes', { type: 'array', items: 'option' }),
    field('customfield_10102', 'Owning group', { type: 'string' }),
    field('customfield_10016', 'Story point estimate', { type: 'number' }),
    field('customfield_10020', 'Sprint', { type: 'array', items: 'json' }),
    field('customfield_10050', 'Acceptance criteria', {
      type: 'string',
      custom: 'com.atlassian.jira.plugin.system.customfieldtypes:textarea',
    }),
    field('customfield_10200', 'Target start', { type: 'date' }),
    field('priority', 'Priority', { type: 'priority' }),
  ];

  it('offers choice, text, team and list fields by name, not numbers, dates, sprints, paragraphs or system fields', () => {
    expect(teamFieldChoices(site)).toEqual([
      { id: 'customfield_10102', name: 'Owning group' },
      { id: 'customfield_10100', name: 'Squad' },
      { id: 'customfield_10001', name: 'Team' },
      { id: 'customfield_10101', name: 'Tribes' },
    ]);
  });
});
