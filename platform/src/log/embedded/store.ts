import type { Database } from 'better-sqlite3';
import { NotFoundError, ValidationError } from '../../errors';
import { partitionFor } from '../murmur2';
import type { Headers, LogMessage, ProducerRecord, RecordMetadata, TopicPartitionOffset, TopicSpec } from '../port';
import { createTailCache } from './tail-cache';

interface MessageRow {
  topic: string;
  partition: number;
  offset: number;
  key: string | null;
  value: Buffer | null;
  headers: string;
  timestamp: number;
}

const EMPTY_HEADERS = '{}';

// Most messages of some topics carry no headers: skip the parse, still hand out a fresh object.
// Frozen, however read: the consumer groups of a connection share what they read (tail-cache.ts).
const toMessage = (row: MessageRow): LogMessage =>
  Object.freeze({
    topic: row.topic,
    partition: row.partition,
    offset: row.offset,
    key: row.key,
    value: row.value,
    headers: Object.freeze(row.headers === EMPTY_HEADERS ? {} : (JSON.parse(row.headers) as Headers)),
    timestamp: row.timestamp,
  });

const copyOf = (value: Buffer): Buffer => {
  const copy = Buffer.allocUnsafeSlow(value.length);
  value.copy(copy);
  return copy;
};

const MESSAGE_COLUMNS = 'topic, partition, offset, key, value, headers, timestamp';

