import { testReadStores } from '@ecommerce/platform/src/read-store/test-stores.fixture';
import type { TestReadStore } from '@ecommerce/platform/src/read-store/test-stores.fixture';
import { generateOpenApiDocument } from '@ecommerce/platform';
import { productCollections } from '@ecommerce/schemas';
import type { ProductDocument } from '@ecommerce/schemas';
import { createQueryApi } from '../app';
import { serveQueryApi } from '../test-server.fixture';
import type { ServedQueryApi } from '../test-server.fixture';
import { countDistinct } from './queries';

const at = '2024-05-01T10:00:00.000Z';
const createTestProduct = (id: string, overrides: Partial<ProductDocument> = {}): ProductDocument => ({
  _id: id, sku: `SKU-${id}`, name: `Product ${id}`, description: '', category: 'home', tags: [], price: { amount: 1000, currency: 'EUR' }, status: 'active', listedBy: null,
  stock: { available: 1, inStock: true }, revision: 0, searchTerms: [], createdAt: at, updatedAt: at, ...overrides,
});

/** Two departments in EUR, one in JPY (no minor digits: 1500 is ¥1,500, not ¥15), and a discontinued product that counts nowhere. */
const catalog = [
  createTestProduct('p1', { category: 'kitchen', price: { amount: 1299, currency: 'EUR' } }),
  createTestProduct('p2', { category: 'kitchen', price: { amount: 4500, currency: 'EUR' } }),
  createTestProduct('p3', { category: 'garden', price: { amount: 2500, currency: 'EUR' } }),
  createTestProduct('p4', { category: 'tea', price: { amount: 1500, currency: 'JPY' } }),
  createTestProduct('p5', { category: 'tea', price: { amount: 4000, currency: 'JPY' } }),
  createTestProduct('p6', { category: 'antiques', price: { amount: 2000, currency: 'GBP' }, status: 'discontinued' }),
];

describe.each(testReadStores)('the catalog\'s departments and currencies on the %s read store', (_name, open) => {
  let opened: TestReadStore;
  let api: ServedQueryApi;

  beforeAll(async () => {
    opened = await open();
    const products = opened.store.collection<ProductDocument>(productCollections(1).products);
    for (const doc of catalog) await products.upsert(doc);
    api = await serveQueryApi(opened.store);
  });

  afterAll(async () => {
    await api?.close();
    await opened?.cleanup();
  });

  it('lists the departments of active products by name, with counts, and their currencies, to anyone', async () => {
    const answer = await api.get('/api/categories', null);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      items: [{ category: 'garden', count: 1 }, { category: 'kitchen', count: 2 }, { category: 'tea', count: 2 }],
      currencies: [{ currency: 'EUR', count: 3 }, { currency: 'JPY', count: 2 }],
      truncated: false,
    });
  });

  it('refuses an unknown parameter, naming it', async () => {
    const answer = await api.get('/api/categories?category=tea', null);
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(answer.body.errors).toEqual([{ field: 'query.category', message: 'unknown field' }]);
  });

  it('stops at the most it may list and says the list is truncated', async () => {
    const products = opened.store.collection<ProductDocument>(productCollections(1).products);
    expect(await countDistinct(products, 'category', 2)).toEqual({ values: [{ value: 'garden', count: 1 }, { value: 'kitchen', count: 2 }], truncated: true });
    expect(await countDistinct(products, 'category', 3)).toEqual({ values: [{ value: 'garden', count: 1 }, { value: 'kitchen', count: 2 }, { value: 'tea', count: 2 }], truncated: false });
  });

  it('answers an empty catalog with no departments', async () => {
    const empty = await open();
    const emptyApi = await serveQueryApi(empty.store);
    try {
      expect((await emptyApi.get('/api/categories', null)).body).toEqual({ items: [], currencies: [], truncated: false });
    } finally {
      await emptyApi.close();
      await empty.cleanup();
    }
  });

  it('applies a price range within one currency when the search names it, and to each product\'s own minor units otherwise', async () => {
    const ids = async (query: string) => ((await api.get(`/api/products?${query}`, null)).body.items as Array<{ id: string }>).map((item) => item.id);
    expect(await ids('minPrice=1000&maxPrice=3000&currency=EUR')).toEqual(['p1', 'p3']);
    expect(await ids('minPrice=1000&maxPrice=3000&currency=JPY')).toEqual(['p4']);
    expect(await ids('currency=JPY&sort=price')).toEqual(['p4', 'p5']);
    // without a currency the amounts of different currencies are compared as numbers: what the shop no longer asks
    expect(await ids('minPrice=1000&maxPrice=3000&sort=price')).toEqual(['p1', 'p4', 'p3']);
    const refused = await api.get('/api/products?currency=AAA', null);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('query.currency');
  });

  it('is described in the OpenAPI document as public, with its answer; the catalog search documents `currency`', () => {
    const document = generateOpenApiDocument([createQueryApi({ readStore: opened.store }).openapi], { title: 't', version: '1' });
    const route = document.paths?.['/api/categories']?.get;
    expect(route?.responses?.['200']).toHaveProperty('content');
    expect(route?.security).toContainEqual({});
    const search = document.paths?.['/api/products']?.get?.parameters as Array<{ name: string; in: string }> | undefined;
    expect(search?.filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name)).toContain('currency');
  });
});
