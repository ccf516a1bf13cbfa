/**
 * Every REST call the app's code makes, found in its source. `@forge/lint` only sees calls written as
 * `requestJira(route\`/rest/…\`)`, and the app sends every call through the `Transport` indirection
 * (src/platform/forge/transport.ts passes a variable), so the linter cannot see a single path. This collector
 * reads the TypeScript syntax tree of src/ instead and finds the calls the clients describe:
 *   `{ method: 'POST', path: '/rest/api/3/search/jql', … }`           (JiraClient)
 *   `call('POST', \`${V2}/pages/${encodeURIComponent(id)}\`, …)`       (ConfluenceClient)
 * and any other path literal (method unknown, e.g. handed to a paging helper that GETs it).
 * Interpolated values become `{}`; constants of the same file (`V1`, `V2`) are resolved.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface RestCall {
  /** `undefined` when the method is not written beside the path (then every method of the path is checked). */
  readonly method: string | undefined;
  /** `/rest/api/3/issue/{}/properties/{}` */
  readonly path: string;
  /** `src/atlassian/jira.ts:239` */
  readonly where: string;
}

const METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']);
const REST_PREFIX = /^\/(rest\/|wiki\/rest\/|wiki\/api\/)/;

/** The TypeScript files under a folder (no declaration files). */
export function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** String constants declared in the file (`const V2 = '/wiki/api/v2'`), to resolve `${V2}` in paths. */
function fileConstants(file: ts.SourceFile): Map<string, string> {
  const constants = new Map<string, string>();
  const visit = (node: ts.Node): void => {
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.initializer &&
      ts.isStringLiteralLike(node.initializer)
    ) {
      constants.set(node.name.text, node.initializer.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return constants;
}

/** The path an expression spells, with `{}` for what is only known at run time; undefined if not a string. */
function pathOf(node: ts.Node, constants: Map<string, string>): string | undefined {
  if (ts.isStringLiteralLike(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    let text = node.head.text;
    for (const span of node.templateSpans) {
      const constant = ts.isIdentifier(span.expression) ? constants.get(span.expression.text) : undefined;
      text += (constant ?? '{}') + span.literal.text;
    }
    return text;
  }
  return undefined;
}

function restPath(node: ts.Node, constants: Map<string, string>): string | undefined {
  const text = pathOf(node, constants)?.split('?')[0];
  return text !== undefined && REST_PREFIX.test(text) ? text : undefined;
}

/** Collects the REST calls of every `.ts` file under `sourceRoot` (paths in `where` relative to `repoRoot`). */
export function collectRestCalls(sourceRoot: string, repoRoot: string): RestCall[] {
  const calls: RestCall[] = [];
  for (const fileName of sourceFiles(sourceRoot)) {
    const file = ts.createSourceFile(fileName, readFileSync(fileName, 'utf8'), ts.ScriptTarget.Latest, true);
    const constants = fileConstants(file);
    const claimed = new Set<ts.Node>();
    const where = (node: ts.Node): string =>
      `${path.relative(repoRoot, fileName)}:${String(file.getLineAndCharacterOfPosition(node.getStart()).line + 1)}`;

    const visit = (node: ts.Node): void => {
      // { method: 'POST', path: '/rest/…' }
      if (ts.isObjectLiteralExpression(node)) {
        const property = (name: string) =>
          node.properties.find(
            (candidate): candidate is ts.PropertyAssignment =>
              ts.isPropertyAssignment(candidate) &&
              ts.isIdentifier(candidate.name) &&
              candidate.name.text === name,
          );
        const method = property('method')?.initializer;
        const pathNode = property('path')?.initializer;
        const found = pathNode && restPath(pathNode, constants);
        if (found && method && ts.isStringLiteralLike(method) && METHODS.has(method.text)) {
          calls.push({ method: method.text, path: found, where: where(pathNode) });
          claimed.add(pathNode);
        }
      }
      // call('POST', `${V2}/pages`, …)
      if (ts.isCallExpression(node)) {
        const [first, second] = node.arguments;
        const found = second ? restPath(second, constants) : undefined;
        if (first && second && ts.isStringLiteralLike(first) && METHODS.has(first.text) && found) {
          calls.push({ method: first.text, path: found, where: where(second) });
          claimed.add(second);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);

    const leftovers = (node: ts.Node): void => {
      if ((ts.isStringLiteralLike(node) || ts.isTemplateExpression(node)) && !claimed.has(node)) {
        const found = restPath(node, constants);
        if (found && !ts.isVariableDeclaration(node.parent))
          calls.push({ method: undefined, path: found, where: where(node) });
        if (ts.isTemplateExpression(node)) return;
      }
      ts.forEachChild(node, leftovers);
    };
    leftovers(file);
  }
  return calls;
}
