import { startTestPlatform } from './harness';
import type { TestPlatform } from './harness';

jest.setTimeout(90_000);

/** Every active product, page by page. */
async function allProducts(platform: TestPlatform): Promise<Array<{ category: string; stock: { available: number } }>> {
  const items: Array<{ category: string; stock: { available: number } }> = [];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<TestPlatform['request']>> = await platform.request('GET', `/api/products?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    items.push(...(page.body.items as typeof items));
    cursor = page.body.nextCursor as string | null;
  } while (cursor);
  return items;
}

describe('the demo catalog', () => {
  it('is seeded by start on an empty store, even when a first admin is created at start', async () => {
    // what is under test is the seeding at start, so the read store stays embedded even where MONGO_URL is set
    const platform = await startTestPlatform({ env: { DEMO_CATALOG: 'true' }, embeddedOnly: true });
    try {
      // the catalog and the stock arrive on different topics: wait for both
      const inStock = (list: Awaited<ReturnType<typeof allProducts>>) => list.filter((product) => product.stock.available > 0).length;
      let products = await allProducts(platform);
      for (let waited = 0; waited < 60_000 && (products.length < 380 || inStock(products) <= 300); waited += 250) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        products = await allProducts(platform);
      }
      expect(products).toHaveLength(380);
      expect(new Set(products.map((product) => product.category)).size).toBe(8);
      expect(inStock(products)).toBeGreaterThan(300);
    } finally {
      await platform.close();
    }
  });
});
