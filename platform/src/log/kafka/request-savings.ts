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

/** Applies both to the kafkajs this package depends on, once per process. */
export function patchKafkajsRequests(): void {
  /* eslint-disable @typescript-eslint/no-require-imports -- internal modules of kafkajs, which has no types for them */
  cacheCoordinatorLookups(require('kafkajs/src/cluster') as ClusterClass, 30_000);
  ageUnagedMetadata(require('kafkajs/src/cluster/brokerPool') as BrokerPoolClass, 2000);
  /* eslint-enable @typescript-eslint/no-require-imports */
}
