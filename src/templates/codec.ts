import { parse as parseYaml, stringify as stringifyYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { bundleSchema, type Bundle, type BundlePage, type Language } from './model';
import { bundleProblems } from './plan';

/** One thing wrong with an imported bundle: where (`pages[0].children[2].title`) and what. */
interface BundleFileProblem {
  readonly path: string;
  readonly message: string;
}

export type ParsedBundle =
  | { readonly ok: true; readonly bundle: Bundle }
  | { readonly ok: false; readonly problems: readonly BundleFileProblem[] };

export type BundleFormat = 'json' | 'yaml';

/** `pages.0.children.2.title` → `pages[0].children[2].title`, the way people read paths. */
function formatPath(path: readonly PropertyKey[]): string {
  return (
    path.reduce<string>(
      (text, part) =>
        typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part),
      '',
    ) || '(root)'
  );
}

function zodProblems(error: z.ZodError): BundleFileProblem[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/**
 * Reads a bundle file (JSON or YAML; YAML is a superset, so JSON text is read by it too) and checks it:
 * the schema first, then the variables its pages use and the storage format of its bodies. Every problem is
 * reported with its path, not only the first.
 */
export function parseBundleFile(text: string, format?: BundleFormat): ParsedBundle {
  let raw: unknown;
  try {
    raw = format === 'json' ? (JSON.parse(text) as unknown) : (parseYaml(text) as unknown);
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` (line ${error.linePos[0].line})` : '';
    return {
      ok: false,
      problems: [
        {
          path: '(file)',
          message: `is not valid ${format === 'json' ? 'JSON' : 'JSON or YAML'}${where}: ${error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)}`,
        },
      ],
    };
  }
  const parsed = bundleSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) };
  const problems = bundleProblems(parsed.data);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, bundle: parsed.data };
}

/** Writes a bundle as JSON or YAML, ready to edit and import again. */
export function serialiseBundle(bundle: Bundle, format: BundleFormat): string {
  return format === 'json' ? `${JSON.stringify(bundle, null, 2)}\n` : stringifyYaml(bundle, { lineWidth: 0 });
}

/** A page of an existing tree, as the exporter reads it from Confluence. */
export interface TreePage {
  readonly id: string;
  readonly title: string;
  readonly parentId: string | null;
  readonly body: string;
  readonly labels: readonly string[];
}

/** A key from a title: lower case, dashes, unique within the bundle. */
function keyFor(title: string, taken: Set<string>): string {
  const base =
    title
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 50) || 'page';
  let key = base;
  for (let index = 2; taken.has(key); index++) key = `${base}-${index}`;
  taken.add(key);
  return key;
}

/**
 * Builds a bundle from an existing page tree (the page `rootId` and everything below it), so ops can turn a
 * space they curated by hand into a bundle, edit it and install it elsewhere. Bodies are kept as they are.
 */
export function bundleFromPageTree(
  meta: { id: string; version: string; language: Language; title: string; description?: string },
  pages: readonly TreePage[],
  rootId: string,
): Bundle {
  const taken = new Set<string>();
  const byParent = new Map<string, TreePage[]>();
  for (const page of pages) {
    if (page.parentId) byParent.set(page.parentId, [...(byParent.get(page.parentId) ?? []), page]);
  }
  const toBundlePage = (page: TreePage, depth: number): BundlePage => ({
    key: keyFor(page.title, taken),
    title: page.title,
    body: page.body,
    labels: page.labels.filter((label) => /^[^\s:]+$/.test(label)),
    // Confluence trees can be deep; a bundle is meant to be a handful of levels.
    children: depth >= 10 ? [] : (byParent.get(page.id) ?? []).map((child) => toBundlePage(child, depth + 1)),
  });
  const root = pages.find((page) => page.id === rootId);
  if (!root) throw new Error(`Page ${rootId} is not in the tree.`);
  return bundleSchema.parse({
    ...meta,
    description: meta.description ?? '',
    variables: [],
    pages: [toBundlePage(root, 0)],
    templates: [],
  });
}
