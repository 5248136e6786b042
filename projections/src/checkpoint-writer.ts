import type { Logger, ReadStore } from '@ecommerce/platform';

export interface CheckpointWriter {
  /**
   * Saves a checkpoint: `read` is called when the write starts, so the then-latest progress is
   * written. Resolves once a write holding it has ended; a failed write is logged, not thrown
   * (the next save writes the progress again).
   */
  save(name: string, read: () => unknown): Promise<void>;
}

/**
 * One writer for the checkpoints of a process's projections. Saves made in the same turn, or
 * while a write is under way, go out together in the next write (`setCheckpoints`): on a MongoDB
 * server each projection saving its progress after every batch and every lag check was a round
 * trip of its own, most of the read side's commands at rest. A caller waits for at most that
 * next write, never for a chain that later saves keep extending.
 *
 * A write that has not answered within `writeTimeoutMs` counts as failed, so that one lost answer
 * does not hold back every later save and the stop that waits for them: the MongoDB driver was seen
 * to leave a bulk write unanswered for good when the server was killed while it was sent (CI's
 * degradation test). The next save writes the progress again.
 */
export function createCheckpointWriter(store: ReadStore, logger: Logger, writeTimeoutMs = 15_000): CheckpointWriter {
  let pending = new Map<string, () => unknown>();
  let nextWrite: { promise: Promise<void>; resolve: () => void } | null = null;
  let writing = false;
  let scheduled = false;

  const write = async (): Promise<void> => {
    scheduled = false;
    if (writing || pending.size === 0) return;
    const batch = pending;
    const done = nextWrite;
    pending = new Map();
    nextWrite = null;
    writing = true;
    let timer: NodeJS.Timeout | undefined;
    const unanswered = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the read store did not answer within ${writeTimeoutMs} ms`)), writeTimeoutMs);
    });
    try {
      await Promise.race([store.setCheckpoints([...batch].map(([name, read]) => ({ name, value: read() }))), unanswered]);
    } catch (error) {
      logger.warn({ err: error, checkpoints: [...batch.keys()] }, 'could not save projection progress');
    } finally {
      clearTimeout(timer);
      writing = false;
      done?.resolve();
      if (pending.size > 0) schedule();
    }
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => void write());
  };

  return {
    save(name, read) {
      pending.set(name, read);
      if (!nextWrite) {
        let resolve!: () => void;
        const promise = new Promise<void>((done) => (resolve = done));
        nextWrite = { promise, resolve };
      }
      const { promise } = nextWrite;
      if (!writing) schedule();
      return promise;
    },
  };
}
