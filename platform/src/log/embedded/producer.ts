import type { Database } from 'better-sqlite3';
import { AppError } from '../../errors';
import type { LogStore } from './store';
import { signalTopic } from '../../sqlite/signals';
import { FencedError } from '../port';
import { createTurnCommit } from '../../sqlite/turn-commit';
import type { InTurnTransaction } from '../../sqlite/turn-commit';
import type { Producer, ProducerRecord, RecordMetadata, TopicPartitionOffset, Transaction } from '../port';

/**
 * Writes records and consumer offsets in `inTurnTransaction`, fenced by the producer's epoch when
 * it has a transactional id, and wakes the topics' consumers once it has committed.
 */
export function createPublisher(db: Database, store: LogStore, inTurnTransaction: InTurnTransaction) {
  const currentEpoch = db.prepare('SELECT epoch FROM log_transactional_producers WHERE transactional_id = ?').pluck();
  return async (records: readonly ProducerRecord[], offsets: ReadonlyMap<string, TopicPartitionOffset[]>, fence?: { transactionalId: string; epoch: number }): Promise<RecordMetadata[]> => {
    const outcome = await inTurnTransaction(() => {
      if (fence && currentEpoch.get(fence.transactionalId) !== fence.epoch) throw new FencedError(fence.transactionalId);
      const timestamp = Date.now();
      const metadata = store.append(records, timestamp);
      for (const [groupId, groupOffsets] of offsets) store.commitOffsets(groupId, groupOffsets);
      return { metadata, timestamp };
    });
    if (!outcome.ok) throw outcome.error;
    const { metadata, timestamp } = outcome.result;
    store.holdWritten(records, metadata, timestamp);
    for (const topic of new Set(records.map((record) => record.topic))) signalTopic(db, topic);
    return metadata;
  };
}

export type Publish = ReturnType<typeof createPublisher>;

/**
 * A producer of the embedded log. A transaction buffers its records and offsets and writes
 * them at the end, in the turn's SQLite transaction and a savepoint of their own, after checking
 * that no newer producer with the same transactional id has bumped the epoch since this one was created.
 */
export function createEmbeddedProducer(db: Database, store: LogStore, options: { transactionalId?: string } = {}, publish: Publish = createPublisher(db, store, createTurnCommit(db))): Producer {
  const { transactionalId } = options;
  const bumpEpoch = db.prepare(
    `INSERT INTO log_transactional_producers (transactional_id, epoch) VALUES (?, 0)
     ON CONFLICT (transactional_id) DO UPDATE SET epoch = epoch + 1 RETURNING epoch`,
  );
  const currentEpoch = db.prepare('SELECT epoch FROM log_transactional_producers WHERE transactional_id = ?').pluck();
  // Claiming the epoch at creation fences every older producer with this id at once.
  const epoch =
    transactionalId === undefined
      ? undefined
      : db.transaction(() => (bumpEpoch.get(transactionalId) as { epoch: number }).epoch).immediate();
  const fence = transactionalId === undefined || epoch === undefined ? undefined : { transactionalId, epoch };
  let closed = false;

  const assertOpen = () => {
    if (closed) throw new AppError('unavailable', 'producer is closed');
  };

  return {
    // The epoch was taken when this producer was created: older ones are already fenced.
    async claim(): Promise<void> {
      assertOpen();
    },

    async send(records: readonly ProducerRecord[]): Promise<RecordMetadata[]> {
      assertOpen();
      return publish(records, new Map(), fence);
    },

    async transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
      assertOpen();
      if (transactionalId === undefined) {
        throw new AppError('validation', 'transactions need a producer created with a transactionalId');
      }
      if (currentEpoch.get(transactionalId) !== epoch) throw new FencedError(transactionalId);
      const records: ProducerRecord[] = [];
      const offsets = new Map<string, TopicPartitionOffset[]>();
      let open = true;
      const result = await work({
        async send(batch) {
          if (!open) throw new AppError('conflict', 'transaction already ended');
          records.push(...batch);
        },
        async sendOffsets(groupId, groupOffsets) {
          if (!open) throw new AppError('conflict', 'transaction already ended');
          offsets.set(groupId, [...(offsets.get(groupId) ?? []), ...groupOffsets]);
        },
      }).finally(() => {
        open = false;
      });
      await publish(records, offsets, fence);
      return result;
    },

    async close(): Promise<void> {
      closed = true;
    },
  };
}
