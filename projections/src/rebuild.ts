import { eventContexts, eventTopic } from '@ecommerce/schemas';
import type { EventType } from '@ecommerce/schemas';
import { stageWrites } from '@ecommerce/platform';
import type { Document, EventStore, Logger, ReadStore, RecordedEvent, WriteStage } from '@ecommerce/platform';
import { activeVersionKey, readActiveVersion } from './projection';
import type { ActiveVersion, Projection } from './projection';

export interface RebuildOptions {
  projection: Projection;
  eventStore: EventStore;
  readStore: ReadStore;
  logger: Logger;
  pageSize?: number;
  /** Documents held in memory before they are written to the read store (default 20,000): the rebuild's memory bound. */
  stagedDocuments?: number;
  onProgress?: (progress: { position: number; head: number; events: number }) => void;
}

export interface RebuildResult {
  version: number;
  events: number;
  head: number;
  seconds: number;
}

/** The event types the projection applies: the only ones its rebuild reads from `$all`. */
const typesReadBy = (projection: Projection): readonly EventType[] =>
  projection.eventTypes ?? (Object.keys(eventContexts) as EventType[]).filter((type) => projection.topics.includes(eventTopic(type)));

/** The store's own stage when it has one (its documents are in memory), else one in memory in front of it. */
function stagedStore(readStore: ReadStore, collections: readonly string[]): { into: ReadStore; stage: WriteStage; inMemory: boolean } {
  const deferred = readStore.deferWrites?.(collections);
  if (deferred) return { into: readStore, stage: deferred, inMemory: true };
  const staged = stageWrites(readStore, { collections });
  return { into: staged, stage: staged, inMemory: false };
}

/** Documents per `insertMany` when a replay's documents are written. */
const insertChunk = 1000;

/** A replay's documents into the new version's collections, a chunk at a time, the stage flushed as it fills. */
async function insertReplayed(into: ReadStore, names: Record<string, string>, documents: Record<string, Document[]>, flushing: { stage: WriteStage; stagedLimit: number }): Promise<void> {
  for (const [role, docs] of Object.entries(documents)) {
    const name = names[role];
    if (name === undefined) throw new Error(`a replay's documents name no collection of the projection: ${role}`);
    for (let start = 0; start < docs.length; start += insertChunk) {
      await into.collection(name).insertMany(docs.slice(start, start + insertChunk), { handedOver: true });
      if (flushing.stage.stagedDocuments() >= flushing.stagedLimit) await flushing.stage.flush();
    }
  }
}

/**
 * Blue/green rebuild (DESIGN §4.8): replay `$all` from the event store through the same
 * `apply` into the next version's collections while the active one keeps serving, then move
 * the active pointer. Live runners notice, switch to the new version, and skip what the
 * replay already covered; the previous version is dropped a little later.
 *
 * The new version's writes are staged and written to the read store many documents at a time:
 * each document once per flush rather than once per write, which on a MongoDB-wire server is a
 * round trip each (`stageWrites`), and on the embedded store a row written and committed (its own
 * stage, `deferWrites`, holds back the file writes of documents it keeps in memory anyway).
 * There a projection with a `replay` (products) folds the whole history in memory instead of
 * applying it batch by batch, and its documents are inserted at the end; its tests hold the
 * replay to what `apply` leaves. Only the event types the projection applies are read.
 */
export async function rebuildProjection(options: RebuildOptions): Promise<RebuildResult> {
  const { projection, eventStore, readStore, logger } = options;
  const started = performance.now();
  const active = await readActiveVersion(readStore, projection.name);
  const version = active.version + 1;
  const collections = Object.values(projection.collections(version));
  for (const name of collections) await readStore.collection(name).drop();
  const { into, stage, inMemory } = stagedStore(readStore, collections);
  // Where every document is in memory anyway, a projection's own replay folds the history there.
  const replay = inMemory ? projection.replay?.() : undefined;
  const stagedLimit = options.stagedDocuments ?? 20_000;
  await projection.setup(into, version);

  const head = await eventStore.headPosition();
  const types = typesReadBy(projection);
  let position = 0;
  let applied = 0;
  logger.info({ projection: projection.name, version, head }, 'rebuild started');
  try {
    while (position < head) {
      const page = await eventStore.readAll({ after: position, maxCount: options.pageSize ?? 2000, types });
      if (page.length === 0) break;
      const events = page.filter((event) => event.position <= head);
      if (replay) replay.add(events);
      else await projection.apply(into, version, events);
      if (stage.stagedDocuments() >= stagedLimit) await stage.flush();
      applied += events.length;
      position = Math.min(head, (page.at(-1) as RecordedEvent).position);
      options.onProgress?.({ position, head, events: applied });
    }
    if (replay) await insertReplayed(into, projection.collections(version), replay.documents(), { stage, stagedLimit });
  } catch (error) {
    // The stage ends with the rebuild: a store's own stage would hold its writes back from then on.
    await stage.close().catch(() => undefined);
    throw error;
  }
  await stage.close();

  const next: ActiveVersion = { version, activatedAt: new Date().toISOString(), rebuiltThrough: head };
  await readStore.setCheckpoint(activeVersionKey(projection.name), next);
  const seconds = (performance.now() - started) / 1000;
  logger.info({ projection: projection.name, version, events: applied, seconds: Number(seconds.toFixed(2)) }, 'rebuild finished; version activated');
  return { version, events: applied, head, seconds };
}
