import XMLBuilder from 'fast-xml-builder';
import { XMLParser } from 'fast-xml-parser';
import { diff3MergeRegions, diffIndices } from 'node-diff3';
import { bodyHash, storageError } from './storage';

/**
 * Three-way merge of Confluence storage bodies, block by block: base is the body as installed, ours the new
 * bundle version's body, theirs the page as people edited it. A block is a top-level element (paragraph,
 * heading, macro, panel) or, inside tables, lists, task lists and layouts, one row, item, task or cell; the
 * container's own tags are blocks of their own, so a row added upstream and a row edited by people both land.
 */

/** One part of a merged body: blocks both sides agree on, or the three versions of blocks they disagree on. */
export type MergePart =
  | { readonly kind: 'same'; readonly storage: string }
  | { readonly kind: 'conflict'; readonly base: string; readonly ours: string; readonly theirs: string };

export type StorageMerge =
  /** `ours` when people had not edited the page, `theirs` when the bundle brings nothing they lack. */
  | { readonly kind: 'clean'; readonly body: string; readonly source: 'ours' | 'theirs' | 'merged' }
  | { readonly kind: 'conflict'; readonly parts: readonly MergePart[] };

/** How one conflict is settled: the page as people have it, the new version, or both (theirs first). */
export type ConflictChoice = 'theirs' | 'ours' | 'both';

const NAMESPACES =
  'xmlns:ac="http://atlassian.com/content" xmlns:ri="http://atlassian.com/resource/identifier" xmlns:at="http://atlassian.com/template"';

/** Elements whose children are merged one by one rather than as a whole. */
const CONTAINERS = new Set([
  'table',
  'thead',
  'tbody',
  'tfoot',
  'colgroup',
  'ul',
  'ol',
  'ac:task-list',
  'ac:layout',
  'ac:layout-section',
  'ac:layout-cell',
]);

// Entities and text are kept as written (no decoding, no trimming), so a block written back is the block read.
const XML_OPTIONS = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  allowBooleanAttributes: true,
  processEntities: false,
  htmlEntities: false,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  cdataPropName: '#cdata',
  commentPropName: '#comment',
} as const;

const parser = new XMLParser(XML_OPTIONS);
const builder = new XMLBuilder({ ...XML_OPTIONS, suppressEmptyNode: true, format: false });

type XmlNode = Record<string, unknown>;

function isNodeList(value: unknown): value is XmlNode[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'object' && item !== null);
}

function elementName(node: XmlNode): string | undefined {
  return Object.keys(node).find((name) => name !== ':@');
}

function openTag(name: string, attributes: unknown): string {
  const pairs = typeof attributes === 'object' && attributes !== null ? Object.entries(attributes) : [];
  const written = pairs.map(([key, value]) => ` ${key}="${String(value).replace(/"/g, '&quot;')}"`);
  return `<${name}${written.join('')}>`;
}

function blocksOf(nodes: readonly XmlNode[]): string[] {
  return nodes.flatMap((node): string[] => {
    const name = elementName(node);
    if (name === undefined) return [];
    const content = node[name];
    if (name === '#text') {
      const text = typeof content === 'string' ? content : '';
      return text.trim() ? [text] : [];
    }
    if (CONTAINERS.has(name) && isNodeList(content)) {
      return [openTag(name, node[':@']), ...blocksOf(content), `</${name}>`];
    }
    return [builder.build([node])];
  });
}

/** The blocks of a storage body, or null when it is not well-formed (then it cannot be merged by block). */
export function storageBlocks(body: string): string[] | null {
  if (storageError(body) !== null) return null;
  const tree: unknown = parser.parse(`<root ${NAMESPACES}>${body}</root>`);
  const root = isNodeList(tree) ? tree.find((node) => 'root' in node) : undefined;
  const children = root?.root;
  return isNodeList(children) ? blocksOf(children) : null;
}

/** Confluence re-indents storage without anyone editing: blocks are compared with whitespace collapsed. */
const blockKey = (block: string): string => block.replace(/>\s+</g, '><').replace(/\s+/g, ' ').trim();

/**
 * Whether two bodies hold the same blocks, spelling aside (whitespace between tags, `<x />` or `<x/>`): a merge
 * settled to exactly what the page holds is then no edit to write.
 */
export function sameBlocks(a: string, b: string): boolean {
  const [left, right] = [a, b].map((body) => storageBlocks(body)?.map(blockKey).join('\n'));
  return left !== undefined && left === right;
}

interface Hunk {
  readonly start: number;
  readonly end: number;
  readonly side: 'ours' | 'theirs';
  readonly replacement: readonly string[];
}

function hunks(base: readonly string[], side: readonly string[], name: Hunk['side']): Hunk[] {
  return diffIndices([...base], [...side]).map(({ buffer1, buffer2 }) => ({
    start: buffer1[0],
    end: buffer1[0] + buffer1[1],
    side: name,
    replacement: side.slice(buffer2[0], buffer2[0] + buffer2[1]),
  }));
}

/**
 * diff3 calls changes that merely touch a conflict (a section appended right after a paragraph people edited).
 * Such a region is settled when no base block is changed by both sides and no two insertions land at the same
 * place (their order would be a guess); otherwise it stays a conflict. Answers the merged blocks, or null.
 */
