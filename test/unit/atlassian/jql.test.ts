import { JastBuilder, type Clause, type Jast } from '@atlaskit/jql-ast';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allOf,
  and,
  eq,
  inList,
  jqlField,
  jqlList,
  jqlString,
  or,
  JqlSyntaxError,
  orderBy,
  whereClause,
} from '../../../src/atlassian/jql';

/** Reads a quoted JQL literal back the way Jira's grammar defines its escapes (`\n`, `\t`, `\uXXXX`, `\"`…). */
function decodeJiraString(text: string): string {
  return text.slice(1, -1).replace(/\\(u[0-9a-fA-F]{4}|.)/gsu, (_, escape: string) => {
    if (escape.length === 5) return String.fromCharCode(parseInt(escape.slice(1), 16));
    return escape === 'n' ? '\n' : escape === 'r' ? '\r' : escape === 't' ? '\t' : escape;
  });
}

function parse(jql: string): Jast {
  const jast = new JastBuilder().build(jql);
  expect(jast.errors.map((error) => error.message)).toEqual([]);
  return jast;
}

/** The where clause of a query (the parser types an absent one as `void`). */
const whereOf = (jast: Jast): Clause | undefined => jast.query?.where ?? undefined;

/** The terminal clauses of a parsed query, depth first. */
function terminals(clause: Clause | undefined): Clause[] {
  if (!clause) return [];
  if (clause.clauseType === 'compound') return clause.clauses.flatMap(terminals);
  if (clause.clauseType === 'not') return terminals(clause.clause);
  return [clause];
}

type Operand = { operandType: string; value?: string; text?: string; values?: Operand[] };
const operandOf = (clause: Clause | undefined): Operand =>
  (clause as unknown as { operand: Operand }).operand;

const hostile = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(
    '" OR 1=1',
    '" OR project is not EMPTY OR labels = "',
    '\\',
    '\\"',
    'a\\" OR "b',
    "' OR ''='",
    ') OR (project = X',
    'line\nbreak',
    'tab\tand\rreturn',
    'ORDER BY key',
    'équipe 🚀 チーム',
    'non\ufdd0character\uffff',
    '',
  ),
);
// Characters the sandbox's parser (atlaskit) reads back literally: it strips a backslash from any escape, so
// `\n` becomes `n` there, whereas Jira reads a newline. Control characters are checked against Jira's rules.
const noControl = (value: string): boolean =>
  Array.from(value).every((char) => {
    const code = char.codePointAt(0) ?? 0;
    const escaped = code < 0x20 || (code >= 0x7f && code < 0xa0) || (code >= 0xfdd0 && code <= 0xfdef);
    return !escaped && code !== 0xfffe && code !== 0xffff && code !== 0x2028 && code !== 0x2029;
  });

describe('jqlString and the builder against the JQL grammar', () => {
  it('makes any string one value of one clause, however hostile', () => {
    fc.assert(
      fc.property(hostile, (value) => {
        const jast = parse(eq('labels', value));
        const clauses = terminals(whereOf(jast));
        expect(clauses).toHaveLength(1);
        const operand = operandOf(clauses[0]);
        expect(operand.operandType).toBe('value');
        expect(decodeJiraString(operand.text ?? '')).toBe(value);
        if (noControl(value)) expect(operand.value).toBe(value);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps every value of an in-list a separate list item', () => {
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 1, maxLength: 6 }), (values) => {
        const clauses = terminals(whereOf(parse(inList('project', values))));
        expect(clauses).toHaveLength(1);
        const operand = operandOf(clauses[0]);
        expect(operand.operandType).toBe('list');
        expect(operand.values?.map((item) => decodeJiraString(item.text ?? ''))).toEqual(values);
      }),
      { numRuns: 200 },
    );
  });

  it('combines clauses so that each user value stays inside its own clause', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, (project, label, team) => {
        const jql = and(eq('project', project), or(eq('labels', label), eq('Team', team)));
        const clauses = terminals(whereOf(parse(jql)));
        expect(clauses.map((clause) => decodeJiraString(operandOf(clause).text ?? ''))).toEqual([
          project,
          label,
          team,
        ]);
        expect(whereOf(parse(jql))?.clauseType).toBe('compound');
      }),
      { numRuns: 200 },
    );
  });
});

