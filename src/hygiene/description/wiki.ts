import { finish, TextBlock, type BlockKind, type DescriptionModel } from './model';

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
export function readWikiMarkup(source: string, limit = Infinity): TextBlock[] {
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

/** Reads Jira wiki markup (or plain text) into the description model. */
export function fromWikiMarkup(source: string): DescriptionModel {
  return finish(readWikiMarkup(source));
}
