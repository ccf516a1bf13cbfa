/**
 * Jira Cloud's standard issue types, statuses and priorities in v3 JSON, used by the seeds so that every
 * issue carries the same shapes a real site serves (`hierarchyLevel`, `statusCategory`, icon URLs...).
 */

interface IssueTypeSpec {
  readonly id: string;
  readonly name: string;
  readonly hierarchyLevel: number;
  readonly subtask: boolean;
}

const ISSUE_TYPES: readonly IssueTypeSpec[] = [
  { id: '10000', name: 'Epic', hierarchyLevel: 1, subtask: false },
  { id: '10001', name: 'Story', hierarchyLevel: 0, subtask: false },
  { id: '10002', name: 'Task', hierarchyLevel: 0, subtask: false },
  { id: '10003', name: 'Bug', hierarchyLevel: 0, subtask: false },
  { id: '10004', name: 'Sub-task', hierarchyLevel: -1, subtask: true },
  { id: '10005', name: 'Improvement', hierarchyLevel: 0, subtask: false },
  { id: '10006', name: 'New Feature', hierarchyLevel: 0, subtask: false },
  { id: '10007', name: 'Technical Debt', hierarchyLevel: 0, subtask: false },
];

type CategoryKey = 'new' | 'indeterminate' | 'done';

const CATEGORIES: Record<CategoryKey, { id: number; name: string; colorName: string }> = {
  new: { id: 2, name: 'To Do', colorName: 'blue-gray' },
  indeterminate: { id: 4, name: 'In Progress', colorName: 'yellow' },
  done: { id: 3, name: 'Done', colorName: 'green' },
};

/** Well-known statuses and their categories; unknown names from file seeds fall back by wording. */
const STATUSES: readonly { id: string; name: string; category: CategoryKey }[] = [
  { id: '10000', name: 'To Do', category: 'new' },
  { id: '10001', name: 'In Progress', category: 'indeterminate' },
  { id: '10002', name: 'In Review', category: 'indeterminate' },
  { id: '10003', name: 'Done', category: 'done' },
  { id: '10004', name: 'Blocked', category: 'indeterminate' },
  { id: '1', name: 'Open', category: 'new' },
  { id: '3', name: 'In Progress', category: 'indeterminate' },
  { id: '4', name: 'Reopened', category: 'new' },
  { id: '5', name: 'Resolved', category: 'done' },
  { id: '6', name: 'Closed', category: 'done' },
];

const PRIORITIES: readonly { id: string; name: string }[] = [
  { id: '1', name: 'Highest' },
  { id: '2', name: 'High' },
  { id: '3', name: 'Medium' },
  { id: '4', name: 'Low' },
  { id: '5', name: 'Lowest' },
];

const RESOLUTIONS: readonly { id: string; name: string }[] = [
  { id: '10000', name: 'Done' },
  { id: '10001', name: "Won't Do" },
  { id: '10002', name: 'Duplicate' },
  { id: '10003', name: 'Cannot Reproduce' },
  { id: '1', name: 'Fixed' },
  { id: '2', name: "Won't Fix" },
  { id: '7', name: 'Invalid' },
];

let dynamicId = 20000;
function findOrAdd<T extends { id: string; name: string }>(
  list: T[],
  name: string,
  make: (id: string) => T,
): T {
  const existing = list.find((entry) => entry.name.toLowerCase() === name.toLowerCase());
  if (existing) return existing;
  const created = make(String(dynamicId++));
  list.push(created);
  return created;
}

const issueTypes = [...ISSUE_TYPES];
const statuses = [...STATUSES];
const priorities = [...PRIORITIES];
const resolutions = [...RESOLUTIONS];

/** v3 `issuetype` JSON for a type name (unknown names become standard-level types). */
export function issueTypeJson(name: string, baseUrl = ''): Record<string, unknown> {
  const type = findOrAdd(issueTypes, name, (id) => ({
    id,
    name,
    hierarchyLevel: /sub-?task/i.test(name) ? -1 : 0,
    subtask: /sub-?task/i.test(name),
  }));
  return {
    self: `${baseUrl}/rest/api/3/issuetype/${type.id}`,
    id: type.id,
    description: `A ${type.name.toLowerCase()}.`,
    iconUrl: `${baseUrl}/rest/api/2/universal_avatar/view/type/issuetype/avatar/${type.id}?size=medium`,
    name: type.name,
    subtask: type.subtask,
    avatarId: Number(type.id),
    hierarchyLevel: type.hierarchyLevel,
  };
}

function guessCategory(name: string): CategoryKey {
  if (/done|closed|resolved|complete|released|fixed/i.test(name)) return 'done';
  if (/open|to ?do|backlog|new|reopened|triage/i.test(name)) return 'new';
  return 'indeterminate';
}

/** v3 `status` JSON with its `statusCategory`. */
export function statusJson(name: string, baseUrl = ''): Record<string, unknown> {
  const status = findOrAdd(statuses, name, (id) => ({ id, name, category: guessCategory(name) }));
  const category = CATEGORIES[status.category];
  return {
    self: `${baseUrl}/rest/api/3/status/${status.id}`,
    description: '',
    iconUrl: `${baseUrl}/images/icons/statuses/generic.png`,
    name: status.name,
    id: status.id,
    statusCategory: {
      self: `${baseUrl}/rest/api/3/statuscategory/${category.id}`,
      id: category.id,
      key: status.category,
      colorName: category.colorName,
      name: category.name,
    },
  };
}

/** v3 `priority` JSON. */
export function priorityJson(name: string, baseUrl = ''): Record<string, unknown> {
  const priority = findOrAdd(priorities, name, (id) => ({ id, name }));
  return {
    self: `${baseUrl}/rest/api/3/priority/${priority.id}`,
    iconUrl: `${baseUrl}/images/icons/priorities/${priority.name.toLowerCase()}.svg`,
    name: priority.name,
    id: priority.id,
  };
}

/** v3 `resolution` JSON. */
export function resolutionJson(name: string, baseUrl = ''): Record<string, unknown> {
  const resolution = findOrAdd(resolutions, name, (id) => ({ id, name }));
  return {
    self: `${baseUrl}/rest/api/3/resolution/${resolution.id}`,
    id: resolution.id,
    description: `Resolved as ${resolution.name}.`,
    name: resolution.name,
  };
}
