import ts from 'typescript';

/**
 * Refuses `object[key] = …` (and `??=`, `+=`, `++`) when `key` is any string rather than one of a closed set of
 * literals: with text people typed as the key, `__proto__` writes onto Object.prototype and breaks every later
 * strict parse in the process. Arrays, typed arrays and numeric indexes are fine; so are object literals with
 * computed keys, which define own properties.
 */
export const noDataKeyedWrite = {
  meta: {
    type: 'problem',
    messages: {
      dataKey:
        'A string key written into a plain object can be `__proto__`: use a Map, or build the record with Object.fromEntries / a prototype-less object.',
    },
    schema: [],
  },
  create(context) {
    const services = context.sourceCode.parserServices;
    const checker = services.program.getTypeChecker();
    const typeOf = (node) => checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(node));

    const isClosedKey = (type) => {
      if (type.isUnion()) return type.types.every(isClosedKey);
      const flags = type.getFlags();
      return (
        (flags & (ts.TypeFlags.NumberLike | ts.TypeFlags.BigIntLike | ts.TypeFlags.ESSymbolLike)) !== 0 ||
        type.isStringLiteral() ||
        (flags & ts.TypeFlags.BooleanLiteral) !== 0
      );
    };
    const isIndexedList = (type) =>
      checker.isArrayType(type) ||
      checker.isTupleType(type) ||
      /Array$/.test(type.getSymbol()?.getName() ?? '');

    const check = (target) => {
      if (target.type !== 'MemberExpression' || !target.computed) return;
      if (isIndexedList(typeOf(target.object))) return;
      if (isClosedKey(typeOf(target.property))) return;
      context.report({ node: target, messageId: 'dataKey' });
    };
    return {
      AssignmentExpression: (node) => check(node.left),
      UpdateExpression: (node) => check(node.argument),
    };
  },
};
