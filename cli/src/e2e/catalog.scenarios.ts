import { rebuildProjection, productsProjection } from '@ecommerce/projections';
import { createLogger } from '@ecommerce/platform';
import { newProduct } from './harness';
import type { PlatformUnderTest } from './harness';
import { distributedStartHookMs } from './distributed';
import { waitUntil } from './processes';

/**
 * The catalog scenarios, run against every topology: the whole platform in one process, and
 * each component as its own OS process against real servers.
 */
export function describeCatalogScenarios(name: string, start: () => Promise<PlatformUnderTest>): void {
describe(`catalog end to end through the gateway (${name})`, () => {
  let platform: PlatformUnderTest;

  beforeAll(async () => {
    platform = await start();
  }, distributedStartHookMs);

  afterAll(async () => {
    await platform?.close();
  });

  it('creates a product and reads it back at once with the consistency token', async () => {
    const input = newProduct({ name: 'Summit Waterproof Hiking Backpack' });
    const created = await platform.request('POST', '/api/products', { body: input });
    expect(created.status).toBe(201);
    const token = created.headers.get('x-consistency-token') as string;
    expect(token).toBeTruthy();
    expect(created.headers.get('location')).toBe(`/api/products/${String(created.body.id)}`);

    const read = await platform.request('GET', `/api/products/${String(created.body.id)}`, { headers: { 'x-consistency-token': token } });
    expect(read.status).toBe(200);
    expect(read.headers.get('x-read-consistency')).toBe('consistent');
    expect(read.body).toMatchObject({ sku: input.sku, name: input.name, category: 'sports', price: input.price, status: 'active', stock: { available: 5, inStock: true } });
    expect(read.headers.get('etag')).toBe('"0"');

    const listed = await platform.request('GET', '/api/products?q=waterproof%20hik&category=sports', { headers: { 'x-consistency-token': token } });
    expect(listed.status).toBe(200);
    expect(listed.headers.get('x-read-consistency')).toBe('consistent');
    expect((listed.body.items as Array<{ id: string }>).map((item) => item.id)).toContain(created.body.id);
  });

  it('refuses an update with a stale ETag (412) and accepts the current one', async () => {
    const created = await platform.request('POST', '/api/products', { body: newProduct() });
    const id = String(created.body.id);
    const first = await platform.request('PATCH', `/api/products/${id}`, { body: { price: { amount: 9999, currency: 'EUR' } }, headers: { 'if-match': '"0"' } });
    expect(first.status).toBe(202);
    expect(first.headers.get('etag')).toBe('"1"');
    const stale = await platform.request('PATCH', `/api/products/${id}`, { body: { name: 'Renamed' }, headers: { 'if-match': '"0"' } });
    expect(stale.status).toBe(412);
    expect(stale.headers.get('content-type')).toContain('application/problem+json');
    const read = await platform.request('GET', `/api/products/${id}`, { headers: { 'x-consistency-token': first.headers.get('x-consistency-token') as string } });
    expect(read.body).toMatchObject({ price: { amount: 9999, currency: 'EUR' }, revision: 1 });
  });

  it('carries the correlation id from the request through the events to the log', async () => {
    const correlationId = `corr-${Date.now()}`;
    const created = await platform.request('POST', '/api/products', { body: newProduct(), headers: { 'x-correlation-id': correlationId } });
    expect(created.headers.get('x-correlation-id')).toBe(correlationId);
    const { eventStore, log } = platform;
    const stored = (await eventStore.readAll()).filter((event) => event.metadata.correlationId === correlationId);
    expect(stored.map((event) => event.type)).toEqual(['SkuClaimed', 'ProductCreated', 'StockRestocked']);
    await platform.request('GET', `/api/products/${String(created.body.id)}`, { headers: { 'x-consistency-token': created.headers.get('x-consistency-token') as string } });
    const mirrored: string[] = [];
    for (const topic of ['ecommerce.catalog.events', 'ecommerce.inventory.events']) {
      const ends = await log.endOffsets(topic);
      for (const [partition, end] of ends.entries()) {
        const messages = await log.read(topic, partition, 0, end);
        mirrored.push(...messages.filter((message) => message.headers['correlation-id'] === correlationId).map((message) => message.headers['event-type'] as string));
      }
    }
    expect(mirrored.sort()).toEqual(['ProductCreated', 'SkuClaimed', 'StockRestocked']);
  });

  it('keeps a SKU unique', async () => {
    const input = newProduct();
    expect((await platform.request('POST', '/api/products', { body: input })).status).toBe(201);
    const duplicate = await platform.request('POST', '/api/products', { body: { ...input, name: 'Another' } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.errors).toEqual([expect.objectContaining({ field: 'sku' })]);
  });

  it('answers a repeated Idempotency-Key with the first answer and appends nothing', async () => {
    const input = newProduct();
    const headers = { 'idempotency-key': `key-${input.sku}` };
    const first = await platform.request('POST', '/api/products', { body: input, headers });
    const head = await platform.eventStore.headPosition();
    const again = await platform.request('POST', '/api/products', { body: input, headers });
    expect(again.status).toBe(first.status);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await platform.eventStore.headPosition()).toBe(head);
    const reused = await platform.request('POST', '/api/products', { body: { ...input, name: 'different' }, headers });
    expect(reused.status).toBe(400);
  });

  it('restocks and adjusts, and the catalog shows availability', async () => {
    const input = newProduct({ initialStock: undefined });
    const created = await platform.request('POST', '/api/products', { body: input });
    const restocked = await platform.request('POST', `/api/inventory/${input.sku}/restock`, { body: { quantity: 10 } });
    expect(restocked.status).toBe(202);
    const adjusted = await platform.request('POST', `/api/inventory/${input.sku}/adjust`, { body: { delta: -3, reason: 'damaged in storage' } });
    expect(adjusted.status).toBe(202);
    const read = await platform.request('GET', `/api/products/${String(created.body.id)}`, { headers: { 'x-consistency-token': adjusted.headers.get('x-consistency-token') as string } });
    expect(read.body).toMatchObject({ stock: { available: 7, inStock: true } });
    const tooMuch = await platform.request('POST', `/api/inventory/${input.sku}/adjust`, { body: { delta: -8, reason: 'lost' } });
    expect(tooMuch.status).toBe(409);
  });

  it('pages through search results with a cursor, without gaps or repeats', async () => {
    const category = `paging${Date.now()}`;
    let token = '';
    for (let index = 0; index < 7; index += 1) {
      const created = await platform.request('POST', '/api/products', { body: newProduct({ category, price: { amount: 1000 + index * 100, currency: 'EUR' } }) });
      token = created.headers.get('x-consistency-token') as string;
    }
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<PlatformUnderTest['request']>> = await platform.request('GET', `/api/products?category=${category}&sort=-price&limit=3${cursor ? `&cursor=${cursor}` : ''}`, { headers: { 'x-consistency-token': token } });
      expect(page.status).toBe(200);
      seen.push(...(page.body.items as Array<{ price: { amount: number } }>).map((item) => item.price.amount));
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    expect(seen).toEqual([1600, 1500, 1400, 1300, 1200, 1100, 1000]);
  });

  it('rebuilds the products projection blue/green while queries keep answering', async () => {
    const seeded = await platform.request('POST', '/api/products', { body: newProduct() });
    // The count every poll must see: read once the catalog has caught up with the seeded product
    // (a loaded machine can take longer than one request's consistency wait).
    const readSeeded = () => platform.request('GET', '/api/products?limit=100', { headers: { 'x-consistency-token': seeded.headers.get('x-consistency-token') as string } });
    let before = await readSeeded();
    const consistent = () => before.headers.get('x-read-consistency') === 'consistent';
    await waitUntil(async () => {
      if (!consistent()) before = await readSeeded();
      return consistent();
    }, 'the catalog consistent with the seeded product');
    const failures: string[] = [];
    let answered = 0;
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const response = await platform.request('GET', '/api/products?limit=100');
        const count = response.status === 200 ? (response.body.items as unknown[]).length : undefined;
        if (count === (before.body.items as unknown[]).length) answered += 1;
        else failures.push(`${response.status}: ${count === undefined ? JSON.stringify(response.body).slice(0, 300) : `${count} items`}`);
      }
    })();
    const result = await rebuildProjection({ projection: productsProjection, eventStore: platform.eventStore, readStore: platform.readStore, logger: createLogger({ level: 'silent' }) });
    expect(result.version).toBe(2);
    // the live host notices the switch and follows the new version
    await platform.projectionSwitched('products', 2);
    polling = false;
    await poller;
    // and the new version follows live writes
    const created = await platform.request('POST', '/api/products', { body: newProduct() });
    const read = await platform.request('GET', `/api/products/${String(created.body.id)}`, { headers: { 'x-consistency-token': created.headers.get('x-consistency-token') as string } });
    expect(read.status).toBe(200);
    expect(read.headers.get('x-read-consistency')).toBe('consistent');
    expect(failures).toEqual([]);
    expect(answered).toBeGreaterThan(0);
  });
});
}
