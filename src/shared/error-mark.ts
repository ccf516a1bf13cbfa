/**
 * A mark on error objects that leaves them as they are: an adapter marks the error it throws (`mark` returns it,
 * so it is thrown unchanged) and the code that catches it asks `has`. Marks are held weakly.
 */
export function errorMark(): {
  mark: <E extends object>(error: E) => E;
  has: (error: unknown) => boolean;
} {
  const marked = new WeakSet<object>();
  return {
    mark(error) {
      marked.add(error);
      return error;
    },
    has: (error) => typeof error === 'object' && error !== null && marked.has(error),
  };
}
