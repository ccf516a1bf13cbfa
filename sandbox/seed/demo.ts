/**
 * The demo organisation's Jira (Northwind, six product teams), generated deterministically from a seed number:
 * ~1,500 issues over 2026-Q3/Q4 with sprints, epics (one empty), versions, the Team field, realistic hygiene
 * problems beside well-kept tickets, ~150 cross-team blocking links (Blocks and Dependency, a 3-team cycle,
 * at-risk blockers), Relates/Duplicate/Cloners links and links to issues of a project nobody here may see.
 */
import { issueTypeJson, priorityJson, resolutionJson, statusJson } from '../jira/catalogue';
import { CUSTOM_FIELDS } from '../jira/fields';
import type { JiraLinkType, JiraProject } from '../jira/model';
import { projectRefJson } from '../jira/render';
import { BLOCKS_LINK_TYPE, type JiraState } from '../jira/state';
import { GROUPS, jiraUserJson, type UserDirectory } from '../users';
import { bulletList, doc, heading, orderedList, paragraph, taskList, type AdfNode } from './adf';
import {
  BUG_PHRASES,
  DEMO_TEAMS,
  LABELS,
  PLACEHOLDER_SUMMARIES,
  STORY_VERBS,
  TASK_VERBS,
  VAGUE_CRITERIA,
  type DemoTeam,
} from './demo-content';
import { Dice, seededRandom } from './random';

/** Every demo date is before this instant (a Monday, 09:00 UTC, in the active sprint). */
export const DEMO_ANCHOR = new Date('2026-11-16T09:00:00Z');
const ANCHOR = DEMO_ANCHOR.getTime();
const QUARTER_START = Date.parse('2026-07-01T00:00:00Z');
const FIRST_SPRINT = Date.parse('2026-07-06T09:00:00Z');
const DAY = 86_400_000;
const SPRINTS = 13;
const ACTIVE_SPRINT = 9;
const ISSUES_PER_TEAM = 250;

