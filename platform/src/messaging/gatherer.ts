export interface GathererOptions {
  /**
   * Whether the items of a failed commit are each tried again alone before their callers hear of
   * it (default: always). One item that cannot be committed (a record too large, say) then fails
   * alone, and the others go on, as they would have without the gathering.
   */
  retryAlone?(error: unknown): boolean;
}

/**
 * Gathers the items asked for while the event loop turns, and hands them to `commit` together at
 * the next turn; one commit at a time, so what arrives during one goes in the next. Each caller's
 * promise settles with the commit its item was in. The router puts the batches that one fetch
 * hands over at once (one per partition) in one transaction this way, instead of a transaction each;
 * a projection applies them in one call to its read store.
 */
export function createGatherer<T>(commit: (items: readonly T[]) => Promise<void>, options: GathererOptions = {}): (item: T) => Promise<void> {
  interface Waiting {
    item: T;
    resolve: () => void;
    reject: (error: unknown) => void;
  }
  let waiting: Waiting[] = [];
  let draining = false;

  const settle = async (taken: readonly Waiting[]) => {
    try {
      await commit(taken.map(({ item }) => item));
    } catch (error) {
      if (taken.length === 1 || !(options.retryAlone?.(error) ?? true)) {
        for (const { reject } of taken) reject(error);
        return;
      }
      for (const one of taken) await settle([one]);
      return;
    }
    for (const { resolve } of taken) resolve();
  };

  const drain = async () => {
    draining = true;
    try {
      while (waiting.length > 0) {
        // The other batches of the fetch are handed over in the same turn, or the next few.
        await new Promise((resolve) => setImmediate(resolve));
        const taken = waiting;
        waiting = [];
        await settle(taken);
      }
    } finally {
      draining = false;
    }
  };

  return (item) =>
    new Promise<void>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (!draining) void drain();
    });
}
