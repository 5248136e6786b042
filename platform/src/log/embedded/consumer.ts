import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../errors';
import { createGroupMembership, partitionKey } from './group';
import type { TopicPartition } from './group';
import { createWaiter, onGroup, onTopic, signalGroup } from '../../sqlite/signals';
import type { LogStore } from './store';
import { createTurnCommit } from '../../sqlite/turn-commit';
import type { InTurnTransaction } from '../../sqlite/turn-commit';
import type { Batch, Consumer, ConsumerOptions } from '../port';

export interface ConsumerTimings {
  pollIntervalMs: number;
  sessionTimeoutMs: number;
  heartbeatIntervalMs: number;
}

interface OwnedPartition extends TopicPartition {
  /** Next offset to fetch: the committed offset, or where the group starts. */
  position: number;
  /** End offset at the last look: the partition has something to read while it is past `position`. */
  knownEnd: number;
  attempts: number;
  retryAt: number;
}

const backoffMs = (attempts: number) => Math.min(5000, 100 * 2 ** (attempts - 1)) * (0.8 + Math.random() * 0.4);

/**
 * A consumer-group member of the embedded log: one fetch loop over the partitions it
 * leases, a heartbeat that renews the leases and rebalances. A partition is released only
 * after its in-flight batch ended, and offsets are committed only while the lease is held.
 */
