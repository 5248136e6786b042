import { aggregateStream } from '@ecommerce/platform';
import type { Principal } from '@ecommerce/platform';
import { orderDecider, orderStreamId, shipmentIdOf } from '@ecommerce/domain';
import { dayMs, startTestApp, userIdOf } from './test-app.fixture';
import type { TestApp } from './test-app.fixture';

const customer: Principal = { sub: userIdOf(1), role: 'customer' };
const otherCustomer: Principal = { sub: userIdOf(2), role: 'customer' };
const admin: Principal = { sub: userIdOf(3), role: 'admin' };
const unknownId = '00000000-0000-4000-8000-0000000000ff';

describe('fulfilment routes', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  /** Nothing appended anywhere while `act` runs. */
  const expectNothingAppended = async (act: () => Promise<unknown>) => {
    const before = await app.eventStore.headPosition();
    await act();
    expect(await app.eventStore.headPosition()).toBe(before);
  };
  const expectConflict = async (answer: Promise<{ status: number; headers: Headers; body: { detail?: string } }>, detail: string | RegExp) => {
    const { status, headers, body } = await answer;
    expect(status).toBe(409);
    expect(headers.get('content-type')).toContain('application/problem+json');
    if (typeof detail === 'string') expect(body.detail).toBe(detail);
    else expect(body.detail).toMatch(detail);
  };
  const deliveredOrder = async (options: { lines?: number; quantity?: number } = {}) => {
    const orderId = await app.placeOrder(customer, options);
    await app.pay(orderId);
    await app.ship(orderId);
    await app.deliver(orderId);
    return orderId;
  };

  describe('anonymous callers get 401 and customers 403 on the admin routes', () => {
    it.each([
      ['POST', `/api/orders/${unknownId}/accept`, undefined],
      ['POST', `/api/orders/${unknownId}/return`, { lines: [{ productId: unknownId, quantity: 1 }], reason: 'too big' }],
      ['POST', `/api/admin/shipments/${unknownId}/dispatch`, { carrier: 'DHL', trackingNumber: 'JD0001' }],
      ['POST', `/api/admin/shipments/${unknownId}/deliver`, undefined],
      ['POST', `/api/admin/shipments/${unknownId}/returned`, { lines: [] }],
    ])('%s %s → 401 problem+json', async (method, url, body) => {
      const answer = await app.call(method, url, null, body);
      expect(answer.status).toBe(401);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
    });

    it.each([
      ['dispatch', { carrier: 'DHL', trackingNumber: 'JD0001' }],
      ['deliver', undefined],
      ['returned', { lines: [] }],
    ])('POST /api/admin/shipments/:id/%s → 403 for the customer whose shipment it is; nothing appended', async (action, body) => {
      const orderId = await app.placeOrder(customer);
      await app.pay(orderId);
      await expectNothingAppended(async () => {
        const answer = await app.call('POST', `/api/admin/shipments/${shipmentIdOf(orderId)}/${action}`, customer, body);
        expect(answer.status).toBe(403);
      });
    });
  });

  describe('POST /api/orders/:id/accept', () => {
    it("completes the caller's delivered order, once", async () => {
      const orderId = await deliveredOrder();
      const answer = await app.call('POST', `/api/orders/${orderId}/accept`, customer);
      expect(answer.status).toBe(202);
      expect((await app.eventStore.readStream(orderStreamId(orderId))).at(-1)).toMatchObject({ type: 'OrderCompleted', data: { orderId, acceptedBy: 'customer', completedAt: app.now().toISOString() } });
      await expectNothingAppended(async () => expect((await app.call('POST', `/api/orders/${orderId}/accept`, customer)).status).toBe(202));
    });

    it('refuses an order not delivered with 409 naming its state', async () => {
      const orderId = await app.placeOrder(customer);
      await app.pay(orderId);
      await expectNothingAppended(() => expectConflict(app.call('POST', `/api/orders/${orderId}/accept`, customer), 'a paid order cannot be accepted'));
    });

    it("answers 404 for another customer's order, for an admin too", async () => {
      const orderId = await deliveredOrder();
      await expectNothingAppended(async () => {
        for (const principal of [otherCustomer, admin]) expect((await app.call('POST', `/api/orders/${orderId}/accept`, principal)).status).toBe(404);
        expect((await app.call('POST', `/api/orders/${unknownId}/accept`, customer)).status).toBe(404);
      });
    });
  });

  describe('POST /api/orders/:id/return', () => {
    it('asks back the lines named by product, by their SKUs, with the reason', async () => {
      const orderId = await deliveredOrder({ lines: 2, quantity: 3 });
      const { state } = await aggregateStream(app.eventStore, orderStreamId(orderId), orderDecider);
      if (state.status === 'absent') throw new Error('no order');
      const [first] = state.lines;
      const answer = await app.call('POST', `/api/orders/${orderId}/return`, customer, { lines: [{ productId: first?.productId, quantity: 2 }], reason: 'too small' });
      expect(answer.status).toBe(202);
      expect((await app.eventStore.readStream(orderStreamId(orderId))).at(-1)).toMatchObject({ type: 'OrderReturnRequested', data: { orderId, lines: [{ sku: first?.sku, quantity: 2 }], reason: 'too small' } });
    });

    it('refuses after the return window with 409, and before delivery with 409 naming the state', async () => {
      const late = await deliveredOrder();
      const { state } = await aggregateStream(app.eventStore, orderStreamId(late), orderDecider);
      if (state.status === 'absent') throw new Error('no order');
      const line = { productId: state.lines[0]?.productId, quantity: 1 };
      const deliveredAt = app.now();
      app.setNow(new Date(deliveredAt.getTime() + 15 * dayMs));
      try {
        await expectNothingAppended(() => expectConflict(app.call('POST', `/api/orders/${late}/return`, customer, { lines: [line], reason: 'late' }), /^the return window of this delivered order closed at /));
      } finally {
        app.setNow(deliveredAt);
      }
      const shipped = await app.placeOrder(customer);
      await app.pay(shipped);
      await app.ship(shipped);
      const { state: shippedState } = await aggregateStream(app.eventStore, orderStreamId(shipped), orderDecider);
      if (shippedState.status === 'absent') throw new Error('no order');
      await expectNothingAppended(() => expectConflict(app.call('POST', `/api/orders/${shipped}/return`, customer, { lines: [{ productId: shippedState.lines[0]?.productId, quantity: 1 }], reason: 'early' }), 'a shipped order cannot be returned'));
    });

    it('refuses a product not on the order, and more than ordered, with 400 naming the line', async () => {
      const orderId = await deliveredOrder({ quantity: 2 });
      const { state } = await aggregateStream(app.eventStore, orderStreamId(orderId), orderDecider);
      if (state.status === 'absent') throw new Error('no order');
      const notOnIt = await app.call('POST', `/api/orders/${orderId}/return`, customer, { lines: [{ productId: unknownId, quantity: 1 }], reason: 'x' });
      expect(notOnIt.status).toBe(400);
      expect(notOnIt.body.errors).toEqual([expect.objectContaining({ field: 'lines.0.productId' })]);
      const tooMany = await app.call('POST', `/api/orders/${orderId}/return`, customer, { lines: [{ productId: state.lines[0]?.productId, quantity: 3 }], reason: 'x' });
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.errors).toEqual([expect.objectContaining({ field: 'lines.0.quantity' })]);
    });

    it("answers 404 for another customer's order", async () => {
      const orderId = await deliveredOrder();
      expect((await app.call('POST', `/api/orders/${orderId}/return`, otherCustomer, { lines: [{ productId: unknownId, quantity: 1 }], reason: 'x' })).status).toBe(404);
    });
  });

  describe('POST /api/orders/:id/cancel of a paid order', () => {
    it('cancels the shipment first, then the order, which asks for its refund', async () => {
      const orderId = await app.placeOrder(customer);
      const paymentId = await app.pay(orderId);
      const answer = await app.call('POST', `/api/orders/${orderId}/cancel`, customer, { reason: 'found it cheaper' });
      expect(answer.status).toBe(202);
      expect(await app.streamTypes(`shipment-${shipmentIdOf(orderId)}`)).toEqual(['ShipmentOpened', 'ShipmentCancelled']);
      const orderEvents = await app.eventStore.readStream(orderStreamId(orderId));
      expect(orderEvents.slice(-2).map(({ type, data }) => ({ type, data }))).toEqual([
        { type: 'OrderCancelled', data: { orderId, reason: 'found it cheaper' } },
        { type: 'OrderRefundRequested', data: expect.objectContaining({ orderId, paymentId, reason: 'order_cancelled' }) },
      ]);
    });

    it('refuses with 409 when its shipment was dispatched (the order not told yet), appending nothing', async () => {
      const orderId = await app.placeOrder(customer);
      await app.pay(orderId);
      expect((await app.call('POST', `/api/admin/shipments/${shipmentIdOf(orderId)}/dispatch`, admin, { carrier: 'DHL', trackingNumber: 'JD0001' })).status).toBe(202);
      await expectNothingAppended(() => expectConflict(app.call('POST', `/api/orders/${orderId}/cancel`, customer), 'a paid order whose shipment is dispatched cannot be cancelled'));
    });

    it('refuses a shipped order with 409 naming its state', async () => {
      const orderId = await app.placeOrder(customer);
      await app.pay(orderId);
      await app.ship(orderId);
      await expectNothingAppended(() => expectConflict(app.call('POST', `/api/orders/${orderId}/cancel`, customer), 'a shipped order cannot be cancelled'));
    });
  });

  describe('admin shipment steps', () => {
    it('dispatches with carrier and tracking number, delivers, and records the return per SKU', async () => {
      const orderId = await app.placeOrder(customer, { quantity: 3 });
      await app.pay(orderId);
      const shipmentId = shipmentIdOf(orderId);
      const dispatched = await app.call('POST', `/api/admin/shipments/${shipmentId}/dispatch`, admin, { carrier: ' Colissimo ', trackingNumber: '6A 1234-5678' });
      expect(dispatched.status).toBe(202);
      expect(dispatched.body).toMatchObject({ id: shipmentId, revision: 1 });
      expect((await app.eventStore.readStream(`shipment-${shipmentId}`)).at(-1)).toMatchObject({ type: 'ShipmentDispatched', data: { shipmentId, orderId, carrier: 'Colissimo', trackingNumber: '6A 1234-5678' } });
      expect((await app.call('POST', `/api/admin/shipments/${shipmentId}/deliver`, admin)).status).toBe(202);

      const { state } = await aggregateStream(app.eventStore, orderStreamId(orderId), orderDecider);
      if (state.status === 'absent') throw new Error('no order');
      const sku = state.lines[0]?.sku as string;
      await app.onShipment(orderId, { type: 'ExpectReturn', data: { shipmentId, lines: [{ sku, quantity: 2 }], requestedAt: app.now().toISOString() } });
      const returned = await app.call('POST', `/api/admin/shipments/${shipmentId}/returned`, admin, { lines: [{ sku: sku.toLowerCase(), restocked: 1, damaged: 1 }] });
      expect(returned.status).toBe(202);
      expect((await app.eventStore.readStream(`shipment-${shipmentId}`)).at(-1)).toMatchObject({ type: 'ShipmentReturned', data: { lines: [{ sku, restocked: 1, damaged: 1 }] } });
    });

    it('refuses steps out of order with 409 naming the state, and an unknown shipment with 404', async () => {
      const orderId = await app.placeOrder(customer);
      await app.pay(orderId);
      const shipmentId = shipmentIdOf(orderId);
      await expectNothingAppended(async () => {
        await expectConflict(app.call('POST', `/api/admin/shipments/${shipmentId}/deliver`, admin), 'an open shipment cannot be delivered');
        await expectConflict(app.call('POST', `/api/admin/shipments/${shipmentId}/returned`, admin, { lines: [] }), 'an open shipment has no return to receive');
        expect((await app.call('POST', `/api/admin/shipments/${unknownId}/deliver`, admin)).status).toBe(404);
      });
      await app.call('POST', `/api/admin/shipments/${shipmentId}/dispatch`, admin, { carrier: 'DHL', trackingNumber: 'JD0001' });
      await expectNothingAppended(() => expectConflict(app.call('POST', `/api/admin/shipments/${shipmentId}/dispatch`, admin, { carrier: 'DHL', trackingNumber: 'JD0002' }), 'a dispatched shipment was dispatched with another carrier or tracking number'));
    });

    it.each([
      [{ carrier: 'DHL', trackingNumber: 'ab' }, 'trackingNumber'],
      [{ carrier: '  ', trackingNumber: 'JD0001' }, 'carrier'],
      [{ carrier: 'DHL' }, 'trackingNumber'],
      [{ carrier: 'DHL', trackingNumber: 'JD0001', when: 'now' }, 'when'],
    ])('refuses dispatch body %j with 400 naming %s', async (body, field) => {
      const answer = await app.call('POST', `/api/admin/shipments/${unknownId}/dispatch`, admin, body);
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([expect.objectContaining({ field })]);
    });
  });
});
