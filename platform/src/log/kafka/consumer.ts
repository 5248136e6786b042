import type { Consumer as KafkaConsumer, EachBatchPayload, IMemberAssignment, Kafka } from 'kafkajs';
import { backoffMs } from './errors';
import { toLogMessage } from './messages';
import type { Consumer, ConsumerOptions } from '../port';

export interface KafkaConsumerSettings {
  sessionTimeoutMs: number;
  heartbeatIntervalMs: number;
  rebalanceTimeoutMs: number;
  maxWaitTimeMs: number;
  /** Partitions whose batches are handled at the same time (one batch per partition at a time, always in order). */
  partitionsConsumedConcurrently: number;
  /** First pause of a partition whose handler threw; doubles per failure up to the max. */
  retryBackoffMs: number;
  maxRetryBackoffMs: number;
}

interface TopicPartition {
  topic: string;
  partition: number;
}

const keyOf = ({ topic, partition }: TopicPartition) => `${topic}#${partition}`;

/**
 * A consumer-group member over a kafkajs consumer (read_committed). kafkajs fetches; the port's
 * handler gets chunks of at most `maxBatchSize`, and an offset is resolved and committed only
 * after the handler resolved. When it throws, the partition is paused for a backoff and,
 * since nothing was resolved, fetched again from the first unhandled offset: redelivery
 * without ever crashing the consumer. kafkajs has no revoke callback, so assignment changes
 * are derived from successive GROUP_JOIN events (and their member ids: see onGroupJoin).
 */
