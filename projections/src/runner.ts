import { UndecodableMessageError, deadLetterTopic, recordToEvent, runWithTrace } from '@ecommerce/platform';
import type { Consumer, Log, LogMessage, Logger, Metrics, ReadStore, RecordedEvent, Serde } from '@ecommerce/platform';
import { checkpointKey } from './projection';
import type { PartitionProgress, Projection, ProjectionCheckpoint } from './projection';

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
  lagCheckIntervalMs?: number;
}

export interface ProjectionRunner {
  start(): Promise<void>;
  stop(): Promise<void>;
  progress(): ProjectionCheckpoint;
}

const partitionKey = (topic: string, partition: number) => `${topic}/${partition}`;

/**
 * Keeps one version of a projection up to date from the log: a consumer group per
 * version, batches decoded and applied in order, progress per partition saved in the read
 * store (it resumes from the group's committed offsets; the progress is what read-your-writes
 * waits on). Undecodable messages go to the dead-letter topic; failures are retried.
 */
export function createProjectionRunner(options: ProjectionRunnerOptions): ProjectionRunner {
  const { projection, version, log, serde, readStore, logger } = options;
  const groupId = `projection.${projection.name}.v${version}`;
  const checkpoint: ProjectionCheckpoint = { partitions: {} };
  let consumer: Consumer | undefined;
  let lagTimer: NodeJS.Timeout | undefined;
  let saving: Promise<void> | null = null;
  let saveAgain = false;

  /**
   * Writes the progress, coalescing: while one write is under way, later calls share one more
   * write of the then-latest progress. Under load that is one write per write's duration rather
   * than one per batch (a read store round trip per batch, on MongoDB).
   */
  const save = (): Promise<void> => {
    if (saving) {
      saveAgain = true;
      return saving;
    }
    saving = (async () => {
      do {
        saveAgain = false;
        await readStore.setCheckpoint(checkpointKey(projection.name, version), structuredClone(checkpoint)).catch((error: unknown) => logger.warn({ err: error }, 'could not save projection progress'));
      } while (saveAgain);
    })().finally(() => {
      saving = null;
    });
    return saving;
  };

  async function decode(messages: LogMessage[]): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    for (const message of messages) {
      try {
        const event = await recordToEvent(message, serde);
        if (options.skipThrough === undefined || event.position > options.skipThrough) events.push(event);
      } catch (error) {
        if (!(error instanceof UndecodableMessageError)) throw error;
        await deadLetter(message, error);
      }
    }
    return events;
  }

  async function deadLetter(message: LogMessage, error: Error): Promise<void> {
    logger.error({ err: error, topic: message.topic, partition: message.partition, offset: message.offset }, 'undecodable message sent to the dead-letter topic');
    const producer = log.createProducer();
    try {
      await producer.send([{
        topic: deadLetterTopic,
        key: message.key,
        value: message.value,
        headers: { ...message.headers, 'dlq-reason': error.message, 'dlq-source': `${groupId} ${message.topic}/${message.partition}@${message.offset}`, 'dlq-at': new Date().toISOString() },
      }]);
    } finally {
      await producer.close();
    }
    options.metrics?.dlqMessages.inc({ source: groupId });
  }

  async function checkLag(): Promise<void> {
    // The time is taken before the end offsets are read: "caught up at checkedAt" must be true.
    const checkedAt = Date.now();
    for (const topic of projection.topics) {
      // The group's committed offsets, not the last message seen: on Kafka, commit markers of the
      // mirror's transactions occupy offsets, and only the consumer's commits step past them.
      const [ends, committed] = await Promise.all([log.endOffsets(topic), log.committedOffsets(groupId, topic)]);
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
      const saved = await readStore.getCheckpoint<ProjectionCheckpoint>(checkpointKey(projection.name, version));
      Object.assign(checkpoint.partitions, saved?.partitions ?? {});
      const resumed = Object.values(checkpoint.partitions).reduce((max, entry) => Math.max(max, entry.position), 0);
      logger.info({ projection: projection.name, version, resumedFromPosition: resumed, partitions: Object.keys(checkpoint.partitions).length }, resumed > 0 ? 'projection resuming from its checkpoint' : 'projection starting from the beginning');
      consumer = log.createConsumer({
        groupId,
        topics: projection.topics,
        fromBeginning: true,
        eachBatch: async (batch) => {
          const events = await decode(batch.messages);
          const first = events[0];
          await runWithTrace({ correlationId: String(first?.metadata.correlationId ?? groupId) }, async () => {
            await projection.apply(readStore, version, events);
            if (events.length > 0) logger.debug({ projection: projection.name, topic: batch.topic, partition: batch.partition, count: events.length }, 'projection applied events');
          });
          const last = batch.messages.at(-1);
          if (!last) return;
          const position = events.reduce((max, event) => Math.max(max, event.position), checkpoint.partitions[partitionKey(batch.topic, batch.partition)]?.position ?? 0);
          const key = partitionKey(batch.topic, batch.partition);
          const previous = checkpoint.partitions[key] ?? { endOffset: 0, checkedAt: 0 };
          checkpoint.partitions[key] = { offset: last.offset + 1, position, endOffset: previous.endOffset, checkedAt: previous.checkedAt };
          options.metrics?.projectionApplied.inc({ projection: projection.name, outcome: 'applied' }, events.length);
          // Not awaited: the committed offsets are what a restart resumes from; the saved progress is what read-your-writes waits on.
          void save();
        },
      });
      await consumer.start();
      await checkLag();
      lagTimer = setInterval(() => void checkLag().catch((error: unknown) => logger.warn({ err: error }, 'projection lag check failed')), options.lagCheckIntervalMs ?? 250);
    },
    async stop() {
      if (lagTimer) clearInterval(lagTimer);
      await consumer?.stop();
      await saving;
    },
    progress: () => structuredClone(checkpoint),
  };
}
