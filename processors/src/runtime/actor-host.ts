import { ConcurrencyError, deadLetterTopic, deterministicEventId, isAppError, runWithTrace } from '@ecommerce/platform';
import type { BatchContext, Consumer, EventStore, Log, LogMessage, Logger, Metrics, NewEvent, Producer } from '@ecommerce/platform';
import type { ActorEvent, ActorDefinition } from './actor';
import { createActorStateStore } from './actor-state';
import { deadLetterRecord } from './dead-letters';
import { createKeyQueue } from './key-queue';
import { errorMessage, isRetriable, jitteredBackoffMs, sleep } from './retry';

export const messageIdHeader = 'message-id';

export interface ActorHostOptions<Message, Command, Event extends ActorEvent, State> {
  log: Log;
  eventStore: EventStore;
  actor: ActorDefinition<Message, Command, Event, State>;
  groupId: string;
  inboxTopic: string;
  logger: Logger;
  metrics?: Metrics;
  /** States kept in memory (LRU). */
  cacheSize: number;
  /** Write a snapshot every this many events of a stream; 0 turns snapshots off. */
  snapshotEvery: number;
  /** Attempts of a message failing with retriable errors before it goes to the dead-letter topic. */
  maxAttempts: number;
  dlq: { enabled?: boolean };
  clock?: () => Date;
  maxBatchSize?: number;
  /** First backoff between retries (jittered, doubling). */
  retryBaseMs?: number;
}

export interface ActorHost {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** States cached now (for tests and metrics). */
  cachedStates(): number;
}

type Decoded<Message> = { ok: true; message: Message; key: string } | { ok: false; reason: string };

/** Gives up a message's retries because its partition was revoked or the host stops: it is redelivered elsewhere. */
class Abandoned extends Error {}

/**
 * Hosts one actor type on its inbox: messages of one key are handled one at a time, in order,
 * different keys of a partition concurrently; each decision is appended to the actor's stream
 * with the expected revision and deterministic event ids, and a partition's offset is committed
 * only up to the last message whose handling and all earlier ones finished.
 */
