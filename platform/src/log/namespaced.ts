import type { Batch, ConsumerOptions, Log, LogMessage, Producer, ProducerRecord, TopicPartitionOffset, Transaction } from './port';

/**
 * A log whose topics, consumer groups and transactional ids all carry a prefix, so several
 * environments (or test runs) can share one Kafka cluster without seeing each other's topics,
 * offsets or mirror checkpoints. Callers keep using the plain names.
 */
export function createNamespacedLog(log: Log, prefix: string): Log {
  if (!prefix) return log;
  const name = (topic: string) => `${prefix}${topic}`;
  const plain = (topic: string) => (topic.startsWith(prefix) ? topic.slice(prefix.length) : topic);
  const records = (list: readonly ProducerRecord[]) => list.map((record) => ({ ...record, topic: name(record.topic) }));
  const offsets = (list: readonly TopicPartitionOffset[]) => list.map((offset) => ({ ...offset, topic: name(offset.topic) }));
  const message = (entry: LogMessage): LogMessage => ({ ...entry, topic: plain(entry.topic) });
  const partitions = (list: Array<{ topic: string; partition: number }>) => list.map((entry) => ({ ...entry, topic: plain(entry.topic) }));

  const producerOf = (inner: Producer): Producer => ({
    send: async (list) => (await inner.send(records(list))).map((metadata) => ({ ...metadata, topic: plain(metadata.topic) })),
    transaction: (work) =>
      inner.transaction((tx: Transaction) =>
        work({
          send: (list) => tx.send(records(list)),
          sendOffsets: (groupId, list) => tx.sendOffsets(name(groupId), offsets(list)),
        }),
      ),
    claim: () => inner.claim(),
    close: () => inner.close(),
  });

  return {
    ensureTopics: (specs) => log.ensureTopics(specs.map((spec) => ({ ...spec, topic: name(spec.topic) }))),
    partitionCount: (topic) => log.partitionCount(name(topic)),
    createProducer: (options) => producerOf(log.createProducer(options?.transactionalId ? { transactionalId: name(options.transactionalId) } : options)),
    createConsumer: (options: ConsumerOptions) =>
      log.createConsumer({
        ...options,
        groupId: name(options.groupId),
        topics: options.topics.map(name),
        eachBatch: (batch: Batch, context) => options.eachBatch({ ...batch, topic: plain(batch.topic), messages: batch.messages.map(message) }, context),
        onPartitionsAssigned: options.onPartitionsAssigned && ((list) => options.onPartitionsAssigned?.(partitions(list))),
        onPartitionsRevoked: options.onPartitionsRevoked && ((list) => options.onPartitionsRevoked?.(partitions(list))),
      }),
    endOffsets: (topic) => log.endOffsets(name(topic)),
    committedOffsets: (groupId, topic) => log.committedOffsets(name(groupId), name(topic)),
    read: async (topic, partition, fromOffset, maxCount) => (await log.read(name(topic), partition, fromOffset, maxCount)).map(message),
    health: () => log.health(),
    close: () => log.close(),
  };
}
