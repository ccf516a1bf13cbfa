import path from 'node:path';
import ts from 'typescript';

/** A write through a computed string key into an object that is not known to have no prototype. */
export interface KeyCrossing {
  /** Path from the repository root, with `/`. */
  readonly file: string;
  readonly line: number;
  /** The assignment as written, on one line. */
  readonly code: string;
}

const unwrap = (node: ts.Expression): ts.Expression =>
  ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node)
    ? unwrap(node.expression)
    : node;

const isObjectCreateNull = (node: ts.Expression): boolean => {
  const call = unwrap(node);
  return (
    ts.isCallExpression(call) &&
    call.expression.getText() === 'Object.create' &&
    call.arguments[0]?.kind === ts.SyntaxKind.NullKeyword
  );
};

/**
 * Whether `node` makes an object without a prototype: `Object.create(null)`, or a call to a function of the
 * program whose every `return` is one.
 */
function makesNullPrototype(node: ts.Expression, checker: ts.TypeChecker): boolean {
  if (isObjectCreateNull(node)) return true;
  const call = unwrap(node);
  if (!ts.isCallExpression(call)) return false;
  const declaration = checker.getSymbolAtLocation(call.expression)?.valueDeclaration;
  if (declaration === undefined || !ts.isFunctionDeclaration(declaration) || declaration.body === undefined)
    return false;
  const returns: ts.ReturnStatement[] = [];
  const collect = (child: ts.Node): void => {
    if (ts.isReturnStatement(child)) returns.push(child);
    else if (!ts.isFunctionLike(child)) ts.forEachChild(child, collect);
  };
  ts.forEachChild(declaration.body, collect);
  return (
    returns.length > 0 && returns.every((r) => r.expression !== undefined && isObjectCreateNull(r.expression))
  );
}

/** Whether the object written to was made without a prototype, where the code shows it (a local or `??=`). */
function hasNoPrototype(target: ts.Expression, checker: ts.TypeChecker): boolean {
  const object = unwrap(target);
  if (
    ts.isBinaryExpression(object) &&
    object.operatorToken.kind === ts.SyntaxKind.QuestionQuestionEqualsToken
  )
    return makesNullPrototype(object.right, checker);
  if (!ts.isIdentifier(object)) return false;
  const declaration = checker.getSymbolAtLocation(object)?.valueDeclaration;
  return (
    declaration !== undefined &&
    ts.isVariableDeclaration(declaration) &&
    declaration.initializer !== undefined &&
    makesNullPrototype(declaration.initializer, checker)
  );
}

const isAssignment = (kind: ts.SyntaxKind): boolean =>
  kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;

/** The type holds `string` itself (not only literals): any text may reach it. */
const holdsAnyString = (type: ts.Type): boolean =>
  (type.flags & ts.TypeFlags.String) !== 0 || (type.isUnion() && type.types.some(holdsAnyString));

/**
 * Every `object[key] = …` (and `??=`, `+=`, `++`…) in `files` where `key` is typed `string` and `object` is
 * neither an array nor made by `Object.create(null)` in sight: a key `__proto__` would replace the object's
 * prototype instead of adding an entry, which is how one label broke every resolver (issue 13, item 1).
 */
export function findKeyCrossings(program: ts.Program, files: readonly string[], root: string): KeyCrossing[] {
  const checker = program.getTypeChecker();
  const crossings: KeyCrossing[] = [];
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (source === undefined) throw new Error(`${file} is not in the program`);
    const visit = (node: ts.Node): void => {
      let written: ts.Expression | undefined;
      if (ts.isBinaryExpression(node) && isAssignment(node.operatorToken.kind)) written = node.left;
      if (
        (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) &&
        (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)
      )
        written = node.operand;
      const access = written === undefined ? undefined : unwrap(written);
      if (access !== undefined && ts.isElementAccessExpression(access)) {
        const objectType = checker.getTypeAtLocation(access.expression);
        const arrayLike = checker.isArrayType(objectType) || checker.isTupleType(objectType);
        if (
          !arrayLike &&
          holdsAnyString(checker.getTypeAtLocation(access.argumentExpression)) &&
          !hasNoPrototype(access.expression, checker)
        ) {
          crossings.push({
            file: path.relative(root, file).split(path.sep).join('/'),
            line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
            code: node.getText().replace(/\s+/g, ' '),
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return crossings;
}

/** The program of the repository's tsconfig, for the files under `folder`. */
export function programOf(root: string, folder: string): { program: ts.Program; files: string[] } {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.json'), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (parsed === undefined) throw new Error('tsconfig.json cannot be read');
  const prefix = path.join(root, folder) + path.sep;
  const files = parsed.fileNames.map((file) => path.resolve(file)).filter((file) => file.startsWith(prefix));
  return { program: ts.createProgram(files, parsed.options), files };
}
