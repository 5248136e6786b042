/**
 * Gathers the items asked for while the event loop turns, and hands them to `commit` together at
 * the next turn; one commit at a time, so what arrives during one goes in the next. Each caller's
 * promise settles with its commit: all of a commit's callers resolve, or all reject with its error.
 * The router puts the batches that one fetch hands over at once (one per partition) in one
 * transaction this way, instead of a transaction each.
 */
export function createGatherer<T>(commit: (items: readonly T[]) => Promise<void>): (item: T) => Promise<void> {
  interface Waiting {
    item: T;
    resolve: () => void;
    reject: (error: unknown) => void;
  }
  let waiting: Waiting[] = [];
  let draining = false;

  const drain = async () => {
    draining = true;
    try {
      while (waiting.length > 0) {
        // The other batches of the fetch are handed over in the same turn, or the next few.
        await new Promise((resolve) => setImmediate(resolve));
        const taken = waiting;
        waiting = [];
        try {
          await commit(taken.map(({ item }) => item));
        } catch (error) {
          for (const { reject } of taken) reject(error);
          continue;
        }
        for (const { resolve } of taken) resolve();
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
