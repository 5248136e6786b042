import { asStoredEvent, createLruCache, deterministicEventId } from '@ecommerce/platform';
import type { EventStore, Logger, RecordedEvent } from '@ecommerce/platform';
import type { AnyActorDefinition } from './actor';

/** The snapshot stream of an actor stream, and the type of the events in it. */
export const snapshotStreamOf = (streamId: string): string => `${streamId}-snapshot`;
export const snapshotEventType = 'ActorSnapshot';

/** How many causing message ids a snapshot keeps, to recognise redeliveries of recent messages. */
const snapshotHandledIds = 100;
/** How many causing message ids a cached entry remembers. */
const cachedHandledIds = 1000;
/**
 * A large state is snapshotted every (its size ÷ this) events: each event pays for writing this
 * many of its entries. At 10, the notification and inventory snapshots of the orders bench were 91
 * of the event store's 141 MB; at 2, 18 MB, and rebuilding the bench's largest such states took
 * 17–134 ms against 10–206 ms (bench/LOG.md, "Since (2026-12-06, 09:00)").
 */
const largeStateEntriesPerEvent = 2;

export interface ActorStateEntry<State> {
  state: State;
  /** Revision of the last event folded in; -1 while the stream does not exist. */
  revision: number;
  /** Ids of messages known to have caused events of this stream (most recent last). */
  handled: Set<string>;
  /** `<topic>/<partition>` of the inbox partition the key belongs to. */
  partition: string;
  /** Revision of the latest snapshot written or loaded; -1 when none. */
  snapshotRevision: number;
}

interface SnapshotData {
  revision: number;
  state: unknown;
  handledMessageIds: string[];
}

const remember = (handled: Set<string>, messageId: string, bound: number) => {
  handled.delete(messageId);
  handled.add(messageId);
  while (handled.size > bound) {
    const oldest = handled.values().next();
    if (oldest.done) break;
    handled.delete(oldest.value);
  }
};

/**
 * An actor's states by stream: rebuilt from the latest snapshot (if any) and the events after it,
 * kept in an LRU cache, snapshotted every `snapshotEvery` events. Snapshots are only a shortcut:
 * a missing or unreadable one means a full replay, and a failed snapshot write is only logged.
 */
export function createActorStateStore<State>(options: {
  eventStore: EventStore;
  actor: AnyActorDefinition;
  cacheSize: number;
  snapshotEvery: number;
  logger: Logger;
}) {
  const { eventStore, actor, snapshotEvery, logger } = options;
  const cache = createLruCache<ActorStateEntry<State>>(options.cacheSize);
  const toData = (state: State): unknown => (actor.snapshot ? actor.snapshot.toData(state) : state);
  const fromData = (data: unknown): State => (actor.snapshot ? actor.snapshot.fromData(data) : (data as State));

  const fold = (entry: ActorStateEntry<State>, events: readonly RecordedEvent[]) => {
    for (const event of events) {
      entry.state = actor.decider.evolve(entry.state, { type: event.type, data: event.data }) as State;
      entry.revision = event.revision;
      const cause = event.metadata.causationId;
      if (typeof cause === 'string') remember(entry.handled, cause, cachedHandledIds);
    }
  };

  async function latestSnapshot(streamId: string): Promise<SnapshotData | null> {
    if (snapshotEvery <= 0) return null;
    try {
      const [last] = await eventStore.readStream(snapshotStreamOf(streamId), { direction: 'backwards', maxCount: 1 });
      const data = last?.data as Partial<SnapshotData> | undefined;
      if (!data || typeof data.revision !== 'number' || !Array.isArray(data.handledMessageIds)) return null;
      return data as SnapshotData;
    } catch (error) {
      logger.warn({ err: error, streamId }, 'unreadable snapshot: replaying the whole stream');
      return null;
    }
  }

  /**
   * A stream shorter than `snapshotEvery` has no snapshot (the first is written once it is that
   * long): its first `snapshotEvery` events are read, and only a stream that has that many looks
   * for one. Most cold keys (an order's actor, a few events long) then cost one read, not two.
   */
  async function rehydrate(streamId: string, partition: string): Promise<ActorStateEntry<State>> {
    const fresh = (): ActorStateEntry<State> => ({ state: actor.decider.initialState() as State, revision: -1, handled: new Set(), partition, snapshotRevision: -1 });
    const head = snapshotEvery > 0 ? await eventStore.readStream(streamId, { maxCount: snapshotEvery }) : [];
    if (head.length < snapshotEvery) {
      const entry = fresh();
      fold(entry, head);
      return entry;
    }
    const snapshot = await latestSnapshot(streamId);
    const entry: ActorStateEntry<State> = snapshot
      ? { state: fromData(snapshot.state), revision: snapshot.revision, handled: new Set(snapshot.handledMessageIds), partition, snapshotRevision: snapshot.revision }
      : fresh();
    if (!snapshot) fold(entry, head);
    fold(entry, await eventStore.readStream(streamId, { fromRevision: entry.revision + 1 }));
    return entry;
  }

  async function writeSnapshot(streamId: string, entry: ActorStateEntry<State>): Promise<void> {
    const data: SnapshotData = { revision: entry.revision, state: toData(entry.state), handledMessageIds: [...entry.handled].slice(-snapshotHandledIds) };
    const snapshotStream = snapshotStreamOf(streamId);
    try {
      await eventStore.append(snapshotStream, [{ id: deterministicEventId(`${snapshotStream}@${entry.revision}`, 0), ...asStoredEvent({ type: snapshotEventType, data }) }]);
    } catch (error) {
      logger.warn({ err: error, streamId, revision: entry.revision }, 'snapshot not written (an optimisation only)');
    }
  }

  return {
    /**
     * The entry of a stream. `catchUp`: others (the command API) append to this stream too, so a
     * cached state is first brought up to date with what they wrote (one short read from its
     * revision): a decision on a stale state could refuse or skip what the stream now allows.
     */
    async load(streamId: string, partition: string, options: { catchUp?: boolean } = {}): Promise<ActorStateEntry<State>> {
      const cached = cache.get(streamId);
      if (cached) {
        if (options.catchUp) fold(cached, await eventStore.readStream(streamId, { fromRevision: cached.revision + 1 }));
        return cached;
      }
      const entry = await rehydrate(streamId, partition);
      cache.set(streamId, entry);
      return entry;
    },
    /**
     * Moves the cached entry to the state after its appended events (already folded by the caller),
     * and snapshots once `snapshotEvery` events followed the last snapshot — or, for a large state,
     * about half its size: writing it costs its size, so each event pays for writing two of its
     * entries, and a rebuild reads about half as many events after the snapshot as the snapshot
     * holds entries (up to as many, for a state that grows by an entry with every event).
     */
    async advanced(streamId: string, entry: ActorStateEntry<State>, state: State, lastRevision: number, messageIds: readonly string[]) {
      entry.state = state;
      entry.revision = lastRevision;
      for (const messageId of messageIds) remember(entry.handled, messageId, cachedHandledIds);
      if (snapshotEvery <= 0) return;
      const interval = Math.max(snapshotEvery, Math.ceil((actor.snapshot?.sizeOf?.(state) ?? 0) / largeStateEntriesPerEvent));
      if (lastRevision - entry.snapshotRevision >= interval) {
        await writeSnapshot(streamId, entry);
        entry.snapshotRevision = lastRevision;
      }
    },
    invalidate: (streamId: string) => cache.delete(streamId),
    dropPartitions: (partitions: ReadonlySet<string>) => cache.deleteWhere((entry) => partitions.has(entry.partition)),
    size: () => cache.size(),
  };
}
