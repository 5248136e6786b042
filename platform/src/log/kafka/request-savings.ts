import { paceFetches } from './fetch-pacing';
import type { RunnerClass } from './fetch-pacing';

/** What the cache needs of a kafkajs Broker. */
interface CoordinatorBroker {
  isConnected(): boolean;
}

interface CoordinatorQuery {
  groupId: string;
  coordinatorType?: number;
}

/** What the cache needs of kafkajs's (internal) Cluster class. */
export interface ClusterClass {
  prototype: { findGroupCoordinator(query: CoordinatorQuery): Promise<CoordinatorBroker> };
}

interface Cached {
  broker: Promise<CoordinatorBroker>;
  at: number;
}

const wrapped = new WeakSet<ClusterClass>();

/**
 * kafkajs 2.2 asks the broker for a transaction's coordinator before each AddPartitionsToTxn,
 * AddOffsetsToTxn and EndTxn, for the group's before each TxnOffsetCommit, and for a group's before
 * each admin offset fetch: 4-5 FindCoordinator round trips a transaction, a quarter of every request
 * the orders bench sent the broker. The answer rarely changes, so each cluster (one per kafkajs
 * client) keeps it for `ttlMs`. An entry is dropped as soon as a request to the broker it names
 * fails (the coordinator may have moved: kafkajs's retry then asks again) or its connection is
 * gone, so a stale answer costs at most one failed try, as in the Java client.
 */
export function cacheCoordinatorLookups(cluster: ClusterClass, ttlMs: number, now: () => number = Date.now): void {
  if (wrapped.has(cluster)) return;
  wrapped.add(cluster);
  const lookup = cluster.prototype.findGroupCoordinator;
  const caches = new WeakMap<object, Map<string, Cached>>();
  cluster.prototype.findGroupCoordinator = function findGroupCoordinatorCached(this: ClusterClass['prototype'], query: CoordinatorQuery) {
    let cache = caches.get(this);
    if (!cache) {
      cache = new Map();
      caches.set(this, cache);
    }
    const key = `${query.coordinatorType ?? 0}:${query.groupId}`;
    const forget = (entry: Cached) => {
      if (cache.get(key) === entry) cache.delete(key);
    };
    const hit = cache.get(key);
    if (hit && now() - hit.at < ttlMs) {
      return hit.broker.then((broker) => {
        if (broker.isConnected()) return broker;
        forget(hit);
        return this.findGroupCoordinator(query);
      });
    }
    const entry: Cached = { at: now(), broker: Promise.resolve() as unknown as Promise<CoordinatorBroker> };
    entry.broker = lookup.call(this, query).then((broker) => forgettingOnFailure(broker, () => forget(entry)));
    entry.broker.catch(() => forget(entry));
    cache.set(key, entry);
    return entry.broker;
  };
}

/** The broker, whose requests drop the cache entry when they fail. */
function forgettingOnFailure<T extends object>(broker: T, forget: () => void): T {
  return new Proxy(broker, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result: unknown = Reflect.apply(value, target, args);
        if (result instanceof Promise) {
          return result.catch((error: unknown) => {
            forget();
            throw error;
          });
        }
        return result;
      };
    },
  });
}

/** What the metadata age needs of kafkajs's (internal) BrokerPool class. */
export interface BrokerPoolClass {
  prototype: { refreshMetadataIfNecessary(topics: string[]): Promise<void> };
}

const aged = new WeakSet<BrokerPoolClass>();

/**
 * kafkajs builds its admin client without a metadata max age, so every admin call that needs a
 * topic's partitions (each offsets read) refreshes the metadata first: 44 of the 235 requests a
 * second the broker answered for the idle platform. A pool without an age gets `maxAgeMs`;
 * kafkajs still refreshes at once for a topic its metadata lacks, and after UNKNOWN_TOPIC_OR_PARTITION.
 */
export function ageUnagedMetadata(pool: BrokerPoolClass, maxAgeMs: number): void {
  if (aged.has(pool)) return;
  aged.add(pool);
  const refresh = pool.prototype.refreshMetadataIfNecessary;
  pool.prototype.refreshMetadataIfNecessary = function refreshMetadataIfOld(this: { metadataMaxAge?: number }, topics: string[]) {
    if (!this.metadataMaxAge) this.metadataMaxAge = maxAgeMs;
    return refresh.call(this, topics);
  };
}

/** The group offsets committed transactions wrote, by group, topic and partition (the offset as kafkajs writes it: text). */
const offsetsCommittedInTransactions = new Map<string, string>();
const transactionalOffsetKey = (groupId: string, topic: string, partition: number | string) => `${groupId}\u0000${topic}\u0000${partition}`;

/** Records the group offsets a transaction committed (TxnOffsetCommit, then a committed EndTxn). */
export function noteOffsetsCommittedInTransaction(groupId: string, offsets: ReadonlyArray<{ topic: string; partition: number; offset: number }>): void {
  for (const { topic, partition, offset } of offsets) offsetsCommittedInTransactions.set(transactionalOffsetKey(groupId, topic, partition), String(offset));
}

