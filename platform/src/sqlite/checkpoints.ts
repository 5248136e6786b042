import Database from 'better-sqlite3';

/**
 * How far a connection lets its WAL grow before its own commit copies it back into the file, when
 * another thread checkpoints the file (`startCheckpoints`): only a bound for when that thread does
 * not (≈ 400 MiB of 4 KiB pages).
 */
export const checkpointedElsewhereLimitPages = 100_000;

export interface Checkpoints {
  stop(): void;
}

/**
 * Copies the WAL of each file back into the file every `intervalMs`, on the calling thread, with
 * passive checkpoints (they never wait for or block a writer). An auto-checkpoint runs inside the
 * commit that crossed the threshold: on a busy file that is a commit of tens of milliseconds now
 * and then, on whatever thread wrote it. The embedded `start`'s projections thread runs these for
 * the main thread's files, which then checkpoint only past `checkpointedElsewhereLimitPages`.
 */
export function startCheckpoints(filePaths: readonly string[], intervalMs = 250): Checkpoints {
  const connections = filePaths.map((filePath) => {
    const db = new Database(filePath, { fileMustExist: true });
    db.pragma('busy_timeout = 0');
    return db;
  });
  const checkpoint = () => {
    for (const db of connections) {
      try {
        db.pragma('wal_checkpoint(PASSIVE)');
      } catch {
        // Busy (another checkpoint runs): the next interval tries again.
      }
    }
  };
  const timer = setInterval(checkpoint, intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      for (const db of connections) db.close();
    },
  };
}
