import { COMPOUND_OPERATOR_AND, creators, JastBuilder, print, type Clause } from '@atlaskit/jql-ast';

/**
 * JQL from user input (project keys, labels, team names), quoted and escaped so that a value can never close
 * its string and add clauses of its own (`" OR project is not EMPTY`). Build every JQL that carries user
 * input with these functions, never by pasting strings.
 */

/**
 * Characters Jira's JQL grammar refuses raw inside a quoted string (its CONTROLCHARS: C0/C1 controls and the
 * Unicode non-characters U+FDD0–U+FDEF, U+FFFE, U+FFFF), plus the line and paragraph separators.
 */
function mustEscape(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code < 0xa0) ||
    (code >= 0xfdd0 && code <= 0xfdef) ||
    code === 0xfffe ||
    code === 0xffff ||
    code === 0x2028 ||
    code === 0x2029
  );
}

/** A JQL string literal: always double-quoted; `"` and `\` escaped, control characters as `\n`, `\t`, `\uXXXX`. */
export function jqlString(value: string): string {
  let escaped = '';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '"' || char === '\\') escaped += `\\${char}`;
    else if (char === '\n') escaped += '\\n';
    else if (char === '\r') escaped += '\\r';
    else if (char === '\t') escaped += '\\t';
    else if (mustEscape(code)) escaped += `\\u${code.toString(16).padStart(4, '0')}`;
    else escaped += char;
  }
  return `"${escaped}"`;
}

/** A parenthesised list of string literals, for `in (…)`. */
export function jqlList(values: readonly string[]): string {
  return `(${values.map(jqlString).join(', ')})`;
}

const PLAIN_FIELD = /^(?:[A-Za-z_][A-Za-z0-9_]*|cf\[\d+\])$/;

/** A field reference: plain names and `cf[10016]` as they are, anything else (spaces, accents) quoted. */
export function jqlField(name: string): string {
  return PLAIN_FIELD.test(name) ? name : jqlString(name);
}

/** `field = "value"`. */
export function eq(field: string, value: string): string {
  return `${jqlField(field)} = ${jqlString(value)}`;
}

/**
 * `field in ("a", "b")`. An empty list is a syntax error, and `in ("")` a 400 for fields such as project or
 * key, so an empty list becomes a clause that is valid for any field and selects nothing.
 */
export function inList(field: string, values: readonly string[]): string {
  if (values.length === 0) return `(${jqlField(field)} is EMPTY AND ${jqlField(field)} is not EMPTY)`;
  return `${jqlField(field)} in ${jqlList(values)}`;
}

function join(operator: 'AND' | 'OR', clauses: readonly (string | undefined | false)[]): string {
  const present = clauses.filter(
    (clause): clause is string => typeof clause === 'string' && clause.trim() !== '',
  );
  if (present.length === 1) return present[0] as string;
  return present.map((clause) => `(${clause})`).join(` ${operator} `);
}

/** Clauses joined by AND, each in parentheses; empty or absent clauses are skipped. */
export function and(...clauses: (string | undefined | false)[]): string {
  return join('AND', clauses);
}

/** Clauses joined by OR, each in parentheses; empty or absent clauses are skipped. */
export function or(...clauses: (string | undefined | false)[]): string {
  return join('OR', clauses);
}

/** `clause ORDER BY field [ASC|DESC]`. */
export function orderBy(clause: string, field: string, direction: 'ASC' | 'DESC' = 'ASC'): string {
  return `${clause} ORDER BY ${jqlField(field)} ${direction}`;
}

/**
 * The query part of a JQL, its `ORDER BY` left out, so that it can be combined with other clauses (`(a ORDER BY
 * b) AND c` is a syntax error). Quoted strings are skipped: `summary ~ "order by"` keeps its words.
 */
export function whereClause(jql: string): string {
  let quote: string | undefined;
  for (let i = 0; i < jql.length; i += 1) {
    const char = jql[i] as string;
    if (quote !== undefined) {
      if (char === '\\') i += 1;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (
      (char === 'o' || char === 'O') &&
      (i === 0 || /[\s)]/.test(jql[i - 1] as string)) &&
      ORDER_BY.test(jql.slice(i))
    )
      return jql.slice(0, i).trim();
  }
  return jql.trim();
}

const ORDER_BY = /^order\s+by\b/i;

/** A JQL that Atlassian's parser (`@atlaskit/jql-ast`) does not read: it is refused, never pasted into another. */
export class JqlSyntaxError extends Error {
  override readonly name = 'JqlSyntaxError';
  constructor(
    readonly jql: string,
    readonly problems: readonly string[],
  ) {
    super(`This JQL does not parse: ${problems.join('; ')}`);
  }
}

function whereOf(jql: string): Clause | undefined {
  const jast = new JastBuilder().build(jql);
  if (jast.errors.length > 0)
    throw new JqlSyntaxError(
      jql,
      jast.errors.map((error) => error.message),
    );
  return jast.query?.where ?? undefined;
}

/**
 * The JQL selecting what every one of `queries` selects, combined as a syntax tree: each is parsed with
 * Atlassian's JQL parser and the clauses joined under one AND node, so no query can close another's parentheses
 * (`resolution = EMPTY) OR (project in (PAY, DAT)` does not parse, and is refused). Each query's ORDER BY is
 * dropped; empty queries are skipped. Throws JqlSyntaxError when one does not parse.
 */
export function allOf(...queries: readonly string[]): string {
  const clauses = queries.map(whereOf).filter((clause): clause is Clause => clause !== undefined);
  const [first] = clauses;
  if (first === undefined) return '';
  const where =
    clauses.length === 1
      ? first
      : creators.compoundClause(creators.compoundOperator(COMPOUND_OPERATOR_AND), clauses);
  return print(creators.jast(creators.query(where)), { operatorCase: 'upper', printWidth: null });
}
