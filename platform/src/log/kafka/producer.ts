import { Partitioners } from './kafkajs';
import type { Kafka, Message, Producer as KafkaProducer, RecordMetadata as KafkaRecordMetadata, Transaction as KafkaTransaction } from 'kafkajs';
import { AppError } from '../../errors';
import { backoffMs, isConcurrentTransactionsError, isFencingError, sleep } from './errors';
import { groupByTopic, toKafkaMessage, toOffsetTopics } from './messages';
import { murmur2, toPositive } from '../murmur2';
import { noteOffsetsCommittedInTransaction } from './request-savings';
import { FencedError } from '../port';
import type { Producer, ProducerRecord, RecordMetadata, TopicPartitionOffset, Transaction } from '../port';

export interface KafkaProducerSettings {
  transactionTimeoutMs: number;
}

/**
 * kafkajs's DefaultPartitioner, its choice written on the message (ours, made for this send by
 * `toKafkaMessage`): a retried send asks again, and round-robin for null keys must not move a
 * message, and `send` reports each record's partition from it (a WeakMap of the choices cost 4 %
 * of the mirror). Keyed messages are hashed with our murmur2 (the same function, as the log
 * contract checks): kafkajs's own computes it on 64-bit Long objects, which was a tenth of the
 * mirror's CPU; a stream's key repeats, so its hash is kept too.
 */
function createRecordingPartitioner() {
  return () => {
    const partitioner = Partitioners.DefaultPartitioner();
    const hashes = new Map<string, number>();
    return (args: Parameters<typeof partitioner>[0]) => {
      const { message, partitionMetadata } = args;
      // kafkajs's own partitioner reads a null partition as none given: so does this one.
      if (message.partition !== undefined && message.partition !== null) return message.partition;
      let partition: number;
      if (typeof message.key === 'string') {
        let hash = hashes.get(message.key);
        if (hash === undefined) {
          if (hashes.size >= maxCachedKeys) hashes.clear();
          hash = toPositive(murmur2(message.key));
          hashes.set(message.key, hash);
        }
        partition = hash % partitionMetadata.length;
      } else {
        partition = partitioner(args);
      }
      message.partition = partition;
      return partition;
    };
  };
}

/** Keys whose hash is kept; dropped all at once past it (a mirror's batches revisit recent streams). */
const maxCachedKeys = 100_000;

/** Per record, in input order: its partition, and its offset from the base offset of its partition's batch. */
function toRecordMetadata(messages: Array<{ topic: string; message: Message }>, response: KafkaRecordMetadata[]): RecordMetadata[] {
  const baseOffsets = new Map(response.map((entry) => [`${entry.topicName}#${entry.partition}`, Number(entry.baseOffset)]));
  const counts = new Map<string, number>();
  return messages.map(({ topic, message }) => {
    const partition = message.partition ?? -1;
    const key = `${topic}#${partition}`;
    const index = counts.get(key) ?? 0;
    counts.set(key, index + 1);
    return { topic, partition, offset: (baseOffsets.get(key) ?? Number.NaN) + index };
  });
}

const toTopicMessages = (messages: Array<{ topic: string; message: Message }>) =>
  [...groupByTopic(messages, (entry) => entry.topic)].map(([topic, entries]) => ({ topic, messages: entries.map((entry) => entry.message) }));

/**
 * A port producer over one kafkajs producer, connected on first use. Idempotent (acks=all,
 * one request in flight); with a transactional id, transactions run one at a time. Once
 * fenced it stays fenced: a fresh kafkajs producer would fence the newer owner in turn.
 */
