import { FencedError, UndecodableMessageError, createGatherer, deadLetterTopic, deterministicEventId, partitionUnit, recordToEvent } from '@ecommerce/platform';
import type { Batch, BatchContext, Consumer, Headers, Log, LogMessage, Logger, Metrics, Producer, ProducerRecord, RecordedEvent, Serde, TopicPartitionOffset } from '@ecommerce/platform';
import { partitionsAtOnce } from './consumption';
import { deadLetterRecord } from './dead-letters';
import { messageIdHeader } from './actor-host';
import { encodeInboxMessage } from './inbox';
import { attemptBounded, errorMessage } from './retry';
import type { RetryPolicy } from './retry';

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
  /** Pure mapping of an event to the messages it causes (none for most events). Throwing is retried, a bounded number of times, then the event is dead-lettered. */
  route: (event: RecordedEvent) => RoutedMessage[] | Promise<RoutedMessage[]>;
  /** Base of the transactional ids (`exactly-once`): one producer per unit of partitions (`routerTransactionalId`), which fences that unit's zombies. */
  transactionalId: string;
  /**
   * The consumed partitions go to the group's members in this many units (the log's
   * `partitionUnits`), and the batches of a unit that one fetch hands over are routed in one
   * transaction: fewer units, fewer transactions; more, more members can share the routing.
   * Every member of the group must have the same count. Default `defaultRouterUnits`.
   */
  partitionUnits?: number;
  logger: Logger;
  metrics?: Metrics;
  maxBatchSize?: number;
  /** Attempts of an event whose route throws before it is dead-lettered (its partition waits meanwhile). */
  retry?: Partial<RetryPolicy>;
  /** The event types this router knows; others are dead-lettered. The platform's event types by default. */
  isKnownType?: (type: string) => boolean;
  /** How routed messages reach the inboxes (`RouterDelivery`); default `defaultRouterDelivery`. */
  delivery?: RouterDelivery;
}

/**
 * `at-least-once`: the messages sent by an idempotent producer, the offsets committed by the
 * consumer after them; a router killed (or evicted) between the two routes the batch again, with
 * the same message ids, which the actor hosts drop as redeliveries (and which the deciders, DESIGN
 * §4.4, find already done). `exactly-once`: a batch's messages and its offsets in one
 * transaction, so no inbox ever shows a message twice, at the price of a transaction's five
 * requests in a row (and the broker's markers) per routed batch.
 */
export type RouterDelivery = 'exactly-once' | 'at-least-once';

/**
 * At least once: on Kafka the broker got about a quarter fewer requests, and the 1-item
 * placed->confirmed p99 was lower at every rate from 100 to 400 orders/s offered (bench/LOG.md,
 * "Since (2026-12-07, 06:50)"); on the embedded log the two were within the noise.
 */
export const defaultRouterDelivery: RouterDelivery = 'at-least-once';

/**
 * Two: two members of the group share the routing (the torture runs two processors), and one
 * member alone runs two transactions at a time rather than one per partition batch (at 40 orders/s
 * on Kafka with 8 partitions, placed->confirmed p99 28-55 % lower: bench/LOG.md).
 */
export const defaultRouterUnits = 2;

/** The transactional id of a unit of the router's partitions; the count is in it, so that a unit of another count never shares one. */
export const routerTransactionalId = (base: string, unit: number, units: number): string => `${base}.unit-${unit}-of-${units}`;

/** How long a batch may take before the router warns that it is still at it (and again each time after). */
const slowBatchWarnMs = 15_000;

/** A route is a pure mapping: what throws now throws again, but a few slow tries cost little before giving up on an event. */
const defaultRetry: RetryPolicy = { maxAttempts: 5, maxRetriableAttempts: 10, baseMs: 200 };

export interface Router {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Consume-transform-produce. By default (`at-least-once`) the messages routed from the batches of
 * a unit of partitions that arrive together are sent at once, then the consumer commits their
 * offsets; a crash in between routes them again with the same ids. With `exactly-once` they and
 * the batches' consumed offsets are written in one transaction, so a crash neither loses nor
 * duplicates a routed message as read_committed consumers see it (a batch that routes nothing has
 * only its offset, which the consumer commits; a zombie's batch routed again carries the same
 * message ids, which the actor hosts drop), and a unit is only ever one member's (where every
 * member has the same count of units). Inbox message ids are derived from the source event id and
 * the message's index (`deterministicEventId`: dated as the event when its id is): a batch routed
 * again yields the same ids.
 */
