import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { inventoryStreamId, productStreamId, skuStreamId } from '@ecommerce/domain';
import { openSqliteEventStore } from '@ecommerce/platform';
import type { Logger, NewEvent } from '@ecommerce/platform';
import type { CreateProductBody, EventPayloads, EventType } from '@ecommerce/schemas';
import { demoCatalog } from '../seed/demo-catalog';
import type { PlannedAppend } from './catalog-events';
import { elapsedSince, percentile, perSecond, round1 } from './rate';
import type { Figure, SectionResult } from './report';
import { withEmbeddedProcess } from './sse-bench';
import { withTempDir } from './temp-dir';
import { waitFor } from './wait-for';

const section = 'search';

/** What a shopper types, with the filters they tick: one word, several, a typo, filters, and one matching the whole catalog (facets over everything). */
export const searchQueries: ReadonlyArray<{ name: string; query: string }> = [
  { name: 'one word', query: 'q=headphones' },
  { name: 'three words', query: 'q=cast+iron+pan' },
  { name: 'typo (one edit)', query: 'q=hedphones' },
  { name: 'word + filters', query: 'q=wireless&category=electronics&inStock=true&minPrice=2000&maxPrice=20000' },
  { name: 'facet-heavy (all match)', query: 'q=demo+product' },
];

/**
 * The demo catalog repeated up to `total` products: copy 0 is the demo catalog itself, each
 * further copy the same products under SKUs of their own, so word frequencies scale as a bigger
 * shop of the same kind would.
 */
export function* scaledCatalog(total: number): Generator<CreateProductBody> {
  const demo = demoCatalog();
  for (let index = 0; index < total; index += 1) {
    const product = demo[index % demo.length] as CreateProductBody;
    const copy = Math.floor(index / demo.length);
    yield copy === 0 ? product : { ...product, sku: `${product.sku}-${String(copy).padStart(4, '0')}` };
  }
}

function eventOf<T extends EventType>(type: T, data: EventPayloads[T], occurredAt: string): NewEvent {
  return { id: randomUUID(), type, data: { ...data }, metadata: { occurredAt, correlationId: randomUUID(), actor: 'bench' } };
}

/** The appends the command API would make to create `product` with its initial stock. */
export function createdProductAppends(product: CreateProductBody, productId: string, occurredAt: string): PlannedAppend[] {
  const { sku, name, description, category, tags, price, initialStock } = product;
  return [
    { streamId: skuStreamId(sku), events: [eventOf('SkuClaimed', { sku, productId }, occurredAt)] },
    { streamId: productStreamId(productId), events: [eventOf('ProductCreated', { productId, sku, name, description, category, tags, price, listedBy: null }, occurredAt)] },
    ...(initialStock ? [{ streamId: inventoryStreamId(sku), events: [eventOf('StockRestocked', { sku, quantity: initialStock, reference: 'initial stock' }, occurredAt)] }] : []),
  ];
}

/** Setup: the scaled catalog straight into the event store the platform will open; the last product's id and stock. */
async function seedCatalog(file: string, total: number): Promise<{ lastId: string; lastStock: number; appends: number; ms: number }> {
  const store = openSqliteEventStore(file);
  const started = performance.now();
  const occurredAt = new Date().toISOString();
  let last = { lastId: '', lastStock: 0 };
  let appends = 0;
  try {
    for (const product of scaledCatalog(total)) {
      const productId = randomUUID();
      for (const append of createdProductAppends(product, productId, occurredAt)) {
        await store.append(append.streamId, append.events, { expectedRevision: 'no_stream' });
        appends += 1;
      }
      last = { lastId: productId, lastStock: product.initialStock ?? 0 };
    }
  } finally {
    await store.close();
  }
  return { ...last, appends, ms: elapsedSince(started) };
}

/**
 * Issue 11: catalog search over the demo catalog scaled to `products`, on one `ecommerce start`
 * as an OS process: the products are appended to its event store before it starts and its
 * projections catch up, then each query of `searchQueries` runs `iterations` times in turn
 * (sequentially: latency without queueing), after a warm-up.
 */
export async function benchSearch(options: { products: number; iterations: number; logger: Logger }): Promise<SectionResult> {
  const { products, iterations, logger } = options;
  return withTempDir('search', async (dir) => {
    logger.info({ products }, 'search: appending the scaled demo catalog');
    const seeded = await seedCatalog(path.join(dir, 'events.db'), products);
    logger.info({ appends: seeded.appends, ms: seeded.ms }, 'search: catalog appended; starting the platform');
    // from the process's start: its projections begin catching up before it answers /health
    const projectedSince = performance.now();
    return withEmbeddedProcess(dir, {}, logger, async ({ client }) => {
      const stockOf = async () => {
        const answer = await client.request('GET', `/api/products/${seeded.lastId}`);
        return answer.status === 200 ? (answer.body.stock as { available: number }).available : undefined;
      };
      await waitFor(async () => (await stockOf()) === seeded.lastStock, {
        what: `the ${products} products projected`, timeoutMs: 30 * 60_000, pollMs: 500, progressEveryMs: 10_000,
        onProgress: () => logger.info({ waitedMs: Math.round(performance.now() - projectedSince) }, 'search: waiting for the products projection'),
      });
      const projectedMs = elapsedSince(projectedSince);

      const figures: Figure[] = [];
      const details: Record<string, unknown> = { products, iterations, seedAppends: seeded.appends, seedMs: seeded.ms, projectedMs };
      const all: number[] = [];
      for (const { name, query } of searchQueries) {
        const url = `/api/products?${query}`;
        let answer = await client.must('GET', url);
        for (let warm = 0; warm < 3; warm += 1) answer = await client.must('GET', url);
        const latencies: number[] = [];
        for (let run = 0; run < iterations; run += 1) {
          const started = performance.now();
          await client.must('GET', url);
          latencies.push(performance.now() - started);
        }
        latencies.sort((a, b) => a - b);
        all.push(...latencies);
        const facets = answer.facets as { matched: number; truncated: boolean } | null;
        const items = answer.items as Array<{ name: string }>;
        const matched = facets ? `${facets.matched}${facets.truncated ? '+ (truncated)' : ''} matched` : `${items.length} on the first page`;
        figures.push(
          { section, metric: `${name} p50`, value: round1(percentile(latencies, 50)), unit: 'ms', note: `${query}: ${matched}` },
          { section, metric: `${name} p99`, value: round1(percentile(latencies, 99)), unit: 'ms' },
        );
        details[name] = { query, facets, firstResults: items.slice(0, 3).map((item) => item.name), p50: percentile(latencies, 50), p90: percentile(latencies, 90), p99: percentile(latencies, 99), max: latencies.at(-1) };
      }
      all.sort((a, b) => a - b);
      figures.push(
        { section, metric: 'all queries p50', value: round1(percentile(all, 50)), unit: 'ms', note: `${products} products, ${iterations} runs per query, sequential` },
        { section, metric: 'all queries p99', value: round1(percentile(all, 99)), unit: 'ms' },
        { section, metric: 'start → catalog searchable', value: round1(projectedMs / 1000), unit: 's', note: `${seeded.appends} events appended before the start (${perSecond(products, projectedMs)} products/s)` },
      );
      return { figures, details };
    }, 'listening');
  });
}
