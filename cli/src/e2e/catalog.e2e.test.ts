import { rebuildProjection, productsProjection } from '@ecommerce/projections';
import { createLogger } from '@ecommerce/platform';
import { newProduct, removeDataDir, startTestPlatform } from './harness';
import type { TestPlatform } from './harness';

jest.setTimeout(60_000);

describe('catalog end to end through the gateway (embedded)', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform();
  });

  afterAll(async () => {
    await platform.stop();
    removeDataDir(platform.dataDir);
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
    const { eventStore, log } = platform.running.adapters;
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
    const head = await platform.running.adapters.eventStore.headPosition();
    const again = await platform.request('POST', '/api/products', { body: input, headers });
    expect(again.status).toBe(first.status);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await platform.running.adapters.eventStore.headPosition()).toBe(head);
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
      const page: Awaited<ReturnType<TestPlatform['request']>> = await platform.request('GET', `/api/products?category=${category}&sort=-price&limit=3${cursor ? `&cursor=${cursor}` : ''}`, { headers: { 'x-consistency-token': token } });
      expect(page.status).toBe(200);
      seen.push(...(page.body.items as Array<{ price: { amount: number } }>).map((item) => item.price.amount));
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    expect(seen).toEqual([1600, 1500, 1400, 1300, 1200, 1100, 1000]);
  });

  it('rebuilds the products projection blue/green while queries keep answering', async () => {
    const seeded = await platform.request('POST', '/api/products', { body: newProduct() });
    const before = await platform.request('GET', '/api/products?limit=100', { headers: { 'x-consistency-token': seeded.headers.get('x-consistency-token') as string } });
    let failures = 0;
    let answered = 0;
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const response = await platform.request('GET', '/api/products?limit=100');
        if (response.status === 200 && (response.body.items as unknown[]).length === (before.body.items as unknown[]).length) answered += 1;
        else failures += 1;
      }
    })();
    const result = await rebuildProjection({ projection: productsProjection, eventStore: platform.running.adapters.eventStore, readStore: platform.running.adapters.readStore, logger: createLogger({ level: 'silent' }) });
    expect(result.version).toBe(2);
    // the live host notices the switch and follows the new version
    for (let waited = 0; waited < 5000 && platform.running.projections?.status()[0]?.version !== 2; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(platform.running.projections?.status()[0]?.version).toBe(2);
    polling = false;
    await poller;
    // and the new version follows live writes
    const created = await platform.request('POST', '/api/products', { body: newProduct() });
    const read = await platform.request('GET', `/api/products/${String(created.body.id)}`, { headers: { 'x-consistency-token': created.headers.get('x-consistency-token') as string } });
    expect(read.status).toBe(200);
    expect(read.headers.get('x-read-consistency')).toBe('consistent');
    expect(failures).toBe(0);
    expect(answered).toBeGreaterThan(0);
  });
});

describe('restart (embedded)', () => {
  it('keeps everything and resumes projections from their checkpoints', async () => {
    const first = await startTestPlatform();
    const created = await first.request('POST', '/api/products', { body: newProduct() });
    const token = created.headers.get('x-consistency-token') as string;
    expect((await first.request('GET', `/api/products/${String(created.body.id)}`, { headers: { 'x-consistency-token': token } })).status).toBe(200);
    const mirrored = first.running.mirror?.checkpoint() ?? 0;
    await first.stop();

    const second = await startTestPlatform({ dataDir: first.dataDir });
    try {
      expect(second.running.mirror?.checkpoint()).toBeGreaterThanOrEqual(mirrored);
      const progress = second.running.projections?.status()[0]?.progress.partitions ?? {};
      expect(Object.values(progress).some((entry) => entry.position > 0)).toBe(true);
      const read = await second.request('GET', `/api/products/${String(created.body.id)}`);
      expect(read.status).toBe(200);
    } finally {
      await second.stop();
      removeDataDir(first.dataDir);
    }
  });
});
