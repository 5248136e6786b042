import type { Admin, Kafka } from 'kafkajs';
import { NotFoundError } from '../../errors';
import { createKafkaConsumer } from './consumer';
import type { KafkaConsumerSettings } from './consumer';
import { isUnknownTopicError, sleep } from './errors';
import { createKafkaProducer } from './producer';
import { createEndOffsetsReader } from './end-offsets';
import { readPartition } from './reader';
import { patchKafkajsRequests } from './request-savings';
import { encodeProduceRequestsInOneBuffer } from './produce-encoding';
import { warnUnlessLinearGrouping } from './linear-grouping';
import type { Consumer, Log, Producer, TopicSpec } from '../port';

export { createKafkaLogCreator } from './messages';
export type { KafkaLogSink } from './messages';

export interface KafkaLogOptions {
  /** Replication factor of the topics ensureTopics creates (default 1). */
  replicationFactor?: number;
  /** Consumer group session: a member silent this long loses its partitions (default 10 s). */
  sessionTimeoutMs?: number;
  /** Default 1 s; must stay well below the session timeout. */
  heartbeatIntervalMs?: number;
  /** How long the coordinator waits for members to rejoin during a rebalance (default 30 s). */
  rebalanceTimeoutMs?: number;
  /**
   * Longest a fetch waits at the broker for new data (default 500 ms; kafkajs's own is 5 s). It is
   * not a delay: the broker answers as soon as there is data, for read_committed as soon as the
   * transaction's commit marker is written (measured: 1-5 ms from commit to handler); what it
   * bounds is how often an idle member asks, and how long a rejoin or a stop may wait for a fetch.
   */
  maxWaitTimeMs?: number;
  /**
   * Partitions of one consumer handled at the same time, unless the consumer asks otherwise
   * (default 1, kafkajs's own). At 8 for every consumer, the projections of the Kafka orders bench
   * were evicted from their groups under load (a batch outlasting the session on a saturated
   * FerretDB) and stopped; the processors and the projections, whose consumers now heartbeat
   * through a long batch, ask for it themselves (`partitionsAtOnce`).
   */
  partitionsConsumedConcurrently?: number;
  /** Default 60 s; the broker aborts a transaction left open longer. */
  transactionTimeoutMs?: number;
  /**
   * How often a consumer that does not say otherwise (`ConsumerOptions.commitIntervalMs`) commits
   * the offsets it has handled; default 0, after every batch.
   */
  commitIntervalMs?: number;
  /** A partition behind its end that kafkajs has not handed over for this long gets its consumer relaunched (default 30 s). */
  stallAfterMs?: number;
  /** Pause of a partition whose handler threw, doubling per failure (default 100 ms, at most 5 s). */
  retryBackoffMs?: number;
  maxRetryBackoffMs?: number;
  /** Upper bound of one `read` (default 30 s). */
  readTimeoutMs?: number;
  /** How long ensureTopics waits for new topics to have leaders (default 30 s). */
  topicWaitTimeoutMs?: number;
  /** Upper bound of `health` (default 5 s). */
  healthTimeoutMs?: number;
}

/** Polls metadata and end offsets until every partition of the topics has a leader that serves it. */
async function waitForLeaders(admin: Admin, topics: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 1; ; attempt++) {
    try {
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
      const ready = metadata.length === topics.length && metadata.every((topic) => topic.partitions.length > 0 && topic.partitions.every((partition) => partition.leader >= 0));
      if (ready) {
        await Promise.all(topics.map((topic) => admin.fetchTopicOffsets(topic)));
        return;
      }
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline) throw new Error(`topics ${topics.join(', ')} have no leaders after ${timeoutMs} ms`);
    await sleep(Math.min(500, 25 * attempt));
  }
}

/**
 * The log port on Apache Kafka through a kafkajs client (give it a `logCreator`, e.g.
 * `createKafkaLogCreator(logger)`, as kafkajs logs verbosely). Producers are idempotent;
 * consumers read_committed. `close` disconnects everything this log created.
 */
