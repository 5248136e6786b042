/**
 * The log port, its adapters (each in its own folder: `embedded/` on SQLite, `kafka/` on kafkajs), Kafka's
 * partitioning and the namespaced view. The contract suite (`contract.ts`) is imported by tests directly.
 */
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
export { FencedError, partitionUnit } from './port';
export { createEmbeddedLog, openEmbeddedLog } from './embedded';
export type { EmbeddedLogOptions } from './embedded';
export { murmur2, partitionFor, toPositive } from './murmur2';
export { createKafkaLog, createKafkaLogCreator, Kafka, linearGroupingInstalled, logLevel } from './kafka';
export type { KafkaLogOptions, KafkaLogSink } from './kafka';
export * from './namespaced';