function settleTouching(
  base: readonly string[],
  ours: readonly string[],
  theirs: readonly string[],
): string[] | null {
  const all = [...hunks(base, ours, 'ours'), ...hunks(base, theirs, 'theirs')].sort(
    (a, b) => a.start - b.start || a.end - b.end,
  );
  for (let index = 1; index < all.length; index++) {
    const previous = all[index - 1];
    const current = all[index];
    if (!previous || !current) continue;
    const sameInsertion = previous.start === previous.end && current.start === current.end;
    if (current.start < previous.end || (sameInsertion && current.start === previous.start)) return null;
  }
  const merged: string[] = [];
  let position = 0;
  for (const hunk of all) {
    merged.push(...base.slice(position, hunk.start), ...hunk.replacement);
    position = hunk.end;
  }
  return [...merged, ...base.slice(position)];
}

/**
 * Blocks both sides wrote alike at the start or end of a region are no conflict (a page that already holds a
 * merge written by a cut run, the same section added on both sides): they are taken out, from the base too
 * when it has them, and the rest is judged on its own.
 */
function trimAgreed(
  o: readonly string[],
  a: readonly string[],
  b: readonly string[],
): { before: string[]; o: string[]; a: string[]; b: string[]; after: string[] } {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end])
    end++;
  const before = a.slice(0, start);
  const after = a.slice(a.length - end);
  let base = [...o];
  if (before.every((block, index) => base[index] === block)) base = base.slice(before.length);
  if (
    after.length <= base.length &&
    after.every((block, index) => base[base.length - after.length + index] === block)
  )
    base = base.slice(0, base.length - after.length);
  return { before, o: base, a: a.slice(start, a.length - end), b: b.slice(start, b.length - end), after };
}

/**
 * Merges the three versions of a page body. Untouched pages take the new version whole; otherwise blocks are
 * merged with diff3, changes on one side only are applied, and blocks both sides changed differently are
 * returned as conflicts with their three versions (nothing is chosen for people). A body that is not well
 * formed, or a merge that would not be, is one conflict of the whole page.
 */
export function mergeStorage(base: string, ours: string, theirs: string): StorageMerge {
  const [baseBlocks, ourBlocks, theirBlocks] = [base, ours, theirs].map(storageBlocks);
  const whole = (): StorageMerge => ({ kind: 'conflict', parts: [{ kind: 'conflict', base, ours, theirs }] });
  if (!baseBlocks || !ourBlocks || !theirBlocks) return whole();
  const text = new Map<string, string>();
  // People's spelling of a block wins over ours when both are the same block: their whitespace stays.
  for (const block of [...theirBlocks, ...ourBlocks, ...baseBlocks])
    if (!text.has(blockKey(block))) text.set(blockKey(block), block);
  const [o, a, b] = [baseBlocks, ourBlocks, theirBlocks].map((blocks) => blocks.map(blockKey)) as [
    string[],
    string[],
    string[],
  ];
  const same = (x: readonly string[], y: readonly string[]): boolean => x.join('\n') === y.join('\n');
  if (same(b, o)) return { kind: 'clean', body: ours, source: 'ours' };
  if (same(a, o) || same(a, b)) return { kind: 'clean', body: theirs, source: 'theirs' };

  const storage = (keys: readonly string[]): string => keys.map((key) => text.get(key) ?? key).join('');
  const parts: MergePart[] = [];
  const pushSame = (keys: readonly string[]): void => {
    const last = parts[parts.length - 1];
    if (last?.kind === 'same')
      parts[parts.length - 1] = { kind: 'same', storage: last.storage + storage(keys) };
    else if (keys.length > 0) parts.push({ kind: 'same', storage: storage(keys) });
  };
  for (const region of diff3MergeRegions(a, o, b)) {
    if (region.stable) {
      pushSame(region.bufferContent);
      continue;
    }
    const {
      before,
      o: oRest,
      a: aRest,
      b: bRest,
      after,
    } = trimAgreed(region.oContent, region.aContent, region.bContent);
    const settled =
      same(aRest, bRest) || same(oRest, bRest)
        ? aRest
        : same(oRest, aRest)
          ? bRest
          : settleTouching(oRest, aRest, bRest);
    if (settled) pushSame([...before, ...settled, ...after]);
    else {
      pushSame(before);
      parts.push({ kind: 'conflict', base: storage(oRest), ours: storage(aRest), theirs: storage(bRest) });
      pushSame(after);
    }
  }
  if (parts.some((part) => part.kind === 'conflict')) return { kind: 'conflict', parts };
  const body = parts.map((part) => (part.kind === 'same' ? part.storage : '')).join('');
  return storageError(body) === null ? { kind: 'clean', body, source: 'merged' } : whole();
}

/** The conflicts of a merge, in page order. */
export function mergeConflicts(parts: readonly MergePart[]): Extract<MergePart, { kind: 'conflict' }>[] {
  return parts.filter((part): part is Extract<MergePart, { kind: 'conflict' }> => part.kind === 'conflict');
}

/**
 * What a choice was made on: the two sides of a conflict. A choice sent with its fingerprint applies only to the
 * same conflict, so a page edited again between the preview and the install is never settled blind.
 */
export function conflictFingerprint(part: { readonly ours: string; readonly theirs: string }): string {
  return bodyHash(`${part.theirs}\u0000${part.ours}`);
}

/** A choice as given: alone (applies to whatever conflict has that place), or with its conflict's fingerprint. */
export type GivenChoice = ConflictChoice | { readonly choice: ConflictChoice; readonly fingerprint: string };

/** The body once each conflict is settled by a person's choice (one per conflict, in page order). */
export function resolveMerge(parts: readonly MergePart[], choices: readonly ConflictChoice[]): string {
  let index = 0;
  return parts
    .map((part) => {
      if (part.kind === 'same') return part.storage;
      const choice = choices[index++];
      if (!choice) throw new RangeError('every conflict needs a choice');
      return choice === 'theirs' ? part.theirs : choice === 'ours' ? part.ours : part.theirs + part.ours;
    })
    .join('');
}