export function createKafkaLog(kafka: Kafka, options: KafkaLogOptions = {}): Log {
  patchKafkajsRequests();
  encodeProduceRequestsInOneBuffer();
  warnUnlessLinearGrouping();
  const sessionTimeoutMs = options.sessionTimeoutMs ?? 10_000;
  const consumerSettings: KafkaConsumerSettings = {
    sessionTimeoutMs,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? Math.min(1000, Math.floor(sessionTimeoutMs / 3)),
    rebalanceTimeoutMs: options.rebalanceTimeoutMs ?? 30_000,
    maxWaitTimeMs: options.maxWaitTimeMs ?? 500,
    partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 1,
    retryBackoffMs: options.retryBackoffMs ?? 100,
    maxRetryBackoffMs: options.maxRetryBackoffMs ?? 5000,
    stallAfterMs: options.stallAfterMs ?? 30_000,
    commitIntervalMs: options.commitIntervalMs ?? 0,
  };
  const replicationFactor = options.replicationFactor ?? 1;
  const topicWaitTimeoutMs = options.topicWaitTimeoutMs ?? 30_000;
  const admin = kafka.admin();
  let adminReady: Promise<Admin> | null = null;
  const endOffsetsReader = createEndOffsetsReader(kafka, 2000);
  const consumers = new Set<Consumer>();
  const producers = new Set<Producer>();
  let closed = false;

  const connectedAdmin = (): Promise<Admin> => {
    if (!adminReady) {
      const connecting = admin.connect().then(() => admin);
      adminReady = connecting;
      connecting.catch(() => {
        if (adminReady === connecting) adminReady = null;
      });
    }
    return adminReady;
  };

  /**
   * Topics seen to exist, with their partition count as their offsets were last read (what
   * committedOffsets answers for). A metadata request for every topic on each offsets call was
   * most of the admin traffic of the projections' lag checks (each a few times a second), enough
   * to time out on a loaded broker; a topic once seen is only asked about again when it turns out
   * deleted.
   */
  const partitionCounts = new Map<string, number>();
  /** Topics ensureTopics has seen served by a leader: asked about once per log, not per call. */
  const readyTopics = new Set<string>();
  const topicOffsets = async (topic: string) => {
    const client = await connectedAdmin();
    if (!partitionCounts.has(topic) && !(await client.listTopics()).includes(topic)) throw new NotFoundError(`topic ${topic} does not exist`, { topic });
    try {
      const offsets = (await client.fetchTopicOffsets(topic)).sort((a, b) => a.partition - b.partition);
      partitionCounts.set(topic, offsets.length);
      return offsets;
    } catch (error) {
      if (!isUnknownTopicError(error)) throw error;
      partitionCounts.delete(topic);
      readyTopics.delete(topic);
      throw new NotFoundError(`topic ${topic} does not exist`, { topic });
    }
  };

  const log: Log = {
    async ensureTopics(specs: readonly TopicSpec[]) {
      const client = await connectedAdmin();
      const unready = specs.filter((spec) => !readyTopics.has(spec.topic));
      if (unready.length === 0) return;
      const existing = new Set(await client.listTopics());
      const missing = new Map(unready.filter((spec) => !existing.has(spec.topic)).map((spec) => [spec.topic, spec]));
      // Resolves false when another process created them meanwhile: they are left as they are.
      // kafkajs's own wait for leaders gives up on UNKNOWN_TOPIC_OR_PARTITION, which a KRaft
      // broker answers until its metadata has caught up, hence the wait below.
      if (missing.size > 0) await client.createTopics({
        waitForLeaders: false,
        topics: [...missing.values()].map((spec) => ({
          topic: spec.topic,
          numPartitions: spec.partitions,
          replicationFactor,
          configEntries: spec.compacted ? [{ name: 'cleanup.policy', value: 'compact' }] : [],
        })),
      });
      // Topics that already exist are waited for too: another process may have just created
      // them, and until their leaders are elected a read of their offsets fails.
      await waitForLeaders(client, unready.map((spec) => spec.topic), topicWaitTimeoutMs);
      for (const spec of unready) readyTopics.add(spec.topic);
    },

    async partitionCount(topic) {
      return (await topicOffsets(topic)).length;
    },

    createProducer(producerOptions = {}) {
      const producer = createKafkaProducer(kafka, producerOptions, { transactionTimeoutMs: options.transactionTimeoutMs ?? 60_000 });
      producers.add(producer);
      return producer;
    },

    createConsumer(consumerOptions) {
      const consumer = createKafkaConsumer(kafka, consumerOptions, consumerSettings, { committed: (groupId, topic) => log.committedOffsets(groupId, topic), ends: (topic) => log.endOffsets(topic) });
      consumers.add(consumer);
      return consumer;
    },

    /**
     * The high watermark of each partition (ListOffsets read_uncommitted, as kafkajs's admin
     * asks): the next offset to be written, as the port says. With no transaction open it is
     * also the last stable offset, and a group that handled everything has committed exactly
     * it, since kafkajs resolves past trailing commit markers. While a transaction is open, a
     * read_committed group stops at its first offset, below this end, until it completes.
     */
    async endOffsets(topic) {
      // Read with the other topics asked for in this turn, in one request; a failed reading as before.
      const ends = await endOffsetsReader.read(topic);
      if (ends && ends.length > 0) {
        partitionCounts.set(topic, ends.length);
        return ends;
      }
      return (await topicOffsets(topic)).map((entry) => Number(entry.high));
    },

    async committedOffsets(groupId, topic) {
      // The lag checks ask for the end offsets beside this, a few times a second: the partition
      // count those last read spares a second ListOffsets of the same topic.
      const count = partitionCounts.get(topic) ?? (await topicOffsets(topic)).length;
      const [committed] = await (await connectedAdmin()).fetchOffsets({ groupId, topics: [topic] });
      const byPartition = new Map((committed?.partitions ?? []).map((entry) => [entry.partition, Number(entry.offset)]));
      return Array.from({ length: count }, (_, partition) => {
        const offset = byPartition.get(partition);
        return offset === undefined || offset < 0 ? null : offset;
      });
    },

    async read(topic, partition, fromOffset, maxCount) {
      const client = await connectedAdmin();
      return readPartition(kafka, client, { topic, partition, fromOffset, maxCount }, {
        maxWaitTimeMs: consumerSettings.maxWaitTimeMs,
        sessionTimeoutMs: consumerSettings.sessionTimeoutMs,
        heartbeatIntervalMs: consumerSettings.heartbeatIntervalMs,
        readTimeoutMs: options.readTimeoutMs ?? 30_000,
      });
    },

    async health() {
      if (closed) return { ok: false, detail: 'closed' };
      let timer: NodeJS.Timeout | undefined;
      const timeoutMs = options.healthTimeoutMs ?? 5000;
      try {
        const cluster = await Promise.race([
          connectedAdmin().then((client) => client.describeCluster()),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`no answer from the cluster within ${timeoutMs} ms`)), timeoutMs);
          }),
        ]);
        return { ok: cluster.brokers.length > 0, detail: `kafka cluster ${cluster.clusterId}, ${cluster.brokers.length} broker(s)` };
      } catch (error) {
        return { ok: false, detail: error instanceof Error ? error.message : String(error) };
      } finally {
        clearTimeout(timer);
      }
    },

    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([...consumers].map((consumer) => consumer.stop()));
      await Promise.all([...producers].map((producer) => producer.close()));
      if (adminReady) await adminReady.then((client) => client.disconnect()).catch(() => undefined);
      await endOffsetsReader.close();
    },
  };
  return log;
}
