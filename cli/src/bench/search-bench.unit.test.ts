import { demoCatalog } from '../seed/demo-catalog';
import { createdProductAppends, scaledCatalog, searchQueries } from './search-bench';

describe('the search bench catalog', () => {
  it('is the demo catalog, then copies of it under SKUs of their own', () => {
    const demo = demoCatalog();
    const scaled = [...scaledCatalog(demo.length * 2 + 5)];
    expect(scaled).toHaveLength(demo.length * 2 + 5);
    expect(scaled.slice(0, demo.length)).toEqual(demo);
    expect(scaled[demo.length]).toEqual({ ...demo[0], sku: `${demo[0]?.sku}-0001` });
    expect(scaled.at(-1)).toEqual({ ...demo[4], sku: `${demo[4]?.sku}-0002` });
    expect(new Set(scaled.map((product) => product.sku)).size).toBe(scaled.length);
  });

  it('creates each product as the command API does: the SKU claimed, the product, its initial stock when it has some', () => {
    const [stocked, unstocked] = [demoCatalog().find((product) => product.initialStock), demoCatalog().find((product) => !product.initialStock)];
    const appends = createdProductAppends(stocked!, 'p-1', '2026-12-03T10:00:00.000Z');
    expect(appends.map((append) => [append.streamId, append.events.map((event) => event.type)])).toEqual([
      [expect.stringContaining(stocked!.sku), ['SkuClaimed']], [expect.stringContaining('p-1'), ['ProductCreated']], [expect.stringContaining(stocked!.sku), ['StockRestocked']],
    ]);
    expect(appends[1]?.events[0]?.data).toEqual({ productId: 'p-1', sku: stocked!.sku, name: stocked!.name, description: stocked!.description, category: stocked!.category, tags: stocked!.tags, price: stocked!.price, listedBy: null });
    expect(appends[2]?.events[0]?.data).toEqual({ sku: stocked!.sku, quantity: stocked!.initialStock, reference: 'initial stock' });
    expect(createdProductAppends(unstocked!, 'p-2', '2026-12-03T10:00:00.000Z').map((append) => append.events[0]?.type)).toEqual(['SkuClaimed', 'ProductCreated']);
  });

  it('asks queries whose words the demo catalog holds, and one a single edit away from one', () => {
    const words = new Set(demoCatalog().flatMap((product) => `${product.name} ${product.description}`.toLowerCase().split(/[^a-z0-9]+/)));
    const asked = searchQueries.flatMap(({ query }) => (new URLSearchParams(query).get('q') ?? '').split(' '));
    expect(asked.filter((word) => !words.has(word))).toEqual(['hedphones']);
  });
});
