/**
 * `compute`, remembered per key: a scan asks the same few questions 100,000 times (a status name's lower case,
 * whether it says blocked, a rule's message for a wording). Bounded: past `limit` keys the memory starts over, in
 * case some key is free text.
 */
export function memoise<K, V>(compute: (key: K) => V, limit = 2000): (key: K) => V {
  const memory = new Map<K, V>();
  return (key) => {
    let value = memory.get(key);
    if (value === undefined) {
      value = compute(key);
      if (memory.size >= limit) memory.clear();
      memory.set(key, value);
    }
    return value;
  };
}
