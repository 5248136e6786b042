/** A bounded map that evicts the least recently used entry (Map keeps insertion order). */
export interface LruCache<Value> {
  get(key: string): Value | undefined;
  set(key: string, value: Value): void;
  delete(key: string): void;
  /** Deletes every entry the predicate accepts (the caches of revoked partitions). */
  deleteWhere(predicate: (value: Value, key: string) => boolean): number;
  size(): number;
}

export function createLruCache<Value>(capacity: number): LruCache<Value> {
  if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`cache size must be a positive integer, got ${capacity}`);
  const entries = new Map<string, Value>();
  return {
    get(key) {
      const value = entries.get(key);
      if (value === undefined) return undefined;
      entries.delete(key);
      entries.set(key, value);
      return value;
    },
    set(key, value) {
      entries.delete(key);
      entries.set(key, value);
      while (entries.size > capacity) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
    },
    delete(key) {
      entries.delete(key);
    },
    deleteWhere(predicate) {
      let deleted = 0;
      for (const [key, value] of entries) {
        if (predicate(value, key)) {
          entries.delete(key);
          deleted += 1;
        }
      }
      return deleted;
    },
    size: () => entries.size,
  };
}
