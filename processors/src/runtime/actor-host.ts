import { ConcurrencyError, deadLetterTopic, deterministicEventId, isAppError, runWithTrace } from '@ecommerce/platform';
import type { BatchContext, Consumer, EventStore, Log, LogMessage, Logger, Metrics, NewEvent, Producer } from '@ecommerce/platform';
import type { ActorEvent, ActorDefinition } from './actor';
import { createActorStateStore } from './actor-state';
import { deadLetterRecord } from './dead-letters';
import { partitionsAtOnce } from './consumption';
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

interface Keyed<Message> {
  raw: LogMessage;
  message: Message;
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

  const { effectful } = actor;
  const isEffectful = ({ message }: Keyed<Message>): boolean => (typeof effectful === 'function' ? effectful(message) : effectful === true);

  /** Consecutive messages split where their effectfulness changes; each message with an effect is a run of its own. */
  function runsByEffect(items: ReadonlyArray<Keyed<Message>>): Array<{ acts: boolean; items: Array<Keyed<Message>> }> {
    const runs: Array<{ acts: boolean; items: Array<Keyed<Message>> }> = [];
    let current: { acts: boolean; items: Array<Keyed<Message>> } | undefined;
    for (const item of items) {
      const acts = isEffectful(item);
      if (current && !acts && !current.acts) current.items.push(item);
      else {
        current = { acts, items: [item] };
        runs.push(current);
      }
    }
    return runs;
  }

  const messageIdOf = (message: LogMessage) => message.headers[messageIdHeader] ?? `${message.topic}/${message.partition}@${message.offset}`;

  async function decode(message: LogMessage): Promise<Decoded<Message>> {
    try {
      const decoded = await actor.decode(message);
      return { ok: true, message: decoded, key: actor.keyOf(decoded) };
    } catch (error) {
      return { ok: false, reason: `undecodable: ${errorMessage(error)}` };
    }
  }

  /**
   * One attempt for messages of one key, in log order: each is decided on the state the earlier
   * ones left, and all their events are appended at once (a hot key's backlog costs one append).
   * Redeliveries of a message that already caused events append nothing.
   */
  async function handleOnce(items: ReadonlyArray<Keyed<Message>>, key: string, partition: string, onRefused?: (raw: LogMessage, error: unknown) => Promise<void>): Promise<void> {
    const streamId = actor.streamIdOf(key);
    const entry = await states.load(streamId, partition, { catchUp: actor.sharedStream === true });
    let state = entry.state;
    const newEvents: NewEvent[] = [];
    const causes = new Set<string>();
    const refused: Array<{ raw: LogMessage; error: unknown }> = [];
    for (const { raw, message } of items) {
      const messageId = messageIdOf(raw);
      if (entry.handled.has(messageId) || causes.has(messageId)) continue;
      const command = await actor.toCommand(message, state, clock(), { messageId, key });
      if (command === null) continue;
      let decided: Event | Event[];
      try {
        decided = actor.decider.decide(command, state);
      } catch (error) {
        // A refusal (non-retriable) changes nothing: the others go on, and it is dead-lettered after the append.
        if (isRetriable(error) || !onRefused) throw error;
        refused.push({ raw, error });
        continue;
      }
      const events = Array.isArray(decided) ? decided : [decided];
      if (events.length === 0) continue;
      const metadata = { causationId: messageId, correlationId: raw.headers['correlation-id'] ?? messageId, occurredAt: clock().toISOString() };
      events.forEach((event, index) => {
        state = actor.decider.evolve(state, event);
        newEvents.push({ id: deterministicEventId(messageId, index), type: event.type, data: event.data, metadata });
      });
      causes.add(messageId);
    }
    if (newEvents.length > 0) {
      const result = await eventStore.append(streamId, newEvents, { expectedRevision: entry.revision < 0 ? 'no_stream' : entry.revision });
      for (const event of newEvents) options.metrics?.eventsAppended.inc({ type: event.type });
      await states.advanced(streamId, entry, state, result.nextExpectedRevision, [...causes]);
    }
    for (const { raw, error } of refused) await onRefused?.(raw, error);
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
        await handleOnce([{ raw, message: decoded.message }], decoded.key, partition);
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

  /**
   * A key's messages of one batch, in log order: each run of messages without effects together; if
   * that fails for any reason, and for a message with an effect, one at a time with the usual
   * retries and dead letters.
   */
  async function handleTogether(items: ReadonlyArray<Keyed<Message>>, key: string, partition: string, context: BatchContext): Promise<void> {
    for (const run of runsByEffect(items)) {
      if (run.items.length > 1 && !run.acts) {
        try {
          await handleOnce(run.items, key, partition, (raw, error) => deadLetter(raw, errorMessage(error), 1));
          continue;
        } catch (error) {
          states.invalidate(actor.streamIdOf(key));
          if (isRetriable(error) && !context.isRunning()) throw new Abandoned(errorMessage(error));
          logger.debug({ err: error, key, messages: run.items.length }, 'messages of one key failed together: handling them one at a time');
        }
      }
      for (const { raw, message } of run.items) await handle(raw, { ok: true, message, key }, partition, context);
    }
  }

  async function eachBatch(batch: { topic: string; partition: number; messages: LogMessage[] }, context: BatchContext): Promise<void> {
    const partition = `${batch.topic}/${batch.partition}`;
    queue.forget(partition);
    // Decoding in log order keeps the key order; undecodable messages get a key of their own.
    const decoded: Array<{ raw: LogMessage; decoded: Decoded<Message> }> = [];
    for (const raw of batch.messages) decoded.push({ raw, decoded: await decode(raw) });
    const byKey = new Map<string, Array<Keyed<Message>>>();
    for (const { decoded: item, raw } of decoded) {
      if (!item.ok) continue;
      const keyed = byKey.get(item.key);
      if (keyed) keyed.push({ raw, message: item.message });
      else byKey.set(item.key, [{ raw, message: item.message }]);
    }
    const traced = (raw: LogMessage, work: () => Promise<void>) => () => runWithTrace({ correlationId: raw.headers['correlation-id'] ?? messageIdOf(raw) }, work);
    const runs: Array<Promise<void>> = [];
    for (const { raw, decoded: item } of decoded) {
      if (!item.ok) {
        runs.push(queue.push(partition, `${partition}:undecodable`, raw.offset, traced(raw, () => handle(raw, item, partition, context))));
        continue;
      }
      // The key's first message runs the key's whole share of the batch; the later ones only mark their offsets done after it.
      const items = byKey.get(item.key) ?? [];
      const task = items[0]?.raw === raw ? traced(raw, () => handleTogether(items, item.key, partition, context)) : () => Promise.resolve();
      runs.push(queue.push(partition, `${actor.type}:${item.key}`, raw.offset, task));
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
        batchWindowMs: actor.batchWindowMs,
        partitionsAtOnce,
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
