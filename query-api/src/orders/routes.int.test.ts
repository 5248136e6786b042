import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { encodeConsistencyToken, generateOpenApiDocument, openEmbeddedReadStore } from '@ecommerce/platform';
import type { Principal, ReadStore, RecordedEvent } from '@ecommerce/platform';
// test only: the real projectors fill the read store the routes read (the API itself never imports projections)
// eslint-disable-next-line no-restricted-imports
import { cartsProjection, inventoryProjection, ordersProjection } from '@ecommerce/projections';
import { checkpointKey } from '@ecommerce/schemas';
import type { OrderView } from '@ecommerce/schemas';
import { createQueryApi } from '../app';
import { serveQueryApi } from '../test-server.fixture';

const idOf = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const customer: Principal = { sub: idOf(1), role: 'customer' };
const otherCustomer: Principal = { sub: idOf(2), role: 'customer' };
const admin: Principal = { sub: idOf(3), role: 'admin' };
let position = 0;

function createTestEvent(streamId: string, revision: number, type: string, data: Record<string, unknown>, occurredAt = '2024-05-01T10:00:00.000Z'): RecordedEvent {
  position += 1;
  return { id: `evt-${position}`, type, streamId, revision, position, data, metadata: { occurredAt }, recordedAt: new Date(occurredAt) };
}

const orderPlaced = (orderNumber: number, customerId: string, placedAt: string) => {
  const orderId = idOf(100 + orderNumber);
  return createTestEvent(`order-${orderId}`, 0, 'OrderPlaced', {
    orderId, customerId, placedAt, total: { amount: 2000, currency: 'EUR' },
    lines: [{ productId: idOf(900), sku: 'SHOE-1', name: 'Shoes', quantity: 2, unitPrice: { amount: 1000, currency: 'EUR' } }],
  }, placedAt);
};

