/**
 * The slice of CQL (Confluence Query Language) the emulator understands: `space`, `type`, `title`, `id`,
 * `ancestor`, `parent` and `label` with `=`, `!=` and `in (…)` (and `title ~` text match), joined by `and` / `or`,
 * with parentheses.
 * Anything else is refused with 400, as Confluence refuses a query it cannot parse.
 */
import type { ConfluencePage, ConfluenceState } from './state';

export class CqlError extends Error {}

type Predicate = (page: ConfluencePage) => boolean;

const FIELDS = ['space', 'type', 'title', 'id', 'ancestor', 'parent', 'label'] as const;
type Field = (typeof FIELDS)[number];

/** Splits CQL into tokens; a quoted value keeps a leading `"` so it is never read as a keyword. */
function tokenize(query: string): string[] {
  const tokens: string[] = [];
  const pattern = /\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|(!=|!~|=|~|\(|\)|,)|([^\s=!~(),"']+))/y;
  let consumed = 0;
  for (;;) {
    pattern.lastIndex = consumed;
    const match = pattern.exec(query);
    if (!match) break;
    consumed = pattern.lastIndex;
    if (match[1] !== undefined || match[2] !== undefined)
      tokens.push(`"${(match[1] ?? match[2] ?? '').replace(/\\(.)/g, '$1')}`);
    else tokens.push(match[3] ?? match[4] ?? '');
  }
  if (query.slice(consumed).trim() !== '')
    throw new CqlError(`Could not parse cql near '${query.slice(consumed, consumed + 20)}'`);
  return tokens;
}

/** The lower-case words of a text, without CQL's `*` wildcard. */
export function textWords(text: string): string[] {
  return text
    .toLowerCase()
    .replaceAll('*', ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/** Reads a CQL query token by token: the next one, a look at it, a value (quotes dropped), and whether all is read. */
export interface CqlReader {
  readonly peek: () => string | undefined;
  readonly next: () => string;
  readonly value: () => string;
  readonly done: () => boolean;
}

export function cqlReader(query: string): CqlReader {
  const tokens = tokenize(query);
  let position = 0;
  const next = (): string => {
    const token = tokens[position++];
    if (token === undefined) throw new CqlError(`Could not parse cql: ${query}`);
    return token;
  };
  return {
    peek: () => tokens[position],
    next,
    value: () => {
      const token = next();
      return token.startsWith('"') ? token.slice(1) : token;
    },
    done: () => position >= tokens.length,
  };
}

/** Parses a CQL query into a predicate over the emulator's pages. */
export function parseCql(query: string, state: ConfluenceState): Predicate {
  const { peek, next, value, done } = cqlReader(query);

  const ancestors = (page: ConfluencePage): string[] => {
    const ids: string[] = [];
    for (let parent = page.parentId; parent; parent = state.pages.get(parent)?.parentId ?? null)
      ids.push(parent);
    return ids;
  };
  const fieldOf = (page: ConfluencePage, field: Field): string[] => {
    switch (field) {
      case 'space':
        return [state.spaces.get(page.spaceId)?.key ?? ''];
      case 'type':
        return ['page'];
      case 'title':
        return [page.title];
      case 'id':
        return [page.id];
      case 'ancestor':
        return ancestors(page);
      case 'parent':
        return page.parentId ? [page.parentId] : [];
      case 'label':
        return page.labels;
    }
  };

  const clause = (): Predicate => {
    if (peek() === '(') {
      next();
      const inner = or();
      if (next() !== ')') throw new CqlError('Expected )');
      return inner;
    }
    const field = next().toLowerCase() as Field;
    if (!FIELDS.includes(field)) throw new CqlError(`The field '${field}' is not supported by this emulator`);
    const operator = next().toLowerCase();
    if (operator === '~' || operator === '!~') {
      if (field !== 'title') throw new CqlError(`The operator ${operator} is not supported for ${field}`);
      const words = textWords(value());
      // CQL's text match: every word asked for starts a word of the title (`prod` finds "Product areas").
      return (page) => {
        const titleWords = textWords(page.title);
        const found = words.every((word) => titleWords.some((candidate) => candidate.startsWith(word)));
        return found !== (operator === '!~');
      };
    }
    let wanted: string[];
    if (operator === 'in' || operator === 'not') {
      if (operator === 'not' && next().toLowerCase() !== 'in') throw new CqlError('Expected in');
      if (next() !== '(') throw new CqlError('Expected (');
      wanted = [value()];
      while (peek() === ',') {
        next();
        wanted.push(value());
      }
      if (next() !== ')') throw new CqlError('Expected )');
    } else if (operator === '=' || operator === '!=') wanted = [value()];
    else throw new CqlError(`Unsupported operator ${operator}`);
    const negate = operator === '!=' || operator === 'not';
    // Titles compare case-insensitively in CQL's exact match; ids and keys exactly.
    const normalise = (text: string): string => (field === 'title' ? text.toLowerCase() : text);
    const set = new Set(wanted.map(normalise));
    return (page) => fieldOf(page, field).some((actual) => set.has(normalise(actual))) !== negate;
  };
  const and = (): Predicate => {
    let left = clause();
    while (peek()?.toLowerCase() === 'and') {
      next();
      const right = clause();
      const previous = left;
      left = (page) => previous(page) && right(page);
    }
    return left;
  };
  const or = (): Predicate => {
    let left = and();
    while (peek()?.toLowerCase() === 'or') {
      next();
      const right = and();
      const previous = left;
      left = (page) => previous(page) || right(page);
    }
    return left;
  };
  const predicate = or();
  if (!done()) throw new CqlError(`Could not parse cql after '${peek() ?? ''}'`);
  return predicate;
}