export function createKafkaProducer(kafka: Kafka, options: { transactionalId?: string }, settings: KafkaProducerSettings): Producer {
  const { transactionalId } = options;
  let client: Promise<KafkaProducer> | null = null;
  let transactions: Promise<unknown> = Promise.resolve();
  let fenced = false;
  let closed = false;

  const connected = (): Promise<KafkaProducer> => {
    if (!client) {
      const producer = kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: createRecordingPartitioner(),
        // Back-to-back transactions meet CONCURRENT_TRANSACTIONS while the coordinator still writes the
        // previous one's markers (a few ms); kafkajs's default first retry after 300 ms made each
        // such hop cost 300 ms. Retries stay unlimited, as kafkajs requires of idempotent producers.
        retry: { initialRetryTime: 25, maxRetryTime: 5000, retries: Number.MAX_SAFE_INTEGER },
        ...(transactionalId === undefined ? {} : { transactionalId, transactionTimeout: settings.transactionTimeoutMs }),
      });
      const connecting = producer.connect().then(() => producer);
      client = connecting;
      connecting.catch(() => {
        if (client === connecting) client = null;
      });
    }
    return client;
  };

  /** Drops a kafkajs producer whose transaction state is unknown; the next one re-initialises (and aborts what it left open). */
  const discard = async () => {
    const current = client;
    client = null;
    await current?.then((producer) => producer.disconnect()).catch(() => undefined);
  };

  const assertOpen = () => {
    if (closed) throw new AppError('unavailable', 'producer is closed');
  };

  const fence = (): FencedError => {
    fenced = true;
    return new FencedError(transactionalId ?? '');
  };

  /** Runs a kafkajs transactional call, turning a fencing error into ours. */
  const guarded = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      throw isFencingError(error) ? fence() : error;
    }
  };

  // The coordinator answers CONCURRENT_TRANSACTIONS while it still writes the previous
  // transaction's markers; kafkajs retries that for AddPartitionsToTxn but not AddOffsetsToTxn.
  const withConcurrentRetry = async <T>(call: () => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        if (!isConcurrentTransactionsError(error) || attempt >= 20) throw error;
        await sleep(backoffMs(attempt, 20, 500));
      }
    }
  };

  const runTransaction = async <T>(id: string, work: (tx: Transaction) => Promise<T>): Promise<T> => {
    if (fenced) throw new FencedError(id);
    const producer = await connected();
    const tx: KafkaTransaction = await guarded(() => producer.transaction());
    let open = true;
    const assertInTransaction = () => {
      if (!open) throw new AppError('conflict', 'transaction already ended');
    };
    const groupOffsets: Array<{ groupId: string; offsets: readonly TopicPartitionOffset[] }> = [];
    try {
      const result = await work({
        async send(records) {
          assertInTransaction();
          if (records.length === 0) return;
          const messages = records.map((record) => ({ topic: record.topic, message: toKafkaMessage(record) }));
          await guarded(() => tx.sendBatch({ topicMessages: toTopicMessages(messages), acks: -1 }));
        },
        async sendOffsets(groupId, offsets) {
          assertInTransaction();
          if (offsets.length === 0) return;
          await guarded(() => withConcurrentRetry(() => tx.sendOffsets({ consumerGroupId: groupId, topics: toOffsetTopics(offsets) })));
          groupOffsets.push({ groupId, offsets });
        },
      });
      open = false;
      await guarded(() => tx.commit());
      for (const { groupId, offsets } of groupOffsets) noteOffsetsCommittedInTransaction(groupId, offsets);
      return result;
    } catch (error) {
      open = false;
      if (fenced || isFencingError(error)) {
        await discard();
        throw fence();
      }
      const aborted = tx.isActive() ? await guarded(() => tx.abort()).then(() => true, () => false) : false;
      if (fenced) {
        await discard();
        throw fence();
      }
      if (!aborted) await discard();
      throw error;
    }
  };

  return {
    // kafkajs registers the transactional id (InitProducerId, which fences older producers and
    // aborts what they left open) only when a transaction begins: begin an empty one and abort it.
    async claim(): Promise<void> {
      assertOpen();
      if (transactionalId === undefined) return;
      if (fenced) throw new FencedError(transactionalId);
      const run = transactions.then(async () => {
        const producer = await connected();
        const tx = await guarded(() => producer.transaction());
        await guarded(() => tx.abort());
      });
      transactions = run.catch(() => undefined);
      await run;
    },

    async send(records: readonly ProducerRecord[]): Promise<RecordMetadata[]> {
      assertOpen();
      if (records.length === 0) return [];
      const producer = await connected();
      const messages = records.map((record) => ({ topic: record.topic, message: toKafkaMessage(record) }));
      const response = await producer.sendBatch({ topicMessages: toTopicMessages(messages), acks: -1 });
      return toRecordMetadata(messages, response);
    },

    transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
      try {
        assertOpen();
      } catch (error) {
        return Promise.reject(error);
      }
      if (transactionalId === undefined) {
        return Promise.reject(new AppError('validation', 'transactions need a producer created with a transactionalId'));
      }
      const run = transactions.then(() => runTransaction(transactionalId, work));
      transactions = run.catch(() => undefined);
      return run;
    },

    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await transactions;
      await discard();
    },
  };
}
