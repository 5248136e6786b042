import { testReadStores } from '@ecommerce/platform/src/read-store/test-stores.fixture';
import type { TestReadStore } from '@ecommerce/platform/src/read-store/test-stores.fixture';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { createLogger, openSqliteEventStore } from '@ecommerce/platform';
import type { RecordedEvent } from '@ecommerce/platform';
import { productsProjection, rebuildProjection, searchTermsOf } from '@ecommerce/projections';
import { serveQueryApi } from '@ecommerce/query-api/src/test-server.fixture';
import type { ServedQueryApi } from '@ecommerce/query-api/src/test-server.fixture';
import { productCollections } from '@ecommerce/schemas';
import type { ProductDocument } from '@ecommerce/schemas';

/**
 * The catalog search contract, the same assertions on every read store (embedded SQLite always,
 * the MongoDB-wire server with MONGO_URL): documents written by the products projection, read
 * through the query API's HTTP route.
 */
const occurredAt = '2024-05-01T10:00:00.000Z';
let position = 0;
const event = (streamId: string, revision: number, type: string, data: Record<string, unknown>): RecordedEvent => {
  position += 1;
  return { id: `evt-${position}`, type, streamId, revision, position, data, metadata: { occurredAt }, recordedAt: new Date(occurredAt) };
};

const catalog = [
  { productId: 'p1', name: 'Summit Waterproof Hiking Backpack', description: 'Thirty litres', category: 'sports', tags: ['hiking'], amount: 12999, stock: 5 },
  { productId: 'p2', name: 'Trail Backpack', description: 'A light pack', category: 'sports', tags: [], amount: 4999, stock: 0 },
  { productId: 'p3', name: 'Hiking Boots', description: 'Waterproof leather', category: 'footwear', tags: [], amount: 8999, stock: 2 },
  { productId: 'p4', name: 'Camp Lantern', description: 'For backpacking trips', category: 'camping', tags: [], amount: 1999, stock: 1 },
  { productId: 'p5', name: 'Backpack Rain Cover', description: '', category: 'accessories', tags: [], amount: 1500, stock: 0 },
];

const eventsOf = (product: (typeof catalog)[number]): RecordedEvent[] => {
  const { productId, amount, stock, ...details } = product;
  const sku = `SKU-${productId}`;
  const created = event(`product-${productId}`, 0, 'ProductCreated', { productId, sku, ...details, price: { amount, currency: 'EUR' }, listedBy: null });
  return stock > 0 ? [created, event(`inventory-${sku}`, 0, 'StockRestocked', { sku, quantity: stock })] : [created];
};

/** A document projected before `searchKeys` existed: found by prefix, not by a typo, until a rebuild. */
const legacy = { name: 'Legacy Backpack', description: '', category: 'sports', tags: [] };
const legacyDocument: ProductDocument = {
  _id: 'p6', sku: 'SKU-p6', ...legacy, price: { amount: 3000, currency: 'EUR' }, status: 'active', listedBy: null, stock: { available: 3, inStock: true },
  revision: 0, searchTerms: searchTermsOf(legacy), createdAt: occurredAt, updatedAt: occurredAt,
};

interface Page { items: Array<{ id: string }>; nextCursor: string | null; facets: Record<string, unknown> | null }

