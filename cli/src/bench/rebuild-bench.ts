import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { createMongoReadStore, openEmbeddedReadStore } from '@ecommerce/platform';
import type { EventStore, Logger, ReadStore } from '@ecommerce/platform';
import { productsProjection, rebuildProjection } from '@ecommerce/projections';
import { productCollections } from '@ecommerce/schemas';
import type { CatalogHistory } from './catalog-history';
import { elapsedSince, percentile, perSecond } from './rate';
import type { SectionResult } from './report';
import { collectGarbage } from './settled-heap';

interface RebuildOptions {
  eventStore: EventStore;
  history: CatalogHistory;
  logger: Logger;
}

/** An empty read store for one rebuild, and how to let it go (after the rebuild, or after it `failed`). */
interface FreshStore {
  readStore: ReadStore;
  close(failed?: boolean): Promise<void>;
}

/**
 * Rebuilds per section. The embedded one takes about a second here, and one run differs from the
 * next by up to a fifth on this shared machine (74k to 117k events/s in four runs of the same code
 * within a minute): the figure is their median, and each is listed.
 */
const rounds = 3;

interface Round {
  elapsedMs: number;
  eventsApplied: number;
  head: number;
  version: number;
  documents: number;
}

async function rebuildOnce(readStore: ReadStore, options: RebuildOptions): Promise<Round> {
  // The previous round's store and documents are garbage by now: collected here, not inside the measured rebuild.
  collectGarbage();
  const started = performance.now();
  const result = await rebuildProjection({ projection: productsProjection, eventStore: options.eventStore, readStore, logger: options.logger.child({ component: 'rebuild' }) });
  const elapsedMs = elapsedSince(started);
  const documents = await readStore.collection(productCollections(result.version).products).count();
  return { elapsedMs, eventsApplied: result.events, head: result.head, version: result.version, documents };
}

/** §3: the products projection rebuilt from $all, `rounds` times, each into an empty read store. */
async function rebuildInto(section: string, openStore: (round: number) => Promise<FreshStore>, options: RebuildOptions): Promise<SectionResult> {
  const { history, logger } = options;
  logger.info({ events: history.events, section, rounds }, 'rebuild: replaying the products projection');
  const done: Round[] = [];
  for (let round = 1; round <= rounds; round += 1) {
    const fresh = await openStore(round);
    try {
      done.push(await rebuildOnce(fresh.readStore, options));
    } catch (error) {
      // the rebuild's error is what the section reports, not one from letting its store go
      await fresh.close(true).catch(() => undefined);
      throw error;
    }
    await fresh.close();
  }
  const rates = done.map((round) => perSecond(history.events, round.elapsedMs));
  const wrong = done.filter((round) => round.documents !== history.products);
  const applied = (done[0] as Round).eventsApplied;
  return {
    figures: [
      {
        section, metric: 'products projection', value: percentile([...rates].sort((a, b) => a - b), 50), unit: 'events/s',
        note: `median of ${rounds} rebuilds, each into an empty store: ${rates.map((rate) => Math.round(rate).toLocaleString('en-US')).join(' / ')} (the first with a cold JIT); over the ${history.events} events of $all, ${applied} of the projection's types read and applied`,
      },
      {
        section, metric: 'product documents after', value: (done.at(-1) as Round).documents, unit: 'docs',
        note: wrong.length === 0 ? `= ${history.products} products created, in every rebuild` : `MISMATCH: expected ${history.products}, got ${wrong.map((round) => round.documents).join(', ')}`,
      },
    ],
    details: { eventsRead: history.events, products: history.products, rounds: done },
  };
}

/** Into the embedded (SQLite) read store, as the embedded default runs it. */
export async function benchRebuild(options: RebuildOptions & { dir: string }): Promise<SectionResult> {
  return rebuildInto('projection rebuild', async (round) => {
    const readStore = openEmbeddedReadStore(path.join(options.dir, `read-${round}.db`));
    return { readStore, close: () => readStore.close() };
  }, options);
}

/** Into the environment's MongoDB-wire server (MONGO_URL), each round in a database of its own, dropped after. */
export async function benchRebuildOnServer(options: RebuildOptions): Promise<SectionResult> {
  const client = new MongoClient(process.env.MONGO_URL as string);
  await client.connect();
  try {
    const outcome = await rebuildInto('projection rebuild (server)', async () => {
      const db = client.db(`bench_rebuild_${randomUUID().slice(0, 8)}`);
      const close = async (failed?: boolean) => {
        // A failed page leaves its other writes in flight: FerretDB 1.24 on SQLite crashed (SIGBUS)
        // when the database was dropped under them, so they get time to settle first.
        if (failed) await new Promise((resolve) => setTimeout(resolve, 3000));
        await db.dropDatabase().catch(() => undefined);
      };
      return { readStore: createMongoReadStore(db), close };
    }, options);
    const server = await client.db('admin').command({ buildInfo: 1 }).catch(() => undefined);
    return { ...outcome, details: { ...outcome.details, server: server ? { version: server.version, ferretdb: server.ferretdb } : undefined } };
  } finally {
    await client.close();
  }
}
