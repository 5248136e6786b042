import type { Database } from 'better-sqlite3';

/** What one queued write came to inside its turn's transaction: its result, or the error that rolled back its savepoint. */
export type TurnOutcome<R> = { ok: true; result: R } | { ok: false; error: unknown };

/** Runs `work` in this turn's transaction; resolves once that has committed, never rejects. */
export type InTurnTransaction = <R>(work: () => R) => Promise<TurnOutcome<R>>;

/**
 * Group commit with independent outcomes: the writes asked for while the event loop turns are
 * run at the next turn in one IMMEDIATE transaction, each in its own savepoint, so one that
 * throws is rolled back alone and the others commit. A commit (BEGIN, WAL frames, COMMIT) costs
 * more than the few rows of a typical write, and the embedded pipeline makes many small ones per
 * order. A lone write runs in a transaction of its own.
 *
 * A write's outcome is known only once the whole turn has committed: a failed commit (another
 * process held the file's lock too long) gives every write of the turn its error.
 */
export function createTurnCommit(db: Database): InTurnTransaction {
  interface Queued {
    work: () => unknown;
    settle: (outcome: TurnOutcome<unknown>) => void;
  }
  // Nested in `runAll`, `runOne` is a savepoint.
  const runOne = db.transaction((work: () => unknown) => work());
  const runAll = db.transaction((queue: readonly Queued[]): Array<TurnOutcome<unknown>> =>
    queue.map(({ work }) => {
      try {
        return { ok: true, result: runOne(work) };
      } catch (error) {
        return { ok: false, error };
      }
    }),
  );
  let pending: Queued[] = [];

  const flush = () => {
    const queue = pending;
    pending = [];
    let outcomes: Array<TurnOutcome<unknown>>;
    try {
      outcomes = queue.length === 1 ? [{ ok: true, result: runOne.immediate((queue[0] as Queued).work) }] : runAll.immediate(queue);
    } catch (error) {
      outcomes = queue.map(() => ({ ok: false, error }));
    }
    queue.forEach((queued, index) => queued.settle(outcomes[index] as TurnOutcome<unknown>));
  };

  return <R>(work: () => R) =>
    new Promise<TurnOutcome<R>>((settle) => {
      if (pending.length === 0) setImmediate(flush);
      pending.push({ work, settle: settle as (outcome: TurnOutcome<unknown>) => void });
    });
}
