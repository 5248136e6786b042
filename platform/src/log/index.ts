/** The log port, its embedded (SQLite) adapter and Kafka's partitioning. The contract suite is imported by tests directly. */
export type {
  Batch,
  BatchContext,
  Consumer,
  ConsumerOptions,
  Headers,
  Log,
  LogMessage,
  Producer,
  ProducerRecord,
  RecordMetadata,
  TopicPartitionOffset,
  TopicSpec,
  Transaction,
} from './port';
export { FencedError } from './port';
export { createEmbeddedLog, openEmbeddedLog } from './embedded';
export type { EmbeddedLogOptions } from './embedded';
export { murmur2, partitionFor, toPositive } from './murmur2';
export * from './kafka';
export * from './namespaced';
