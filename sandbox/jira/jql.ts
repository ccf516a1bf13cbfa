/**
 * The sandbox's JQL: Atlassian's own grammar (`@atlaskit/jql-ast`) compiled into a filter and an order over
 * the stored issues. The supported subset is what the app writes; anything else is refused with the message
 * Jira gives, so that a query the sandbox accepts is one Jira accepts too.
 */
import { JastBuilder, type Clause, type Operand, type OrderBy, type TerminalClause } from '@atlaskit/jql-ast';
import type { SandboxUser } from '../users';
import type { IssueRecord } from './model';
import type { JiraState } from './state';

/** A JQL query Jira would refuse; the messages are Jira's wording (one per bad value, as Jira lists them). */
export class JqlError extends Error {
  readonly messages: readonly string[];

  constructor(...messages: string[]) {
    super(messages.join(' '));
    this.messages = messages;
  }
}

export interface CompiledQuery {
  /** False when the query has no restriction (Jira refuses it in the enhanced search). */
  readonly bounded: boolean;
  readonly matches: (issue: IssueRecord) => boolean;
  readonly compare: (a: IssueRecord, b: IssueRecord) => number;
}

export interface JqlContext {
  readonly state: JiraState;
  readonly user: SandboxUser;
  /** Entity property search aliases from the manifest: alias → property key + path + type. */
  readonly aliases: ReadonlyMap<string, PropertyAlias>;
}

export interface PropertyAlias {
  readonly propertyKey: string;
  readonly path: readonly string[];
  readonly type: 'number' | 'string' | 'date' | 'text' | 'user';
}

type Scalar = string | number | undefined;
type Values = { kind: 'empty' } | { kind: 'values'; values: string[] };

const DAY = 86_400_000;

/** Parses and compiles a JQL query for one user, or throws `JqlError`. */
export function compileJql(jql: string, context: JqlContext): CompiledQuery {
  const jast = new JastBuilder().build(jql);
  const firstError = jast.errors[0];
  if (firstError) throw new JqlError(`Error in the JQL Query: ${firstError.message}`);
  const query = jast.query;
  const where = query ? query.where : undefined;
  const matches = where ? compileClause(where, context) : () => true;
  return {
    bounded: where !== undefined,
    matches,
    compare: compileOrder(query?.orderBy ?? undefined),
  };
}

function compileClause(clause: Clause, context: JqlContext): (issue: IssueRecord) => boolean {
  if (clause.clauseType === 'compound') {
    const parts = clause.clauses.map((child) => compileClause(child, context));
    return clause.operator.value === 'and'
      ? (issue) => parts.every((part) => part(issue))
      : (issue) => parts.some((part) => part(issue));
  }
  if (clause.clauseType === 'not') {
    const inner = compileClause(clause.clause, context);
    return (issue) => !inner(issue);
  }
  return compileTerminal(clause, context);
}

function operandValues(operand: Operand | undefined, context: JqlContext, field: string): Values {
  if (!operand) throw new JqlError(`Error in the JQL Query: Expecting a value for the field '${field}'.`);
  switch (operand.operandType) {
    case 'keyword':
      return { kind: 'empty' };
    case 'value':
      return { kind: 'values', values: [decodeJqlText(operand.text)] };
    case 'list':
      return {
        kind: 'values',
        values: operand.values.flatMap((value) => {
          const inner = operandValues(value, context, field);
          return inner.kind === 'values' ? inner.values : [];
        }),
      };
    case 'function':
      return { kind: 'values', values: callFunction(operand.function.value, field, context) };
  }
}

