import { isEventType, eventTopic } from '@ecommerce/schemas';
import { stageWrites } from '@ecommerce/platform';
import type { EventStore, Logger, ReadStore, RecordedEvent } from '@ecommerce/platform';
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

const readsEvent = (projection: Projection) => (event: RecordedEvent) => isEventType(event.type) && projection.topics.includes(eventTopic(event.type));

/**
 * Blue/green rebuild (DESIGN §4.8): replay `$all` from the event store through the same
 * `apply` into the next version's collections while the active one keeps serving, then move
 * the active pointer. Live runners notice, switch to the new version, and skip what the
 * replay already covered; the previous version is dropped a little later.
 *
 * The new version's writes are staged in memory (`stageWrites`) and written to the read store
 * a few thousand documents at a time: each document once per flush rather than once per write,
 * which on a MongoDB-wire server is a round trip each. Not so on the embedded store, which holds
 * its documents in memory already.
 */
export async function rebuildProjection(options: RebuildOptions): Promise<RebuildResult> {
  const { projection, eventStore, readStore, logger } = options;
  const started = performance.now();
  const active = await readActiveVersion(readStore, projection.name);
  const version = active.version + 1;
  const collections = Object.values(projection.collections(version));
  for (const name of collections) await readStore.collection(name).drop();
  // The embedded store holds its documents in memory: staging would only copy them once more.
  const staged = readStore.holdsDocumentsInMemory ? undefined : stageWrites(readStore, { collections });
  const into = staged ?? readStore;
  await projection.setup(into, version);

  const head = await eventStore.headPosition();
  const wanted = readsEvent(projection);
  let position = 0;
  let applied = 0;
  logger.info({ projection: projection.name, version, head }, 'rebuild started');
  while (position < head) {
    const page = await eventStore.readAll({ after: position, maxCount: options.pageSize ?? 2000 });
    if (page.length === 0) break;
    const events = page.filter((event) => event.position <= head && wanted(event));
    await projection.apply(into, version, events);
    if (staged && staged.stagedDocuments() >= (options.stagedDocuments ?? 20_000)) await staged.flush();
    applied += events.length;
    position = Math.min(head, (page.at(-1) as RecordedEvent).position);
    options.onProgress?.({ position, head, events: applied });
  }
  await staged?.close();

  const next: ActiveVersion = { version, activatedAt: new Date().toISOString(), rebuiltThrough: head };
  await readStore.setCheckpoint(activeVersionKey(projection.name), next);
  const seconds = (performance.now() - started) / 1000;
  logger.info({ projection: projection.name, version, events: applied, seconds: Number(seconds.toFixed(2)) }, 'rebuild finished; version activated');
  return { version, events: applied, head, seconds };
}
