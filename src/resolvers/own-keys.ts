/**
 * Answers only the resolver keys the app defined. @forge/resolver looks a key up with `in` on a plain object,
 * so `constructor` or `toString` would find Object's own methods and answer; any key not an own property of
 * `defined` is refused with the error Forge gives an unknown key.
 */
export function ownKeysOnly<
  I extends { readonly call: { readonly functionKey: string } },
  R extends unknown[],
  O,
>(defined: object, handler: (invoke: I, ...rest: R) => Promise<O>): (invoke: I, ...rest: R) => Promise<O> {
  return async (invoke, ...rest) => {
    const { functionKey } = invoke.call;
    if (!Object.hasOwn(defined, functionKey))
      throw new Error(`Resolver has no definition for '${functionKey}'.`);
    return handler(invoke, ...rest);
  };
}
