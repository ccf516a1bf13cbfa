// The ES2019 build of adf-utils' traverse: same function, native object spread instead of Babel helpers, about
// three times faster on a 100,000-issue scan. Typed in ./adf-traverse.d.ts.
import { traverse } from '@atlaskit/adf-utils/dist/es2019/traverse/traverse.js';
import type { ADFEntity, EntityParent } from '@atlaskit/adf-utils/types';
import { memoise, memoiseByList } from './memo';

/**
 * A description (ADF document, wiki markup or plain text) reduced to what the rules look at: its plain text,
 * its word count and its blocks in reading order (headings, paragraphs, lists). Built once per issue and
 * shared by every rule, because parsing is the costly part of a scan.
 */
export type BlockKind = 'heading' | 'paragraph' | 'bullet' | 'ordered' | 'task' | 'code' | 'table';

export interface Block {
  readonly kind: BlockKind;
  /** Heading level 1–6; 7 for a label paragraph ("*Steps to reproduce*", "Expected:"). */
  level: number;
  text: string;
  /** Items of a list or task list. */
  items: number;
  /** A short bold or colon-ended paragraph that acts as a heading. */
  label: boolean;
  /** Normalised first words, filled on first use by `blockLead`. */
  lead?: string | undefined;
  /** Normalised heading wording, filled on first use by `findSection` (null: the block is no heading). */
  heading?: string | null | undefined;
  /**
   * Its lines: a list's items, a paragraph's lines (wiki lines, ADF hard breaks). Line 0 starts the block;
   * "Actual behavior: …" on the third line of a paragraph is found by reading line 2.
   */
  readonly lineCount: number;
  /** The trimmed text of line `index` (0 ≤ index < lineCount). */
  line(index: number): string;
  /**
   * The first letter or digit of line `index` within its first 80 characters, lower-cased when ASCII: its
   * character code, -1 when there is none. Read without copying the line.
   */
  lineInitial(index: number): number;
}

export interface DescriptionModel {
  readonly text: string;
  readonly words: number;
  readonly blocks: readonly Block[];
}

export const EMPTY_DESCRIPTION: DescriptionModel = { text: '', words: 0, blocks: [] };

/**
 * A parsed description; the joined text is built only for the few rules that read it whole, and words are
 * counted only when asked, block by block and only as far as needed (`wordsUpTo`): a bug's pasted log can
 * hold thousands of words nobody needs counted.
 */
