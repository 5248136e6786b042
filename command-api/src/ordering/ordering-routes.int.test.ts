import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createLogger, createMetrics, createServiceApp, decodeConsistencyToken, encodePrincipal, openSqliteEventStore, principalHeader } from '@ecommerce/platform';
import type { EventStore, Principal } from '@ecommerce/platform';
import { createCatalogCommands } from '../catalog/commands';
import { domainErrorsToProblems } from '../domain-errors';
import { idempotency } from '../idempotency';
import { orderingRoutes } from '../routes/ordering';
import { createOrderingCommands } from './commands';

const userIdOf = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const customer: Principal = { sub: userIdOf(1), role: 'customer' };
const otherCustomer: Principal = { sub: userIdOf(2), role: 'customer' };
const admin: Principal = { sub: userIdOf(3), role: 'admin' };
const unknownProductId = '00000000-0000-4000-8000-0000000000ff';
const placedAt = new Date('2024-05-01T10:00:00.000Z');

interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown> & { errors?: Array<{ field: string; message: string }> };
}

describe('ordering command routes', () => {
  let dir: string;
  let eventStore: EventStore;
  let server: Server;
  let baseUrl: string;
  let catalog: ReturnType<typeof createCatalogCommands>;
  let serial = 0;

  const call = async (method: string, url: string, principal: Principal | null, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> => {
    const response = await fetch(`${baseUrl}${url}`, {
      method,
      headers: { ...(principal ? { [principalHeader]: encodePrincipal(principal) } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Answer['body']) : {} };
  };
  const createTestProduct = async (overrides: { price?: number; name?: string } = {}) => {
    serial += 1;
    const answer = await catalog.createProduct(
      { sku: `ORD-${serial}`, name: overrides.name ?? `Product ${serial}`, description: '', category: 'tests', tags: [], price: { amount: overrides.price ?? 1250, currency: 'EUR' } },
      admin,
    );
    return answer.id;
  };
  const streamTypes = async (streamId: string) => (await eventStore.readStream(streamId)).map((event) => event.type);
  const orderPlacedOf = async (orderId: string) => (await eventStore.readStream(`order-${orderId}`))[0]?.data;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ordering-routes-'));
    eventStore = openSqliteEventStore(path.join(dir, 'events.db'));
    const context = { eventStore, clock: () => placedAt };
    catalog = createCatalogCommands(context);
    const router = express.Router();
    router.use(idempotency(eventStore, context.clock));
    router.use(orderingRoutes({ commands: createOrderingCommands(context) }));
    router.use(domainErrorsToProblems);
    const app = createServiceApp({ logger: createLogger({ level: 'silent' }), metrics: createMetrics(), bodyLimitBytes: 100_000, routers: [router], health: {} });
    server = await new Promise<Server>((resolve) => { const listening = app.listen(0, () => resolve(listening)); });
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await eventStore.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('anonymous', () => {
    it.each([
      ['PUT', `/api/cart/items/${unknownProductId}`, { quantity: 1 }],
      ['DELETE', `/api/cart/items/${unknownProductId}`, undefined],
      ['POST', '/api/cart/checkout', undefined],
      ['POST', '/api/orders', { lines: [{ productId: unknownProductId, quantity: 1 }] }],
      ['POST', `/api/orders/${unknownProductId}/cancel`, undefined],
    ])('%s %s → 401 problem+json', async (method, url, body) => {
      const answer = await call(method, url, null, body);
      expect(answer.status).toBe(401);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
    });
  });

  describe('PUT and DELETE /api/cart/items/:productId', () => {
    it('sets, changes and removes a line, each answered 202 with a cart token', async () => {
      const productId = await createTestProduct();
      const added = await call('PUT', `/api/cart/items/${productId}`, customer, { quantity: 2 });
      expect(added.status).toBe(202);
      expect(decodeConsistencyToken(added.headers.get('x-consistency-token') as string)).toMatchObject({ stream: `cart-${customer.sub}`, revision: 0 });
      expect((await call('PUT', `/api/cart/items/${productId}`, customer, { quantity: 5 })).body).toMatchObject({ revision: 1 });
      expect((await call('PUT', `/api/cart/items/${productId}`, customer, { quantity: 0 })).body).toMatchObject({ revision: 2 });
      expect((await call('DELETE', `/api/cart/items/${productId}`, customer)).status).toBe(202);
      expect(await streamTypes(`cart-${customer.sub}`)).toEqual(['CartItemAdded', 'CartItemQuantityChanged', 'CartItemRemoved']);
    });

    it.each([
      [{ quantity: -1 }, 'quantity'],
      [{ quantity: 1.5 }, 'quantity'],
      [{ quantity: 100 }, 'quantity'],
      [{ quantity: '2' }, 'quantity'],
      [{}, 'quantity'],
      [{ quantity: 1, price: 1 }, 'price'],
    ])('refuses body %p with 400 naming %s', async (body, field) => {
      const productId = await createTestProduct();
      const answer = await call('PUT', `/api/cart/items/${productId}`, otherCustomer, body);
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([expect.objectContaining({ field })]);
    });

    it('refuses a malformed product id with 400 naming params.productId', async () => {
      const answer = await call('PUT', '/api/cart/items/not-a-uuid', customer, { quantity: 1 });
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'params.productId' })]);
    });

    it('refuses an unknown product with 404 and a discontinued one with 409, both naming productId', async () => {
      const unknown = await call('PUT', `/api/cart/items/${unknownProductId}`, customer, { quantity: 1 });
      expect(unknown.status).toBe(404);
      expect(unknown.body.errors).toEqual([{ field: 'productId', message: `unknown product ${unknownProductId}` }]);
      const productId = await createTestProduct();
      await catalog.discontinueProduct(productId, undefined, admin);
      const discontinued = await call('PUT', `/api/cart/items/${productId}`, customer, { quantity: 1 });
      expect(discontinued.status).toBe(409);
      expect(discontinued.body.errors).toEqual([expect.objectContaining({ field: 'productId' })]);
    });
  });

  describe('POST /api/cart/checkout', () => {
    it('places the order at current prices and names, and empties the cart', async () => {
      const buyer: Principal = { sub: userIdOf(10), role: 'customer' };
      const shoes = await createTestProduct({ price: 10_999, name: 'Shoes' });
      const socks = await createTestProduct({ price: 499, name: 'Socks' });
      await call('PUT', `/api/cart/items/${shoes}`, buyer, { quantity: 1 });
      await call('PUT', `/api/cart/items/${socks}`, buyer, { quantity: 3 });
      await catalog.updateProduct(socks, { price: { amount: 450, currency: 'EUR' } }, admin);

      const answer = await call('POST', '/api/cart/checkout', buyer);
      expect(answer.status).toBe(202);
      const orderId = answer.body.orderId as string;
      expect(answer.body.id).toBe(orderId);
      expect(decodeConsistencyToken(answer.body.consistencyToken as string)).toMatchObject({ stream: `order-${orderId}`, revision: 0 });
      expect(decodeConsistencyToken(answer.body.cartConsistencyToken as string)).toMatchObject({ stream: `cart-${buyer.sub}` });
      expect(await orderPlacedOf(orderId)).toEqual({
        orderId, customerId: buyer.sub, placedAt: placedAt.toISOString(), total: { amount: 10_999 + 3 * 450, currency: 'EUR' }, shippingAddress: null,
        lines: [
          { productId: shoes, sku: expect.any(String), name: 'Shoes', quantity: 1, unitPrice: { amount: 10_999, currency: 'EUR' } },
          { productId: socks, sku: expect.any(String), name: 'Socks', quantity: 3, unitPrice: { amount: 450, currency: 'EUR' } },
        ],
      });
      expect((await streamTypes(`cart-${buyer.sub}`)).at(-1)).toBe('CartCheckedOut');

      const again = await call('POST', '/api/cart/checkout', buyer);
      expect(again.status).toBe(400);
      expect(again.body.errors).toEqual([{ field: 'cart', message: 'the cart is empty' }]);
    });

    it('finishes a checkout interrupted between placing the order and emptying the cart: one order, the cart emptied', async () => {
      const buyer: Principal = { sub: userIdOf(13), role: 'customer' };
      const productId = await createTestProduct();
      await call('PUT', `/api/cart/items/${productId}`, buyer, { quantity: 2 });
      // The process dies after OrderPlaced: the cart's write never happens.
      const crashing: EventStore = Object.assign(Object.create(eventStore) as EventStore, {
        append: async (...args: Parameters<EventStore['append']>) => {
          if (args[0].startsWith('cart-')) throw new Error('killed before the cart was written');
          return eventStore.append(...args);
        },
      });
      await expect(createOrderingCommands({ eventStore: crashing, clock: () => placedAt }).checkout(buyer)).rejects.toThrow('killed');
      const orders = async () => (await eventStore.readAll({ maxCount: 100_000 })).filter((event) => event.type === 'OrderPlaced' && (event.data as { customerId: string }).customerId === buyer.sub);
      expect(await orders()).toHaveLength(1);

      const answer = await call('POST', '/api/cart/checkout', buyer);
      expect(answer.status).toBe(202);
      expect(await orders()).toHaveLength(1);
      expect((await orders())[0]?.data).toMatchObject({ orderId: answer.body.orderId });
      expect((await streamTypes(`cart-${buyer.sub}`)).at(-1)).toBe('CartCheckedOut');
    });

    it('refuses an empty cart with 400 naming cart, and records nothing', async () => {
      const buyer: Principal = { sub: userIdOf(11), role: 'customer' };
      const answer = await call('POST', '/api/cart/checkout', buyer);
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'cart' })]);
      expect(await streamTypes(`cart-${buyer.sub}`)).toEqual([]);
    });

    it('refuses a cart holding a product discontinued since, naming its line, and keeps the cart', async () => {
      const buyer: Principal = { sub: userIdOf(12), role: 'customer' };
      const kept = await createTestProduct();
      const gone = await createTestProduct();
      await call('PUT', `/api/cart/items/${kept}`, buyer, { quantity: 1 });
      await call('PUT', `/api/cart/items/${gone}`, buyer, { quantity: 1 });
      await catalog.discontinueProduct(gone, 'recalled', admin);
      const answer = await call('POST', '/api/cart/checkout', buyer);
      expect(answer.status).toBe(409);
      expect(answer.body.errors).toEqual([{ field: 'cart.items.1.productId', message: `product ${gone} is discontinued` }]);
      expect(await streamTypes(`cart-${buyer.sub}`)).toEqual(['CartItemAdded', 'CartItemAdded']);
    });

    it('lets an admin check out their own cart', async () => {
      const productId = await createTestProduct();
      await call('PUT', `/api/cart/items/${productId}`, admin, { quantity: 1 });
      const answer = await call('POST', '/api/cart/checkout', admin);
      expect(answer.status).toBe(202);
      expect(await orderPlacedOf(answer.body.orderId as string)).toMatchObject({ customerId: admin.sub });
    });
  });

  describe('POST /api/orders', () => {
    it('places an order directly with snapshotted prices and a Location', async () => {
      const productId = await createTestProduct({ price: 700 });
      const answer = await call('POST', '/api/orders', customer, { lines: [{ productId, quantity: 4 }] });
      expect(answer.status).toBe(202);
      const orderId = answer.body.orderId as string;
      expect(answer.headers.get('location')).toBe(`/api/orders/${orderId}`);
      expect(await orderPlacedOf(orderId)).toMatchObject({ customerId: customer.sub, total: { amount: 2800, currency: 'EUR' }, lines: [expect.objectContaining({ productId, quantity: 4 })] });

      // The products' states are kept between placements: a price changed since is the one charged.
      await catalog.updateProduct(productId, { price: { amount: 900, currency: 'EUR' }, name: 'Renamed' }, admin);
      const again = await call('POST', '/api/orders', customer, { lines: [{ productId, quantity: 2 }] });
      expect(await orderPlacedOf(again.body.orderId as string)).toMatchObject({ total: { amount: 1800, currency: 'EUR' }, lines: [expect.objectContaining({ name: 'Renamed', unitPrice: { amount: 900, currency: 'EUR' } })] });
    });

    it.each([
      [{ lines: [] }, 'lines'],
      [{}, 'lines'],
      [{ lines: [{ productId: unknownProductId, quantity: 0 }] }, 'lines.0.quantity'],
      [{ lines: [{ productId: unknownProductId, quantity: -2 }] }, 'lines.0.quantity'],
      [{ lines: [{ productId: unknownProductId, quantity: 1.5 }] }, 'lines.0.quantity'],
      [{ lines: [{ productId: unknownProductId, quantity: 1001 }] }, 'lines.0.quantity'],
      [{ lines: [{ productId: 'x', quantity: 1 }] }, 'lines.0.productId'],
      [{ lines: [{ productId: unknownProductId, quantity: 1 }, { productId: unknownProductId, quantity: 2 }] }, 'lines.1.productId'],
    ])('refuses %j with 400 naming %s', async (body, field) => {
      const answer = await call('POST', '/api/orders', customer, body);
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([expect.objectContaining({ field })]);
    });

    it('refuses an unknown product with 400 and a discontinued one with 409, naming the line', async () => {
      const productId = await createTestProduct();
      const unknown = await call('POST', '/api/orders', customer, { lines: [{ productId, quantity: 1 }, { productId: unknownProductId, quantity: 1 }] });
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors).toEqual([{ field: 'lines.1.productId', message: `unknown product ${unknownProductId}` }]);
      await catalog.discontinueProduct(productId, undefined, admin);
      const discontinued = await call('POST', '/api/orders', customer, { lines: [{ productId, quantity: 1 }] });
      expect(discontinued.status).toBe(409);
      expect(discontinued.body.errors).toEqual([expect.objectContaining({ field: 'lines.0.productId' })]);
    });

    it('places once for a repeated Idempotency-Key', async () => {
      const productId = await createTestProduct();
      const request = () => call('POST', '/api/orders', customer, { lines: [{ productId, quantity: 1 }] }, { 'idempotency-key': `order-${productId}` });
      const first = await request();
      const second = await request();
      expect(second.body.orderId).toBe(first.body.orderId);
      expect(second.headers.get('idempotent-replayed')).toBe('true');
    });
  });

  describe('POST /api/orders/:id/cancel', () => {
    const placeAs = async (principal: Principal) => {
      const productId = await createTestProduct();
      return (await call('POST', '/api/orders', principal, { lines: [{ productId, quantity: 1 }] })).body.orderId as string;
    };

    it("cancels the caller's own order with the reason, once", async () => {
      const orderId = await placeAs(customer);
      const answer = await call('POST', `/api/orders/${orderId}/cancel`, customer, { reason: 'changed my mind' });
      expect(answer.status).toBe(202);
      expect(decodeConsistencyToken(answer.headers.get('x-consistency-token') as string)).toMatchObject({ stream: `order-${orderId}`, revision: 1 });
      expect((await eventStore.readStream(`order-${orderId}`)).at(-1)).toMatchObject({ type: 'OrderCancelled', data: { orderId, reason: 'changed my mind' } });
      expect((await call('POST', `/api/orders/${orderId}/cancel`, customer)).status).toBe(409);
    });

    it("answers 404 for another customer's order, for an admin too, and for an unknown one", async () => {
      const orderId = await placeAs(customer);
      for (const principal of [otherCustomer, admin]) {
        const answer = await call('POST', `/api/orders/${orderId}/cancel`, principal);
        expect(answer.status).toBe(404);
        expect(JSON.stringify(answer.body)).not.toContain(customer.sub);
      }
      expect((await call('POST', `/api/orders/${unknownProductId}/cancel`, customer)).status).toBe(404);
      expect(await streamTypes(`order-${orderId}`)).toEqual(['OrderPlaced']);
    });

    it('refuses a malformed id or an empty reason with 400 naming the field', async () => {
      expect((await call('POST', '/api/orders/nope/cancel', customer)).body.errors).toEqual([expect.objectContaining({ field: 'params.id' })]);
      const orderId = await placeAs(customer);
      const answer = await call('POST', `/api/orders/${orderId}/cancel`, customer, { reason: '  ' });
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    });
  });
});
