import { createLogger, createMemoryReadStore } from '@ecommerce/platform';
import type { CheckpointEntry, ReadStore } from '@ecommerce/platform';
import { createCheckpointWriter } from './checkpoint-writer';

const silentLogger = createLogger({ level: 'silent' });

/** A real in-memory store whose `setCheckpoints` calls are recorded, and held or failed on demand. */
function recordingStore() {
  const inner = createMemoryReadStore();
  const writes: Array<Array<{ name: string; value: unknown }>> = [];
  let hold: Promise<void> | undefined;
  let failNext = false;
  const store: ReadStore = {
    ...inner,
    async setCheckpoints(entries: ReadonlyArray<CheckpointEntry>) {
      writes.push(entries.map((entry) => ({ ...entry })));
      await hold;
      if (failNext) {
        failNext = false;
        throw new Error('store down');
      }
      await inner.setCheckpoints(entries);
    },
  };
  return {
    store,
    writes,
    holdWrites() {
      let release!: () => void;
      hold = new Promise<void>((resolve) => (release = resolve));
      return () => {
        hold = undefined;
        release();
      };
    },
    failNextWrite: () => void (failNext = true),
  };
}

describe('checkpoint writer', () => {
  it('writes the saves of one turn together, each name once with its latest value', async () => {
    const recording = recordingStore();
    const writer = createCheckpointWriter(recording.store, silentLogger);
    let progress = 1;
    const saves = [writer.save('a', () => ({ offset: progress })), writer.save('b', () => 'b1'), writer.save('a', () => ({ offset: progress }))];
    progress = 2;
    await Promise.all(saves);
    expect(recording.writes).toEqual([[{ name: 'a', value: { offset: 2 } }, { name: 'b', value: 'b1' }]]);
    expect(await recording.store.getCheckpoint('a')).toEqual({ offset: 2 });
    expect(await recording.store.getCheckpoint('b')).toBe('b1');
  });

  it('holds the saves made during a write for one next write, and answers each caller after the write that holds it', async () => {
    const recording = recordingStore();
    const writer = createCheckpointWriter(recording.store, silentLogger);
    const release = recording.holdWrites();
    let firstDone = false;
    const first = writer.save('a', () => 1).then(() => void (firstDone = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(recording.writes).toHaveLength(1);
    let laterDone = false;
    const later = Promise.all([writer.save('b', () => 2), writer.save('c', () => 3)]).then(() => void (laterDone = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect([firstDone, laterDone, recording.writes.length]).toEqual([false, false, 1]);
    release();
    await first;
    await later;
    expect(recording.writes).toEqual([[{ name: 'a', value: 1 }], [{ name: 'b', value: 2 }, { name: 'c', value: 3 }]]);
  });

  it('counts a write that never answers as failed after its timeout, and writes the next save', async () => {
    const recording = recordingStore();
    const warnings: unknown[] = [];
    const logger = createLogger({ level: 'warn' });
    logger.warn = ((...args: unknown[]) => void warnings.push(args)) as typeof logger.warn;
    const writer = createCheckpointWriter(recording.store, logger, 50);
    recording.holdWrites();
    const started = Date.now();
    await writer.save('a', () => 1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(warnings).toHaveLength(1);
    const releaseSecond = recording.holdWrites();
    const second = writer.save('a', () => 2);
    releaseSecond();
    await second;
    expect(await recording.store.getCheckpoint('a')).toBe(2);
  });

  it('answers a save whose write failed, and writes it again with the next save', async () => {
    const recording = recordingStore();
    const warnings: unknown[] = [];
    const logger = createLogger({ level: 'warn' });
    logger.warn = ((...args: unknown[]) => void warnings.push(args)) as typeof logger.warn;
    const writer = createCheckpointWriter(recording.store, logger);
    recording.failNextWrite();
    await writer.save('a', () => 1);
    expect(warnings).toHaveLength(1);
    expect(await recording.store.getCheckpoint('a')).toBeNull();
    await writer.save('a', () => 2);
    expect(await recording.store.getCheckpoint('a')).toBe(2);
  });
});