export function createActorHost<Message, Command, Event extends ActorEvent, State>(options: ActorHostOptions<Message, Command, Event, State>): ActorHost {
  const { log, eventStore, actor, groupId, logger } = options;
  const clock = options.clock ?? (() => new Date());
  const states = createActorStateStore<State>({ eventStore, actor, cacheSize: options.cacheSize, snapshotEvery: options.snapshotEvery, logger });
  const queue = createKeyQueue();
  const dlqEnabled = options.dlq.enabled ?? true;
  let consumer: Consumer | undefined;
  let dlqProducer: Producer | undefined;

  const messageIdOf = (message: LogMessage) => message.headers[messageIdHeader] ?? `${message.topic}/${message.partition}@${message.offset}`;

  async function decode(message: LogMessage): Promise<Decoded<Message>> {
    try {
      const decoded = await actor.decode(message);
      return { ok: true, message: decoded, key: actor.keyOf(decoded) };
    } catch (error) {
      return { ok: false, reason: `undecodable: ${errorMessage(error)}` };
    }
  }

  /** One attempt: load, decide, append. Redeliveries of a message that already caused events append nothing. */
  async function handleOnce(raw: LogMessage, message: Message, key: string, partition: string): Promise<void> {
    const streamId = actor.streamIdOf(key);
    const messageId = messageIdOf(raw);
    const entry = await states.load(streamId, partition);
    if (entry.handled.has(messageId)) return;
    const command = actor.toCommand(message, entry.state, clock(), { messageId, key });
    if (command === null) return;
    const decided = actor.decider.decide(command, entry.state);
    const events = Array.isArray(decided) ? decided : [decided];
    if (events.length === 0) return;
    const metadata = {
      causationId: messageId,
      correlationId: raw.headers['correlation-id'] ?? messageId,
      occurredAt: clock().toISOString(),
    };
    const newEvents: NewEvent[] = events.map((event, index) => ({ id: deterministicEventId(messageId, index), type: event.type, data: event.data, metadata }));
    const result = await eventStore.append(streamId, newEvents, { expectedRevision: entry.revision < 0 ? 'no_stream' : entry.revision });
    for (const event of events) options.metrics?.eventsAppended.inc({ type: event.type });
    await states.appended(streamId, entry, events, result.nextExpectedRevision, messageId);
  }

  async function deadLetter(raw: LogMessage, reason: string, attempts: number): Promise<void> {
    if (!dlqEnabled || !dlqProducer) throw new Error(`message ${raw.topic}/${raw.partition}@${raw.offset} failed and the dead-letter topic is off: ${reason}`);
    logger.error({ topic: raw.topic, partition: raw.partition, offset: raw.offset, reason, attempts }, 'message sent to the dead-letter topic');
    await dlqProducer.send([deadLetterRecord(raw, groupId, reason, attempts)]);
    options.metrics?.dlqMessages.inc({ source: groupId });
  }

  async function handle(raw: LogMessage, decoded: Decoded<Message>, partition: string, context: BatchContext): Promise<void> {
    if (!decoded.ok) return deadLetter(raw, decoded.reason, 0);
    const streamId = actor.streamIdOf(decoded.key);
    for (let attempt = 1; ; attempt += 1) {
      try {
        await handleOnce(raw, decoded.message, decoded.key, partition);
        return;
      } catch (error) {
        // Whatever happened, the cached state may be behind the stream now.
        states.invalidate(streamId);
        const retriable = isRetriable(error);
        if (retriable && !context.isRunning()) throw new Abandoned(errorMessage(error));
        if (!retriable || attempt >= options.maxAttempts) {
          const reason = retriable ? `retries exhausted after ${attempt} attempts: ${errorMessage(error)}` : errorMessage(error);
          return deadLetter(raw, reason, attempt);
        }
        const level = error instanceof ConcurrencyError ? 'debug' : 'warn';
        logger[level]({ err: error, streamId, attempt, code: isAppError(error) ? error.code : undefined }, 'retrying actor message');
        if (!(error instanceof ConcurrencyError)) await sleep(jitteredBackoffMs(attempt, options.retryBaseMs ?? 50));
      }
    }
  }

  async function eachBatch(batch: { topic: string; partition: number; messages: LogMessage[] }, context: BatchContext): Promise<void> {
    const partition = `${batch.topic}/${batch.partition}`;
    queue.forget(partition);
    const runs: Array<Promise<void>> = [];
    for (const raw of batch.messages) {
      // Decoding in log order keeps the key order; undecodable messages get a key of their own.
      const decoded = await decode(raw);
      const queueKey = decoded.ok ? `${actor.type}:${decoded.key}` : `${partition}:undecodable`;
      runs.push(queue.push(partition, queueKey, raw.offset, () => runWithTrace({ correlationId: raw.headers['correlation-id'] ?? messageIdOf(raw) }, () => handle(raw, decoded, partition, context))));
    }
    const outcomes = await Promise.allSettled(runs);
    const failure = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    if (failure) {
      // Commit what finished in order, then fail the batch: the rest is redelivered.
      const next = queue.committable(partition);
      queue.forget(partition);
      if (next !== undefined && context.isRunning()) await context.commit(next).catch(() => undefined);
      throw failure.reason;
    }
    queue.forget(partition);
  }

  return {
    async start() {
      // The inbox is created by the composition root (inboxTopicSpec), with the platform's partition count.
      await log.ensureTopics([{ topic: deadLetterTopic, partitions: 1 }]);
      dlqProducer = log.createProducer();
      consumer = log.createConsumer({
        groupId,
        topics: [options.inboxTopic],
        fromBeginning: true,
        maxBatchSize: options.maxBatchSize,
        eachBatch,
        onPartitionsRevoked: (partitions) => {
          const revoked = new Set(partitions.map(({ topic, partition }) => `${topic}/${partition}`));
          const dropped = states.dropPartitions(revoked);
          logger.info({ actor: actor.type, partitions: [...revoked], dropped }, 'partitions revoked: their cached states dropped');
        },
      });
      await consumer.start();
    },
    async stop() {
      await consumer?.stop();
      await dlqProducer?.close();
      consumer = undefined;
      dlqProducer = undefined;
    },
    cachedStates: () => states.size(),
  };
}