describe.each(testReadStores)('catalog search on the %s read store', (_name, open) => {
  let opened: TestReadStore;
  let api: ServedQueryApi;
  const search = async (query: string): Promise<Page> => {
    const response = await api.get(`/api/products?${query}`, null);
    expect(response.status).toBe(200);
    return response.body as unknown as Page;
  };
  const ids = (page: Page) => page.items.map((item) => item.id);
  const allPages = async (query: string): Promise<string[]> => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await search(`${query}${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...ids(page));
      cursor = page.nextCursor;
    } while (cursor);
    return seen;
  };

  beforeAll(async () => {
    opened = await open();
    await productsProjection.setup(opened.store, 1);
    await productsProjection.apply(opened.store, 1, catalog.flatMap(eventsOf));
    await opened.store.collection<ProductDocument>(productCollections(1).products).upsert(legacyDocument);
    api = await serveQueryApi(opened.store);
  });

  afterAll(async () => {
    await api?.close();
    await opened?.cleanup();
  });

  it('orders by relevance: exact in the name first (ties by id), a prefix in the description last; old documents found by prefix', async () => {
    expect(ids(await search('q=backpack'))).toEqual(['p1', 'p2', 'p5', 'p6', 'p4']);
    expect(ids(await search('q=waterproof%20hik'))).toEqual(['p1', 'p3']);
  });

  it('finds words one typo away, ranked below exact matches, but not on documents without search keys', async () => {
    expect(ids(await search('q=bakcpack'))).toEqual(['p1', 'p2', 'p5']);
    expect(ids(await search('q=hikng'))).toEqual(['p1', 'p3']);
    expect(ids(await search('q=hikng%20bots'))).toEqual(['p3']);
    expect(ids(await search('q=bakcpakc'))).toEqual([]);
  });

  it('counts facets exactly over all matches, not only the page', async () => {
    const page = await search('q=bakcpack&limit=1');
    expect(ids(page)).toEqual(['p1']);
    expect(page.facets).toEqual({
      matched: 3,
      truncated: false,
      categories: [{ category: 'sports', count: 2 }, { category: 'accessories', count: 1 }],
      priceBands: [
        { min: 0, max: 2000, count: 1 }, { min: 2000, max: 5000, count: 1 }, { min: 5000, max: 10000, count: 0 }, { min: 10000, max: 20000, count: 1 }, { min: 20000, max: null, count: 0 },
      ],
      inStock: { inStock: 1, outOfStock: 2 },
    });
    expect((await search('q=backpack&category=sports&inStock=true')).facets).toMatchObject({ matched: 2, categories: [{ category: 'sports', count: 2 }], inStock: { inStock: 2, outOfStock: 0 } });
    expect((await search('category=sports')).facets).toBeNull();
  });

  it('pages by relevance and by another sort without skipping or repeating', async () => {
    expect(await allPages('q=backpack&limit=2')).toEqual(['p1', 'p2', 'p5', 'p6', 'p4']);
    expect(await allPages('q=backpack&sort=price&limit=2')).toEqual(['p5', 'p4', 'p6', 'p2', 'p1']);
    expect(await allPages('q=backpack&sort=-name&limit=3')).toEqual(['p2', 'p1', 'p6', 'p4', 'p5']);
  });

  it('refuses relevance order without words, and a cursor of another order, naming the field', async () => {
    const noWords = await api.get('/api/products?sort=relevance', null);
    expect(noWords.status).toBe(400);
    expect(JSON.stringify(noWords.body)).toContain('query.sort');
    const first = await search('q=backpack&limit=1');
    const mixed = await api.get(`/api/products?q=backpack&sort=price&cursor=${String(first.nextCursor)}`, null);
    expect(mixed.status).toBe(400);
    expect(JSON.stringify(mixed.body)).toContain('query.cursor');
  });
});

describe.each(testReadStores)('a blue/green rebuild of the products on the %s read store', (_name, open) => {
  it('gives documents projected before search keys existed their typo tolerance', async () => {
    const opened = await open();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-rebuild-'));
    const eventStore = openSqliteEventStore(path.join(dir, 'events.db'));
    const api = await serveQueryApi(opened.store);
    try {
      await productsProjection.setup(opened.store, 1);
      await opened.store.collection<ProductDocument>(productCollections(1).products).upsert(legacyDocument);
      await eventStore.append('product-p6', [{ id: randomUUID(), type: 'ProductCreated', data: { productId: 'p6', sku: 'SKU-p6', ...legacy, price: { amount: 3000, currency: 'EUR' }, listedBy: null }, metadata: { occurredAt } }]);
      const before = await api.get('/api/products?q=lgacy', null);
      expect((before.body.items as unknown[]).length).toBe(0);

      const result = await rebuildProjection({ projection: productsProjection, eventStore, readStore: opened.store, logger: createLogger({ level: 'silent' }) });
      expect(result.version).toBe(2);
      // the query API remembers the serving version for a second (query-api/src/active-version.ts)
      const found = async () => ((await api.get('/api/products?q=lgacy', null)).body.items as Array<{ id: string }>).map((item) => item.id);
      let after = await found();
      for (const deadline = Date.now() + 3000; after.length === 0 && Date.now() < deadline; after = await found()) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(after).toEqual(['p6']);
      expect((await opened.store.collection<ProductDocument>(productCollections(2).products).findOne({ _id: 'p6' }))?.searchKeys).toContain('lgacy');
    } finally {
      await api.close();
      await eventStore.close();
      await opened.cleanup();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
