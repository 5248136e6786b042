import Database from 'better-sqlite3';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { createEmbeddedConsumer } from './consumer';
import { createEmbeddedProducer, createPublisher } from './producer';
import { applyLogSchema } from './schema';
import { createLogStore } from './store';
import { holdSignals } from '../../sqlite/signals';
import type { Consumer, Log, Producer } from '../port';
import { applyFileSettings } from '../../sqlite/file-settings';
import type { FileSettingsOptions } from '../../sqlite/file-settings';
import { createTurnCommit } from '../../sqlite/turn-commit';

export interface EmbeddedLogOptions {
  /** How often consumers look for messages written by other processes (produces in this process, on any thread, wake them at once). */
  pollIntervalMs?: number;
  /** A member that has not heartbeated for this long loses its partitions to the others. */
  sessionTimeoutMs?: number;
  /** How often members renew their leases and check the assignment; defaults to a third of the session, at most 1 s. */
  heartbeatIntervalMs?: number;
}

/**
 * The embedded durable partitioned log on a better-sqlite3 connection. Processes that share
 * the file share the log and its consumer groups; give the connection WAL mode and a busy
 * timeout for that (`openEmbeddedLog` does). The connection stays the caller's to close.
 */
export function createEmbeddedLog(db: SqliteDatabase, options: EmbeddedLogOptions = {}): Log {
  return buildLog(db, options, () => undefined);
}

/** Opens (or creates) a log file in WAL mode; `close` closes the file too. */
export function openEmbeddedLog(filePath: string, options: EmbeddedLogOptions & Pick<FileSettingsOptions, 'checkpointedElsewhere'> = {}): Log {
  const db = new Database(filePath);
  applyFileSettings(db, { checkpointedElsewhere: options.checkpointedElsewhere });
  return buildLog(db, options, () => db.close());
}

function buildLog(db: SqliteDatabase, options: EmbeddedLogOptions, release: () => void): Log {
  applyLogSchema(db);
  const store = createLogStore(db);
  // The producers' publications and the consumers' commits of one turn share one SQLite transaction.
  const inTurnTransaction = createTurnCommit(db);
  const publish = createPublisher(db, store, inTurnTransaction);
  // Produces and group changes of the other threads wake this log's consumers (and this one's wake theirs).
  const releaseSignals = holdSignals(db);
  const sessionTimeoutMs = options.sessionTimeoutMs ?? 10_000;
  const timings = {
    pollIntervalMs: options.pollIntervalMs ?? 100,
    sessionTimeoutMs,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? Math.max(10, Math.min(1000, Math.floor(sessionTimeoutMs / 3))),
  };
  const consumers = new Set<Consumer>();
  const producers = new Set<Producer>();
  let closed = false;

  return {
    async ensureTopics(specs) {
      db.transaction(() => store.ensureTopics(specs)).immediate();
    },
    async partitionCount(topic) {
      return store.partitionCount(topic);
    },
    createProducer(producerOptions) {
      const producer = createEmbeddedProducer(db, store, producerOptions, publish);
      producers.add(producer);
      return producer;
    },
    createConsumer(consumerOptions) {
      const consumer = createEmbeddedConsumer(db, store, consumerOptions, timings, inTurnTransaction);
      consumers.add(consumer);
      return consumer;
    },
    async endOffsets(topic) {
      return store.endOffsets(topic);
    },
    async committedOffsets(groupId, topic) {
      return store.committedOffsets(groupId, topic);
    },
    async read(topic, partition, fromOffset, maxCount) {
      return store.read(topic, partition, fromOffset, maxCount);
    },
    async health() {
      if (closed) return { ok: false, detail: 'closed' };
      try {
        db.prepare('SELECT count(*) FROM log_topics').get();
        return { ok: true, detail: `sqlite ${db.name}` };
      } catch (error) {
        return { ok: false, detail: error instanceof Error ? error.message : String(error) };
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([...consumers].map((consumer) => consumer.stop()));
      await Promise.all([...producers].map((producer) => producer.close()));
      releaseSignals();
      release();
    },
  };
}
