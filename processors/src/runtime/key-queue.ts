/**
 * Per-key serial execution (tasks of one key run one at a time, in push order; different keys
 * run concurrently) and, per partition, the offset that is safe to commit: the one after the
 * last message whose handling, and that of every earlier message of the partition, finished.
 */
export interface KeyQueue {
  /** Runs `task` after the earlier tasks of `key`; if one of those failed, rejects without running it (order per key). */
  push(partition: string, key: string, offset: number, task: () => Promise<void>): Promise<void>;
  /** Next offset to commit for the partition (Kafka convention), or undefined when nothing finished yet. */
  committable(partition: string): number | undefined;
  /** Forgets a partition's offsets (revoked, or its batch is over). */
  forget(partition: string): void;
  /** Tasks pushed and not yet settled. */
  pending(): number;
}

interface PartitionOffsets {
  /** Offsets in push order (increasing); `head` is the first not yet known finished. */
  offsets: number[];
  head: number;
  finished: Set<number>;
  next: number | undefined;
}

export function createKeyQueue(): KeyQueue {
  const tails = new Map<string, Promise<void>>();
  const partitions = new Map<string, PartitionOffsets>();
  let inFlight = 0;

  const offsetsOf = (partition: string): PartitionOffsets => {
    let entry = partitions.get(partition);
    if (!entry) {
      entry = { offsets: [], head: 0, finished: new Set(), next: undefined };
      partitions.set(partition, entry);
    }
    return entry;
  };

  const markFinished = (entry: PartitionOffsets, offset: number) => {
    entry.finished.add(offset);
    while (entry.head < entry.offsets.length) {
      const first = entry.offsets[entry.head] as number;
      if (!entry.finished.has(first)) break;
      entry.finished.delete(first);
      entry.next = first + 1;
      entry.head += 1;
    }
    // Drop the consumed prefix now and then, so a long-lived partition does not grow.
    if (entry.head > 1024 && entry.head * 2 > entry.offsets.length) {
      entry.offsets = entry.offsets.slice(entry.head);
      entry.head = 0;
    }
  };

  return {
    push(partition, key, offset, task) {
      const entry = offsetsOf(partition);
      entry.offsets.push(offset);
      const previous = tails.get(key) ?? Promise.resolve();
      inFlight += 1;
      const run = previous.then(task).then(() => {
        // A forgotten partition's late finishers are not counted any more.
        if (partitions.get(partition) === entry) markFinished(entry, offset);
      });
      tails.set(key, run);
      const settle = () => {
        inFlight -= 1;
        if (tails.get(key) === run) tails.delete(key);
      };
      run.then(settle, settle);
      return run;
    },
    committable: (partition) => partitions.get(partition)?.next,
    forget(partition) {
      partitions.delete(partition);
    },
    pending: () => inFlight,
  };
}
