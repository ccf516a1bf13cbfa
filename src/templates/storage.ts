import { createHash } from 'node:crypto';
import { XMLValidator } from 'fast-xml-parser';

/**
 * Confluence storage format is XHTML with the `ac:` and `ri:` namespaces. A variable's value lands in one of
 * three places: element text, an attribute value, or a CDATA section (code and plain-text macro bodies). Each
 * needs its own escaping, or a value such as `<script>`, `"` or `]]>` would break the page or inject markup.
 */

type PlaceholderContext = 'text' | 'attribute' | 'cdata';

/** Escapes a value for element text: `&`, `<` and `>` become entities. */
export function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes a value for a quoted attribute (either quote style). */
export function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Keeps a value inside its CDATA section: `]]>` is split across two sections, the only way to write it. */
export function escapeCdata(value: string): string {
  return value.replace(/]]>/g, ']]]]><![CDATA[>');
}

/**
 * Characters XML 1.0 forbids (C0 controls but tab and line breaks, U+FFFE, U+FFFF, lone surrogates): Confluence
 * refuses a storage body holding one, and a user can paste one into a variable without seeing it.
 */
const NOT_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** `text` without the characters XML forbids. */
function withoutXmlForbidden(text: string): string {
  return text.replace(NOT_XML, '');
}

const PLACEHOLDER = /\{\{\s*([a-zA-Z][a-zA-Z0-9_]*)\s*\}\}/g;

/** The names of the variables a body or title refers to, in order of first use. */
export function placeholderNames(source: string): string[] {
  return [...new Set([...source.matchAll(PLACEHOLDER)].map((match) => match[1] ?? ''))];
}

/**
 * Where each character offset of `source` stands: inside a CDATA section, inside a tag (attributes), or in
 * text. A single left-to-right pass, so a `>` inside CDATA or an attribute value does not confuse it.
 */
function contextAt(source: string, offsets: readonly number[]): PlaceholderContext[] {
  const result: PlaceholderContext[] = [];
  let state: 'text' | 'tag' | 'cdata' = 'text';
  let quote: string | null = null;
  let position = 0;
  for (const offset of offsets) {
    for (; position < offset; position++) {
      const char = source[position];
      if (state === 'cdata') {
        if (source.startsWith(']]>', position)) {
          state = 'text';
          position += 2;
        }
      } else if (state === 'tag') {
        if (quote) {
          if (char === quote) quote = null;
        } else if (char === '"' || char === "'") quote = char;
        else if (char === '>') state = 'text';
      } else if (source.startsWith('<![CDATA[', position)) {
        state = 'cdata';
        position += 8;
      } else if (char === '<') state = 'tag';
    }
    result.push(state === 'tag' ? 'attribute' : state);
  }
  return result;
}

/** How a value is written in each context; typed variables (users, dates) render richer markup in text. */
export interface RenderedValue {
  readonly plain: string;
  /** Storage markup for element text; already safe (escaped or built from validated parts). */
  readonly markup: string;
}

/**
 * Replaces each `{{name}}` of a storage-format body with its value, escaped for the place it stands in.
 * Unknown names are left as they are (the bundle schema check reports them before anything is rendered).
 * Characters XML forbids are dropped from the output, wherever they came from.
 */
export function renderStorage(source: string, values: Readonly<Record<string, RenderedValue>>): string {
  const matches = [...source.matchAll(PLACEHOLDER)];
  const contexts = contextAt(
    source,
    matches.map((match) => match.index),
  );
  let output = '';
  let last = 0;
  matches.forEach((match, index) => {
    const name = match[1] ?? '';
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    output += source.slice(last, match.index);
    last = match.index + match[0].length;
    if (!value) {
      output += match[0];
      return;
    }
    const context = contexts[index] ?? 'text';
    output +=
      context === 'text'
        ? value.markup
        : context === 'attribute'
          ? escapeAttribute(value.plain)
          : escapeCdata(value.plain);
  });
  return withoutXmlForbidden(output + source.slice(last));
}

/** Replaces `{{name}}` in a page title with the plain value (titles are plain text, not storage format). */
export function renderTitle(source: string, values: Readonly<Record<string, RenderedValue>>): string {
  const title = source.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(values, name) ? (values[name]?.plain ?? whole) : whole,
  );
  return withoutXmlForbidden(title).trim();
}

const NAMESPACES =
  'xmlns:ac="http://atlassian.com/content" xmlns:ri="http://atlassian.com/resource/identifier" xmlns:at="http://atlassian.com/template"';

/** HTML entities Confluence accepts in storage but XML does not know; declared so the parser accepts them. */
const HTML_ENTITIES = [
  'nbsp',
  'ndash',
  'mdash',
  'rarr',
  'larr',
  'hellip',
  'laquo',
  'raquo',
  'rsquo',
  'lsquo',
  'ldquo',
  'rdquo',
  'copy',
  'eacute',
  'agrave',
];

/**
 * Checks that a storage-format body is well-formed XML once wrapped in a root declaring the `ac`/`ri`
 * namespaces, the way Confluence reads it. Returns the parser's message and line, or null when well formed.
 */
export function storageError(body: string): string | null {
  // `search` ignores the global flag and lastIndex, so the shared pattern serves here as is.
  const forbidden = body.search(NOT_XML);
  if (forbidden >= 0) {
    const code = (body.codePointAt(forbidden) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    return `character U+${code}, which XML forbids (offset ${String(forbidden)})`;
  }
  const entities = HTML_ENTITIES.reduce((text, name) => text.replaceAll(`&${name};`, ' '), body);
  // The brief names fast-xml-parser's validator (the check Confluence-bound tools use); its successor package
  // is not installed, and the deprecated export still validates exactly as before.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const result = XMLValidator.validate(`<root ${NAMESPACES}>${entities}</root>`);
  return result === true ? null : `${result.err.msg} (line ${result.err.line}, column ${result.err.col})`;
}

/**
 * A fingerprint of a page body, recorded at install time and compared later to know whether people edited
 * the page. Whitespace between tags is ignored: Confluence may re-indent storage without anyone editing.
 */
export function bodyHash(body: string): string {
  const normalised = body.replace(/>\s+</g, '><').replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(normalised).digest('hex').slice(0, 32);
}