const DEMO_LINK_TYPES: readonly JiraLinkType[] = [
  BLOCKS_LINK_TYPE,
  { id: '10001', name: 'Cloners', inward: 'is cloned by', outward: 'clones' },
  { id: '10002', name: 'Duplicate', inward: 'is duplicated by', outward: 'duplicates' },
  { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' },
  { id: '10004', name: 'Dependency', inward: 'is depended on by', outward: 'depends on' },
];

interface Draft {
  id: string;
  key: string;
  team: DemoTeam;
  type: string;
  fields: Record<string, unknown>;
  rank: number;
}

const iso = (ms: number): string => new Date(ms).toISOString().replace('Z', '+0000');
const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const accountId = (suffix: string): string => `712020:a0000000-0000-4000-8000-000000000${suffix}`;

function sprintJson(team: DemoTeam, index: number, boardId: number): Record<string, unknown> {
  const start = FIRST_SPRINT + index * 14 * DAY;
  return {
    id: boardId * 100 + index,
    name: `${team.key} Sprint ${index + 1}`,
    state: index < ACTIVE_SPRINT ? 'closed' : index === ACTIVE_SPRINT ? 'active' : 'future',
    boardId,
    startDate: new Date(start).toISOString(),
    endDate: new Date(start + 14 * DAY).toISOString(),
  };
}

function goodDescription(dice: Dice, subject: string, withCriteria: boolean, key: string): AdfNode {
  const context = paragraph(
    `As a customer I want the ${subject} to behave predictably so that I can finish my task.`,
  );
  if (!withCriteria) return doc(heading(2, 'Context'), context);
  const criteria = dice.chance(0.5)
    ? bulletList([
        `Given a signed-in customer, when they open the ${subject}, then it loads in under a second.`,
        `Given invalid input, when they submit, then a clear error is shown.`,
      ])
    : taskList(key, [
        `${subject} works on web and mobile`,
        'Copy reviewed by design',
        'Tracking event added',
      ]);
  return doc(heading(2, 'Context'), context, heading(2, 'Acceptance criteria'), criteria);
}

function criteriaField(dice: Dice, subject: string, key: string): AdfNode {
  return doc(
    dice.chance(0.5)
      ? bulletList([`Given a customer on the ${subject}, when they continue, then their progress is saved.`])
      : taskList(`${key}-ac`, [`${subject} covered by tests`, 'Analytics event fires once']),
  );
}

/** Builds the description, acceptance criteria and summary of one issue, with the demo's hygiene problems. */
function writeText(dice: Dice, draft: Draft, subject: string): void {
  const { type, fields, team } = draft;
  const placeholder = dice.chance(0.03);
  fields.summary = placeholder
    ? dice.pick(PLACEHOLDER_SUMMARIES)
    : type === 'Bug'
      ? `${subject[0]?.toUpperCase() ?? ''}${subject.slice(1)} ${dice.pick(BUG_PHRASES)}`
      : type === 'Task'
        ? `${dice.pick(TASK_VERBS)} ${subject}`
        : `${dice.pick(STORY_VERBS)} ${subject}`;
  if (dice.chance(0.12)) {
    fields.description = null;
    return;
  }
  if (type === 'Bug') {
    fields.description = dice.chance(0.3)
      ? doc(paragraph(`The ${subject} is broken, see screenshot.`))
      : doc(
          heading(3, 'Steps to reproduce'),
          orderedList([`Open the ${subject}`, 'Enter a valid value', 'Press Continue']),
          heading(3, 'Expected'),
          paragraph('The next step opens.'),
          heading(3, 'Actual'),
          paragraph('An error banner appears.'),
        );
    return;
  }
  if (type !== 'Story') {
    fields.description = doc(paragraph(`Technical work on the ${subject}.`));
    return;
  }
  const missing = dice.chance(0.2);
  const vague = !missing && dice.chance(0.1);
  if (team.criteriaInField) {
    fields.description = goodDescription(dice, subject, false, draft.key);
    fields[CUSTOM_FIELDS.acceptanceCriteria] = missing
      ? null
      : vague
        ? doc(paragraph(dice.pick(VAGUE_CRITERIA)))
        : criteriaField(dice, subject, draft.key);
    return;
  }
  fields.description = missing
    ? goodDescription(dice, subject, false, draft.key)
    : vague
      ? doc(
          paragraph(`Improve the ${subject}.`),
          heading(2, 'Acceptance criteria'),
          paragraph(dice.pick(VAGUE_CRITERIA)),
        )
      : goodDescription(dice, subject, true, draft.key);
}

/** Decides sprint, status, dates, people and estimate of one issue. */
function plan(dice: Dice, draft: Draft, boardId: number, people: UserDirectory, base: string): void {
  const { fields, team } = draft;
  const created = QUARTER_START + dice.next() * (ANCHOR - 3 * DAY - QUARTER_START);
  const createdSprint = Math.max(0, Math.floor((created - FIRST_SPRINT) / (14 * DAY)));
  const backlog = dice.chance(0.18);
  const sprintIndex = backlog ? undefined : Math.min(SPRINTS - 1, createdSprint + dice.int(0, 2));
  let status = 'To Do';
  let sprints: number[] = sprintIndex === undefined ? [] : [sprintIndex];
  if (sprintIndex !== undefined && sprintIndex < ACTIVE_SPRINT) {
    if (dice.chance(0.85)) status = 'Done';
    else {
      // Carried over: still open, dragged through every sprint since.
      sprints = Array.from({ length: ACTIVE_SPRINT - sprintIndex + 1 }, (_, offset) => sprintIndex + offset);
      status = dice.pick(['In Progress', 'In Progress', 'To Do', 'In Review']);
    }
  } else if (sprintIndex === ACTIVE_SPRINT) {
    status = dice.pick([
      'To Do',
      'To Do',
      'In Progress',
      'In Progress',
      'In Progress',
      'In Review',
      'Done',
      'Done',
    ]);
  } else if (backlog && dice.chance(0.08)) status = 'In Progress';
  const statusValue = statusJson(status, base);
  const done = status === 'Done';
  const active = status === 'In Progress' || status === 'In Review';

  let updated = Math.min(ANCHOR - DAY / 2, created + dice.next() * 20 * DAY);
  let resolved: number | undefined;
  if (done) {
    const sprintEnd = FIRST_SPRINT + ((sprintIndex ?? 0) + 1) * 14 * DAY;
    resolved = Math.max(created + DAY, Math.min(ANCHOR - DAY, sprintEnd - dice.next() * 10 * DAY));
    updated = Math.min(ANCHOR - DAY / 4, resolved + dice.next() * 2 * DAY);
  } else if (active) {
    const stale = dice.chance(0.15);
    updated = Math.max(
      created + DAY / 2,
      ANCHOR - (stale ? dice.int(15, 40) : dice.int(0, 9)) * DAY - dice.int(1, 8) * 3_600_000,
    );
  }
  fields.created = iso(created);
  fields.updated = iso(Math.min(updated, ANCHOR - 60_000));
  fields.status = statusValue;
  fields.statuscategorychangedate = iso(
    resolved ?? (active ? Math.max(created, updated - 2 * DAY) : created),
  );
  fields.resolution = done && !dice.chance(0.04) ? resolutionJson('Done', base) : null;
  fields.resolutiondate = resolved === undefined ? null : iso(resolved);
  fields[CUSTOM_FIELDS.sprint] = sprints.length
    ? sprints.map((index) => sprintJson(team, index, boardId))
    : null;

  const assigned = done || (active ? !dice.chance(0.06) : dice.chance(0.45));
  const engineer = dice.pick(team.engineers);
  const assignee = people.byAccountId(accountId(engineer));
  fields.assignee = assigned && assignee ? jiraUserJson(assignee, base) : null;
  const reporter = people.byAccountId(accountId(dice.chance(0.6) ? team.pm : engineer));
  fields.reporter = reporter ? jiraUserJson(reporter, base) : null;
  const estimated =
    draft.type === 'Story' || draft.type === 'Task' ? !dice.chance(active ? 0.2 : 0.12) : false;
  fields[CUSTOM_FIELDS.storyPoints] = estimated ? dice.pick([1, 2, 3, 5, 8, 13]) : null;
  const due =
    !done && dice.chance(0.3)
      ? ANCHOR + dice.int(-20, 45) * DAY
      : done && dice.chance(0.2)
        ? created + 20 * DAY
        : undefined;
  fields.duedate = due === undefined ? null : day(due);
  const endOfSprint = FIRST_SPRINT + ((sprintIndex ?? ACTIVE_SPRINT) + 1) * 14 * DAY;
  const quarter = endOfSprint < Date.parse('2026-10-01T00:00:00Z') ? 'Q3' : 'Q4';
  fields.fixVersions = dice.chance(0.6)
    ? [
        {
          self: `${base}/rest/api/3/version/${team.projectId}${quarter === 'Q3' ? '1' : '2'}`,
          id: `${team.projectId}${quarter === 'Q3' ? '1' : '2'}`,
          name: `2026-${quarter}`,
          archived: false,
          released: quarter === 'Q3',
        },
      ]
    : [];
}

/** Fills the Jira state with the Northwind demo organisation. */
export function seedJiraDemo(state: JiraState, people: UserDirectory, seedNumber: number): void {
  const dice = new Dice(seededRandom(seedNumber));
  const base = state.baseUrl;
  for (const type of DEMO_LINK_TYPES) state.addLinkType(type);
  const drafts: Draft[] = [];
  let nextId = 10100;

  DEMO_TEAMS.forEach((team, teamIndex) => {
    const boardId = teamIndex + 1;
    const lead = people.byAccountId(accountId(team.pm));
    const project: JiraProject = {
      id: team.projectId,
      key: team.key,
      name: team.name,
      description: `${team.name} team at Northwind.`,
      ...(lead ? { lead: { accountId: lead.accountId, displayName: lead.displayName } } : {}),
      components: team.components.map((name, index) => ({ id: `${team.projectId}${index}`, name })),
      versions: [
        {
          id: `${team.projectId}1`,
          name: '2026-Q3',
          released: true,
          archived: false,
          releaseDate: '2026-09-30',
        },
        {
          id: `${team.projectId}2`,
          name: '2026-Q4',
          released: false,
          archived: false,
          releaseDate: '2026-12-31',
        },
        {
          id: `${team.projectId}3`,
          name: '2027-Q1',
          released: false,
          archived: false,
          releaseDate: '2027-03-31',
        },
      ],
      browseGroups: team.restricted ? [GROUPS.employees] : [GROUPS.employees, GROUPS.contractors],
      adminGroups: [GROUPS.productOps],
    };
    state.addProject(project);
    const projectJson = projectRefJson(project, base);
    const teamValue = { id: team.teamId, name: team.name };
    const epics: Draft[] = [];
    const stories: Draft[] = [];
    for (let number = 1; number <= ISSUES_PER_TEAM; number++) {
      const type =
        number <= team.epics.length
          ? 'Epic'
          : dice.pick([
              'Story',
              'Story',
              'Story',
              'Story',
              'Story',
              'Task',
              'Task',
              'Bug',
              'Bug',
              'Sub-task',
            ]);
      const draft: Draft = {
        id: String(nextId++),
        key: `${team.key}-${number}`,
        team,
        type,
        fields: {},
        rank: dice.next(),
      };
      const fields = draft.fields;
      fields.issuetype = issueTypeJson(type === 'Sub-task' && stories.length === 0 ? 'Task' : type, base);
      draft.type = (fields.issuetype as { name: string }).name;
      fields.project = projectJson;
      fields.priority = priorityJson(
        dice.pick(['Medium', 'Medium', 'Medium', 'High', 'High', 'Low', 'Highest', 'Lowest']),
        base,
      );
      fields.labels = dice.chance(0.35) ? [dice.pick(LABELS)] : [];
      const componentIndex = dice.int(0, team.components.length - 1);
      fields.components = dice.chance(0.8)
        ? [
            {
              self: `${base}/rest/api/3/component/${team.projectId}${componentIndex}`,
              id: `${team.projectId}${componentIndex}`,
              name: team.components[componentIndex],
            },
          ]
        : [];
      fields[CUSTOM_FIELDS.team] = dice.chance(0.9) ? teamValue : null;
      fields[CUSTOM_FIELDS.flagged] = dice.chance(0.03)
        ? [{ self: `${base}/rest/api/3/customFieldOption/10019`, value: 'Impediment', id: '10019' }]
        : null;
      plan(dice, draft, boardId, people, base);
      if (draft.type === 'Epic') {
        fields.summary = team.epics[number - 1];
        fields.description = doc(
          heading(2, 'Goal'),
          paragraph(`${team.epics[number - 1] ?? ''} for Northwind customers.`),
        );
        fields[CUSTOM_FIELDS.sprint] = null;
        // Epics stay open across the two quarters; the last one has no children yet.
        const epicStatus = number === team.epics.length ? 'To Do' : 'In Progress';
        fields.status = statusJson(epicStatus, base);
        fields.resolution = null;
        fields.resolutiondate = null;
        epics.push(draft);
      } else {
        writeText(dice, draft, dice.pick(team.subjects));
        const parent =
          draft.type === 'Sub-task'
            ? dice.pick(stories)
            : dice.chance(0.6)
              ? dice.pick(epics.slice(0, -1))
              : undefined;
        if (parent) {
          fields.parent = {
            id: parent.id,
            key: parent.key,
            self: `${base}/rest/api/3/issue/${parent.id}`,
            fields: {
              summary: parent.fields.summary,
              status: parent.fields.status,
              priority: parent.fields.priority,
              issuetype: parent.fields.issuetype,
            },
          };
        }
        if (draft.type === 'Story') stories.push(draft);
      }
      drafts.push(draft);
    }
  });

  const links = planLinks(dice, drafts, base);
  for (const draft of drafts) {
    state.addIssue({
      id: draft.id,
      key: draft.key,
      projectKey: draft.team.key,
      fields: draft.fields,
      rank: draft.rank,
    });
  }
  for (const link of links) state.link(link.outward, link.inward, link.typeId);
}

interface PlannedLink {
  readonly outward: string;
  readonly inward: string;
  readonly typeId: string;
}

/** Cross-team blockers (Blocks + Dependency, with a cycle and at-risk blockers) and in-team links. */
function planLinks(dice: Dice, drafts: Draft[], base: string): PlannedLink[] {
  const links: PlannedLink[] = [];
  const candidates = drafts.filter((draft) => draft.type !== 'Epic' && draft.type !== 'Sub-task');
  const open = candidates.filter((draft) => (draft.fields.status as { name: string }).name !== 'Done');
  const blocks = (blocker: Draft, blocked: Draft): void => {
    if (dice.chance(0.6)) links.push({ outward: blocker.key, inward: blocked.key, typeId: '10000' });
    else links.push({ outward: blocked.key, inward: blocker.key, typeId: '10004' });
  };
  // A cycle across three teams: PAY blocks CHK blocks GRW blocks PAY.
  const firstOpen = (key: string): Draft => open.find((draft) => draft.team.key === key) ?? dice.pick(open);
  const [pay, chk, grw] = [firstOpen('PAY'), firstOpen('CHK'), firstOpen('GRW')];
  links.push({ outward: pay.key, inward: chk.key, typeId: '10000' });
  links.push({ outward: chk.key, inward: grw.key, typeId: '10000' });
  links.push({ outward: grw.key, inward: pay.key, typeId: '10000' });

  const unlabelled = (draft: Draft): boolean => !(draft.fields.labels as string[]).includes('blocked');
  for (let count = 0; count < 150; count++) {
    const blocked = dice.pick(open);
    let blocker = dice.pick(candidates);
    while (blocker.team === blocked.team) blocker = dice.pick(candidates);
    if (!unlabelled(blocked)) continue;
    blocks(blocker, blocked);
    if (dice.chance(0.3)) (blocked.fields.labels as string[]).push('blocked');
    const risk = dice.next();
    if (risk < 0.15) {
      blocker.fields.assignee = null;
      blocker.fields.status = statusJson('To Do', base);
      blocker.fields.resolution = null;
      blocker.fields.resolutiondate = null;
    } else if (risk < 0.3) {
      const blockedDue = ANCHOR + dice.int(3, 20) * DAY;
      blocked.fields.duedate = day(blockedDue);
      blocker.fields.duedate = day(blockedDue + dice.int(5, 30) * DAY);
    } else if (risk < 0.4 && (blocker.fields.status as { name: string }).name === 'In Progress') {
      blocker.fields.updated = iso(ANCHOR - dice.int(20, 40) * DAY);
    }
  }
  // "blocked" labels without any link: a hygiene problem the rules should find.
  for (const draft of open.filter(() => dice.chance(0.03))) {
    (draft.fields.labels as string[]).push('blocked');
  }
  // Links to a security project nobody in the demo may see: present on the issue, 404 when fetched.
  for (let number = 101; number <= 106; number++) {
    links.push({ outward: `SEC-${number}`, inward: dice.pick(open).key, typeId: '10000' });
  }
  const related: [string, number][] = [
    ['10003', 40],
    ['10002', 15],
    ['10001', 10],
  ];
  for (const [typeId, count] of related) {
    for (let index = 0; index < count; index++) {
      const from = dice.pick(candidates);
      const sameTeam = candidates.filter((draft) => draft.team === from.team && draft !== from);
      links.push({ outward: from.key, inward: dice.pick(sameTeam).key, typeId });
    }
  }
  return links;
}
