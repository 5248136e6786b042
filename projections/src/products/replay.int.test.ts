import { createMemoryReadStore } from '@ecommerce/platform';
import type { ReadStore, RecordedEvent } from '@ecommerce/platform';
import { productCollections } from '@ecommerce/schemas';
import { productsProjection } from './projection';
import { replayProducts } from './replay';

/** A small seeded generator (mulberry32): each seed is one reproducible history. */
function randomOf(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, below: (n: number) => Math.floor(next() * n), pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T };
}

type Random = ReturnType<typeof randomOf>;
type Planned = { type: string; data: Record<string, unknown> };

const variantsOf = (imageId: string) => [
  { name: 'original', key: `images/${imageId}/original.jpg`, width: 800, height: 600 },
  { name: 'thumbnail', key: `images/${imageId}/thumb.jpg`, width: 80, height: 60 },
];

function catalogStream(random: Random, productId: string, sku: string): Planned[] {
  const events: Planned[] = [{ type: 'ProductCreated', data: { productId, sku, name: `Thing ${sku}`, description: 'A thing', category: random.pick(['toys', 'books']), tags: ['a'], price: { amount: 500, currency: 'EUR' }, listedBy: null } }];
  const images: string[] = [];
  for (let count = random.below(7); count > 0; count -= 1) {
    const kind = random.below(6);
    if (kind === 0) events.push({ type: 'ProductPriceChanged', data: { productId, price: { amount: 100 + random.below(900), currency: 'EUR' }, previousPrice: { amount: 500, currency: 'EUR' } } });
    else if (kind === 1) events.push({ type: 'ProductDetailsUpdated', data: { productId, name: random.pick([null, `Renamed ${sku} ${count}`]), description: random.pick([null, 'New words']), category: random.pick([null, 'garden']), tags: random.pick([null, ['b', 'c']]) } });
    else if (kind === 2) events.push({ type: 'ProductDiscontinued', data: { productId } });
    else if (kind === 3 || images.length === 0) {
      const imageId = `${sku}-image-${count}`;
      images.push(imageId);
      events.push({ type: 'ProductImageAdded', data: { productId, imageId, variants: variantsOf(imageId) } });
    } else events.push({ type: 'ProductImageRemoved', data: { productId, imageId: random.pick(images) } });
  }
  return events;
}

function stockStream(random: Random, sku: string): Planned[] {
  const events: Planned[] = [];
  for (let count = random.below(8); count > 0; count -= 1) {
    const quantity = 1 + random.below(5);
    const type = random.pick(['StockRestocked', 'StockAdjusted', 'StockReserved', 'StockReleased', 'StockCommitted', 'StockReturned']);
    events.push({ type, data: type === 'StockAdjusted' ? { sku, delta: random.pick([-1, 2, 3]), reason: 'count' } : { sku, quantity, orderId: `order-${count}`, reference: 'PO' } });
  }
  return events;
}

/** Catalog and inventory streams of a few SKUs (some with no product, some with no stock), interleaved as `$all` would hold them. */
function historyOf(seed: number): RecordedEvent[] {
  const random = randomOf(seed);
  const streams: Array<{ streamId: string; events: Planned[] }> = [];
  for (let index = 0; index < 12; index += 1) {
    const sku = `SKU-${seed}-${index}`;
    const productId = `p-${seed}-${index}`;
    if (random.next() < 0.85) streams.push({ streamId: `product-${productId}`, events: catalogStream(random, productId, sku) });
    if (random.next() < 0.85) streams.push({ streamId: `inventory-${sku}`, events: stockStream(random, sku) });
  }
  const next = streams.map(() => 0);
  const all: RecordedEvent[] = [];
  for (;;) {
    const open = streams.map((stream, index) => index).filter((index) => (next[index] as number) < (streams[index] as { events: Planned[] }).events.length);
    if (open.length === 0) return all;
    const index = random.pick(open);
    const stream = streams[index] as { streamId: string; events: Planned[] };
    const revision = next[index] as number;
    next[index] = revision + 1;
    const occurredAt = new Date(Date.UTC(2024, 0, 1, 0, 0, all.length)).toISOString();
    const planned = stream.events[revision] as Planned;
    all.push({ id: `e-${all.length}`, type: planned.type, streamId: stream.streamId, revision, position: all.length + 1, data: planned.data, metadata: { occurredAt }, recordedAt: new Date(occurredAt) });
  }
}

/** The history cut into batches of random sizes. */
function batchesOf(events: readonly RecordedEvent[], random: Random): RecordedEvent[][] {
  const batches: RecordedEvent[][] = [];
  for (let start = 0; start < events.length;) {
    const size = 1 + random.below(12);
    batches.push(events.slice(start, start + size));
    start += size;
  }
  return batches;
}

const everything = async (store: ReadStore) => {
  const names = productCollections(1);
  return { products: await store.collection(names.products).find({}, { sort: { _id: 1 } }), stock: await store.collection(names.stock).find({}, { sort: { _id: 1 } }) };
};

describe('the products replay (a rebuild folding the history in memory)', () => {
  it.each(Array.from({ length: 40 }, (_unused, index) => 7001 + index))('gives the documents apply leaves, batch after batch, for history %i', async (seed) => {
    const history = historyOf(seed);
    const random = randomOf(seed * 31);

    const applied = createMemoryReadStore();
    await productsProjection.setup(applied, 1);
    for (const batch of batchesOf(history, random)) await productsProjection.apply(applied, 1, batch);

    const replay = replayProducts();
    for (const page of batchesOf(history, random)) replay.add(page);
    const replayed = createMemoryReadStore();
    await productsProjection.setup(replayed, 1);
    const { products, stock } = replay.documents();
    await replayed.collection(productCollections(1).products).insertMany(products ?? []);
    await replayed.collection(productCollections(1).stock).insertMany(stock ?? []);

    const expected = await everything(applied);
    expect(expected.products.length + expected.stock.length).toBeGreaterThan(0);
    expect(await everything(replayed)).toEqual(expected);
    await Promise.all([applied.close(), replayed.close()]);
  });
});
