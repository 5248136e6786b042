import { logLevel } from './kafkajs';
import type { IHeaders, KafkaMessage, logCreator, Message } from 'kafkajs';
import type { Headers, LogMessage, ProducerRecord, TopicPartitionOffset } from '../port';

/** kafkajs header values may be buffers or repeated; the port keeps one UTF-8 string per name (the last one). */
export function toHeaders(headers: IHeaders | undefined): Headers {
  const result: Headers = {};
  for (const [name, raw] of Object.entries(headers ?? {})) {
    const value = Array.isArray(raw) ? raw.at(-1) : raw;
    if (value !== undefined) result[name] = Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
  }
  return result;
}

export function toLogMessage(topic: string, partition: number, message: KafkaMessage): LogMessage {
  return {
    topic,
    partition,
    offset: Number(message.offset),
    key: message.key === null ? null : message.key.toString('utf8'),
    value: message.value,
    headers: toHeaders(message.headers),
    timestamp: Number(message.timestamp),
  };
}

export function toKafkaMessage(record: ProducerRecord): Message {
  return {
    key: record.key,
    value: record.value,
    // Not copied: kafkajs only reads them, and a mirror sends every event's.
    headers: record.headers ?? {},
    // Always present (undefined until the partitioner writes its choice): one object shape.
    partition: record.partition,
  };
}

/** Groups items by topic, keeping their order inside each topic. */
export function groupByTopic<T>(items: readonly T[], topicOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const topic = topicOf(item);
    const group = groups.get(topic);
    if (group) group.push(item);
    else groups.set(topic, [item]);
  }
  return groups;
}

export function toOffsetTopics(offsets: readonly TopicPartitionOffset[]) {
  return [...groupByTopic(offsets, (entry) => entry.topic)].map(([topic, entries]) => ({
    topic,
    partitions: entries.map(({ partition, offset }) => ({ partition, offset: String(offset) })),
  }));
}

/** The subset of a pino logger kafkajs's log lines are routed to. */
export interface KafkaLogSink {
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

/**
 * A kafkajs `logCreator`: kafkajs logs every rebalance and retry at INFO/ERROR, which
 * drowns the service's own lines. Warnings and errors go to the sink (a pino logger), the
 * rest nowhere; without a sink nothing is logged. Pass it with `logLevel: logLevel.WARN`.
 */
export function createKafkaLogCreator(sink?: KafkaLogSink): logCreator {
  return () => (entry) => {
    if (!sink) return;
    const { message, timestamp: _timestamp, ...fields } = entry.log;
    const line = { kafkajs: entry.namespace, ...fields };
    if (entry.level === logLevel.ERROR) sink.error(line, message);
    else if (entry.level === logLevel.WARN) sink.warn(line, message);
  };
}
