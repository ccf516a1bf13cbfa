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
export function isSpace(code: number): boolean {
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
export class TextBlock implements Block {
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

/** Labels short bold or colon-ended paragraphs, drops empty blocks, and wraps what is left in a model. */
export function finish(blocks: TextBlock[]): DescriptionModel {
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

/** `model.words`, counted only as far as `limit` when the model allows it: exact below it, at least `limit` otherwise. */
export function wordsUpTo(model: DescriptionModel, limit: number): number {
  return model instanceof ParsedDescription ? model.wordsUpTo(limit) : model.words;
}
