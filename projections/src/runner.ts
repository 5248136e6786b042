import { UndecodableMessageError, attemptBounded, createGatherer, currentTrace, deadLetterRecord, deadLetterTopic, errorMessage, recordToEvent, runWithTrace } from '@ecommerce/platform';
import type { BatchContext, Consumer, Log, LogMessage, Logger, Metrics, Producer, ReadStore, RecordedEvent, RetryPolicy, Serde, TraceContext } from '@ecommerce/platform';
import { checkpointKey } from './projection';
import type { PartitionProgress, Projection, ProjectionCheckpoint } from './projection';
import { createStoreFailureTracker } from './store-failures';
import { endOffsetsOf } from './end-offsets';
import type { EndOffsetsOf } from './end-offsets';
import { createCheckpointWriter } from './checkpoint-writer';
import type { CheckpointWriter } from './checkpoint-writer';

export interface ProjectionRunnerOptions {
  projection: Projection;
  version: number;
  log: Log;
  serde: Serde;
  readStore: ReadStore;
  logger: Logger;
  metrics?: Metrics;
  /** Skip events at or below this `$all` position: a rebuilt version already holds them. */
  skipThrough?: number;
  /** How often the runner checks its lag itself (default 250 ms); 0 when its host checks all its runners' at once. */
  lagCheckIntervalMs?: number;
  /** Where progress is saved; the projections host shares one among its runners. */
  checkpoints?: CheckpointWriter;
  /** Where the lag check reads end offsets; the projections host shares one reading among its runners. */
  endOffsets?: EndOffsetsOf;
  /** How often an event the projection fails to apply is tried before it is dead-lettered. */
  retry?: Partial<RetryPolicy>;
  /** The event types this runner knows; others are dead-lettered. The platform's event types by default. */
  isKnownType?: (type: string) => boolean;
  /** The log consumer's `batchWindowMs`: at most one round of batches per window, the first event after a quiet spell at once. */
  batchWindowMs?: number;
  /**
   * The log consumer's `partitionsAtOnce`: batches of up to this many partitions taken at once, and
   * those one fetch hands over applied together. Safe as two instances of the projection are: every
   * write is guarded by its stream's revision, and documents fed by several partitions only ever
   * get each stream's own fields.
   */
  partitionsAtOnce?: number;
}

/** A few tries for an event that throws (a bug does not go away), more when the error says it may. */
const defaultRetry: RetryPolicy = { maxAttempts: 3, maxRetriableAttempts: 10, baseMs: 100 };

interface Decoded {
  message: LogMessage;
  event: RecordedEvent;
}

/** One partition's batch on its way to the read store, and how its apply ended. */
interface Gathered {
  decoded: Decoded[];
  context: BatchContext;
  /** The batch's own trace: its log lines keep its correlation id wherever it is applied. */
  trace: TraceContext | undefined;
  deadLettered: number;
  /** Why the batch is redelivered (a store failure, a stop), if it is. */
  failure?: unknown;
}

export interface ProjectionRunner {
  start(): Promise<void>;
  stop(): Promise<void>;
  progress(): ProjectionCheckpoint;
  /** Reads the ends of the projection's partitions, records how far behind it is, and saves that. */
  checkLag(): Promise<void>;
}

const partitionKey = (topic: string, partition: number) => `${topic}/${partition}`;

/**
 * Keeps one version of a projection up to date from the log: a consumer group per
 * version, batches decoded and applied in order, progress per partition saved in the read
 * store (it resumes from the group's committed offsets; the progress is what read-your-writes
 * waits on). Nothing wedges it: undecodable messages, and events the projection keeps failing
 * to apply, go to the dead-letter topic; read-store failures are retried until the store is back.
 */