function callFunction(name: string, field: string, context: JqlContext): string[] {
  const lower = name.toLowerCase();
  const sprintsWhere = (states: readonly string[]): string[] => {
    const ids = new Set<string>();
    for (const issue of context.state.allIssues())
      for (const sprint of issue.facts.sprints) if (states.includes(sprint.state)) ids.add(String(sprint.id));
    return [...ids];
  };
  const now = context.state.now().getTime();
  switch (lower) {
    case 'currentuser':
      return [context.user.accountId];
    case 'opensprints':
      return sprintsWhere(['active', 'future']);
    case 'closedsprints':
      return sprintsWhere(['closed']);
    case 'futuresprints':
      return sprintsWhere(['future']);
    case 'now':
      return [String(now)];
    case 'startofday':
      return [String(Math.floor(now / DAY) * DAY)];
    case 'endofday':
      return [String(Math.floor(now / DAY) * DAY + DAY - 1)];
    default:
      throw new JqlError(`Unable to find JQL function '${name}()' for the field '${field}'.`);
  }
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t' };

/**
 * The value of a JQL string as Jira reads it, from the operand's raw text: quotes removed, escapes decoded
 * (`\"`, `\'`, `\\`, `\n`, `\r`, `\t`, `\uXXXX`, `\ ` for a space, quoted or not). The parser's own `value` only
 * drops each backslash, so `\n` would read as `n` and `\u00e9` as `u00e9`.
 */
function decodeJqlText(text: string): string {
  const quote = text[0];
  const quoted = (quote === '"' || quote === "'") && text.length >= 2 && text[text.length - 1] === quote;
  const body = quoted ? text.slice(1, -1) : text;
  if (!body.includes('\\')) return body;
  let decoded = '';
  for (let index = 0; index < body.length; index++) {
    const char = body[index] ?? '';
    if (char !== '\\') {
      decoded += char;
      continue;
    }
    const next = body[index + 1] ?? '';
    if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(body.slice(index + 2, index + 6))) {
      decoded += String.fromCharCode(parseInt(body.slice(index + 2, index + 6), 16));
      index += 5;
    } else {
      decoded += ESCAPES[next] ?? next;
      index += 1;
    }
  }
  return decoded;
}

const EQUALITY = new Set(['=', '!=', 'in', 'not in', 'is', 'is not']);
const ORDERED = new Set(['=', '!=', '<', '<=', '>', '>=', 'in', 'not in', 'is', 'is not']);

/** How each supported field reads an issue: one or several comparable values. */
type Reader = (issue: IssueRecord) => readonly Scalar[];

interface FieldRule {
  readonly operators: ReadonlySet<string>;
  readonly read: Reader;
  /**
   * Turns a query value into the stored form (lower-case name, id, epoch ms...), or throws `JqlError` for a
   * value Jira refuses; `field` is the field as the query wrote it, which Jira's messages quote.
   */
  readonly normalise: (value: string, context: JqlContext, field: string) => Scalar;
}

const lower = (value: string): string => value.toLowerCase();

function userValue(value: string, context: JqlContext): string {
  const users = context.state;
  if (users.people.has(value)) return value;
  for (const person of users.people.values()) {
    if (
      person.email?.toLowerCase() === value.toLowerCase() ||
      person.displayName.toLowerCase() === value.toLowerCase()
    )
      return person.accountId;
  }
  return value;
}