/** The SQL of topics, messages and committed offsets; callers own the transactions. */
export function createLogStore(db: Database) {
  const statements = {
    insertTopic: db.prepare('INSERT OR IGNORE INTO log_topics (name, partitions, compacted) VALUES (?, ?, ?)'),
    insertPartition: db.prepare('INSERT OR IGNORE INTO log_partitions (topic, partition, end_offset) VALUES (?, ?, 0)'),
    partitionCount: db.prepare('SELECT partitions FROM log_topics WHERE name = ?').pluck(),
    endOffsets: db.prepare('SELECT end_offset FROM log_partitions WHERE topic = ? ORDER BY partition').pluck(),
    endOffset: db.prepare('SELECT end_offset FROM log_partitions WHERE topic = ? AND partition = ?').pluck(),
    advance: db.prepare('UPDATE log_partitions SET end_offset = ? WHERE topic = ? AND partition = ?'),
    insertMessage: db.prepare(
      'INSERT INTO log_messages (topic, partition, offset, key, value, headers, timestamp) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    endOffsetsByPartition: db.prepare('SELECT partition, end_offset FROM log_partitions WHERE topic = ?'),
    read: db.prepare(
      `SELECT ${MESSAGE_COLUMNS} FROM log_messages WHERE topic = ? AND partition = ? AND offset >= ? ORDER BY offset LIMIT ?`,
    ),
    readBelow: db.prepare(
      `SELECT ${MESSAGE_COLUMNS} FROM log_messages
       WHERE topic = ? AND partition = ? AND offset >= ? AND offset < ? ORDER BY offset LIMIT ?`,
    ),
    commit: db.prepare(
      `INSERT INTO log_group_offsets (group_id, topic, partition, next_offset) VALUES (?, ?, ?, ?)
       ON CONFLICT (group_id, topic, partition) DO UPDATE SET next_offset = excluded.next_offset`,
    ),
    committed: db.prepare('SELECT partition, next_offset FROM log_group_offsets WHERE group_id = ? AND topic = ?'),
    committedOne: db
      .prepare('SELECT next_offset FROM log_group_offsets WHERE group_id = ? AND topic = ? AND partition = ?')
      .pluck(),
  };
  // Below an end offset seen earlier, what the consumer groups of this connection read last.
  const tail = createTailCache();
  // Null keys go round-robin per topic, as Kafka's default partitioner does.
  const roundRobin = new Map<string, number>();

  const partitionCount = (topic: string): number => {
    const count = statements.partitionCount.get(topic) as number | undefined;
    if (count === undefined) throw new NotFoundError(`topic ${topic} does not exist`, { topic });
    return count;
  };

  const choosePartition = (record: ProducerRecord, count: number): number => {
    if (record.partition !== undefined) {
      if (!Number.isInteger(record.partition) || record.partition < 0 || record.partition >= count) {
        throw new ValidationError(`topic ${record.topic} has no partition ${record.partition}`);
      }
      return record.partition;
    }
    if (record.key !== null) return partitionFor(record.key, count);
    const next = roundRobin.get(record.topic) ?? 0;
    roundRobin.set(record.topic, next + 1);
    return next % count;
  };

  return {
    ensureTopics(specs: readonly TopicSpec[]): void {
      for (const spec of specs) {
        if (!Number.isInteger(spec.partitions) || spec.partitions < 1) {
          throw new ValidationError(`topic ${spec.topic} needs a positive partition count`);
        }
        if (statements.insertTopic.run(spec.topic, spec.partitions, spec.compacted ? 1 : 0).changes === 0) continue;
        for (let partition = 0; partition < spec.partitions; partition++) {
          statements.insertPartition.run(spec.topic, partition);
        }
      }
    },

    partitionCount,

    /** Appends with contiguous per-partition offsets, each at `timestamp`; call inside an immediate transaction. */
    append(records: readonly ProducerRecord[], timestamp = Date.now()): RecordMetadata[] {
      const ends = new Map<string, number>();
      const metadata = records.map((record) => {
        const partition = choosePartition(record, partitionCount(record.topic));
        const slot = `${record.topic}\u0000${partition}`;
        const offset = ends.get(slot) ?? (statements.endOffset.get(record.topic, partition) as number);
        statements.insertMessage.run(
          record.topic, partition, offset, record.key, record.value, JSON.stringify(record.headers ?? {}), timestamp,
        );
        ends.set(slot, offset + 1);
        return { topic: record.topic, partition, offset };
      });
      for (const [slot, end] of ends) {
        const [topic, partition] = slot.split('\u0000') as [string, string];
        statements.advance.run(end, topic, Number(partition));
      }
      return metadata;
    },

    read(topic: string, partition: number, fromOffset: number, maxCount: number): LogMessage[] {
      return (statements.read.all(topic, partition, fromOffset, maxCount) as MessageRow[]).map(toMessage);
    },

    /** Messages in [fromOffset, beforeOffset): a fetch bounded by an end offset seen earlier, which is then its high watermark. */
    readBelow(topic: string, partition: number, fromOffset: number, beforeOffset: number, maxCount: number): LogMessage[] {
      // A negative maxCount is SQLite's "no limit", as in `read`.
      const count = maxCount < 0 ? beforeOffset - fromOffset : Math.min(beforeOffset - fromOffset, maxCount);
      if (count <= 0) return [];
      const held = tail.get(topic, partition, fromOffset, count);
      if (held.length === count) return held;
      const rest = fromOffset + held.length;
      const read = (statements.readBelow.all(topic, partition, rest, beforeOffset, count - held.length) as MessageRow[]).map(toMessage);
      // Inside a transaction of this connection a read may see rows that are not committed yet.
      if (!db.inTransaction) tail.put(topic, partition, rest, read);
      return held.length === 0 ? read : [...held, ...read];
    },

    /**
     * Records this connection has just committed (`append`'s records, its metadata and timestamp):
     * held, as a read of the file would return them, for the partitions its consumer groups read,
     * so that a group at the tail does not read them back. The embedded `start`'s threads mostly
     * read what they have just written (the processors their router's inboxes, the projections
     * the mirror's topics). Call only once the commit has succeeded; inside a transaction of the
     * caller's (a savepoint that may yet roll back) nothing is held, as for reads.
     */
    holdWritten(records: readonly ProducerRecord[], metadata: readonly RecordMetadata[], timestamp: number): void {
      if (db.inTransaction) return;
      const runs = new Map<string, LogMessage[]>();
      records.forEach((record, index) => {
        const { topic, partition, offset } = metadata[index] as RecordMetadata;
        if (!tail.reads(topic, partition)) return;
        // A copy, as a read hands out: the caller's buffer stays the caller's. Of its own size: a
        // small Buffer.from shares an 8 KiB slab that a held message would keep alive.
        const value = record.value === null ? null : copyOf(record.value);
        const message = Object.freeze({ topic, partition, offset, key: record.key, value, headers: Object.freeze({ ...record.headers }), timestamp });
        const slot = `${topic}\u0000${partition}`;
        const run = runs.get(slot);
        if (run) run.push(message);
        else runs.set(slot, [message]);
      });
      for (const run of runs.values()) {
        const [first] = run as [LogMessage];
        tail.put(first.topic, first.partition, first.offset, run);
      }
    },

    /** End offset of every partition of a topic in one query, partition → end; empty for an unknown topic. */
    endOffsetMap(topic: string): Map<number, number> {
      const rows = statements.endOffsetsByPartition.all(topic) as Array<{ partition: number; end_offset: number }>;
      return new Map(rows.map((row) => [row.partition, row.end_offset]));
    },

    endOffsets(topic: string): number[] {
      partitionCount(topic);
      return statements.endOffsets.all(topic) as number[];
    },

    endOffset(topic: string, partition: number): number {
      return (statements.endOffset.get(topic, partition) as number | undefined) ?? 0;
    },

    commitOffsets(groupId: string, offsets: readonly TopicPartitionOffset[]): void {
      for (const { topic, partition, offset } of offsets) statements.commit.run(groupId, topic, partition, offset);
    },

    committedOffset(groupId: string, topic: string, partition: number): number | null {
      return (statements.committedOne.get(groupId, topic, partition) as number | undefined) ?? null;
    },

    committedOffsets(groupId: string, topic: string): Array<number | null> {
      const result: Array<number | null> = Array.from({ length: partitionCount(topic) }, () => null);
      const rows = statements.committed.all(groupId, topic) as Array<{ partition: number; next_offset: number }>;
      for (const row of rows) if (row.partition < result.length) result[row.partition] = row.next_offset;
      return result;
    },
  };
}

export type LogStore = ReturnType<typeof createLogStore>;
