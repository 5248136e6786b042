import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { createMongoReadStore, openEmbeddedReadStore } from '@ecommerce/platform';
import type { EventStore, Logger, ReadStore } from '@ecommerce/platform';
import { productsProjection, rebuildProjection } from '@ecommerce/projections';
import { productCollections } from '@ecommerce/schemas';
import type { CatalogHistory } from './catalog-history';
import { elapsedSince, perSecond } from './rate';
import type { SectionResult } from './report';

interface RebuildOptions {
  eventStore: EventStore;
  history: CatalogHistory;
  logger: Logger;
}

/** §3: the products projection rebuilt from $all into an empty read store. */
async function rebuildInto(section: string, readStore: ReadStore, options: RebuildOptions): Promise<SectionResult> {
  const { eventStore, history, logger } = options;
  logger.info({ events: history.events, section }, 'rebuild: replaying the products projection');
  const started = performance.now();
  const result = await rebuildProjection({ projection: productsProjection, eventStore, readStore, logger: logger.child({ component: 'rebuild' }) });
  const elapsedMs = elapsedSince(started);
  const documents = await readStore.collection(productCollections(result.version).products).count();
  return {
    figures: [
      { section, metric: 'products projection', value: perSecond(history.events, elapsedMs), unit: 'events/s', note: `over the ${history.events} events of $all: ${result.events} of the projection's types read and applied` },
      {
        section, metric: 'product documents after', value: documents, unit: 'docs',
        note: documents === history.products ? `= ${history.products} products created` : `MISMATCH: expected ${history.products}`,
      },
    ],
    details: { elapsedMs, eventsRead: history.events, eventsApplied: result.events, head: result.head, version: result.version, documents, products: history.products },
  };
}

/** Into the embedded (SQLite) read store, as the embedded default runs it. */
export async function benchRebuild(options: RebuildOptions & { dir: string }): Promise<SectionResult> {
  const readStore = openEmbeddedReadStore(path.join(options.dir, 'read.db'));
  try {
    return await rebuildInto('projection rebuild', readStore, options);
  } finally {
    await readStore.close();
  }
}

/** Into the environment's MongoDB-wire server (MONGO_URL), in a database of its own, dropped after. */
export async function benchRebuildOnServer(options: RebuildOptions): Promise<SectionResult> {
  const client = new MongoClient(process.env.MONGO_URL as string);
  await client.connect();
  const db = client.db(`bench_rebuild_${randomUUID().slice(0, 8)}`);
  try {
    const outcome = await rebuildInto('projection rebuild (server)', createMongoReadStore(db), options);
    const server = await db.admin().command({ buildInfo: 1 }).catch(() => undefined);
    return { ...outcome, details: { ...outcome.details, server: server ? { version: server.version, ferretdb: server.ferretdb } : undefined } };
  } catch (error) {
    // A failed page leaves its other writes in flight: FerretDB 1.24 on SQLite crashed (SIGBUS)
    // when the database was dropped under them, so they get time to settle first.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    throw error;
  } finally {
    await db.dropDatabase().catch(() => undefined);
    await client.close();
  }
}
