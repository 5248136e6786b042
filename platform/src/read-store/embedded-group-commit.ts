/**
 * Group commit for the embedded read store: the file writes of every write call made while the
 * event loop turns are committed in one SQLite transaction at the end of the turn, rather than
 * one transaction per call. A projection applies a batch as one call per document, all at once,
 * and a commit (BEGIN, WAL frames, COMMIT) cost more than the writes in it. The SQLite event
 * store and log group their writes by turn too, each in its own savepoint (`sqlite/turn-commit.ts`);
 * here a batch is all or nothing, and memory is undone with it.
 *
 * Memory is changed by the caller at once; only the file is deferred. A call's promise settles
 * when its batch's transaction has committed (or failed), never before: a caller that awaited a
 * write and then commits its log offset knows the write is in the file.
 */
import type Database from 'better-sqlite3';

/** One write call's share of a batch: its file statements, and how to take its memory changes back. */
export interface QueuedWrite {
  writeFile: () => void;
  /** Steps that restore memory, in the order they were recorded; run in reverse on failure. */
  undo: ReadonlyArray<() => void>;
}

export interface GroupCommit {
  /** Queues a write for this turn's transaction; resolves once it has committed. */
  enqueue(write: QueuedWrite): Promise<void>;
  /**
   * Resolves when what is queued now has committed (at once when nothing is): a write that
   * changed nothing still answers from memory that may be ahead of the file.
   */
  settled(): Promise<void>;
  /** Commits what is queued now: before the file is read or changed outside a batch, and on close. */
  flush(): void;
}

interface Pending extends QueuedWrite {
  resolve: () => void;
  reject: (error: unknown) => void;
}

const noWrite = () => undefined;

export function createGroupCommit(db: Database.Database): GroupCommit {
  let pending: Pending[] = [];
  const commitBatch = db.transaction((batch: readonly Pending[]) => {
    for (const write of batch) write.writeFile();
  });

  const flush = (): void => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    try {
      commitBatch(batch);
    } catch (error) {
      // Nothing of the batch reached the file: memory goes back to what the file holds, newest change first.
      for (let index = batch.length - 1; index >= 0; index -= 1) {
        const { undo } = batch[index] as Pending;
        for (let step = undo.length - 1; step >= 0; step -= 1) (undo[step] as () => void)();
      }
      for (const write of batch) write.reject(error);
      return;
    }
    for (const write of batch) write.resolve();
  };

  const enqueue = (write: QueuedWrite): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      if (pending.length === 0) setImmediate(flush);
      pending.push({ ...write, resolve, reject });
    });

  return {
    enqueue,
    settled: () => (pending.length === 0 ? Promise.resolve() : enqueue({ writeFile: noWrite, undo: [] })),
    flush,
  };
}
