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

/**
 * `compute`, remembered per list (an option's phrases, a rule set): options are parsed once per scan, so the same
 * array comes back for every issue. Held weakly: a list no longer in use lets go of its result.
 */
export function memoiseByList<L extends object, V>(compute: (list: L) => V): (list: L) => V {
  const memory = new WeakMap<L, V>();
  return (list) => {
    let value = memory.get(list);
    if (value === undefined) {
      value = compute(list);
      memory.set(list, value);
    }
    return value;
  };
}
