import { activeVersionKey } from '@ecommerce/schemas';
import type { ActiveVersion } from '@ecommerce/schemas';
import type { Document, ReadStore, RecordedEvent } from '@ecommerce/platform';
import type { EventType } from '@ecommerce/schemas';

/**
 * A read model: its name, the topics it reads, and how a batch of events changes its
 * collections. Versions make rebuilds blue/green: version N+1 is built into its own
 * collections while N keeps serving, then the active pointer moves.
 */
export interface Projection {
  name: string;
  topics: string[];
  /**
   * The event types `apply` changes anything for, when fewer than its topics carry: a rebuild
   * reads only these from `$all`. Every type on its topics when absent.
   */
  eventTypes?: readonly EventType[];
  /** Physical collection names of one version, by role. */
  collections(version: number): Record<string, string>;
  /** Indexes and anything else a fresh version needs. */
  setup(store: ReadStore, version: number): Promise<void>;
  /** Apply events in order; must be idempotent under redelivery (revision-guarded writes). */
  apply(store: ReadStore, version: number, events: readonly RecordedEvent[]): Promise<void>;
  /**
   * A rebuild's shortcut, when the projection has one: the documents `apply` would leave after a
   * whole history, folded in memory (no read, guard or write per event) and then inserted. Used
   * where the store holds every document in memory anyway (the embedded one, `deferWrites`).
   */
  replay?(): ProjectionReplay;
}

/** One rebuild's fold of a projection's history (pure: the same events give the documents `apply` leaves). */
export interface ProjectionReplay {
  /** The next events of `$all`, in order. */
  add(events: readonly RecordedEvent[]): void;
  /**
   * Every document by collection role (as `collections` names them), `_revisions` by stream id.
   * They are handed over to the store (`InsertOptions.handedOver`): plain JSON data, built for it alone.
   */
  documents(): Record<string, Document[]>;
}

export { activeVersionKey, checkpointKey } from '@ecommerce/schemas';
export type { ActiveVersion, PartitionProgress, ProjectionCheckpoint } from '@ecommerce/schemas';

const firstVersion = (): ActiveVersion => ({ version: 1, activatedAt: new Date(0).toISOString() });

export async function readActiveVersion(store: ReadStore, name: string): Promise<ActiveVersion> {
  return (await store.getCheckpoint<ActiveVersion>(activeVersionKey(name))) ?? firstVersion();
}

/** The active versions of several projections in one read, by projection name. */
export async function readActiveVersions(store: ReadStore, names: readonly string[]): Promise<Map<string, ActiveVersion>> {
  const read = await store.getCheckpoints(names.map(activeVersionKey));
  return new Map(names.map((name) => [name, (read.get(activeVersionKey(name)) as ActiveVersion | undefined) ?? firstVersion()]));
}