class ParsedDescription implements DescriptionModel {
  #text: string | undefined;
  #words = -1;
  constructor(readonly blocks: readonly TextBlock[]) {}
  get words(): number {
    if (this.#words < 0) this.#words = this.wordsUpTo(Infinity);
    return this.#words;
  }
  wordsUpTo(limit: number): number {
    if (this.#words >= 0) return this.#words;
    let words = 0;
    for (const block of this.blocks) {
      words += block.wordsUpTo(limit - words);
      if (words >= limit) return words;
    }
    this.#words = words;
    return words;
  }
  get text(): string {
    if (this.#text === undefined) {
      let text = '';
      for (const block of this.blocks) {
        if (block.text.length === 0) continue;
        text = text.length === 0 ? block.text : `${text}\n${block.text}`;
      }
      this.#text = text;
    }
    return this.#text;
  }
}

/** The characters `String.prototype.trim` removes: they separate words, everything else makes them. */
function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return (
    code === 160 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Words in `text` from offset `start` (runs of characters that are not spaces), counted until `limit`. */
function countIn(text: string, limit = Infinity, start = 0): number {
  let words = 0;
  let inWord = false;
  for (let i = start; i < text.length; i += 1) {
    if (isSpace(text.charCodeAt(i))) inWord = false;
    else if (!inWord) {
      words += 1;
      if (words >= limit) return words;
      inWord = true;
    }
  }
  return words;
}

/**
 * A block being read. Its text is only appended while reading; trimming, joining and counting words happen if
 * and when a rule asks, because most blocks of most descriptions are never read past their first words.
 */
class TextBlock implements Block {
  lead?: string | undefined;
  heading?: string | null | undefined;
  items = 0;
  #raw: string;
  #trimmed: string | undefined;
  /** Exact word count, or -1 when not counted yet. */
  #words = -1;
  /** Offsets in the text where lines after the first start; allocated at the second line only. */
  #breaks: number[] | undefined;

  constructor(
    readonly kind: BlockKind,
    public level: number,
    public label = false,
  ) {
    this.#raw = '';
  }

  get text(): string {
    this.#trimmed ??= this.#raw.trim();
    return this.#trimmed;
  }
  set text(value: string) {
    this.#raw = value;
    this.#trimmed = undefined;
    this.#words = -1;
  }

  get words(): number {
    if (this.#words < 0) this.#words = countIn(this.#raw);
    return this.#words;
  }

  /** The word count, exact below `limit`, at least `limit` otherwise. */
  wordsUpTo(limit: number): number {
    if (this.#words >= 0) return this.#words;
    const words = countIn(this.#raw, limit);
    if (words < limit) this.#words = words;
    return words;
  }

  /** Words of the text from offset `from` on (for reading only part of a description). */
  wordsFrom(from: number): number {
    return countIn(this.#raw, Infinity, from);
  }

  /** Length of the untrimmed text. */
  get length(): number {
    return this.#raw.length;
  }

  /** Whether the block holds a character other than a space (then it has a word). */
  get hasText(): boolean {
    const raw = this.#raw;
    for (let i = 0; i < raw.length; i += 1) if (!isSpace(raw.charCodeAt(i))) return true;
    return false;
  }

  /** Length of the trimmed text, known without trimming. */
  get trimmedLength(): number {
    const raw = this.#raw;
    let first = 0;
    while (first < raw.length && isSpace(raw.charCodeAt(first))) first += 1;
    if (first === raw.length) return 0;
    let end = raw.length;
    while (isSpace(raw.charCodeAt(end - 1))) end -= 1;
    return end - first;
  }

  /** Whether the trimmed text ends with `:`. */
  get endsWithColon(): boolean {
    const raw = this.#raw;
    let end = raw.length;
    while (end > 0 && isSpace(raw.charCodeAt(end - 1))) end -= 1;
    return end > 0 && raw.charCodeAt(end - 1) === 58;
  }

  /** Starts a new line at the current end of the text (the next item of a list, a paragraph's next line). */
  breakLine(): void {
    (this.#breaks ??= []).push(this.#raw.length);
  }

  get lineCount(): number {
    return this.#breaks === undefined ? 1 : this.#breaks.length + 1;
  }

  lineInitial(index: number): number {
    const raw = this.#raw;
    const start = index === 0 ? 0 : (this.#breaks?.[index - 1] ?? raw.length);
    const end = Math.min(this.#breaks?.[index] ?? raw.length, start + 80);
    for (let i = start; i < end; i += 1) {
      const code = raw.charCodeAt(i);
      if (code >= 128) return code;
      const lower = code >= 65 && code <= 90 ? code + 32 : code;
      if ((lower >= 97 && lower <= 122) || (lower >= 48 && lower <= 57)) return lower;
    }
    return -1;
  }

  line(index: number): string {
    const breaks = this.#breaks;
    if (breaks === undefined) return index === 0 ? this.text : '';
    const start = index === 0 ? 0 : (breaks[index - 1] ?? this.#raw.length);
    const end = breaks[index] ?? this.#raw.length;
    return this.#raw.slice(start, end).trim();
  }

  append(text: string): void {
    this.#raw += text;
    this.#trimmed = undefined;
    this.#words = -1;
  }
}

const LIST_TYPES: Record<string, BlockKind> = {
  bulletList: 'bullet',
  orderedList: 'ordered',
  taskList: 'task',
};
const INLINE_HOLDERS = new Set(['listItem', 'taskItem', 'decisionItem', 'tableCell', 'tableHeader']);

/** Reads any description value Jira may return; `null`/absent gives the empty model. */
export function describe(value: unknown): DescriptionModel {
  if (value === null || value === undefined) return EMPTY_DESCRIPTION;
  if (typeof value === 'string') return fromWikiMarkup(value);
  if (typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string') {
    return fromAdf(value as ADFEntity);
  }
  throw new TypeError(`unreadable description (${Array.isArray(value) ? 'array' : typeof value})`);
}

function finish(blocks: TextBlock[]): DescriptionModel {
  if (blocks.length === 0) return EMPTY_DESCRIPTION;
  let kept = 0;
  for (const block of blocks) {
    const length = block.trimmedLength;
    if (block.kind === 'paragraph' && length > 0 && length <= 80) {
      block.label ||= block.endsWithColon;
      if (block.label) block.level = 7;
    } else if (block.kind === 'paragraph') {
      block.label = false;
    }
    // Empty blocks are dropped in place: no second array per description.
    if (length > 0 || block.items > 0) blocks[kept++] = block;
  }
  blocks.length = kept;
  // Blocks kept are the ones with text or items: without them, no words either.
  return kept === 0 ? EMPTY_DESCRIPTION : new ParsedDescription(blocks);
}

function insideInlineHolder(parent: EntityParent): boolean {
  for (let p: EntityParent | undefined = parent; p?.node; p = p.parent) {
    if (INLINE_HOLDERS.has(p.node.type)) return true;
  }
  return false;
}

/**
 * The reader's state while one document is traversed. Module-level, with one visitor created once: a scan reads
 * 100,000 documents and per-call closures showed up as a real cost. Traversal is synchronous, so never shared.
 *
 * In counting mode (`countWords`) no block is built: only the words are counted, block by block as the full
 * reading counts them, and once `limit` is reached every further node is dropped unvisited (traverse skips the
 * subtree of a node its visitor drops), because the rules that only need "is it empty / is it short" have their
 * answer then.
 */
const adf = {
  blocks: [] as TextBlock[],
  current: undefined as TextBlock | undefined,
  allStrong: true,
  counting: false,
  limit: 0,
  words: 0,
  inWord: false,
  kind: undefined as BlockKind | undefined,
};

function closeParagraph(): void {
  const { current } = adf;
  // A paragraph made only of bold text acts as a heading ("*Steps to reproduce*").
  if (current?.kind === 'paragraph' && adf.allStrong && current.hasText) current.label = true;
}

function openBlock(kind: BlockKind, level: number): void {
  if (adf.counting) {
    adf.kind = kind;
    adf.inWord = false;
    return;
  }
  closeParagraph();
  adf.current = new TextBlock(kind, level);
  adf.allStrong = true;
  adf.blocks.push(adf.current);
}

/** The kind of the block being read, in either mode. */
function currentKind(): BlockKind | undefined {
  return adf.counting ? adf.kind : adf.current?.kind;
}

function appendText(text: string): void {
  if (adf.counting) {
    if (adf.kind === undefined) adf.kind = 'paragraph';
    let { words, inWord } = adf;
    for (let i = 0; i < text.length; i += 1) {
      if (isSpace(text.charCodeAt(i))) inWord = false;
      else if (!inWord) {
        words += 1;
        inWord = true;
      }
    }
    adf.words = words;
    adf.inWord = inWord;
    return;
  }
  if (adf.current === undefined) openBlock('paragraph', 0);
  adf.current?.append(text);
}

function hasStrongMark(node: ADFEntity): boolean {
  const { marks } = node;
  if (marks === undefined) return false;
  for (const mark of marks) if (mark.type === 'strong') return true;
  return false;
}

/**
 * Records what one node adds to the blocks. `node` is traverse's own copy: returning it makes traverse put the
 * children it rebuilds on that copy, so the caller's document is never modified (returning nothing would make
 * traverse write new `content` arrays into the JSON). Leaves return `false`: nothing to rebuild.
 */
function visit(node: ADFEntity, parent: EntityParent): ADFEntity | false {
  if (adf.counting && adf.words >= adf.limit) return false;
  const type = node.type;
  if (type === 'text') {
    appendText(typeof node.text === 'string' ? node.text : '');
    if (adf.allStrong && !adf.counting && !hasStrongMark(node)) adf.allStrong = false;
    return false;
  } else if (type === 'paragraph') {
    if (insideInlineHolder(parent)) appendText(' ');
    else openBlock('paragraph', 0);
    return readInline(node, parent);
  } else if (type === 'heading') {
    const level = Number((node.attrs as { level?: unknown } | undefined)?.level);
    openBlock('heading', Number.isInteger(level) && level >= 1 && level <= 6 ? level : 1);
    return readInline(node, parent);
  } else if (type === 'bulletList' || type === 'orderedList' || type === 'taskList') {
    const kind = LIST_TYPES[type] ?? 'bullet';
    if (!insideInlineHolder(parent) || currentKind() !== kind) openBlock(kind, 0);
  } else if (type === 'listItem' || type === 'taskItem') {
    const { current } = adf;
    if (current !== undefined) {
      current.items += 1;
      if (current.items > 1 && !insideInlineHolder(parent)) current.breakLine();
    }
    appendText(' ');
  } else if (type === 'codeBlock') {
    openBlock('code', 0);
  } else if (type === 'table') {
    openBlock('table', 0);
  } else if (type === 'hardBreak') {
    appendText(' ');
    adf.current?.breakLine();
  } else if (type === 'tableCell' || type === 'tableHeader') {
    appendText(' ');
  } else if (type === 'mention' || type === 'emoji' || type === 'status' || type === 'inlineCard') {
    const attrs = node.attrs as { text?: unknown; url?: unknown } | undefined;
    const text = attrs?.text ?? attrs?.url;
    if (typeof text === 'string') appendText(text);
    return false;
  }
  return node;
}

/**
 * Reads a paragraph's or heading's inline children (text, mentions, emoji, breaks) with the same visitor, one
 * level down, and tells traverse not to descend: traverse copies every node it enters, twice, and a description's
 * text nodes are most of its nodes (a 100,000-issue scan allocates a fifth less). An inline node that holds
 * content of its own (none in today's ADF) is visited, then handed to traverse for what it holds.
 */
function readInline(node: ADFEntity, parent: EntityParent): false {
  const { content } = node;
  if (content === undefined) return false;
  const here: EntityParent = { node, parent };
  for (const child of content) {
    if (child === undefined) continue;
    if (adf.counting && adf.words >= adf.limit) break;
    if (visit(child, here) !== false && child.content !== undefined) traverse(child, ADF_VISITORS);
  }
  return false;
}

const ADF_VISITORS = { any: visit };

function fromAdf(doc: ADFEntity): DescriptionModel {
  adf.blocks = [];
  adf.current = undefined;
  adf.allStrong = true;
  adf.counting = false;
  try {
    // One traversal per document; the visitor records blocks and their text and never changes a node.
    traverse(doc, ADF_VISITORS);
    closeParagraph();
    return finish(adf.blocks);
  } finally {
    adf.blocks = [];
    adf.current = undefined;
  }
}

/** Words of an ADF document, counted until `limit`: exact below it, at least `limit` otherwise. */
function countAdfWords(doc: ADFEntity, limit: number): number {
  adf.counting = true;
  adf.limit = limit;
  adf.words = 0;
  adf.inWord = false;
  adf.kind = undefined;
  adf.current = undefined;
  try {
    traverse(doc, ADF_VISITORS);
    return adf.words;
  } finally {
    adf.counting = false;
  }
}

const WIKI_HEADING = /^h([1-6])\.\s*(.*)$/;
const WIKI_LIST = /^\s*([#*-]+)\s+(.*)$/;
const WIKI_TASK = /^\s*(?:\[[ xX]?\]|\(\/\)|\(x\)|\(on\)|\(off\))\s+(.*)$/;
const WIKI_CODE = /^\s*\{(code|noformat)(?::[^}]*)?\}(.*)$/;
const WIKI_BOLD_LINE = /^\s*\*[^*]+\*:?\s*$/;

/** Strips inline wiki markup so that words and phrases compare as people read them. */
const WIKI_INLINE_MARK = /[[!{}*_+]/;

function wikiInline(line: string): string {
  if (!WIKI_INLINE_MARK.test(line)) return line;
  // Each pattern runs only when its marker is there: most marked lines hold one kind of markup ("*Expected*").
  let text = line;
  if (text.includes('[')) text = text.replace(/\[([^|\]]*)\|[^\]]*\]/g, '$1');
  if (text.includes('!')) text = text.replace(/![^!\s][^!]*!/g, '');
  if (text.includes('{')) text = text.replace(/\{(?:color|quote|panel)(?::[^}]*)?\}/g, '');
  if (text.includes('{{') || text.includes('}}')) text = text.replace(/\{\{|\}\}/g, '');
  if (WIKI_EMPHASIS_MARK.test(text))
    text = text.replace(/(^|[\s(])[*_+](?=\S)|(?<=\S)[*_+](?=$|[\s.,:;)!?])/g, '$1');
  return text;
}

const WIKI_EMPHASIS_MARK = /[*_+]/;

/** Starts a block of wiki markup. Module-level rather than a closure: one description is parsed per issue. */
function open(blocks: TextBlock[], kind: BlockKind, level: number, text: string, label = false): TextBlock {
  const block = new TextBlock(kind, level, label);
  if (text.length > 0) block.append(text);
  blocks.push(block);
  return block;
}

/**
 * Reads wiki markup line by line into blocks. With a `limit`, reading stops after the line that brings the
 * word count to it (`countWords`): each line's words are counted apart (every line starts a block or is appended
 * after a separator), so the count is the full reading's, cut short.
 */
function readWikiMarkup(source: string, limit = Infinity): TextBlock[] {
  const blocks: TextBlock[] = [];
  let current: TextBlock | undefined;
  let inCode = false;
  // With a limit: words counted so far, up to block `at`, offset `from` of its text (only the last block is
  // ever appended to, and each line's text starts with a separator, so no word spans two counts).
  let counted = 0;
  let at = 0;
  let from = 0;
  for (let start = 0; start <= source.length;) {
    if (limit !== Infinity) {
      // Bounded by the length: reading past the end would make V8 drop the optimised code of this function.
      while (at < blocks.length) {
        const block = blocks[at];
        if (block === undefined) break;
        counted += block.wordsFrom(from);
        from = block.length;
        if (at === blocks.length - 1) break;
        at += 1;
        from = 0;
      }
      if (counted >= limit) break;
    }
    let end = source.indexOf('\n', start);
    if (end < 0) end = source.length;
    const raw = source.slice(start, end > start && source.charCodeAt(end - 1) === 13 ? end - 1 : end);
    start = end + 1;
    const line = raw.trim();
    // The first character says which line patterns may apply: most lines are prose and run no pattern.
    // (0 for an empty line: reading past the end would make V8 drop this function's optimised code.)
    const first = line.length === 0 ? 0 : line.charCodeAt(0);
    const code = first === 123 /* { */ ? WIKI_CODE.exec(raw) : null;
    if (code) {
      inCode = !inCode;
      if (inCode) current = open(blocks, 'code', 0, code[2] ?? '');
      else current = undefined;
      continue;
    }
    if (inCode) {
      current?.append(`\n${raw}`);
      continue;
    }
    if (line.length === 0) {
      current = undefined;
      continue;
    }
    const heading = first === 104 /* h */ ? WIKI_HEADING.exec(line) : null;
    const task = heading || (first !== 91 /* [ */ && first !== 40) /* ( */ ? null : WIKI_TASK.exec(line);
    const list =
      heading || task || (first !== 35 /* # */ && first !== 42 /* * */ && first !== 45) /* - */
        ? null
        : WIKI_LIST.exec(line);
    if (heading) {
      open(blocks, 'heading', Number(heading[1]), wikiInline(heading[2] ?? ''));
      current = undefined;
    } else if (task || list) {
      const kind: BlockKind = task ? 'task' : (list?.[1] ?? '').endsWith('#') ? 'ordered' : 'bullet';
      if (current?.kind !== kind) current = open(blocks, kind, 0, '');
      current.items += 1;
      if (current.items > 1) current.breakLine();
      current.append(` ${wikiInline(task?.[1] ?? list?.[2] ?? '')}`);
    } else if (first === 124 /* | */) {
      if (current?.kind !== 'table') current = open(blocks, 'table', 0, '');
      current.append(` ${wikiInline(line.replace(/\|+/g, ' '))}`);
    } else if (first === 42 && WIKI_BOLD_LINE.test(line)) {
      open(blocks, 'paragraph', 7, wikiInline(line), true);
      current = undefined;
    } else if (current?.kind === 'paragraph') {
      // A single newline is a line break in Jira's wiki markup: a new line of the same paragraph.
      current.breakLine();
      current.append(` ${wikiInline(line)}`);
    } else {
      current = open(blocks, 'paragraph', 0, wikiInline(line));
    }
  }
  return blocks;
}

function fromWikiMarkup(source: string): DescriptionModel {
  return finish(readWikiMarkup(source));
}

/** `model.words`, counted only as far as `limit` when the model allows it: exact below it, at least `limit` otherwise. */
export function wordsUpTo(model: DescriptionModel, limit: number): number {
  return model instanceof ParsedDescription ? model.wordsUpTo(limit) : model.words;
}

/**
 * The description's word count, read only as far as needed: exact below `limit`, at least `limit` otherwise.
 * Agrees with `describe(value).words` below the limit, and fails on the same values, with the same error.
 * For the rules that only ask whether a description is empty or short: most issues then skip building blocks.
 */
export function countWords(value: unknown, limit: number): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'string') {
    let words = 0;
    for (const block of readWikiMarkup(value, limit)) words += block.words;
    return words;
  }
  if (typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string') {
    return countAdfWords(value as ADFEntity, limit);
  }
  return describe(value).words;
}

const NON_ASCII = /[\u0080-\uffff]/;
const NON_ALNUM = /[^a-z0-9]+/g;

/**
 * Normalised short texts (headings, labels, first words of blocks): descriptions written from templates repeat
 * the same few, and a lookup is cheaper than three new strings.
 */
const normalisedShort = memoise(normaliseNow, 5000);
const CACHED_LENGTH = 100;

/** Lower case, no accents, no punctuation: how headings and phrases are compared. */
export function normalise(text: string): string {
  return text.length > CACHED_LENGTH ? normaliseNow(text) : normalisedShort(text);
}

function normaliseNow(text: string): string {
  return withoutAccents(text).toLowerCase().replace(NON_ALNUM, ' ').trim();
}

/** `text` with its accents taken off ("é" → "e"). NFD is the costly step of a scan; ASCII text skips it. */
export function withoutAccents(text: string): string {
  return NON_ASCII.test(text) ? text.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : text;
}

/** `phrases` normalised, computed once per list. */
export const normalisedPhrases = memoiseByList((phrases: readonly string[]): readonly string[] =>
  phrases.map(normalise),
);

/**
 * `phrases` normalised with a space either side, computed once per list: a phrase occurs as whole words in
 * normalised text when it occurs so padded in `" " + normalise(text) + " "`. An empty phrase gives "  ".
 */
export const paddedPhrases = memoiseByList((phrases: readonly string[]): readonly string[] =>
  normalisedPhrases(phrases).map((phrase) => ` ${phrase} `),
);

/** Whether normalised `text` is `phrase` or starts with it as whole words ("expected result" for "expected"). */
export function startsWithPhrase(text: string, phrase: string): boolean {
  return (
    phrase.length > 0 &&
    text.startsWith(phrase) &&
    (text.length === phrase.length || text.charCodeAt(phrase.length) === 32)
  );
}

/** First characters of the normalised phrases, computed once per list. */
const phraseInitials = memoiseByList(
  (phrases: readonly string[]): ReadonlySet<string> =>
    new Set(normalisedPhrases(phrases).map((phrase) => phrase.charAt(0))),
);

/**
 * Whether line `line` of the block (its lead, for line 0) may start with one of `phrases`, decided on its first
 * letter or digit when that is plain ASCII (normalising then only lower-cases it), without normalising anything:
 * most blocks of a long bug report start with some other letter, and normalising each (NFD on any accent or
 * dash) was a real share of a report's time. Unsure (a non-ASCII first letter): true, and `blockLead` decides.
 */
export function mayStartWithPhrase(block: Block, phrases: readonly string[], line = 0): boolean {
  if (line === 0 && block.lead !== undefined) return true;
  const initial = block.lineInitial(line);
  // Nothing but separators: the lead is empty, and no phrase (never empty) starts it.
  if (initial < 0) return false;
  return initial >= 128 || phraseInitials(phrases).has(String.fromCharCode(initial));
}

/** The normalised first words of a block, cached on it: several rules ask whether a block starts with a phrase. */
export function blockLead(block: Block): string {
  block.lead ??= normalise(block.text.slice(0, 80));
  return block.lead;
}

/** The normalised first words of line `line` of a block (its lead for line 0). */
function lineLead(block: Block, line: number): string {
  return line === 0 ? blockLead(block) : normalise(block.line(line).slice(0, 80));
}

/** The first of `phrases` (normalised) that line `line` of the block starts with, as whole words. */
export function lineStartsWith(block: Block, phrases: readonly string[], line = 0): string | undefined {
  if (!mayStartWithPhrase(block, phrases, line)) return undefined;
  const lead = lineLead(block, line);
  for (const phrase of normalisedPhrases(phrases)) if (startsWithPhrase(lead, phrase)) return phrase;
  return undefined;
}

export interface Section {
  /** The heading's text: a heading or label block's, or the line that opens the section. */
  readonly title: string;
  /** Text after the matched phrase on the heading line itself ("Expected: a 200 answer"), and the lines after it. */
  readonly inline: string;
  readonly blocks: readonly Block[];
}

/**
 * The normalised wording of a block that acts as a heading: a heading, a label paragraph, or the part before
 * the colon of "Expected: the total includes tax". Cached on the block: two rules look for sections.
 */
function headingOf(block: Block): string | null {
  if (block.heading === undefined) {
    if (block.kind === 'heading' || block.label) {
      block.heading = normalise(block.text);
    } else {
      const colon = block.text.indexOf(':');
      block.heading =
        block.kind !== 'paragraph' || colon <= 0 || colon > 60 ? null : normalise(block.text.slice(0, colon));
    }
  }
  return block.heading;
}

/** The blocks after `index` up to the next heading or label of level `level` or higher. */
function blocksUnder(blocks: readonly Block[], index: number, level: number): Block[] {
  const under: Block[] = [];
  for (let j = index + 1; j < blocks.length; j += 1) {
    const next = blocks[j];
    if (next === undefined) break;
    if ((next.kind === 'heading' || next.label) && next.level <= level) break;
    under.push(next);
  }
  return under;
}

/** Lines `from` to the end of a block, trimmed, one per line. */
function linesFrom(block: Block, from: number): string {
  let text = '';
  for (let line = from; line < block.lineCount; line += 1) {
    const part = block.line(line);
    if (part.length > 0) text = text.length === 0 ? part : `${text}\n${part}`;
  }
  return text;
}

/**
 * The section a later line of a paragraph or list opens ("Acceptance criteria: …" under a line of prose): a
 * line whose part before a colon starts with one of `wanted`. It holds the rest of that line, the block's next
 * lines and the blocks after it, up to the next heading or label.
 */
function lineSection(
  blocks: readonly Block[],
  index: number,
  phrases: readonly string[],
  wanted: readonly string[],
): Section | undefined {
  const block = blocks[index];
  if (
    block === undefined ||
    (block.kind !== 'paragraph' && block.kind !== 'bullet' && block.kind !== 'ordered')
  )
    return undefined;
  for (let line = 1; line < block.lineCount; line += 1) {
    if (!mayStartWithPhrase(block, phrases, line)) continue;
    const text = block.line(line);
    const colon = text.indexOf(':');
    if (colon <= 0 || colon > 60) continue;
    const heading = normalise(text.slice(0, colon));
    if (!wanted.some((phrase) => startsWithPhrase(heading, phrase))) continue;
    const rest = text.slice(colon + 1).trim();
    const after = linesFrom(block, line + 1);
    const inline = rest.length === 0 ? after : after.length === 0 ? rest : `${rest}\n${after}`;
    return { title: text, inline, blocks: blocksUnder(blocks, index, 7) };
  }
  return undefined;
}

/**
 * The first section whose heading (or label paragraph, or labelled line) starts with one of `phrases`, with the
 * blocks under it up to the next heading of the same or a higher level.
 */
export function findSection(model: DescriptionModel, phrases: readonly string[]): Section | undefined {
  const wanted = normalisedPhrases(phrases);
  const { blocks } = model;
  for (let i = 0; i < blocks.length; i += 1) {
    const block = blocks[i];
    if (block === undefined) continue;
    const heading = headingOf(block);
    if (heading !== null && wanted.some((phrase) => startsWithPhrase(heading, phrase))) {
      const level = block.kind === 'heading' || block.label ? block.level : 7;
      const colon = block.text.indexOf(':');
      const inline = colon >= 0 ? block.text.slice(colon + 1).trim() : '';
      return { title: block.text, inline, blocks: blocksUnder(blocks, i, level) };
    }
    if (block.lineCount > 1) {
      const section = lineSection(blocks, i, phrases, wanted);
      if (section !== undefined) return section;
    }
  }
  return undefined;
}

/** The words of a section, its heading's own tail included. */
export function sectionText(section: Section): string {
  let text = section.inline;
  for (const block of section.blocks) {
    const part = block.text;
    if (part.length > 0) text = text.length === 0 ? part : `${text}\n${part}`;
  }
  return text;
}
