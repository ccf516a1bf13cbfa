import type { BlockingLink, DependencyIssue } from '../../../src/dependencies/model';

let nextId = 1000;

/** An open, scheduled, assigned, recently updated issue of the scope; override what a case is about. */
export function issue(key: string, overrides: Partial<DependencyIssue> = {}): DependencyIssue {
  const project = key.split('-')[0] ?? key;
  return {
    id: `id-${key}`,
    key,
    summary: `Summary of ${key}`,
    projectKey: project,
    team: project,
    status: 'In Progress',
    statusCategory: 'indeterminate',
    assignee: 'Ada Lovelace',
    plannedDate: '2026-12-01',
    storyPoints: 3,
    updated: '2026-11-15T10:00:00.000Z',
    inScope: true,
    ...overrides,
  };
}

export const done = { status: 'Done', statusCategory: 'done' } as const;

/** `blocker` blocks `blocked`, as read from the blocker's side. */
export function blocks(blocker: string, blocked: string, typeName = 'Blocks'): BlockingLink {
  return { linkId: String(nextId++), blockerId: `id-${blocker}`, blockedId: `id-${blocked}`, typeName };
}

export const NOW = new Date('2026-11-16T09:00:00Z');
