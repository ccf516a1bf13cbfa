import type { HygieneIssue } from '../../src/hygiene/view';

/**
 * Deterministic synthetic issues for the rule-evaluation benchmark: a realistic mix of types, statuses, ADF and
 * wiki-markup descriptions, links and sprints, so every rule has work to do.
 */
const TYPES = ['Story', 'Story', 'Task', 'Bug', 'Bug', 'Epic', 'Sub-task'];
const STATUSES = [
  { name: 'To Do', statusCategory: { key: 'new' } },
  { name: 'In Progress', statusCategory: { key: 'indeterminate' } },
  { name: 'In Review', statusCategory: { key: 'indeterminate' } },
  { name: 'Done', statusCategory: { key: 'done' } },
];
const WORDS =
  'checkout payment saved card mobile shopper receipt refund invoice total tax retry error timeout export'.split(
    ' ',
  );

function sentence(seed: number, length: number): string {
  const out: string[] = [];
  for (let i = 0; i < length; i += 1) out.push(WORDS[(seed * 7 + i * 13) % WORDS.length] ?? 'word');
  return out.join(' ');
}

function adfDescription(seed: number): unknown {
  const content: unknown[] = [
    { type: 'paragraph', content: [{ type: 'text', text: sentence(seed, 6 + (seed % 20)) }] },
  ];
  if (seed % 3 === 0) {
    content.push(
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Acceptance criteria' }] },
      {
        type: 'bulletList',
        content: [0, 1, 2].map((i) => ({
          type: 'listItem',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: sentence(seed + i, 5) }] }],
        })),
      },
    );
  }
  return { type: 'doc', version: 1, content };
}

function wikiDescription(seed: number): string {
  return `h5. Steps to Reproduce\n# ${sentence(seed, 5)}\n# ${sentence(seed + 1, 4)}\n\n*Expected Result*\n${sentence(seed, 4)}\n\n${seed % 2 === 0 ? 'h5. Actual Result\ncrash' : ''}`;
}

/**
 * `count` issues numbered from `first` on; two ranges hold different issues in the same proportions. Returned as
 * parsed JSON, the form a scan gets them in from Jira: flat strings (template literals build strings in pieces
 * that the first string operation would join, work no real issue makes) and the object shapes `JSON.parse` gives.
 */
export function syntheticIssues(count: number, now: number, first = 0): HygieneIssue[] {
  const issues: HygieneIssue[] = [];
  for (let n = first; n < first + count; n += 1) {
    const day = 86_400_000;
    const type = TYPES[n % TYPES.length] ?? 'Story';
    const status = STATUSES[(n >> 1) % STATUSES.length];
    issues.push({
      key: `SYN-${String(n + 1)}`,
      fields: {
        summary: n % 41 === 0 ? 'TBD' : `${sentence(n, 5)} ${String(n)}`,
        issuetype: { name: type, subtask: type === 'Sub-task' },
        status,
        assignee:
          n % 5 === 0 ? null : { accountId: `acc-${String(n % 40)}`, displayName: `User ${String(n % 40)}` },
        parent: n % 4 === 0 ? null : { key: `SYN-EPIC-${String(n % 50)}` },
        created: new Date(now - (n % 200) * day).toISOString(),
        updated: new Date(now - (n % 40) * day).toISOString(),
        statuscategorychangedate: new Date(now - (n % 60) * day).toISOString(),
        duedate: n % 9 === 0 ? new Date(now - (n % 30) * day).toISOString().slice(0, 10) : null,
        resolution: status?.statusCategory.key === 'done' && n % 7 !== 0 ? { name: 'Done' } : null,
        labels: n % 23 === 0 ? ['blocked'] : [],
        issuelinks:
          n % 6 === 0
            ? [
                {
                  type: { name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
                  inwardIssue: { key: `SYN-${String(n + 2)}`, fields: { status: STATUSES[n % 4] } },
                },
              ]
            : [],
        customfield_10016: n % 3 === 0 ? null : (n % 8) + 1,
        customfield_10020: [
          ...Array.from({ length: n % 5 }, (_, i) => ({
            id: i,
            name: `Sprint ${String(i)}`,
            state: 'closed',
          })),
          { id: 99, name: 'Sprint 99', state: 'active' },
        ],
        customfield_10001: { id: `t${String(n % 6)}`, name: `Team ${String(n % 6)}` },
        customfield_10021: n % 17 === 0 ? [{ value: 'Impediment' }] : null,
        description: n % 11 === 0 ? null : n % 4 === 3 ? wikiDescription(n) : adfDescription(n),
      },
    });
  }
  return JSON.parse(JSON.stringify(issues)) as HygieneIssue[];
}
