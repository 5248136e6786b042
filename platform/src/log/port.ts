/**
 * The log port: a durable, partitioned, Kafka-shaped log. The embedded adapter
 * (SQLite) and the Kafka adapter (kafkajs) pass the same contract suite.
 * Partition of a keyed record = murmur2(key) mod partitions, as Kafka's default partitioner.
 * Offsets are numbers; `nextOffset` style (the offset of the next message to read) is used
 * for commits and end offsets, as in Kafka.
 */
export type Headers = Record<string, string>;

export interface TopicSpec {
  topic: string;
  partitions: number;
  /** Log compaction by key (Kafka `cleanup.policy=compact`). */
  compacted?: boolean;
}

export interface ProducerRecord {
  topic: string;
  key: string | null;
  value: Buffer | null;
  headers?: Headers;
  /** Explicit partition; otherwise murmur2 of the key (round-robin for null keys). */
  partition?: number;
}

export interface RecordMetadata {
  topic: string;
  partition: number;
  offset: number;
}

export interface LogMessage {
  topic: string;
  partition: number;
  offset: number;
  key: string | null;
  value: Buffer | null;
  headers: Headers;
  /** Milliseconds since the epoch when appended. */
  timestamp: number;
}

export interface TopicPartitionOffset {
  topic: string;
  partition: number;
  /** The next offset to consume (Kafka's committed-offset convention). */
  offset: number;
}

export interface Transaction {
  send(records: readonly ProducerRecord[]): Promise<void>;
  /** Commit consumer-group offsets as part of this transaction (consume-transform-produce). */
  sendOffsets(groupId: string, offsets: readonly TopicPartitionOffset[]): Promise<void>;
}

export interface Producer {
  send(records: readonly ProducerRecord[]): Promise<RecordMetadata[]>;
  /**
   * Everything sent inside `work` becomes visible atomically when it resolves, or not
   * at all when it throws. Needs a producer created with a `transactionalId`; a newer
   * producer with the same transactional id fences this one (its next transaction throws
   * a FencedError).
   */
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /**
   * Take over the transactional id now rather than at the first transaction: older producers
   * with the id are fenced and a transaction they left open is aborted. A process that must not
   * read state another instance may still be writing (the mirror's checkpoint) claims first.
   */
  claim(): Promise<void>;
  close(): Promise<void>;
}

export interface Batch {
  topic: string;
  partition: number;
  messages: LogMessage[];
  /** End offset of the partition when the batch was fetched (offset of the next message to be written). */
  highWatermark: number;
  /**
   * Where the partition goes on after this batch: past its last message and past the transaction
   * markers right after it (Kafka). What a handler that commits its own offsets (`sendOffsets`)
   * commits, so that a group that handled everything sits at the end offset.
   */
  nextOffset: number;
}

export interface BatchContext {
  /** Commit up to (not including) `nextOffset` now, before the batch ends (with `commitIntervalMs`, with the next commit). */
  commit(nextOffset: number): Promise<void>;
  /** False once the consumer is stopping or the partition was revoked: finish quickly. */
  isRunning(): boolean;
}

export interface ConsumerOptions {
  groupId: string;
  topics: string[];
  /** Where a group with no committed offset starts: the beginning (default) or the end. */
  fromBeginning?: boolean;
  /**
   * Handle one batch of one partition. When it resolves, the offset after its last
   * message is committed. When it throws, nothing more is committed and the batch is
   * redelivered after a backoff (at-least-once).
   */
  eachBatch(batch: Batch, context: BatchContext): Promise<void>;
  onPartitionsAssigned?(partitions: Array<{ topic: string; partition: number }>): void;
  onPartitionsRevoked?(partitions: Array<{ topic: string; partition: number }>): void;
  /** Upper bound of messages in one batch. */
  maxBatchSize?: number;
  /**
   * Batches of up to this many partitions may be handled at the same time, each partition's in
   * order (default: the log's own setting). A hint: the embedded log handles one at a time.
   */
  partitionsAtOnce?: number;
  /**
   * For a consumer off the hot path (a read model, an inbox whose work may wait): after a round
   * of batches it waits until this long has passed since that round began before it reads again,
   * so that what arrives meanwhile comes in fewer, larger batches (a read, a handler call and an
   * offset commit each). A message after a quiet spell is read at once. Default 0: always at once.
   * Both logs honour it (on Kafka, a round is a fetch and its batches).
   */
  batchWindowMs?: number;
  /**
   * Assign partitions in units: the partitions whose numbers are equal modulo `partitionUnits`, in
   * every topic, always go to the same member. A handler that keeps one transactional id per unit
   * (and runs a unit's batches in one transaction) is then fenced as one with a producer per
   * partition is. Every member of a group must ask for the same count. Default: no constraint.
   */
  partitionUnits?: number;
  /**
   * For an idempotent handler (DESIGN §4.4): offsets are committed at most once per this interval
   * (and at a stop, and as a rebalance begins) instead of after every batch, and a batch ends
   * without waiting for a commit of its own. A crash hands what was handled since the last commit
   * over again. Default 0: each batch's offset committed before it ends. A hint the embedded log
   * ignores: there a commit is a row written in the SQLite transaction of the turn's other writes,
   * not a request.
   */
  commitIntervalMs?: number;
}

/** The unit of a partition when a consumer assigns them in units (`ConsumerOptions.partitionUnits`). */
export const partitionUnit = (partition: number, units: number): number => partition % units;

export interface Consumer {
  /** Resolves once the consumer has joined its group and started fetching. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface Log {
  /** Create missing topics; existing ones are left as they are. */
  ensureTopics(specs: readonly TopicSpec[]): Promise<void>;
  partitionCount(topic: string): Promise<number>;
  createProducer(options?: { transactionalId?: string }): Producer;
  createConsumer(options: ConsumerOptions): Consumer;
  /** End offset (next offset to be written) of each partition, index = partition. */
  endOffsets(topic: string): Promise<number[]>;
  /** Committed offset of each partition for a group (null where none), index = partition. */
  committedOffsets(groupId: string, topic: string): Promise<Array<number | null>>;
  /** Read committed messages of one partition from an offset, for tools (DLQ list, tests). */
  read(topic: string, partition: number, fromOffset: number, maxCount: number): Promise<LogMessage[]>;
  health(): Promise<{ ok: boolean; detail?: string }>;
  close(): Promise<void>;
}

export class FencedError extends Error {
  constructor(transactionalId: string) {
    super(`producer with transactional id ${transactionalId} was fenced by a newer instance`);
    this.name = 'FencedError';
  }
}
