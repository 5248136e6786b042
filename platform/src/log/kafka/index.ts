/** The Kafka adapter of the log port (kafkajs): producer, consumer, partition reader and the log they make. */
export { createKafkaLog, createKafkaLogCreator } from './kafka';
export type { KafkaLogOptions, KafkaLogSink } from './kafka';
export { Kafka, linearGroupingInstalled, logLevel } from './kafkajs';
