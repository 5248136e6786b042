import type { Consumer as KafkaConsumer, EachBatchPayload, IMemberAssignment, Kafka } from 'kafkajs';
import { backoffMs } from './errors';
import { createFetchPacing, withFetchPacing } from './fetch-pacing';
import { toLogMessage } from './messages';
import { unitAssigner } from './unit-assigner';
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
  /** See `quietPartitions`. */
  stallAfterMs: number;
  /** `ConsumerOptions.commitIntervalMs` for a consumer that does not give one. */
  commitIntervalMs: number;
}

/** Where the consumer reads its group's progress when a partition seems stalled. */
export interface GroupOffsets {
  committed(groupId: string, topic: string): Promise<Array<number | null>>;
  ends(topic: string): Promise<number[]>;
}

/**
 * Partitions held, not paused after a failure, and not handed a batch (nor checked) for
 * `stallAfterMs`: whether they are behind is worth asking. An idle partition at its end is quiet
 * too; the caller marks it checked.
 */
export function quietPartitions(input: { held: Iterable<string>; lastSeen: ReadonlyMap<string, number>; paused: ReadonlySet<string>; now: number; stallAfterMs: number }): string[] {
  return [...input.held].filter((key) => !input.paused.has(key) && input.now - (input.lastSeen.get(key) ?? input.now) >= input.stallAfterMs);
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
export function createKafkaConsumer(kafka: Kafka, options: ConsumerOptions, settings: KafkaConsumerSettings, offsets?: GroupOffsets): Consumer {
  const maxBatchSize = Math.max(1, options.maxBatchSize ?? 500);
  let consumer: KafkaConsumer | null = null;
  let running = false;
  let assigned = new Map<string, TopicPartition>();
  /** The id the group coordinator gave this member at its last join. */
  let memberId: string | undefined;
  /** When kafkajs last handed over a batch of each held partition (or it was assigned, or checked). */
  const lastSeen = new Map<string, number>();
  let stallTimer: NodeJS.Timeout | undefined;
  /** Batches being handled now: a long one keeps kafkajs from handing over the others, which is no stall. */
  let batchesInFlight = 0;
  const failures = new Map<string, { attempts: number; timer?: NodeJS.Timeout }>();
  let relaunchTimer: NodeJS.Timeout | undefined;
  let relaunches = 0;
  // A partition whose next fetch waits out the window is handed nothing meanwhile: a window as long as the stall check would read as a stall.
  if (options.batchWindowMs && options.batchWindowMs >= settings.stallAfterMs) {
    throw new Error(`consumer ${options.groupId}: its batch window (${options.batchWindowMs} ms) must be shorter than the stall check's ${settings.stallAfterMs} ms`);
  }
  const commitIntervalMs = options.commitIntervalMs ?? settings.commitIntervalMs;
  // The stall check reads a quiet partition's committed offset: its last offsets are committed within one and a half intervals.
  if (commitIntervalMs * 2 > settings.stallAfterMs) {
    throw new Error(`consumer ${options.groupId}: its commit interval (${commitIntervalMs} ms) must be at most half the stall check's ${settings.stallAfterMs} ms`);
  }
  const pacing = options.batchWindowMs ? createFetchPacing(options.batchWindowMs, settings.heartbeatIntervalMs, maxBatchSize) : undefined;

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
    for (const tp of revoked) lastSeen.delete(keyOf(tp));
    for (const tp of gained) lastSeen.set(keyOf(tp), Date.now());
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

  /**
   * Without a commit interval, the offsets resolved while the event loop turns go in one
   * OffsetCommit. kafkajs sends a request per call, each with every offset resolved so far: the
   * batches of a fetch that end together (a projection applies them in one call) made a request
   * each: over two fifths of the platform's requests to the broker at 200 orders/s. Each batch
   * still awaits a commit that holds its offset (begun after it was resolved) before it ends.
   */
  let commitRound: Promise<void> | undefined;
  const commitEachTurn = (payload: EachBatchPayload): Promise<void> =>
    (commitRound ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      commitRound = undefined;
      return payload.commitOffsetsIfNecessary();
    }));

  /**
   * With `commitIntervalMs`, kafkajs commits the resolved offsets once the interval has passed
   * since its last commit (its `autoCommitInterval`), when a batch ends (which then waits for it)
   * or the flush timer ticks; other batches end without a commit. `commitVia` is the latest batch's
   * payload: its commit functions reach the consumer group as it is now.
   */
  let commitVia: EachBatchPayload | undefined;
  let flushTimer: NodeJS.Timeout | undefined;
  const commitResolved = (payload: EachBatchPayload): Promise<void> => {
    if (!commitIntervalMs) return commitEachTurn(payload);
    commitVia = payload;
    return payload.commitOffsetsIfNecessary();
  };
  /** Every resolved offset not yet committed, now (a stop's last commit). */
  const commitAllResolved = async (): Promise<void> => {
    const via = commitVia;
    if (!via) return;
    const pending = via.uncommittedOffsets();
    if (pending.topics.length > 0) await via.commitOffsetsIfNecessary(pending);
  };

  const eachBatch = async (payload: EachBatchPayload) => {
    lastSeen.set(keyOf({ topic: payload.batch.topic, partition: payload.batch.partition }), Date.now());
    batchesInFlight += 1;
    try {
      await handleBatch(payload);
    } finally {
      batchesInFlight -= 1;
    }
  };

  const handleBatch = async (payload: EachBatchPayload) => {
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
              await commitResolved(payload);
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
      await commitResolved(payload);
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
      ...(options.partitionUnits ? { partitionAssigners: [unitAssigner(options.partitionUnits)] } : {}),
    });
    consumer = instance;
    const joined = new Promise<void>((resolve, reject) => {
      instance.on(instance.events.GROUP_JOIN, (event) => {
        relaunches = 0;
        onGroupJoin(event.payload.memberId, event.payload.memberAssignment);
        resolve();
      });
      // What kafkajs does itself when it commits each batch: the offsets handled so far committed
      // as the member learns of a rebalance, before it rejoins (the coordinator still takes its
      // generation's commits), so the partitions' next owners do not handle them again.
      if (commitIntervalMs) instance.on(instance.events.REBALANCING, () => void commitAllResolved().catch(() => undefined));
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
    commitVia = undefined;
    // kafkajs's own commits (after every batch, and as a rebalance begins) only when each batch commits.
    const commits = commitIntervalMs ? { autoCommit: false, autoCommitInterval: commitIntervalMs } : { autoCommit: true, autoCommitThreshold: 1 };
    await instance.run({ ...commits, eachBatchAutoResolve: false, partitionsConsumedConcurrently: options.partitionsAtOnce ?? settings.partitionsConsumedConcurrently, eachBatch: pacing ? withFetchPacing(eachBatch, pacing) : eachBatch });
    await joined;
  };

  /**
   * kafkajs 2.2 was seen, after a broker restart and rebalances, to hold a partition without ever
   * fetching it again: no batch, no error, the group's offset short of the end for good (CI's
   * torture: the router's group behind on one partition, every component healthy). A held
   * partition that is behind and has not been handed over for `stallAfterMs` gets the consumer
   * relaunched: a new kafkajs consumer joins afresh and fetches from the committed offset.
   */
  const checkForStalls = async (): Promise<void> => {
    if (!offsets || !running || batchesInFlight > 0) return;
    const now = Date.now();
    const quiet = quietPartitions({ held: [...assigned.keys()], lastSeen, paused: new Set(failures.keys()), now, stallAfterMs: settings.stallAfterMs });
    const behind: string[] = [];
    for (const topic of new Set(quiet.map((key) => (assigned.get(key) as TopicPartition).topic))) {
      const [committed, ends] = await Promise.all([offsets.committed(options.groupId, topic), offsets.ends(topic)]);
      for (const key of quiet) {
        const tp = assigned.get(key);
        if (tp?.topic !== topic) continue;
        if ((committed[tp.partition] ?? 0) < (ends[tp.partition] ?? 0)) behind.push(`${topic}/${tp.partition} at ${committed[tp.partition] ?? 'none'} of ${ends[tp.partition]}`);
        else lastSeen.set(key, now);
      }
    }
    if (behind.length === 0 || !running) return;
    kafka.logger().warn('partitions held but not fetched: relaunching the consumer', { groupId: options.groupId, partitions: behind, quietForMs: settings.stallAfterMs });
    for (const key of quiet) lastSeen.set(key, now);
    scheduleRelaunch();
  };

  const scheduleRelaunch = () => {
    clearTimeout(relaunchTimer);
    relaunches += 1;
    relaunchTimer = setTimeout(() => {
      if (!running) return;
      const previous = consumer;
      // The old kafkajs consumer's held fetch ends now, not a window later.
      pacing?.interrupt();
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
      pacing?.start();
      stallTimer = setInterval(() => void checkForStalls().catch(() => undefined), Math.max(1000, Math.floor(settings.stallAfterMs / 3)));
      // A partition gone quiet has its last offsets committed within the interval.
      if (commitIntervalMs) flushTimer = setInterval(() => void commitVia?.commitOffsetsIfNecessary().catch(() => undefined), Math.ceil(commitIntervalMs / 2));
      try {
        await launch();
      } catch (error) {
        running = false;
        pacing?.stop();
        clearInterval(stallTimer);
        clearInterval(flushTimer);
        await consumer?.disconnect().catch(() => undefined);
        consumer = null;
        throw error;
      }
    },

    async stop() {
      if (!running) return;
      running = false;
      clearTimeout(relaunchTimer);
      clearInterval(stallTimer);
      clearInterval(flushTimer);
      pacing?.stop();
      const instance = consumer;
      if (commitIntervalMs) {
        // The batch in flight ends at its next chunk (no longer running); then what was handled is committed before the member leaves.
        const waitUntil = Date.now() + settings.sessionTimeoutMs;
        while (batchesInFlight > 0 && Date.now() < waitUntil) await new Promise((resolve) => setTimeout(resolve, 5));
        await commitAllResolved().catch(() => undefined);
      }
      consumer = null;
      // Waits for the batch in flight, then leaves the group.
      await instance?.disconnect().catch(() => undefined);
      revokeAll();
    },
  };
}