/** What the skip needs of kafkajs's (internal) OffsetManager class. */
export interface OffsetManagerClass {
  prototype: {
    commitOffsets(offsets?: { topics?: unknown }): Promise<void>;
  };
}

interface OffsetManagerState {
  groupId: string;
  resolvedOffsets: Record<string, Record<string, string>>;
  committedOffsets(): Record<string, Record<string, string> | undefined>;
}

const skipping = new WeakSet<OffsetManagerClass>();

/**
 * The router commits the offset of each batch that routes something in its transaction (TxnOffsetCommit), then resolves it on
 * its kafkajs consumer, which does not know it committed and sends the same offset again in an
 * OffsetCommit: a sixth request, and a write to the offsets topic, for every transaction. kafkajs's
 * consumer still has to commit where the transaction did not (a fetch of nothing but the markers
 * of an aborted transaction, which it resolves past), so its commits are kept, and an offset a
 * committed transaction already wrote for the group is marked committed before kafkajs looks for
 * what to send. Writing it again could only move the group's offset back, never forward.
 */
export function skipCommitsDoneInTransactions(manager: OffsetManagerClass): void {
  if (skipping.has(manager)) return;
  skipping.add(manager);
  const commitOffsets = manager.prototype.commitOffsets;
  manager.prototype.commitOffsets = function commitOffsetsNotCommittedInTransactions(this: OffsetManagerState, offsets = {}) {
    // Offsets named by the caller are committed as asked; only kafkajs's own pick is trimmed.
    if (offsets.topics === undefined && offsetsCommittedInTransactions.size > 0) {
      const committed = this.committedOffsets();
      for (const [topic, partitions] of Object.entries(this.resolvedOffsets)) {
        for (const [partition, resolved] of Object.entries(partitions)) {
          if (committed[topic]?.[partition] === resolved) continue;
          if (offsetsCommittedInTransactions.get(transactionalOffsetKey(this.groupId, topic, partition)) !== resolved) continue;
          committed[topic] = { ...committed[topic], [partition]: resolved };
        }
      }
    }
    return commitOffsets.call(this, offsets);
  };
}

/** What the check needs of kafkajs's (internal) RequestQueue class: one per broker connection. */
export interface RequestQueueClass {
  prototype: { scheduleCheckPendingRequests(): void; checkPendingRequests(): void };
}

interface RequestQueueState {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
}

/** kafkajs's CHECK_PENDING_REQUESTS_INTERVAL: how soon requests held back by the in-flight limit are looked at again. */
const heldRequestsCheckMs = 10;
const checkingWhenHeld = new WeakSet<RequestQueueClass>();

/**
 * Each kafkajs 2.2.4 connection checks its requests held back (a broker's throttle, or past the
 * in-flight limit) on a timer it sets again after every check, every answer from the broker
 * included; with none held back and no throttle on, it sets it for a negative delay, which Node
 * runs after 1 ms. So every open connection checked an empty queue a thousand times a second for
 * as long as it stayed open (kafkajs#1556, #1704): most of what the idle platform's processes
 * spent. The timer is now set only while a request is held back or a throttle is on; a request
 * held back later sets it in `push`, and an answer checks the queue at once, as before.
 */
export function checkHeldRequestsOnlyWhenHeld(queue: RequestQueueClass): void {
  if (checkingWhenHeld.has(queue)) return;
  checkingWhenHeld.add(queue);
  queue.prototype.scheduleCheckPendingRequests = function scheduleCheckWhileHeld(this: RequestQueueState) {
    if (this.throttleCheckTimeoutId) return;
    const throttledForMs = this.throttledUntil - Date.now();
    if (this.pending.length === 0 && throttledForMs <= 0) return;
    this.throttleCheckTimeoutId = setTimeout(() => {
      this.throttleCheckTimeoutId = null;
      this.checkPendingRequests();
    }, throttledForMs > 0 ? throttledForMs : heldRequestsCheckMs);
  };
}

/** Applies these (and the batch window's fetch pacing) to the kafkajs this package depends on, once per process. */
export function patchKafkajsRequests(): void {
  /* eslint-disable @typescript-eslint/no-require-imports -- internal modules of kafkajs, which has no types for them */
  cacheCoordinatorLookups(require('kafkajs/src/cluster') as ClusterClass, 30_000);
  ageUnagedMetadata(require('kafkajs/src/cluster/brokerPool') as BrokerPoolClass, 2000);
  skipCommitsDoneInTransactions(require('kafkajs/src/consumer/offsetManager') as OffsetManagerClass);
  checkHeldRequestsOnlyWhenHeld(require('kafkajs/src/network/requestQueue') as RequestQueueClass);
  paceFetches(require('kafkajs/src/consumer/runner') as RunnerClass);
  /* eslint-enable @typescript-eslint/no-require-imports */
}