export function createRouter(options: RouterOptions): Router {
  const { log, serde, groupId, logger } = options;
  const retry: RetryPolicy = { ...defaultRetry, ...options.retry };
  const units = options.partitionUnits ?? defaultRouterUnits;
  const transactional = (options.delivery ?? defaultRouterDelivery) === 'exactly-once';
  const producers = new Map<number, Producer>();
  let consumer: Consumer | undefined;

  const producerFor = (unit: number): Producer => {
    let producer = producers.get(unit);
    if (!producer) {
      // A producer per unit either way: each has one request in flight, and the units' batches go out side by side.
      producer = log.createProducer(transactional ? { transactionalId: routerTransactionalId(options.transactionalId, unit, units) } : undefined);
      producers.set(unit, producer);
    }
    return producer;
  };

  const closeProducer = (unit: number) => {
    const producer = producers.get(unit);
    producers.delete(unit);
    void producer?.close().catch((error: unknown) => logger.warn({ err: error, unit }, 'router producer did not close cleanly'));
  };

  interface Routed {
    records: ProducerRecord[];
    offset: TopicPartitionOffset;
  }

  /** The routed batches of one unit, and their offsets, in one transaction (at least once: sent, the consumer commits the offsets after). */
  const commitUnit = (unit: number) => async (batches: readonly Routed[]) => {
    if (!transactional) {
      await producerFor(unit).send(batches.flatMap((batch) => batch.records));
      return;
    }
    try {
      await producerFor(unit).transaction(async (tx) => {
        await tx.send(batches.flatMap((batch) => batch.records));
        await tx.sendOffsets(groupId, batches.map((batch) => batch.offset));
      });
    } catch (error) {
      // Fenced while this member holds the unit: the id was taken over in a rebalance this member
      // did not see through. A fenced producer stays fenced and the unit would be stuck for good,
      // so the redelivered batches get a fresh one. Were this member a zombie, that fences the
      // owner once, until its consumer learns of the rebalance; a batch routed by both carries the
      // same message ids, which the actor hosts drop as redeliveries.
      if (error instanceof FencedError) closeProducer(unit);
      throw error;
    }
  };
  const gatherers = new Map<number, (batch: Routed) => Promise<void>>();
  const transactionOf = (unit: number) => {
    let gatherer = gatherers.get(unit);
    if (!gatherer) {
      // A fenced producer fails every transaction of the batches: they are redelivered after a backoff.
      gatherer = createGatherer(commitUnit(unit), { retryAlone: (error) => !(error instanceof FencedError) });
      gatherers.set(unit, gatherer);
    }
    return gatherer;
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

  async function eachBatch(batch: Batch, context: BatchContext): Promise<void> {
    if (batch.messages.length === 0) return;
    const where = { topic: batch.topic, partition: batch.partition, offset: batch.messages[0]?.offset };
    let stage: 'routing' | 'transaction' = 'routing';
    const started = Date.now();
    // A batch that neither finishes nor fails holds its partition back without a word: say so.
    const watchdog = setInterval(() => logger.warn({ ...where, stage, seconds: Math.round((Date.now() - started) / 1000) }, 'router batch still in progress'), slowBatchWarnMs);
    const records: ProducerRecord[] = [];
    try {
      for (const message of batch.messages) records.push(...(await recordsOf(message, context)));
      // A batch that routes nothing has nothing to make atomic with its offset: the consumer's own
      // commit after it is enough (redelivered, it routes nothing again), and the broker is spared
      // a transaction (AddOffsetsToTxn, TxnOffsetCommit, EndTxn and its marker) for each batch of
      // events that no actor is told of (an OrderConfirmed, say).
      if (records.length > 0) {
        stage = 'transaction';
        await transactionOf(partitionUnit(batch.partition, units))({ records, offset: { topic: batch.topic, partition: batch.partition, offset: batch.nextOffset } });
      }
    } catch (error) {
      // The consumer redelivers the batch after a backoff; this is where a partition stuck on it shows.
      logger.warn({ err: error, ...where, stage }, 'router batch failed; it will be redelivered');
      throw error;
    } finally {
      clearInterval(watchdog);
    }
    const deadLetters = records.filter((record) => record.topic === deadLetterTopic).length;
    if (deadLetters > 0) options.metrics?.dlqMessages.inc({ source: groupId }, deadLetters);
    logger.debug({ topic: batch.topic, partition: batch.partition, events: batch.messages.length, routed: records.length - deadLetters, deadLetters }, 'router batch committed');
  }

  /**
   * An undecodable event, and one whose route keeps throwing, become dead letters inside the
   * batch's transaction (so each is dead-lettered exactly once) and the partition goes on. A
   * decoding failure that is not the message's fault (registry down) fails the batch: it is retried.
   */
  async function recordsOf(message: LogMessage, context: BatchContext): Promise<ProducerRecord[]> {
    let event: RecordedEvent;
    try {
      event = await recordToEvent(message, serde, options.isKnownType);
    } catch (error) {
      if (!(error instanceof UndecodableMessageError)) throw error;
      logger.error({ err: error, topic: message.topic, partition: message.partition, offset: message.offset }, 'undecodable event sent to the dead-letter topic');
      return [deadLetterRecord(message, groupId, error.message, 0)];
    }
    const routed = await attemptBounded(() => toRecords(event), retry, {
      // A stopping router or a revoked partition gives up the batch: it is redelivered, not dead-lettered.
      rethrow: () => !context.isRunning(),
      onRetry: (error, attempt) => logger.warn({ err: error, eventId: event.id, type: event.type, attempt }, 'retrying an event whose route failed'),
    });
    if (routed.ok) return routed.value;
    const reason = `route failed ${routed.attempts} times: ${errorMessage(routed.error)}`;
    logger.error({ err: routed.error, topic: message.topic, partition: message.partition, offset: message.offset, eventId: event.id }, 'event whose route keeps failing sent to the dead-letter topic');
    return [deadLetterRecord(message, groupId, reason, routed.attempts)];
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
        partitionUnits: units,
        eachBatch,
        onPartitionsRevoked: (partitions) => {
          for (const unit of new Set(partitions.map(({ partition }) => partitionUnit(partition, units)))) closeProducer(unit);
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
