import {
  bulletList,
  doc,
  hardBreak,
  heading,
  listItem,
  orderedList,
  paragraph,
  strong,
  text,
} from '@atlaskit/adf-utils/builders';
import { RULES_BY_ID } from '../../../src/hygiene/rules';
import type { FindingMessage } from '../../../src/hygiene/finding-messages';
import type { FieldMap, RuleContext } from '../../../src/hygiene/types';
import { viewIssue } from '../../../src/hygiene/view';

/** The sandbox's demo anchor date: every relative date below counts back from it. */
export const NOW = Date.parse('2026-11-16T09:00:00Z');
export const daysAgo = (days: number): string =>
  new Date(NOW - days * 86_400_000).toISOString().replace('Z', '+0000');

/** Field ids as the sandbox (and a typical Jira Cloud site) names them. */
export const FIELD_MAP: FieldMap = {
  storyPoints: 'customfield_10016',
  sprint: 'customfield_10020',
  team: 'customfield_10001',
  flagged: 'customfield_10021',
  acceptanceCriteria: 'customfield_10050',
};

export const status = (name: string, key: 'new' | 'indeterminate' | 'done') => ({
  name,
  statusCategory: { key, name: key === 'new' ? 'To Do' : key === 'done' ? 'Done' : 'In Progress' },
});
export const IN_PROGRESS = status('In Progress', 'indeterminate');
export const TO_DO = status('To Do', 'new');
export const DONE = status('Done', 'done');
export const type = (name: string) => ({ name, subtask: false });

export const adf = (...content: unknown[]) => doc(...(content as Parameters<typeof doc>));
export const p = (...parts: string[]) => paragraph(...parts.map((t) => text(t)));
/** A paragraph of lines separated by hard breaks (Shift+Enter in Jira's editor). */
export const lines = (...parts: string[]) =>
  paragraph(...parts.flatMap((t, i) => (i === 0 ? [text(t)] : [hardBreak(), text(t)])));
export const bold = (t: string) => ({ type: 'paragraph', content: [strong(t)] });
export const h = (level: 1 | 2 | 3 | 4 | 5 | 6, t: string) => heading({ level })(text(t));
export const bullets = (...items: string[]) =>
  bulletList(...items.map((t) => listItem([paragraph(text(t))])));
export const numbered = (...items: string[]) =>
  orderedList()(...items.map((t) => listItem([paragraph(text(t))])));
export const checklist = (...items: string[]) => ({
  type: 'taskList',
  attrs: { localId: 'tl' },
  content: items.map((t, i) => ({
    type: 'taskItem',
    attrs: { localId: `t${String(i)}`, state: 'TODO' },
    content: [text(t)],
  })),
});

/** A story in good shape; each case changes only what it is about. */
export function healthyFields(): Record<string, unknown> {
  return {
    summary: 'Let shoppers save a card at checkout',
    issuetype: type('Story'),
    status: IN_PROGRESS,
    assignee: { accountId: 'acc-ana', displayName: 'Ana Lima' },
    parent: { key: 'PAY-1', fields: { summary: 'Saved payment methods' } },
    created: daysAgo(20),
    updated: daysAgo(2),
    statuscategorychangedate: daysAgo(6),
    duedate: null,
    resolution: null,
    labels: [],
    issuelinks: [],
    customfield_10016: 3,
    customfield_10020: [{ id: 7, name: 'PAY Sprint 12', state: 'active' }],
    customfield_10001: { id: 't-pay', name: 'Payments' },
    customfield_10021: null,
    description: adf(
      p(
        'Returning shoppers type their card number on every purchase; a third abandon on mobile at that step.',
      ),
      h(2, 'Acceptance criteria'),
      checklist('A saved card shows its last four digits', 'The shopper can delete a saved card'),
    ),
  };
}

/** Runs one rule on an issue built from the healthy story plus `fields`, as the engine would. */
export function checkMessage(
  ruleId: string,
  fields: Record<string, unknown>,
  options: Record<string, unknown> = {},
  context: Partial<RuleContext> = {},
): FindingMessage | null {
  const rule = RULES_BY_ID.get(ruleId);
  if (rule === undefined) throw new Error(`no rule ${ruleId}`);
  const issue = viewIssue({ key: 'PAY-42', fields: { ...healthyFields(), ...fields } }, FIELD_MAP);
  return rule.check(issue, rule.options.parse(options), { now: NOW, ...context });
}

/**
 * What a rule says of an issue, as a rule test asserts it: the message id and its parameters (the words are the
 * catalogue test's, `finding-messages.test.ts`), or null when the issue follows the rule.
 */
export function says(
  ruleId: string,
  fields: Record<string, unknown>,
  options: Record<string, unknown> = {},
  context: Partial<RuleContext> = {},
): { readonly id: string; readonly params: FindingMessage['params'] } | null {
  const message = checkMessage(ruleId, fields, options, context);
  return message === null ? null : { id: message.id, params: message.params };
}