function dateValue(value: string, context: JqlContext): number {
  if (/^\d{10,}$/.test(value)) return Number(value);
  // Periods as Jira writes them: `-14d`, `-2w`, `4h`, `-4w 2d` (the sign applies to the whole period).
  const compact = value.replace(/\s+/g, '');
  const relative = /^([+-]?)((?:\d+[wdhm])+)$/i.exec(compact);
  if (relative) {
    const units = { w: 7 * DAY, d: DAY, h: 3_600_000, m: 60_000 };
    let period = 0;
    for (const [, amount, unit] of (relative[2] ?? '').matchAll(/(\d+)([wdhm])/gi)) {
      period += Number(amount) * units[(unit ?? 'd').toLowerCase() as keyof typeof units];
    }
    const sign = relative[1] === '-' ? -1 : 1;
    return context.state.now().getTime() + sign * period;
  }
  const absolute = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(value.trim());
  if (absolute) {
    const [, year, month, day, hour, minute] = absolute;
    return Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour ?? 0), Number(minute ?? 0));
  }
  throw new JqlError(
    `Date value '${value}' for field is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
  );
}

const dateRule = (read: (issue: IssueRecord) => number | undefined): FieldRule => ({
  operators: ORDERED,
  read: (issue) => [read(issue)],
  normalise: dateValue,
});

const CATEGORY_NAMES: Record<string, string> = {
  'to do': 'new',
  'in progress': 'indeterminate',
  done: 'done',
};

function projectValue(value: string, context: JqlContext): string {
  const project = context.state.projectByIdOrKey(value);
  const byName = [...context.state.projects.values()].find(
    (entry) => entry.name.toLowerCase() === value.toLowerCase(),
  );
  const found = project ?? byName;
  if (!found || !context.state.canBrowse(context.user, found.key)) {
    throw new JqlError(`The value '${value}' does not exist for the field 'project'.`);
  }
  return found.key;
}

/**
 * An issue key or id in a `key` clause. Jira refuses the whole query when one of them names no issue the user
 * may see, with the same message whether the issue is missing or hidden, so that JQL does not tell them apart.
 */
function issueKeyValue(value: string, context: JqlContext, field: string): string {
  if (!/^[A-Z][A-Z0-9_]*-\d+$/i.test(value) && !/^\d+$/.test(value)) {
    throw new JqlError(`The issue key '${value}' for field '${field}' is invalid.`);
  }
  const issue = context.state.visibleIssue(context.user, value);
  if (!issue) throw new JqlError(`An issue with key '${value}' does not exist for field '${field}'.`);
  return issue.key;
}

const RULES: Record<string, FieldRule> = {
  project: { operators: EQUALITY, read: (issue) => [issue.projectKey], normalise: projectValue },
  key: { operators: EQUALITY, read: (issue) => [issue.key], normalise: issueKeyValue },
  issuetype: { operators: EQUALITY, read: (issue) => [issue.facts.issueType], normalise: lower },
  status: { operators: EQUALITY, read: (issue) => [issue.facts.status], normalise: lower },
  statuscategory: {
    operators: EQUALITY,
    read: (issue) => [issue.facts.statusCategory],
    normalise: (value) => CATEGORY_NAMES[value.toLowerCase()] ?? value.toLowerCase(),
  },
  assignee: { operators: EQUALITY, read: (issue) => [issue.facts.assignee], normalise: userValue },
  reporter: { operators: EQUALITY, read: (issue) => [issue.facts.reporter], normalise: userValue },
  labels: { operators: EQUALITY, read: (issue) => issue.facts.labels, normalise: lower },
  component: { operators: EQUALITY, read: (issue) => issue.facts.components, normalise: lower },
  fixversion: { operators: EQUALITY, read: (issue) => issue.facts.fixVersions, normalise: lower },
  sprint: {
    operators: EQUALITY,
    read: (issue) => issue.facts.sprints.flatMap((sprint) => [String(sprint.id), sprint.name.toLowerCase()]),
    normalise: lower,
  },
  team: {
    operators: EQUALITY,
    read: (issue) => (issue.facts.team ? [issue.facts.team.id, issue.facts.team.name] : [undefined]),
    normalise: lower,
  },
  parent: {
    operators: EQUALITY,
    read: (issue) => [issue.facts.parentKey],
    normalise: (value, context) => context.state.findIssue(value)?.key ?? value.toUpperCase(),
  },
  priority: { operators: EQUALITY, read: (issue) => [issue.facts.priority], normalise: lower },
  resolution: {
    operators: EQUALITY,
    read: (issue) => [issue.facts.resolution],
    normalise: (value) => (value.toLowerCase() === 'unresolved' ? undefined : value.toLowerCase()),
  },
  created: dateRule((issue) => issue.facts.created),
  updated: dateRule((issue) => issue.facts.updated),
  duedate: dateRule((issue) => issue.facts.dueDate),
  resolved: dateRule((issue) => issue.facts.resolved),
  'story point estimate': {
    operators: ORDERED,
    read: (issue) => [issue.facts.storyPoints],
    normalise: (value) => Number(value),
  },
  flagged: {
    operators: EQUALITY,
    read: (issue) => (issue.facts.flagged ? ['impediment'] : [undefined]),
    normalise: lower,
  },
  summary: {
    operators: new Set(['~', '!~', 'is', 'is not']),
    read: (issue) => [issue.facts.summary.toLowerCase()],
    normalise: lower,
  },
};

const FIELD_ALIASES: Record<string, string> = {
  issuekey: 'key',
  id: 'key',
  type: 'issuetype',
  fixversion: 'fixversion',
  createddate: 'created',
  updateddate: 'updated',
  due: 'duedate',
  resolutiondate: 'resolved',
  'cf[10020]': 'sprint',
  'cf[10001]': 'team',
  'cf[10016]': 'story point estimate',
  'cf[10021]': 'flagged',
  'team[team]': 'team',
  components: 'component',
};

function propertyRule(alias: PropertyAlias): FieldRule {
  const read: Reader = (issue) => {
    let value: unknown = issue.properties.get(alias.propertyKey);
    for (const step of alias.path) {
      value =
        typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[step] : undefined;
    }
    const values = Array.isArray(value) ? (value as unknown[]) : [value];
    return values.map((entry) =>
      typeof entry === 'number' ? entry : typeof entry === 'string' ? entry.toLowerCase() : undefined,
    );
  };
  return {
    operators: alias.type === 'number' || alias.type === 'date' ? ORDERED : EQUALITY,
    read,
    normalise: (value) => (alias.type === 'number' ? Number(value) : value.toLowerCase()),
  };
}

function ruleFor(clause: TerminalClause, context: JqlContext): FieldRule {
  const name = clause.field.value;
  const property = clause.field.properties ? clause.field.properties[0] : undefined;
  if (name.toLowerCase() === 'issue.property' && property?.key) {
    return propertyRule({
      propertyKey: property.key.value,
      // The grammar hands the path over as one argument, `.score.deep`.
      path: (property.path ?? []).flatMap((step) => step.value.split('.')).filter((step) => step !== ''),
      type: 'string',
    });
  }
  const alias = context.aliases.get(name.toLowerCase());
  if (alias) return propertyRule(alias);
  const canonical = FIELD_ALIASES[name.toLowerCase()] ?? name.toLowerCase();
  const rule = RULES[canonical];
  if (!rule) throw new JqlError(`Field '${name}' does not exist or you do not have permission to view it.`);
  return rule;
}

function compileTerminal(clause: TerminalClause, context: JqlContext): (issue: IssueRecord) => boolean {
  const field = clause.field.value;
  const operator = clause.operator ? clause.operator.value : undefined;
  if (!operator) throw new JqlError(`Error in the JQL Query: Expecting an operator after '${field}'.`);
  let rule = ruleFor(clause, context);
  const isPropertyClause = field.toLowerCase() === 'issue.property';
  if (isPropertyClause) {
    // Entity property values compare as numbers when the query value is a number, as Jira's index does.
    const operand = clause.operand;
    const numeric = operand && operand.operandType === 'value' && /^-?\d+(\.\d+)?$/.test(operand.value);
    if (numeric) rule = { ...rule, operators: ORDERED, normalise: (value) => Number(value) };
  }
  if (!rule.operators.has(operator)) {
    throw new JqlError(`The operator '${operator}' is not supported by the '${field}' field.`);
  }
  const operand = operandValues(clause.operand ?? undefined, context, field);
  if (operator === 'is' || operator === 'is not') {
    if (operand.kind !== 'empty') {
      throw new JqlError(
        `The operator '${operator}' only supports the EMPTY or NULL values for the field '${field}'.`,
      );
    }
    const isEmpty = (issue: IssueRecord): boolean => rule.read(issue).every((value) => value === undefined);
    return operator === 'is' ? isEmpty : (issue) => !isEmpty(issue);
  }
  if (operand.kind === 'empty') {
    const isEmpty = (issue: IssueRecord): boolean => rule.read(issue).every((value) => value === undefined);
    return operator === '=' ? isEmpty : (issue) => !isEmpty(issue);
  }
  // Jira checks every value before running the query and lists each one it refuses.
  const refusals: string[] = [];
  const wanted = operand.values.map((value) => {
    try {
      return rule.normalise(value, context, field);
    } catch (error) {
      if (!(error instanceof JqlError)) throw error;
      refusals.push(...error.messages);
      return undefined;
    }
  });
  if (refusals.length > 0) throw new JqlError(...refusals);
  const wantedSet = new Set(wanted);
  const has = (issue: IssueRecord): boolean => rule.read(issue).some((value) => wantedSet.has(value));
  switch (operator) {
    case '=':
    case 'in':
      return has;
    case '~':
    case '!~': {
      // Jira matches words; a plain case-insensitive "contains every word" is close enough for the app's use.
      const words = String(wanted[0] ?? '')
        .split(/\s+/)
        .filter((word) => word !== '');
      const contains = (issue: IssueRecord): boolean =>
        rule
          .read(issue)
          .some((value) => typeof value === 'string' && words.every((word) => value.includes(word)));
      return operator === '~' ? contains : (issue) => !contains(issue);
    }
    case '!=':
    case 'not in':
      // Jira leaves issues without a value out of `!=` and `not in` results.
      return (issue) => !has(issue) && rule.read(issue).some((value) => value !== undefined);
    default: {
      const target = wanted[0];
      if (typeof target !== 'number' || Number.isNaN(target)) {
        throw new JqlError(`The operator '${operator}' is not supported by the '${field}' field.`);
      }
      const test = {
        '<': (value: number) => value < target,
        '<=': (value: number) => value <= target,
        '>': (value: number) => value > target,
        '>=': (value: number) => value >= target,
      }[operator as '<' | '<=' | '>' | '>='];
      return (issue) => rule.read(issue).some((value) => typeof value === 'number' && test(value));
    }
  }
}

type Sorter = (issue: IssueRecord) => number | string | undefined;

function keyOrder(issue: IssueRecord): string {
  const number = Number(issue.key.slice(issue.key.lastIndexOf('-') + 1));
  return `${issue.projectKey}-${String(number).padStart(10, '0')}`;
}

const PRIORITY_ORDER: Record<string, number> = { highest: 1, high: 2, medium: 3, low: 4, lowest: 5 };

const SORTERS: Record<string, Sorter> = {
  key: keyOrder,
  issuekey: keyOrder,
  id: (issue) => Number(issue.id),
  created: (issue) => issue.facts.created,
  updated: (issue) => issue.facts.updated,
  duedate: (issue) => issue.facts.dueDate,
  due: (issue) => issue.facts.dueDate,
  resolved: (issue) => issue.facts.resolved,
  rank: (issue) => issue.rank,
  priority: (issue) => (issue.facts.priority ? PRIORITY_ORDER[issue.facts.priority] : undefined),
  project: (issue) => issue.projectKey,
  summary: (issue) => issue.facts.summary.toLowerCase(),
};

function compileOrder(orderBy: OrderBy | undefined): (a: IssueRecord, b: IssueRecord) => number {
  // Without ORDER BY, newest issues first; the id breaks ties so that paging is stable.
  const terms: { read: Sorter; sign: number }[] = orderBy
    ? orderBy.fields.map((term) => {
        const read = SORTERS[term.field.value.toLowerCase()];
        if (!read) throw new JqlError(`Not able to sort using field '${term.field.value}'.`);
        return { read, sign: term.direction?.value.toUpperCase() === 'DESC' ? -1 : 1 };
      })
    : [{ read: (issue) => issue.facts.created, sign: -1 }];
  terms.push({ read: (issue) => Number(issue.id), sign: terms[0]?.sign ?? 1 });
  return (a, b) => {
    for (const term of terms) {
      const left = term.read(a);
      const right = term.read(b);
      if (left === right) continue;
      // Empty values sort last, as Jira does for ascending order.
      if (left === undefined) return 1;
      if (right === undefined) return -1;
      return (left < right ? -1 : 1) * term.sign;
    }
    return 0;
  };
}