describe('order, cart and inventory query routes', () => {
  let dir: string;
  let readStore: ReadStore;
  let server: Awaited<ReturnType<typeof serveQueryApi>>;

  const get = (url: string, principal: Principal | null, headers: Record<string, string> = {}) => server.get(url, principal, headers);
  // the customer's orders 1..7 (4..7 placed in the same instant: ties broken by id), the other customer's order 8
  const customersOrders = Array.from({ length: 7 }, (_, index) => orderPlaced(index + 1, customer.sub, index + 1 >= 4 ? '2024-05-02T00:00:00.000Z' : `2024-05-01T0${index + 1}:00:00.000Z`));
  const othersOrder = orderPlaced(8, otherCustomer.sub, '2024-05-01T12:00:00.000Z');
  const firstOrderId = idOf(101);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orders-query-'));
    readStore = openEmbeddedReadStore(path.join(dir, 'read.db'));
    for (const projection of [ordersProjection, cartsProjection, inventoryProjection]) await projection.setup(readStore, 1);
    await ordersProjection.apply(readStore, 1, [...customersOrders, othersOrder]);
    await ordersProjection.apply(readStore, 1, [
      createTestEvent(`order-${firstOrderId}`, 1, 'OrderLineReserved', { orderId: firstOrderId, sku: 'SHOE-1' }, '2024-05-01T01:00:01.000Z'),
      createTestEvent(`order-${firstOrderId}`, 2, 'OrderConfirmed', { orderId: firstOrderId, paymentDeadline: '2024-05-01T01:15:00.000Z' }, '2024-05-01T01:00:01.000Z'),
    ]);
    server = await serveQueryApi(readStore);
  });

  afterAll(async () => {
    await server.close();
    await readStore.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each(['/api/orders', `/api/orders/${firstOrderId}`, '/api/cart', '/api/inventory/SHOE-1'])('answers 401 to anonymous for %s', async (url) => {
    const { status, headers } = await get(url, null);
    expect(status).toBe(401);
    expect(headers.get('content-type')).toContain('application/problem+json');
  });

  describe('GET /api/orders/:id', () => {
    it('shows the owner the order with its timeline and the revision as ETag', async () => {
      const { status, headers, body } = await get(`/api/orders/${firstOrderId}`, customer);
      expect(status).toBe(200);
      expect(headers.get('etag')).toBe('"2"');
      expect(body).toEqual({
        id: firstOrderId, customerId: customer.sub, status: 'confirmed', total: { amount: 2000, currency: 'EUR' },
        lines: [{ productId: idOf(900), sku: 'SHOE-1', name: 'Shoes', quantity: 2, unitPrice: { amount: 1000, currency: 'EUR' } }],
        timeline: [
          { status: 'placed', event: 'OrderPlaced', at: '2024-05-01T01:00:00.000Z' },
          { status: 'confirmed', event: 'OrderConfirmed', at: '2024-05-01T01:00:01.000Z' },
        ],
        paymentDeadline: '2024-05-01T01:15:00.000Z', placedAt: '2024-05-01T01:00:00.000Z', updatedAt: '2024-05-01T01:00:01.000Z', revision: 2,
        // placed before addresses existed, not paid yet
        shippingAddress: null, payment: { status: 'none', paymentId: null, paidAmount: null, paidAt: null, attempts: [] },
        refund: { status: 'none', requested: { amount: 0, currency: 'EUR' }, succeeded: { amount: 0, currency: 'EUR' }, refunds: [] },
        shipment: null, delivery: null, completion: null, return: null,
      });
    });

    it("answers 404 to another customer, exactly as for an unknown order; an admin reads any", async () => {
      const other = await get(`/api/orders/${firstOrderId}`, otherCustomer);
      const unknown = await get(`/api/orders/${idOf(999)}`, otherCustomer);
      expect([other.status, unknown.status]).toEqual([404, 404]);
      expect(JSON.stringify(other.body)).not.toContain(customer.sub);
      expect((await get(`/api/orders/${firstOrderId}`, admin)).body).toMatchObject({ id: firstOrderId, customerId: customer.sub });
    });

    it('refuses a malformed id with 400 naming params.id', async () => {
      const { status, body } = await get('/api/orders/nope', customer);
      expect(status).toBe(400);
      expect(body.errors).toEqual([expect.objectContaining({ field: 'params.id' })]);
    });

    it('waits for the revision a consistency token names, and says stale past the bound', async () => {
      const placed = orderPlaced(20, customer.sub, '2024-05-03T00:00:00.000Z');
      const orderId = idOf(120);
      const token = encodeConsistencyToken({ stream: placed.streamId, revision: 0, position: placed.position });
      setTimeout(() => void ordersProjection.apply(readStore, 1, [placed]), 60);
      const fresh = await get(`/api/orders/${orderId}`, customer, { 'x-consistency-token': token });
      expect([fresh.status, fresh.headers.get('x-read-consistency')]).toEqual([200, 'consistent']);
      const later = encodeConsistencyToken({ stream: placed.streamId, revision: 5, position: 999 });
      expect((await get(`/api/orders/${orderId}`, customer, { 'x-consistency-token': later })).headers.get('x-read-consistency')).toBe('stale');
    });
  });

  describe('GET /api/orders', () => {
    it("pages the caller's own orders newest first, ties broken by id, without gaps or duplicates", async () => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await get(`/api/orders?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, customer);
        expect(page.status).toBe(200);
        ids.push(...(page.body.items as OrderView[]).map((order) => order.id));
        cursor = page.body.nextCursor as string | null;
      } while (cursor);
      expect(ids).toEqual([120, 107, 106, 105, 104, 103, 102, 101].map(idOf));
    });

    it('shows another customer only their own, and refuses bad input naming the field', async () => {
      expect(((await get('/api/orders', otherCustomer)).body.items as OrderView[]).map((order) => order.id)).toEqual([idOf(108)]);
      expect((await get('/api/orders', admin)).body.items).toEqual([]);
      for (const [query, field] of [['limit=0', 'query.limit'], ['cursor=%21', 'query.cursor'], ['status=x', 'query.status']]) {
        const { status, body } = await get(`/api/orders?${query}`, customer);
        expect(status).toBe(400);
        expect(body.errors).toEqual([expect.objectContaining({ field })]);
      }
    });

    it("waits on the orders projection's checkpoint for a list with a consistency token", async () => {
      const token = encodeConsistencyToken({ stream: 'order-x', revision: 0, position: 5000 });
      expect((await get('/api/orders', customer, { 'x-consistency-token': token })).headers.get('x-read-consistency')).toBe('stale');
      await readStore.setCheckpoint(checkpointKey('orders', 1), { partitions: { 'ecommerce.ordering.events:0': { offset: 9, position: 5000, endOffset: 9, checkedAt: Date.now() } } });
      expect((await get('/api/orders', customer, { 'x-consistency-token': token })).headers.get('x-read-consistency')).toBe('consistent');
    });
  });

  describe('GET /api/cart', () => {
    it('answers an empty cart for a customer who never had one', async () => {
      expect((await get('/api/cart', otherCustomer)).body).toEqual({ customerId: otherCustomer.sub, items: [], revision: -1 });
    });

    it("shows the caller's own lines, waiting for the cart revision a token names", async () => {
      const stream = `cart-${customer.sub}`;
      const added = createTestEvent(stream, 0, 'CartItemAdded', { customerId: customer.sub, productId: idOf(900), quantity: 2 });
      const token = encodeConsistencyToken({ stream, revision: 0, position: added.position });
      setTimeout(() => void cartsProjection.apply(readStore, 1, [added]), 60);
      const { body, headers } = await get('/api/cart', customer, { 'x-consistency-token': token });
      expect(headers.get('x-read-consistency')).toBe('consistent');
      expect(body).toEqual({ customerId: customer.sub, items: [{ productId: idOf(900), quantity: 2 }], revision: 0 });
      expect((await get('/api/cart', otherCustomer)).body).toMatchObject({ items: [] });
    });

    it("waits on the carts projection's position for a checkout's order token, then shows the emptied cart", async () => {
      const stream = `cart-${customer.sub}`;
      const checkedOut = createTestEvent(stream, 1, 'CartCheckedOut', { customerId: customer.sub, orderId: idOf(130) });
      const orderToken = encodeConsistencyToken({ stream: `order-${idOf(130)}`, revision: 0, position: checkedOut.position });
      setTimeout(() => {
        void cartsProjection.apply(readStore, 1, [checkedOut]).then(() =>
          readStore.setCheckpoint(checkpointKey('carts', 1), { partitions: { 'ecommerce.cart.events:0': { offset: 2, position: checkedOut.position, endOffset: 2, checkedAt: Date.now() } } }));
      }, 60);
      const { body, headers } = await get('/api/cart', customer, { 'x-consistency-token': orderToken });
      expect(headers.get('x-read-consistency')).toBe('consistent');
      expect(body).toEqual({ customerId: customer.sub, items: [], revision: 1 });
    });
  });

  describe('GET /api/inventory/:sku', () => {
    it('shows admins the stock counts, zeros for a SKU without movements', async () => {
      await inventoryProjection.apply(readStore, 1, [
        createTestEvent('inventory-SHOE-1', 0, 'StockRestocked', { sku: 'SHOE-1', quantity: 10, reference: null }),
        createTestEvent('inventory-SHOE-1', 1, 'StockReserved', { sku: 'SHOE-1', orderId: firstOrderId, quantity: 2, expiresAt: '2024-05-01T02:00:00.000Z' }),
      ]);
      expect((await get('/api/inventory/shoe-1', admin)).body).toEqual({ sku: 'SHOE-1', onHand: 10, reserved: 2, available: 8, sold: 0, returned: 0, revision: 1 });
      expect((await get('/api/inventory/NONE-1', admin)).body).toEqual({ sku: 'NONE-1', onHand: 0, reserved: 0, available: 0, sold: 0, returned: 0, revision: -1 });
    });

    it('refuses customers with 403 and a malformed SKU with 400', async () => {
      expect((await get('/api/inventory/SHOE-1', customer)).status).toBe(403);
      const { status, body } = await get('/api/inventory/%20', admin);
      expect(status).toBe(400);
      expect(body.errors).toEqual([expect.objectContaining({ field: 'params.sku' })]);
    });
  });

  it('describes every route in the OpenAPI document', () => {
    const document = generateOpenApiDocument([createQueryApi({ readStore }).openapi], { title: 't', version: '1' });
    for (const route of ['/api/orders', '/api/orders/{id}', '/api/cart', '/api/inventory/{sku}']) expect(document.paths?.[route]?.get?.responses).toHaveProperty('200');
  });
});
