import { UndecodableMessageError, deadLetterTopic, deterministicEventId, recordToEvent } from '@ecommerce/platform';
import type { Batch, Consumer, Headers, Log, LogMessage, Logger, Metrics, Producer, ProducerRecord, RecordedEvent, Serde } from '@ecommerce/platform';
import { partitionsAtOnce } from './consumption';
import { deadLetterRecord } from './dead-letters';
import { messageIdHeader } from './actor-host';
import { encodeInboxMessage } from './inbox';

/** A message for an actor: its inbox, the actor key, and the body (an object is sent as JSON). */
export interface RoutedMessage {
  topic: string;
  key: string;
  value: Buffer | ({ type: string } & Record<string, unknown>);
  headers?: Headers;
}

export interface RouterOptions {
  log: Log;
  serde: Serde;
  groupId: string;
  /** Event topics to consume. */
  topics: string[];
  /** Pure mapping of an event to the messages it causes (none for most events). Throwing fails the batch: it is retried. */
  route: (event: RecordedEvent) => RoutedMessage[] | Promise<RoutedMessage[]>;
  /** Base of the transactional ids: one producer per consumed partition, `<base>.<topic>.<partition>`, fences that partition's zombies. */
  transactionalId: string;
  logger: Logger;
  metrics?: Metrics;
  maxBatchSize?: number;
}

export interface Router {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Consume-transform-produce: the messages routed from a batch of events and the batch's consumed
 * offset are written in one transaction, so a crash neither loses nor duplicates a routed message
 * as read_committed consumers see it. Inbox message ids are UUIDv5 of the source event id and the
 * message's index: a batch redelivered after an aborted transaction yields the same ids.
 */
export function createRouter(options: RouterOptions): Router {
  const { log, serde, groupId, logger } = options;
  const producers = new Map<string, Producer>();
  let consumer: Consumer | undefined;

  const producerFor = (topic: string, partition: number): Producer => {
    const key = `${topic}/${partition}`;
    let producer = producers.get(key);
    if (!producer) {
      producer = log.createProducer({ transactionalId: `${options.transactionalId}.${topic}.${partition}` });
      producers.set(key, producer);
    }
    return producer;
  };

  const closeProducer = (key: string) => {
    const producer = producers.get(key);
    producers.delete(key);
    void producer?.close().catch((error: unknown) => logger.warn({ err: error, partition: key }, 'router producer did not close cleanly'));
  };

  async function toRecords(event: RecordedEvent): Promise<ProducerRecord[]> {
    const routed = await options.route(event);
    return routed.map((message, index) => ({
      topic: message.topic,
      key: message.key,
      value: Buffer.isBuffer(message.value) ? message.value : encodeInboxMessage(message.value),
      headers: {
        ...message.headers,
        [messageIdHeader]: deterministicEventId(event.id, index),
        'causation-id': event.id,
        'correlation-id': String(event.metadata.correlationId ?? event.id),
        'source-event-type': event.type,
        'source-stream-id': event.streamId,
      },
    }));
  }

  async function eachBatch(batch: Batch): Promise<void> {
    const last = batch.messages.at(-1);
    if (!last) return;
    const records: ProducerRecord[] = [];
    for (const message of batch.messages) records.push(...(await recordsOf(message)));
    await producerFor(batch.topic, batch.partition).transaction(async (tx) => {
      if (records.length > 0) await tx.send(records);
      await tx.sendOffsets(groupId, [{ topic: batch.topic, partition: batch.partition, offset: last.offset + 1 }]);
    });
    logger.debug({ topic: batch.topic, partition: batch.partition, events: batch.messages.length, routed: records.length }, 'router batch committed');
  }

  /** An undecodable event becomes a dead letter inside the same transaction; a failing route fails the batch. */
  async function recordsOf(message: LogMessage): Promise<ProducerRecord[]> {
    let event: RecordedEvent;
    try {
      event = await recordToEvent(message, serde);
    } catch (error) {
      if (!(error instanceof UndecodableMessageError)) throw error;
      logger.error({ err: error, topic: message.topic, partition: message.partition, offset: message.offset }, 'undecodable event sent to the dead-letter topic');
      options.metrics?.dlqMessages.inc({ source: groupId });
      return [deadLetterRecord(message, groupId, error.message, 0)];
    }
    return toRecords(event);
  }

  return {
    async start() {
      await log.ensureTopics([{ topic: deadLetterTopic, partitions: 1 }]);
      consumer = log.createConsumer({
        groupId,
        topics: options.topics,
        fromBeginning: true,
        maxBatchSize: options.maxBatchSize,
        partitionsAtOnce,
        eachBatch,
        onPartitionsRevoked: (partitions) => {
          for (const { topic, partition } of partitions) closeProducer(`${topic}/${partition}`);
        },
      });
      await consumer.start();
    },
    async stop() {
      await consumer?.stop();
      consumer = undefined;
      await Promise.all([...producers.values()].map((producer) => producer.close().catch(() => undefined)));
      producers.clear();
    },
  };
}