export function createKafkaConsumer(kafka: Kafka, options: ConsumerOptions, settings: KafkaConsumerSettings): Consumer {
  const maxBatchSize = Math.max(1, options.maxBatchSize ?? 500);
  let consumer: KafkaConsumer | null = null;
  let running = false;
  let assigned = new Map<string, TopicPartition>();
  /** The id the group coordinator gave this member at its last join. */
  let memberId: string | undefined;
  const failures = new Map<string, { attempts: number; timer?: NodeJS.Timeout }>();
  let relaunchTimer: NodeJS.Timeout | undefined;
  let relaunches = 0;

  const notify = (hook: ConsumerOptions['onPartitionsAssigned'], partitions: TopicPartition[]) => {
    if (partitions.length === 0 || !hook) return;
    try {
      hook(partitions.map(({ topic, partition }) => ({ topic, partition })));
    } catch {
      // A throwing listener must not break the group protocol.
    }
  };

  const resume = (tp: TopicPartition) => {
    try {
      consumer?.resume([{ topic: tp.topic, partitions: [tp.partition] }]);
    } catch {
      // The kafkajs consumer is restarting; its new group state starts unpaused.
    }
  };

  const forgetFailure = (tp: TopicPartition) => {
    const failure = failures.get(keyOf(tp));
    if (!failure) return;
    clearTimeout(failure.timer);
    failures.delete(keyOf(tp));
    resume(tp);
  };

  const onGroupJoin = (joinedAs: string, memberAssignment: IMemberAssignment) => {
    const next = new Map<string, TopicPartition>();
    for (const [topic, partitions] of Object.entries(memberAssignment)) {
      for (const partition of partitions) next.set(keyOf({ topic, partition }), { topic, partition });
    }
    // A new member id: the coordinator had evicted this member (its session expired while it was
    // stalled or cut off) and it joined again. What it held was another member's meanwhile, so
    // each of its partitions is revoked and assigned afresh, even one it got back.
    const rejoined = memberId !== undefined && joinedAs !== memberId;
    memberId = joinedAs;
    const revoked = [...assigned.values()].filter((tp) => rejoined || !next.has(keyOf(tp)));
    const gained = [...next.values()].filter((tp) => rejoined || !assigned.has(keyOf(tp)));
    assigned = next;
    for (const tp of revoked) forgetFailure(tp);
    notify(options.onPartitionsRevoked, revoked);
    notify(options.onPartitionsAssigned, gained);
  };

  const revokeAll = () => {
    const revoked = [...assigned.values()];
    assigned = new Map();
    memberId = undefined;
    for (const failure of failures.values()) clearTimeout(failure.timer);
    failures.clear();
    notify(options.onPartitionsRevoked, revoked);
  };

  const pauseAfterFailure = (tp: TopicPartition) => {
    const failure = failures.get(keyOf(tp)) ?? { attempts: 0 };
    failure.attempts += 1;
    clearTimeout(failure.timer);
    failures.set(keyOf(tp), failure);
    consumer?.pause([{ topic: tp.topic, partitions: [tp.partition] }]);
    failure.timer = setTimeout(() => {
      failure.timer = undefined;
      resume(tp);
    }, backoffMs(failure.attempts, settings.retryBackoffMs, settings.maxRetryBackoffMs));
  };

  const eachBatch = async (payload: EachBatchPayload) => {
    const { batch } = payload;
    const tp = { topic: batch.topic, partition: batch.partition };
    // Set when a heartbeat during a long chunk learns the group is rebalancing: the handler should stop early.
    let rebalancing = false;
    const isRunning = () => running && !rebalancing && payload.isRunning() && !payload.isStale();
    const highWatermark = Number(batch.highWatermark);
    // Past the transaction markers that end the fetched batch, which kafkajs does not hand over.
    const batchEnd = Number(batch.lastOffset()) + 1;
    for (let start = 0; start < batch.messages.length; start += maxBatchSize) {
      if (!isRunning()) return;
      const chunk = batch.messages.slice(start, start + maxBatchSize);
      const last = chunk.at(-1);
      if (!last) return;
      // Asked before each chunk, not after: kafkajs hands over every batch of a fetch before it
      // rejoins, and a member that handled a chunk of each after the rebalance began could come
      // back after the rebalance timeout, evicted, while the partitions' new owner handles the same
      // messages. Throws while the group rebalances (kafkajs retries a failed heartbeat at once).
      await payload.heartbeat();
      // A chunk may take longer than the session timeout (a stalled read store, a slow provider):
      // heartbeats go on meanwhile, so the member keeps its partitions instead of being evicted
      // and having its chunk handled again by another.
      const keepAlive = setInterval(() => void payload.heartbeat().catch(() => void (rebalancing = true)), settings.heartbeatIntervalMs);
      try {
        await options.eachBatch(
          {
            ...tp,
            messages: chunk.map((message) => toLogMessage(tp.topic, tp.partition, message)),
            highWatermark,
            nextOffset: start + maxBatchSize >= batch.messages.length ? batchEnd : Number(last.offset) + 1,
          },
          {
            async commit(nextOffset) {
              payload.resolveOffset(String(nextOffset - 1));
              await payload.commitOffsetsIfNecessary();
            },
            isRunning,
          },
        );
      } catch {
        // At-least-once: nothing resolved past the last handled chunk, so kafkajs fetches it again after the pause.
        pauseAfterFailure(tp);
        return;
      } finally {
        clearInterval(keepAlive);
      }
      const failure = failures.get(keyOf(tp));
      if (failure) failure.attempts = 0;
      // kafkajs maps the last message's offset to the batch's last offset, past a trailing commit marker.
      payload.resolveOffset(last.offset);
      // kafkajs errors (rebalance, coordinator moved) go back to its runner, which rejoins and retries.
      await payload.commitOffsetsIfNecessary();
    }
  };

  const launch = async (): Promise<void> => {
    const instance = kafka.consumer({
      groupId: options.groupId,
      readUncommitted: false,
      allowAutoTopicCreation: false,
      sessionTimeout: settings.sessionTimeoutMs,
      heartbeatInterval: settings.heartbeatIntervalMs,
      rebalanceTimeout: settings.rebalanceTimeoutMs,
      maxWaitTimeInMs: settings.maxWaitTimeMs,
      // kafkajs restarts after retriable crashes; non-retriable ones are relaunched below.
      retry: { restartOnFailure: async () => true },
    });
    consumer = instance;
    const joined = new Promise<void>((resolve, reject) => {
      instance.on(instance.events.GROUP_JOIN, (event) => {
        relaunches = 0;
        onGroupJoin(event.payload.memberId, event.payload.memberAssignment);
        resolve();
      });
      instance.on(instance.events.CRASH, (event) => {
        revokeAll();
        if (event.payload.restart || !running || consumer !== instance) return;
        reject(event.payload.error);
        scheduleRelaunch();
      });
    });
    joined.catch(() => undefined);
    await instance.connect();
    await instance.subscribe({ topics: options.topics, fromBeginning: options.fromBeginning ?? true });
    await instance.run({ autoCommit: true, autoCommitThreshold: 1, eachBatchAutoResolve: false, partitionsConsumedConcurrently: options.partitionsAtOnce ?? settings.partitionsConsumedConcurrently, eachBatch });
    await joined;
  };

  const scheduleRelaunch = () => {
    clearTimeout(relaunchTimer);
    relaunches += 1;
    relaunchTimer = setTimeout(() => {
      if (!running) return;
      const previous = consumer;
      void (previous?.disconnect() ?? Promise.resolve())
        .catch(() => undefined)
        .then(() => (running ? launch() : undefined))
        .catch(() => scheduleRelaunch());
    }, backoffMs(relaunches, settings.retryBackoffMs * 10, settings.maxRetryBackoffMs * 6));
  };

  return {
    async start() {
      if (running) return;
      running = true;
      try {
        await launch();
      } catch (error) {
        running = false;
        await consumer?.disconnect().catch(() => undefined);
        consumer = null;
        throw error;
      }
    },

    async stop() {
      if (!running) return;
      running = false;
      clearTimeout(relaunchTimer);
      const instance = consumer;
      consumer = null;
      // Waits for the batch in flight, then leaves the group.
      await instance?.disconnect().catch(() => undefined);
      revokeAll();
    },
  };
}
