/**
 * A bounded memo for the tour caches (zone offsets, holiday names, place keys, expansions).
 * Each caches a pure function of its key, so forgetting is always safe: at `limit` entries it
 * starts over rather than tracking recency, since the working set is one workspace's worth.
 */
export function boundedMemo<K, V>(limit: number): (key: K, compute: () => V) => V {
  const map = new Map<K, V>();
  return (key, compute) => {
    let value = map.get(key);
    if (value === undefined) {
      if (map.size >= limit) map.clear();
      value = compute();
      map.set(key, value);
    }
    return value;
  };
}