export function createEmbeddedConsumer(db: Database, store: LogStore, options: ConsumerOptions, timings: ConsumerTimings, inTurnTransaction: InTurnTransaction = createTurnCommit(db)): Consumer {
  const membership = createGroupMembership(db, {
    groupId: options.groupId,
    memberId: randomUUID(),
    topics: options.topics,
    sessionTimeoutMs: timings.sessionTimeoutMs,
    partitionUnits: options.partitionUnits,
  });
  const maxBatchSize = options.maxBatchSize ?? 500;
  const owned = new Map<string, OwnedPartition>();
  const waiter = createWaiter();
  // Woken by stop only: messages that arrive during a batch window wait for it to end.
  const batchWindow = createWaiter();
  /** When the last round that had batches to hand over began: the batch window counts from it. */
  let lastRoundAt = 0;
  let running = false;
  let inFlight: { key: string; done: Promise<void> } | null = null;
  let loopDone: Promise<void> = Promise.resolve();
  let rebalancing: Promise<void> | null = null;
  let rebalanceAgain = false;
  let heartbeatTimer: NodeJS.Timeout | undefined;
  let unsubscribe: Array<() => void> = [];

  const notify = (hook: ConsumerOptions['onPartitionsAssigned'], partitions: TopicPartition[]) => {
    if (partitions.length === 0 || !hook) return;
    try {
      hook(partitions.map(({ topic, partition }) => ({ topic, partition })));
    } catch {
      // A throwing listener must not break the group protocol.
    }
  };

  const finishInFlight = async (keys: Set<string>) => {
    const current = inFlight;
    if (current && keys.has(current.key)) await current.done;
  };

  /** Lost leases are someone else's already; revoked ones are released for the member they now belong to. */
  const giveUp = (lost: TopicPartition[], revoked: TopicPartition[]) => {
    notify(options.onPartitionsRevoked, lost);
    if (revoked.length === 0) return;
    membership.release(revoked);
    notify(options.onPartitionsRevoked, revoked);
    signalGroup(db, options.groupId);
  };

  const rebalanceStep = async () => {
    const { held, assigned } = membership.heartbeat();
    const heldKeys = new Set(held.map(partitionKey));
    const assignedKeys = new Set(assigned.map(partitionKey));
    const lost = [...owned.values()].filter((entry) => !heldKeys.has(partitionKey(entry)));
    const revoked = [...owned.values()].filter((entry) => heldKeys.has(partitionKey(entry)) && !assignedKeys.has(partitionKey(entry)));
    for (const entry of [...lost, ...revoked]) owned.delete(partitionKey(entry));
    // Idle partitions go at once; the one with a batch in flight once that batch has ended.
    const busyKey = inFlight?.key;
    const isIdle = (entry: TopicPartition) => partitionKey(entry) !== busyKey;
    giveUp(lost.filter(isIdle), revoked.filter(isIdle));
    const busy = [...lost, ...revoked].filter((entry) => !isIdle(entry));
    if (busy.length > 0) {
      await finishInFlight(new Set(busy.map(partitionKey)));
      giveUp(lost.filter((entry) => !isIdle(entry)), revoked.filter((entry) => !isIdle(entry)));
    }
    if (!running) return;
    const gained = assigned.filter((tp) => !owned.has(partitionKey(tp)) && membership.acquire(tp));
    for (const tp of gained) {
      const committed = store.committedOffset(options.groupId, tp.topic, tp.partition);
      const start = options.fromBeginning === false ? store.endOffset(tp.topic, tp.partition) : 0;
      owned.set(partitionKey(tp), { ...tp, position: committed ?? start, knownEnd: 0, attempts: 0, retryAt: 0 });
    }
    notify(options.onPartitionsAssigned, gained);
    if (gained.length > 0) waiter.wake();
  };

  const scheduleRebalance = (): Promise<void> => {
    if (!running) return Promise.resolve();
    if (rebalancing) {
      rebalanceAgain = true;
      return rebalancing;
    }
    rebalancing = (async () => {
      do {
        rebalanceAgain = false;
        await rebalanceStep().catch(() => undefined); // retried on the next heartbeat
      } while (rebalanceAgain && running);
    })().finally(() => {
      rebalancing = null;
    });
    return rebalancing;
  };

  // While a rebalance waits for an in-flight batch, the leases are still renewed.
  const heartbeat = () => {
    if (!rebalancing) return void scheduleRebalance();
    rebalanceAgain = true;
    try {
      membership.heartbeat();
    } catch {
      // Retried on the next tick.
    }
  };

  /**
   * Commits only while this member holds the lease, in the same SQLite transaction as the check.
   * A handler that committed its offsets in its own transaction (`sendOffsets`) already wrote
   * this one: then only the lease is checked, and nothing is written.
   */
  const commitIfHeld = async (entry: OwnedPartition, nextOffset: number): Promise<boolean> => {
    if (store.committedOffset(options.groupId, entry.topic, entry.partition) === nextOffset) return membership.holds(entry);
    const outcome = await inTurnTransaction(() => {
      if (!membership.holds(entry)) return false;
      store.commitOffsets(options.groupId, [{ topic: entry.topic, partition: entry.partition, offset: nextOffset }]);
      return true;
    });
    if (!outcome.ok) throw outcome.error;
    return outcome.result;
  };

  const processBatch = async (entry: OwnedPartition, batch: Batch) => {
    const isCurrent = () => running && owned.get(partitionKey(entry)) === entry;
    try {
      await options.eachBatch(batch, {
        async commit(nextOffset) {
          if (!(await commitIfHeld(entry, nextOffset))) {
            throw new AppError('conflict', `partition ${entry.topic}/${entry.partition} was reassigned`, { retriable: true });
          }
          entry.position = nextOffset;
        },
        isRunning: isCurrent,
      });
    } catch {
      // At-least-once: keep the position, try again after a backoff.
      entry.attempts += 1;
      entry.retryAt = Date.now() + backoffMs(entry.attempts);
      return;
    }
    const { nextOffset } = batch;
    if (await commitIfHeld(entry, nextOffset)) {
      entry.position = nextOffset;
      entry.attempts = 0;
      entry.retryAt = 0;
    } else if (owned.get(partitionKey(entry)) === entry) {
      owned.delete(partitionKey(entry));
      notify(options.onPartitionsRevoked, [entry]);
      void scheduleRebalance();
    }
  };

  /**
   * One query per topic for every end offset: a partition is read only when its end is past
   * its position, so idle partitions cost nothing but a row of that query.
   */
  const refreshEnds = () => {
    const topics = new Set([...owned.values()].map((entry) => entry.topic));
    for (const topic of topics) {
      const ends = store.endOffsetMap(topic);
      for (const entry of owned.values()) {
        if (entry.topic === topic) entry.knownEnd = ends.get(entry.partition) ?? 0;
      }
    }
  };

  const isReady = (entry: OwnedPartition, now: number) => entry.knownEnd > entry.position && entry.retryAt <= now;

  /** Fetches one batch of a partition, up to the end seen by `refreshEnds`, and hands it over. */
  const fetchOnce = async (entry: OwnedPartition): Promise<void> => {
    if (owned.get(partitionKey(entry)) !== entry || !isReady(entry, Date.now())) return;
    const highWatermark = entry.knownEnd;
    const messages = store.readBelow(entry.topic, entry.partition, entry.position, highWatermark, maxBatchSize);
    if (messages.length === 0) {
      // Nothing where the end says there is: don't spin on it, look again after the next refresh.
      entry.knownEnd = entry.position;
      return;
    }
    const done = processBatch(entry, { topic: entry.topic, partition: entry.partition, messages, highWatermark, nextOffset: (messages.at(-1)?.offset ?? entry.position - 1) + 1 });
    inFlight = { key: partitionKey(entry), done };
    try {
      await done;
    } finally {
      inFlight = null;
    }
  };

  // One batch per ready partition per round, so a long backlog on one cannot starve the others.
  const fetchLoop = async () => {
    while (running) {
      let failed = false;
      try {
        refreshEnds();
        const now = Date.now();
        const ready = [...owned.values()].filter((candidate) => isReady(candidate, now));
        if (ready.length > 0) lastRoundAt = now;
        for (const entry of ready) {
          if (!running) break;
          await fetchOnce(entry);
        }
      } catch {
        // A busy or failing database: back off one poll interval and try again.
        failed = true;
      }
      if (!running) break;
      const now = Date.now();
      const entries = [...owned.values()];
      if (!failed && entries.some((entry) => isReady(entry, now))) {
        // A backlog of handlers that never await I/O must still let timers (heartbeats) and other consumers run.
        await new Promise<void>((resolve) => setImmediate(resolve));
        continue;
      }
      // New messages in this process wake the waiter; other processes' are seen on the next poll.
      const retryAts = entries.map((entry) => entry.retryAt).filter((at) => at > now);
      const untilRetry = retryAts.length > 0 ? Math.min(...retryAts) - now : Infinity;
      const woken = await waiter.wait(Math.max(1, Math.min(timings.pollIntervalMs, untilRetry)));
      const windowLeft = lastRoundAt + (options.batchWindowMs ?? 0) - Date.now();
      if (woken && windowLeft > 0 && running) await batchWindow.wait(windowLeft);
    }
  };

  return {
    async start() {
      if (running) return;
      running = true;
      unsubscribe = [
        ...options.topics.map((topic) => onTopic(db, topic, () => waiter.wake())),
        onGroup(db, options.groupId, () => void scheduleRebalance()),
      ];
      await scheduleRebalance();
      signalGroup(db, options.groupId);
      heartbeatTimer = setInterval(heartbeat, timings.heartbeatIntervalMs);
      loopDone = fetchLoop();
    },

    async stop() {
      if (!running) return;
      running = false;
      clearInterval(heartbeatTimer);
      for (const off of unsubscribe) off();
      waiter.wake();
      batchWindow.wake();
      await loopDone;
      await rebalancing;
      const released = [...owned.values()];
      owned.clear();
      membership.leave();
      notify(options.onPartitionsRevoked, released);
      signalGroup(db, options.groupId);
    },
  };
}
