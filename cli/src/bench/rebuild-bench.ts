import path from 'node:path';
import { openEmbeddedReadStore } from '@ecommerce/platform';
import type { EventStore, Logger } from '@ecommerce/platform';
import { productsProjection, rebuildProjection } from '@ecommerce/projections';
import { productCollections } from '@ecommerce/schemas';
import type { CatalogHistory } from './catalog-history';
import { elapsedSince, perSecond } from './rate';
import type { SectionResult } from './report';

const section = 'projection rebuild';

/** §3: the products projection rebuilt from $all into an empty embedded read store. */
export async function benchRebuild(options: { dir: string; eventStore: EventStore; history: CatalogHistory; logger: Logger }): Promise<SectionResult> {
  const { dir, eventStore, history, logger } = options;
  const readStore = openEmbeddedReadStore(path.join(dir, 'read.db'));
  try {
    logger.info({ events: history.events }, 'rebuild: replaying the products projection');
    const started = performance.now();
    const result = await rebuildProjection({ projection: productsProjection, eventStore, readStore, logger: logger.child({ component: 'rebuild' }) });
    const elapsedMs = elapsedSince(started);
    const documents = await readStore.collection(productCollections(result.version).products).count();
    return {
      figures: [
        { section, metric: 'products projection', value: perSecond(history.events, elapsedMs), unit: 'events/s', note: `${history.events} events read, ${result.events} applied` },
        {
          section, metric: 'product documents after', value: documents, unit: 'docs',
          note: documents === history.products ? `= ${history.products} products created` : `MISMATCH: expected ${history.products}`,
        },
      ],
      details: { elapsedMs, eventsRead: history.events, eventsApplied: result.events, head: result.head, version: result.version, documents, products: history.products },
    };
  } finally {
    await readStore.close();
  }
}
