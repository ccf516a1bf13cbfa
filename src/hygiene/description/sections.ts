import type { Block, DescriptionModel } from './model';
import { mayStartWithPhrase, normalise, normalisedPhrases, startsWithPhrase } from './phrases';

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