describe('jql helpers', () => {
  const cases: { name: string; jql: string; expected: string }[] = [
    { name: 'quotes a plain value', jql: jqlString('MOD'), expected: '"MOD"' },
    { name: 'escapes a quote and a backslash', jql: jqlString('a"b\\c'), expected: '"a\\"b\\\\c"' },
    {
      name: 'escapes a newline, a tab and a control character',
      jql: jqlString('a\nb\tc\u0001'),
      expected: '"a\\nb\\tc\\u0001"',
    },
    { name: 'keeps accents and emoji as they are', jql: jqlString('équipe 🚀'), expected: '"équipe 🚀"' },
    { name: 'lists values in parentheses', jql: jqlList(['A', 'B"']), expected: '("A", "B\\"")' },
    { name: 'leaves a plain field name bare', jql: jqlField('labels'), expected: 'labels' },
    { name: 'leaves a cf[] reference bare', jql: jqlField('cf[10016]'), expected: 'cf[10016]' },
    { name: 'quotes a field name with spaces', jql: jqlField('Story Points'), expected: '"Story Points"' },
    { name: 'builds an equality', jql: eq('Team', 'Core "API"'), expected: 'Team = "Core \\"API\\""' },
    {
      name: 'selects nothing for an empty in-list instead of failing',
      jql: inList('project', []),
      expected: '(project is EMPTY AND project is not EMPTY)',
    },
    {
      name: 'joins clauses in parentheses and skips absent ones',
      jql: and(eq('project', 'A'), undefined, '', or(eq('labels', 'x'), eq('labels', 'y'))),
      expected: '(project = "A") AND ((labels = "x") OR (labels = "y"))',
    },
    {
      name: 'adds no parentheses around a single clause',
      jql: and(eq('project', 'A')),
      expected: 'project = "A"',
    },
    {
      name: 'orders the result',
      jql: orderBy(eq('project', 'A'), 'key'),
      expected: 'project = "A" ORDER BY key ASC',
    },
  ];
  it.each(cases)('$name', ({ jql, expected }) => {
    expect(jql).toBe(expected);
  });
});

describe('whereClause', () => {
  /** The query part as Atlassian's own parser sees it: the text before its ORDER BY node (in code points). */
  function oracle(jql: string): string {
    const jast = parse(jql);
    const orderBy = jast.query?.orderBy ?? undefined;
    if (orderBy === undefined) return jql.trim();
    const [start] = orderBy.position ?? [Infinity];
    return Array.from(jql).slice(0, start).join('').trim();
  }

  it('leaves out the ORDER BY, keeping "order by" inside strings, as jql-ast reads them', () => {
    for (const jql of [
      'project in (AC, ALOY, DAEMON, MOD) ORDER BY key',
      'project = PAY order   by created DESC, key ASC',
      'summary ~ "order by" AND labels = x ORDER BY rank',
      "summary ~ 'ORDER BY' ORDER BY key",
      'summary ~ "say \\"order by\\" twice"',
      '(project = A)ORDER BY key',
      'ORDER BY key',
      'project = ORDERS',
      'reorder = yes',
    ])
      expect(whereClause(jql)).toBe(oracle(jql));
  });

  it('agrees with jql-ast on generated queries with hostile values', () => {
    fc.assert(
      fc.property(hostile, fc.boolean(), (value, ordered) => {
        const where = and(eq('summary', value), inList('labels', [value, 'order by']));
        const jql = ordered ? orderBy(where, 'created', 'DESC') : where;
        expect(whereClause(jql)).toBe(oracle(jql));
        expect(whereClause(jql)).toBe(where);
      }),
    );
  });
});

describe('allOf', () => {
  it.each([
    {
      name: 'keeps a typed OR under the restriction',
      queries: [eq('project', 'CHK'), 'resolution = EMPTY OR project in (PAY, DAT)'],
      expected: 'project = "CHK" AND (resolution = empty OR project IN (PAY, DAT))',
    },
    {
      name: 'drops the typed ORDER BY',
      queries: [eq('project', 'PAY'), 'resolution = EMPTY ORDER BY created DESC'],
      expected: 'project = "PAY" AND resolution = empty',
    },
    {
      name: 'keeps a parenthesis inside a string as text',
      queries: [eq('project', 'PAY'), 'summary ~ "x) OR (y"'],
      expected: 'project = "PAY" AND summary ~ "x) OR (y"',
    },
    {
      name: 'skips empty queries',
      queries: ['', eq('project', 'PAY'), 'ORDER BY key'],
      expected: 'project = "PAY"',
    },
  ])('$name', ({ queries, expected }) => {
    expect(allOf(...queries)).toBe(expected);
  });

  it.each([
    ['closes the restriction with ) OR (', 'resolution = EMPTY) OR (project in (PAY, DAT)'],
    ['opens a parenthesis it never closes', '(resolution = EMPTY'],
    ['doubles an operator', 'status = = nonsense('],
  ])('refuses a query that %s, instead of pasting it', (_name, typed) => {
    expect(() => allOf(eq('project', 'CHK'), typed)).toThrow(JqlSyntaxError);
  });

  it('selects within the restriction for any hostile value combined as a tree', () => {
    fc.assert(
      fc.property(hostile, (value) => {
        const combined = parse(allOf(eq('project', 'CHK'), eq('summary', value)));
        const where = combined.query?.where as Clause | undefined;
        expect(where?.clauseType).toBe('compound');
      }),
    );
  });
});