export function createProjectionRunner(options: ProjectionRunnerOptions): ProjectionRunner {
  const { projection, version, log, serde, readStore, logger } = options;
  const groupId = `projection.${projection.name}.v${version}`;
  const retry: RetryPolicy = { ...defaultRetry, ...options.retry };
  const tracker = createStoreFailureTracker(readStore);
  const checkpoint: ProjectionCheckpoint = { partitions: {} };
  const endOffsets = options.endOffsets ?? endOffsetsOf(log);
  let consumer: Consumer | undefined;
  let dlqProducer: Producer | undefined;
  let lagTimer: NodeJS.Timeout | undefined;
  const checkpoints = options.checkpoints ?? createCheckpointWriter(readStore, logger);
  const name = checkpointKey(projection.name, version);
  let lastSave: Promise<void> = Promise.resolve();

  /**
   * Writes the then-latest progress with the next write of the checkpoints, coalesced: under load
   * one write per write's duration rather than one per batch (a read store round trip per batch,
   * on MongoDB), and the host's projections together.
   */
  const save = (): Promise<void> => (lastSave = checkpoints.save(name, () => structuredClone(checkpoint)));

  async function decode(messages: LogMessage[]): Promise<Decoded[]> {
    const decoded: Decoded[] = [];
    for (const message of messages) {
      try {
        const event = await recordToEvent(message, serde, options.isKnownType);
        if (options.skipThrough === undefined || event.position > options.skipThrough) decoded.push({ message, event });
      } catch (error) {
        if (!(error instanceof UndecodableMessageError)) throw error;
        await deadLetter(message, error.message, 0);
      }
    }
    return decoded;
  }

  async function deadLetter(message: LogMessage, reason: string, attempts: number): Promise<void> {
    if (!dlqProducer) throw new Error(`projection ${projection.name} is not started: cannot dead-letter ${message.topic}/${message.partition}@${message.offset}`);
    logger.error({ projection: projection.name, topic: message.topic, partition: message.partition, offset: message.offset, reason, attempts }, 'message sent to the dead-letter topic');
    await dlqProducer.send([deadLetterRecord(message, groupId, reason, attempts)]);
    options.metrics?.dlqMessages.inc({ source: groupId });
  }

  /**
   * The batch at once; if the projection (not the store) fails on it, event by event, so that the
   * one it cannot apply is found, retried a bounded number of times, then dead-lettered while the
   * others are applied. A read-store failure is thrown: the batch is redelivered after a backoff,
   * as long as the outage lasts, and nothing is dead-lettered for it.
   */
  async function applyBatch(batch: Decoded[], context: BatchContext): Promise<number> {
    try {
      await projection.apply(tracker.store, version, batch.map(({ event }) => event));
      return 0;
    } catch (error) {
      if (tracker.isStoreFailure(error) || !context.isRunning()) throw error;
      if (batch.length > 1) logger.warn({ err: error, projection: projection.name, events: batch.length }, 'projection batch failed: applying its events one at a time');
    }
    let deadLettered = 0;
    for (const { message, event } of batch) {
      const outcome = await attemptBounded(() => projection.apply(tracker.store, version, [event]), retry, {
        rethrow: (error) => tracker.isStoreFailure(error) || !context.isRunning(),
        onRetry: (error, attempt) => logger.warn({ err: error, projection: projection.name, eventId: event.id, type: event.type, attempt }, 'retrying an event the projection failed to apply'),
      });
      if (outcome.ok) continue;
      await deadLetter(message, `${projection.name} could not apply ${event.type} ${event.id} after ${outcome.attempts} attempts: ${errorMessage(outcome.error)}`, outcome.attempts);
      deadLettered += 1;
    }
    return deadLettered;
  }

  /** A batch applied on its own (then event by event if it must), under its own trace; a failure is kept for its caller. */
  async function applyAlone(item: Gathered): Promise<void> {
    try {
      const apply = () => applyBatch(item.decoded, item.context);
      item.deadLettered = await (item.trace ? runWithTrace(item.trace, apply) : apply());
    } catch (error) {
      item.failure = error;
    }
  }

  /**
   * The batches one fetch hands over at once (a partition each, PROJECTION_PARTITIONS_AT_ONCE) go
   * to the read store in one apply: its reads, claims and bulk write once for all of them, instead
   * of once per partition while the fetch's other batches wait their turn. A projection applies
   * any interleaving of its streams (live, partitions arrive in any order; a rebuild reads `$all`),
   * and each partition's events keep their order. If the whole fails, each batch is applied alone,
   * all at once as before the gathering: only the event the projection cannot apply is
   * dead-lettered, and a store failure (an outage, or a unique index refusing one document) stays
   * with the partitions it meets, which are redelivered. A batch whose partition was revoked, or
   * whose consumer is stopping, while it waited is not applied: it is redelivered.
   */
  const applyGathered = createGatherer<Gathered>(async (items) => {
    const running = items.filter(({ context }) => context.isRunning());
    for (const item of items) if (!running.includes(item)) item.failure = new Error(`projection ${projection.name} stopped reading the partition before its batch was applied`);
    if (running.length <= 1) {
      await Promise.all(running.map(applyAlone));
      return;
    }
    try {
      await runWithTrace({ correlationId: groupId }, () => projection.apply(tracker.store, version, running.flatMap(({ decoded }) => decoded.map(({ event }) => event))));
    } catch (error) {
      if (!tracker.isStoreFailure(error) && running.every(({ context }) => context.isRunning())) logger.warn({ err: error, projection: projection.name, batches: running.length }, 'projection batches failed together: applying each alone');
      await Promise.all(running.map((item) => (item.context.isRunning() ? applyAlone(item) : void (item.failure = error))));
    }
  });

  /** Each partition's own offset, and since when it has stood there. */
  const standing = new Map<string, { offset: number; since: number }>();

  /** The offset each partition of the topic is known to have reached: its batches', or the group's commits. */
  const reachedOffsets = async (topic: string, ends: readonly number[]): Promise<ReadonlyArray<number | null>> => {
    const own = ends.map((_, partition) => checkpoint.partitions[partitionKey(topic, partition)]?.offset ?? 0);
    const now = Date.now();
    const stoodFor = own.map((offset, partition) => {
      const key = partitionKey(topic, partition);
      const entry = standing.get(key);
      if (entry?.offset === offset) return now - entry.since;
      standing.set(key, { offset, since: now });
      return 0;
    });
    // Batches end past the transaction markers that follow them, so a projection at rest is seen at
    // its ends without asking the broker; the group's commits also step past markers that came
    // alone (an aborted transaction's). Those are asked for only for a partition behind that has
    // stood still: a marker or two short of its end since the last check, or for a second. One
    // whose batches move it on is being read, and its group has committed no further: under load
    // that was a group offsets request per projection and topic, four times a second.
    const stalled = own.some((offset, partition) => {
      const behind = (ends[partition] ?? 0) - offset;
      return behind > 0 && (stoodFor[partition] as number) > 0 && (behind <= 2 || (stoodFor[partition] as number) >= 1000);
    });
    if (!stalled) return own;
    return log.committedOffsets(groupId, topic);
  };

  async function checkLag(): Promise<void> {
    for (const topic of projection.topics) {
      // `checkedAt` is when the end offsets' read began: "caught up at checkedAt" must be true.
      const { ends, readAt: checkedAt } = await endOffsets(topic);
      const committed = await reachedOffsets(topic, ends);
      ends.forEach((endOffset, partition) => {
        const key = partitionKey(topic, partition);
        const entry: PartitionProgress = checkpoint.partitions[key] ?? { offset: 0, position: 0, endOffset, checkedAt: 0 };
        const offset = Math.max(entry.offset, committed[partition] ?? 0);
        checkpoint.partitions[key] = { ...entry, offset, endOffset, checkedAt };
        options.metrics?.projectionLag.set({ projection: projection.name, topic, partition: String(partition) }, Math.max(0, endOffset - offset));
      });
    }
    await save();
  }

  return {
    async start() {
      await projection.setup(readStore, version);
      const saved = await readStore.getCheckpoint<ProjectionCheckpoint>(name);
      Object.assign(checkpoint.partitions, saved?.partitions ?? {});
      const resumed = Object.values(checkpoint.partitions).reduce((max, entry) => Math.max(max, entry.position), 0);
      logger.info({ projection: projection.name, version, resumedFromPosition: resumed, partitions: Object.keys(checkpoint.partitions).length }, resumed > 0 ? 'projection resuming from its checkpoint' : 'projection starting from the beginning');
      await log.ensureTopics([{ topic: deadLetterTopic, partitions: 1 }]);
      dlqProducer = log.createProducer();
      consumer = log.createConsumer({
        groupId,
        topics: projection.topics,
        fromBeginning: true,
        batchWindowMs: options.batchWindowMs,
        partitionsAtOnce: options.partitionsAtOnce,
        eachBatch: async (batch, context) => {
          const decoded = await decode(batch.messages);
          const events = decoded.map(({ event }) => event);
          const first = events[0];
          const deadLettered = await runWithTrace({ correlationId: String(first?.metadata.correlationId ?? groupId) }, async () => {
            // a batch with nothing left to apply (every message dead-lettered, or held by a rebuilt version already) waits for no other
            if (decoded.length === 0) return 0;
            const gathered: Gathered = { decoded, context, trace: currentTrace(), deadLettered: 0 };
            await applyGathered(gathered);
            if (gathered.failure !== undefined) throw gathered.failure;
            logger.debug({ projection: projection.name, topic: batch.topic, partition: batch.partition, count: events.length }, 'projection applied events');
            return gathered.deadLettered;
          });
          const last = batch.messages.at(-1);
          if (!last) return;
          const position = events.reduce((max, event) => Math.max(max, event.position), checkpoint.partitions[partitionKey(batch.topic, batch.partition)]?.position ?? 0);
          const key = partitionKey(batch.topic, batch.partition);
          const previous = checkpoint.partitions[key] ?? { endOffset: 0, checkedAt: 0 };
          checkpoint.partitions[key] = { offset: batch.nextOffset, position, endOffset: previous.endOffset, checkedAt: previous.checkedAt };
          options.metrics?.projectionApplied.inc({ projection: projection.name, outcome: 'applied' }, events.length - deadLettered);
          if (deadLettered > 0) options.metrics?.projectionApplied.inc({ projection: projection.name, outcome: 'dead_lettered' }, deadLettered);
          // Not awaited: the committed offsets are what a restart resumes from; the saved progress is what read-your-writes waits on.
          void save();
        },
      });
      await consumer.start();
      await checkLag();
      const interval = options.lagCheckIntervalMs ?? 250;
      if (interval > 0) lagTimer = setInterval(() => void checkLag().catch((error: unknown) => logger.warn({ err: error }, 'projection lag check failed')), interval);
    },
    async stop() {
      if (lagTimer) clearInterval(lagTimer);
      await consumer?.stop();
      await dlqProducer?.close();
      dlqProducer = undefined;
      await lastSave;
    },
    progress: () => structuredClone(checkpoint),
    checkLag,
  };
}
