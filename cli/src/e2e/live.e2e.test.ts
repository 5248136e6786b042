/**
 * Issue 11, live updates: server-sent events through the gateway, read with a real EventSource
 * client, against the whole platform in one process (the read store is MongoDB-wire when
 * MONGO_URL is set, else the embedded one).
 */
import { newProduct, requestJson } from './harness';
import { rowAddress } from './lifecycle-steps.fixture';
import { newCustomer, openLive, openRawStream, orderSteps, sleep, startPlatformWithoutProcessors } from './live.fixture';
import type { LiveClient, LivePlatform } from './live.fixture';

jest.setTimeout(60_000);

const maxConnections = 3;
const lowStockThreshold = 5;

describe('live updates (server-sent events), one process', () => {
  let platform: LivePlatform;
  let customer: { token: string; userId: string };
  let otherCustomer: { token: string; userId: string };
  let adminToken: string;
  let steps: ReturnType<typeof orderSteps>;
  let closed = false;
  const clients: LiveClient[] = [];
  const live = (path: string, options: Parameters<typeof openLive>[2]) => {
    const client = openLive(platform.baseUrl, path, options);
    clients.push(client);
    return client;
  };

  const createProduct = async (initialStock: number) => {
    const created = await platform.request('POST', '/api/products', { body: newProduct({ initialStock }) });
    expect(created.status).toBe(201);
    const read = await platform.request('GET', `/api/products/${String(created.body.id)}`, { headers: { 'x-consistency-token': created.headers.get('x-consistency-token') as string } });
    return { id: String(created.body.id), sku: String(read.body.sku) };
  };

  const placeOrder = async (token: string) => {
    const product = await createProduct(2000);
    const placed = await platform.request('POST', '/api/orders', { token, body: { lines: [{ productId: product.id, quantity: 1 }], shippingAddress: rowAddress() } });
    expect(placed.status).toBe(202);
    return { orderId: String(placed.body.orderId), consistencyToken: placed.headers.get('x-consistency-token') as string };
  };

  beforeAll(async () => {
    platform = await startPlatformWithoutProcessors({
      SSE_MAX_CONNECTIONS_PER_USER: String(maxConnections), SSE_HEARTBEAT_SECONDS: '1', SSE_POLL_INTERVAL_MS: '100', SSE_ADMIN_INTERVAL_MS: '300',
      LOW_STOCK_THRESHOLD: String(lowStockThreshold), CONSISTENCY_WAIT_MS: '5000',
    });
    customer = await newCustomer(platform.baseUrl, 'ada');
    otherCustomer = await newCustomer(platform.baseUrl, 'grace');
    adminToken = String((await requestJson(platform.baseUrl, 'POST', '/api/auth/login', { body: { email: 'admin@shop.test', password: 'correct horse battery staple 42' } })).body.accessToken);
    steps = orderSteps(platform);
  }, 60_000);

  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });

  afterAll(async () => {
    if (!closed) await platform?.close();
  });

  it("shows an order's status as its lifecycle advances: placed → confirmed → paid", async () => {
    const { orderId, consistencyToken } = await placeOrder(customer.token);
    // the consistency token makes the stream's first read wait for the order, as a GET would
    const stream = live(`/api/orders/${orderId}/live`, { token: customer.token, headers: { 'x-consistency-token': consistencyToken }, types: ['status'] });
    await stream.waitFor((event) => event.data.status === 'placed', 'placed');
    await steps.confirm(orderId);
    await stream.waitFor((event) => event.data.status === 'confirmed', 'confirmed');
    await steps.pay(customer.token, orderId);
    const paid = await stream.waitFor((event) => event.data.status === 'paid', 'paid');

    const statuses = stream.events.map((event) => String(event.data.status)).filter((status, index, all) => status !== all[index - 1]);
    expect(statuses).toEqual(['placed', 'confirmed', 'paid']);
    const ids = stream.events.map((event) => Number(event.id));
    expect(ids).toEqual([...ids].sort((left, right) => left - right));
    expect(new Set(ids).size).toBe(ids.length);
    expect(paid.data).toMatchObject({ orderId, status: 'paid', revision: Number(paid.id) });
    const rest = await platform.request('GET', `/api/orders/${orderId}`, { token: customer.token });
    expect(rest.headers.get('etag')).toBe(`"${paid.id}"`);
  });

  it('resumes after Last-Event-ID: nothing already seen is sent again, what is newer comes at once', async () => {
    const { orderId, consistencyToken } = await placeOrder(customer.token);
    const first = live(`/api/orders/${orderId}/live`, { token: customer.token, headers: { 'x-consistency-token': consistencyToken }, types: ['status'] });
    const placed = await first.waitFor((event) => event.data.status === 'placed', 'placed');
    first.close();

    const caughtUp = live(`/api/orders/${orderId}/live`, { token: customer.token, headers: { 'last-event-id': placed.id }, types: ['status'] });
    await sleep(600);
    expect(caughtUp.events).toEqual([]);
    await steps.confirm(orderId);
    const confirmed = await caughtUp.waitFor((event) => event.data.status === 'confirmed', 'confirmed');
    expect(Number(confirmed.id)).toBeGreaterThan(Number(placed.id));

    const behind = live(`/api/orders/${orderId}/live`, { token: customer.token, headers: { 'last-event-id': placed.id }, types: ['status'] });
    const resumed = await behind.waitFor(() => true, 'the state newer than Last-Event-ID', 3000);
    expect(resumed).toMatchObject({ id: confirmed.id, data: { status: 'confirmed' } });
  });

  it("refuses another customer's order as REST does (404), and anonymous callers (401); admins may watch any order", async () => {
    const { orderId, consistencyToken } = await placeOrder(customer.token);
    await platform.request('GET', `/api/orders/${orderId}`, { token: customer.token, headers: { 'x-consistency-token': consistencyToken } });
    expect(await live(`/api/orders/${orderId}/live`, { token: otherCustomer.token, types: ['status'] }).refusedWith()).toBe(404);
    expect(await live(`/api/orders/${orderId}/live`, { types: ['status'] }).refusedWith()).toBe(401);
    expect((await requestJson(platform.baseUrl, 'GET', `/api/orders/${orderId}`, { token: otherCustomer.token })).status).toBe(404);
    const admins = live(`/api/orders/${orderId}/live`, { token: adminToken, types: ['status'] });
    await admins.waitFor((event) => event.data.orderId === orderId, "the customer's order, for an admin");

    const refused = await requestJson(platform.baseUrl, 'GET', '/api/orders/not-a-uuid/live', { token: customer.token });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const badResume = await requestJson(platform.baseUrl, 'GET', `/api/orders/${orderId}/live`, { token: customer.token, headers: { 'last-event-id': 'yesterday' } });
    expect(badResume.status).toBe(400);
    expect(JSON.stringify(badResume.body.errors)).toContain('headers.last-event-id');
  });

  it("shows a product's availability to anyone, and its change after a restock", async () => {
    const product = await createProduct(1);
    const stream = live(`/api/products/${product.id}/live`, { types: ['availability'] });
    await stream.waitFor((event) => event.data.available === 1, 'the initial stock');
    const restocked = await platform.request('POST', `/api/inventory/${product.sku}/restock`, { body: { quantity: 7 } });
    expect(restocked.status).toBe(202);
    const after = await stream.waitFor((event) => event.data.available === 8, 'the restock');
    expect(Number(after.id)).toBeGreaterThan(Number(stream.events[0]?.id));
    expect(after.data).toMatchObject({ productId: product.id, sku: product.sku, inStock: true });
    expect(await live('/api/products/00000000-0000-4000-8000-000000000000/live', { types: ['availability'] }).refusedWith()).toBe(404);
  });

  it('gives admins orders per status, stock alerts and projection lag; refuses customers (403) and anonymous callers (401)', async () => {
    const low = await createProduct(2);
    await placeOrder(customer.token);
    expect(await live('/api/admin/live', { token: customer.token, types: ['figures'] }).refusedWith()).toBe(403);
    expect(await live('/api/admin/live', { types: ['figures'] }).refusedWith()).toBe(401);

    const stream = live('/api/admin/live', { token: adminToken, types: ['figures'] });
    const figures = await stream.waitFor((event) => (event.data.stockAlerts as { items: Array<{ sku: string }> }).items.some((item) => item.sku === low.sku), 'the low SKU among the alerts');
    const data = figures.data as { ordersByStatus: Record<string, number>; stockAlerts: { defaultThreshold: number; count: number }; projections: Array<{ projection: string; lagMessages: number; checkedAgoMs: number | null }> };
    expect(data.ordersByStatus.placed).toBeGreaterThanOrEqual(1);
    expect(Object.keys(data.ordersByStatus)).toEqual(expect.arrayContaining(['placed', 'confirmed', 'paid', 'cancelled']));
    expect(data.stockAlerts.defaultThreshold).toBe(lowStockThreshold);
    expect(data.stockAlerts.count).toBeGreaterThanOrEqual(1);
    expect(data.projections.map((entry) => entry.projection)).toEqual(expect.arrayContaining(['orders', 'products', 'inventory']));
    for (const entry of data.projections) {
      expect(entry.lagMessages).toBeGreaterThanOrEqual(0);
      expect(entry.checkedAgoMs).not.toBeNull();
    }
    // every SSE_ADMIN_INTERVAL_MS, a new event
    await stream.waitFor((event) => event !== figures, 'a second figures event', 3000);
  });

  it(`bounds live streams per user (${maxConnections}): 429 problem+json beyond, and a closed stream frees its place`, async () => {
    const product = await createProduct(1);
    const open = Array.from({ length: maxConnections }, () => live(`/api/products/${product.id}/live`, { token: customer.token, types: ['availability'] }));
    await Promise.all(open.map((client) => client.waitFor(() => true, 'the first event')));
    const refused = await requestJson(platform.baseUrl, 'GET', `/api/products/${product.id}/live`, { token: customer.token });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(refused.headers.get('retry-after')).toBeTruthy();
    // the bound is per user: another customer still gets a stream
    const others = live(`/api/products/${product.id}/live`, { token: otherCustomer.token, types: ['availability'] });
    await others.waitFor(() => true, "another customer's stream");

    open[0]?.close();
    let again: LiveClient | undefined;
    for (let attempt = 0; attempt < 40 && !again; attempt += 1) {
      const candidate = live(`/api/products/${product.id}/live`, { token: customer.token, types: ['availability'] });
      if ((await candidate.refusedWith()) === undefined) again = candidate;
      else await sleep(50);
    }
    expect(again).toBeDefined();
  });

  it('sends heartbeat comments while nothing changes', async () => {
    const product = await createProduct(3);
    const raw = await openRawStream(platform.baseUrl, `/api/products/${product.id}/live`);
    expect(raw.response.status).toBe(200);
    expect(raw.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(raw.response.headers.get('cache-control')).toContain('no-transform');
    for (let waited = 0; waited < 3000 && !raw.text().includes(': heartbeat'); waited += 50) await sleep(50);
    expect(raw.text()).toMatch(/^retry: \d+\n\n/);
    expect(raw.text()).toContain('event: availability\n');
    expect(raw.text()).toContain('\n: heartbeat\n\n');
    raw.abort();
  });

  // last: it stops the platform
  it("ends every open stream when the server shuts down, and the server's close does not wait for them", async () => {
    const product = await createProduct(3);
    const { orderId, consistencyToken } = await placeOrder(customer.token);
    const raw = await openRawStream(platform.baseUrl, `/api/products/${product.id}/live`);
    const order = live(`/api/orders/${orderId}/live`, { token: customer.token, headers: { 'x-consistency-token': consistencyToken }, types: ['status'] });
    await order.waitFor(() => true, 'the order');
    const errorsBefore = order.errors;
    const started = Date.now();
    closed = true;
    const stopping = platform.close();
    // ended by the shutdown itself, not by the servers' grace period (5 s) cutting what is left
    expect(await Promise.race([raw.ended, sleep(1500).then(() => 'still open')])).toBe('ended');
    process.stdout.write(`streams ended ${Date.now() - started} ms into the shutdown\n`);
    await stopping;
    expect(Date.now() - started).toBeLessThan(10_000);
    for (let waited = 0; waited < 2000 && order.errors === errorsBefore; waited += 50) await sleep(50);
    expect(order.errors).toBeGreaterThan(errorsBefore);
  });
});
