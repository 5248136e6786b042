import { encodeConsistencyToken, generateOpenApiDocument } from '@ecommerce/platform';
import type { Principal, ReadStore, RecordedEvent } from '@ecommerce/platform';
// test only: the real projectors fill the read store the routes read (the API itself never imports projections)
// eslint-disable-next-line no-restricted-imports
import { notificationsProjection, ordersProjection, paymentsProjection, shipmentsProjection } from '@ecommerce/projections';
import { checkpointKey } from '@ecommerce/schemas';
import type { NotificationView, OrderView, ShipmentView } from '@ecommerce/schemas';
import { createQueryApi } from './app';
import { testReadStores } from '@ecommerce/platform/src/read-store/test-stores.fixture';
import type { TestReadStore } from '@ecommerce/platform/src/read-store/test-stores.fixture';
import { serveQueryApi } from './test-server.fixture';

const idOf = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const customer: Principal = { sub: idOf(1), role: 'customer' };
const otherCustomer: Principal = { sub: idOf(2), role: 'customer' };
const admin: Principal = { sub: idOf(3), role: 'admin' };
const euros = (amount: number) => ({ amount, currency: 'EUR' });
const address = { recipient: 'Ada Lovelace', line1: '1 Rue de Rivoli', line2: null, city: 'Paris', region: null, postalCode: '75001', country: 'FR' };
const projections = [ordersProjection, paymentsProjection, shipmentsProjection, notificationsProjection];

const orderIdOf = (n: number) => idOf(100 + n);
const paymentIdOf = (n: number) => idOf(200 + n);
const shipmentIdOf = (n: number) => idOf(300 + n);

/** Events in `$all` order, each stream's revisions counted as the store would. */
function createEventLog() {
  const revisions = new Map<string, number>();
  let position = 0;
  const append = (streamId: string, type: string, data: Record<string, unknown>, occurredAt: string): RecordedEvent => {
    const revision = (revisions.get(streamId) ?? -1) + 1;
    revisions.set(streamId, revision);
    position += 1;
    return { id: `evt-${position}`, type, streamId, revision, position, data, metadata: { occurredAt }, recordedAt: new Date(occurredAt) };
  };
  return {
    order: (n: number, type: string, data: Record<string, unknown>, at: string) => append(`order-${orderIdOf(n)}`, type, { orderId: orderIdOf(n), ...data }, at),
    payment: (n: number, orderNumber: number, type: string, data: Record<string, unknown>, at: string) =>
      append(`payment-${paymentIdOf(n)}`, type, { paymentId: paymentIdOf(n), orderId: orderIdOf(orderNumber), ...data }, at),
    shipment: (orderNumber: number, type: string, data: Record<string, unknown>, at: string) =>
      append(`shipment-${shipmentIdOf(orderNumber)}`, type, { shipmentId: shipmentIdOf(orderNumber), orderId: orderIdOf(orderNumber), ...data }, at),
    notification: (userId: string, type: string, data: Record<string, unknown>, at: string) => append(`notification-${userId}`, type, { userId, ...data }, at),
  };
}

const events = createEventLog();
const placed = (n: number, customerId: string, placedAt: string) => events.order(n, 'OrderPlaced', {
  customerId, placedAt, total: euros(2000), shippingAddress: address, lines: [{ productId: idOf(900), sku: 'SHOE-1', name: 'Shoes', quantity: 2, unitPrice: euros(1000) }],
}, placedAt);
const requested = (n: number, orderNumber: number, customerId: string, at: string) =>
  events.payment(n, orderNumber, 'PaymentRequested', { customerId, amount: euros(2000), provider: 'sandbox', methodReference: 'pm_card_visa', requestedAt: at }, at);
const inApp = (userId: string, n: number, kind: string, at: string) => events.notification(userId, 'NotificationQueued', {
  notificationId: idOf(400 + n), channel: 'inApp', kind, sourceEventId: `e${n}`, recipient: null, subject: `Subject ${n}`, text: `Text ${n}`, queuedAt: at,
}, at);

/**
 * The customer's orders 1..5 and the other customer's order 6, on 2024-05-01..06; order 1 goes
 * through its whole lifecycle (a declined payment, then a captured one, shipment, delivery, a
 * return and its refund), order 3 is paid and cancelled with its refund pending, order 5 waits for
 * a customer action; a payment of order 9 arrives before that order's OrderPlaced.
 */
const history: RecordedEvent[] = [
  placed(1, customer.sub, '2024-05-01T09:00:00.000Z'),
  placed(2, customer.sub, '2024-05-02T09:00:00.000Z'),
  placed(3, customer.sub, '2024-05-03T09:00:00.000Z'),
  placed(4, customer.sub, '2024-05-04T09:00:00.000Z'),
  placed(5, customer.sub, '2024-05-05T09:00:00.000Z'),
  placed(6, otherCustomer.sub, '2024-05-06T09:00:00.000Z'),
  ...[1, 2, 3, 4, 5, 6].map((n) => events.order(n, 'OrderConfirmed', { paymentDeadline: '2024-05-07T00:00:00.000Z' }, `2024-05-0${n}T09:00:01.000Z`)),
  requested(1, 1, customer.sub, '2024-05-01T09:01:00.000Z'),
  events.payment(1, 1, 'PaymentDeclined', { code: 'card_declined', message: 'Declined.', at: '2024-05-01T09:01:01.000Z' }, '2024-05-01T09:01:01.000Z'),
  requested(2, 1, customer.sub, '2024-05-01T09:02:00.000Z'),
  events.payment(2, 1, 'PaymentCaptured', { amount: euros(2000), providerPaymentId: 'pi_2', at: '2024-05-01T09:02:01.000Z' }, '2024-05-01T09:02:01.000Z'),
  events.order(1, 'OrderPaid', { paymentId: paymentIdOf(2), amount: euros(2000) }, '2024-05-01T09:02:02.000Z'),
  events.shipment(1, 'ShipmentOpened', { customerId: customer.sub, lines: [{ sku: 'SHOE-1', name: 'Shoes', quantity: 2 }], address, openedAt: '2024-05-01T09:03:00.000Z' }, '2024-05-01T09:03:00.000Z'),
  events.shipment(1, 'ShipmentDispatched', { carrier: 'DHL', trackingNumber: 'JD0001', dispatchedAt: '2024-05-02T08:00:00.000Z' }, '2024-05-02T08:00:00.000Z'),
  events.order(1, 'OrderShipped', { shipmentId: shipmentIdOf(1), carrier: 'DHL', trackingNumber: 'JD0001', shippedAt: '2024-05-02T08:00:00.000Z' }, '2024-05-02T08:00:01.000Z'),
  events.shipment(1, 'ShipmentDelivered', { deliveredAt: '2024-05-03T08:00:00.000Z' }, '2024-05-03T08:00:00.000Z'),
  events.order(1, 'OrderDelivered', { deliveredAt: '2024-05-03T08:00:00.000Z', returnWindowEndsAt: '2024-05-17T08:00:00.000Z', acceptanceDeadline: '2024-05-17T08:00:00.000Z' }, '2024-05-03T08:00:01.000Z'),
  events.order(1, 'OrderReturnRequested', { lines: [{ sku: 'SHOE-1', quantity: 1 }], reason: 'too small', requestedAt: '2024-05-04T08:00:00.000Z' }, '2024-05-04T08:00:00.000Z'),
  events.shipment(1, 'ShipmentReturnRequested', { lines: [{ sku: 'SHOE-1', quantity: 1 }], requestedAt: '2024-05-04T08:00:00.000Z' }, '2024-05-04T08:00:01.000Z'),
  events.shipment(1, 'ShipmentReturned', { lines: [{ sku: 'SHOE-1', restocked: 1, damaged: 0 }], receivedAt: '2024-05-05T08:00:00.000Z' }, '2024-05-05T08:00:00.000Z'),
  events.order(1, 'OrderReturned', { lines: [{ sku: 'SHOE-1', restocked: 1, damaged: 0 }], refundAmount: euros(1000), returnedAt: '2024-05-05T08:00:00.000Z' }, '2024-05-05T08:00:01.000Z'),
  events.order(1, 'OrderRefundRequested', { paymentId: paymentIdOf(2), refundId: `${paymentIdOf(2)}/items_returned`, amount: euros(1000), reason: 'items_returned' }, '2024-05-05T08:00:02.000Z'),
  events.payment(2, 1, 'PaymentRefundRequested', { refundId: `${paymentIdOf(2)}/items_returned`, amount: euros(1000), reason: 'items_returned', requestedAt: '2024-05-05T08:00:03.000Z' }, '2024-05-05T08:00:03.000Z'),
  events.payment(2, 1, 'PaymentRefundSucceeded', { refundId: `${paymentIdOf(2)}/items_returned`, amount: euros(1000), providerRefundId: 're_1', at: '2024-05-05T08:00:04.000Z' }, '2024-05-05T08:00:04.000Z'),
  events.order(1, 'OrderRefunded', { paymentId: paymentIdOf(2), refundId: `${paymentIdOf(2)}/items_returned`, amount: euros(1000) }, '2024-05-05T08:00:05.000Z'),
  requested(3, 3, customer.sub, '2024-05-03T09:01:00.000Z'),
  events.payment(3, 3, 'PaymentCaptured', { amount: euros(2000), providerPaymentId: null, at: '2024-05-03T09:01:01.000Z' }, '2024-05-03T09:01:01.000Z'),
  events.order(3, 'OrderPaid', { paymentId: paymentIdOf(3), amount: euros(2000) }, '2024-05-03T09:01:02.000Z'),
  events.shipment(3, 'ShipmentOpened', { customerId: customer.sub, lines: [{ sku: 'SHOE-1', name: 'Shoes', quantity: 2 }], address, openedAt: '2024-05-03T09:02:00.000Z' }, '2024-05-03T09:02:00.000Z'),
  events.order(3, 'OrderCancelled', { reason: 'changed my mind' }, '2024-05-03T09:03:00.000Z'),
  events.shipment(3, 'ShipmentCancelled', { cancelledAt: '2024-05-03T09:03:01.000Z' }, '2024-05-03T09:03:01.000Z'),
  events.order(3, 'OrderRefundRequested', { paymentId: paymentIdOf(3), refundId: `${paymentIdOf(3)}/order_cancelled`, amount: euros(2000), reason: 'order_cancelled' }, '2024-05-03T09:03:02.000Z'),
  requested(5, 5, customer.sub, '2024-05-05T09:01:00.000Z'),
  events.payment(5, 5, 'PaymentActionRequired', { redirectUrl: 'https://shop.example/api/payments/sandbox/actions/r5', providerPaymentId: null, at: '2024-05-05T09:01:01.000Z' }, '2024-05-05T09:01:01.000Z'),
  requested(6, 6, otherCustomer.sub, '2024-05-06T09:01:00.000Z'),
  events.payment(6, 6, 'PaymentCaptured', { amount: euros(2000), providerPaymentId: null, at: '2024-05-06T09:01:01.000Z' }, '2024-05-06T09:01:01.000Z'),
  events.order(6, 'OrderPaid', { paymentId: paymentIdOf(6), amount: euros(2000) }, '2024-05-06T09:01:02.000Z'),
  events.shipment(6, 'ShipmentOpened', { customerId: otherCustomer.sub, lines: [{ sku: 'SHOE-1', name: 'Shoes', quantity: 2 }], address, openedAt: '2024-05-06T09:02:00.000Z' }, '2024-05-06T09:02:00.000Z'),
  events.shipment(6, 'ShipmentDispatched', { carrier: 'UPS', trackingNumber: '1Z6', dispatchedAt: '2024-05-06T10:00:00.000Z' }, '2024-05-06T10:00:00.000Z'),
  requested(9, 9, customer.sub, '2024-05-06T11:00:00.000Z'),
  inApp(customer.sub, 1, 'user_registered', '2024-05-01T08:00:00.000Z'),
  inApp(customer.sub, 2, 'order_confirmed', '2024-05-01T09:00:01.000Z'),
  events.notification(customer.sub, 'NotificationQueued', {
    notificationId: idOf(499), channel: 'email', kind: 'order_confirmed', sourceEventId: 'e2', recipient: 'ada@example.com', subject: 'by email', text: 'by email', queuedAt: '2024-05-01T09:00:01.000Z',
  }, '2024-05-01T09:00:01.000Z'),
  inApp(customer.sub, 3, 'order_paid', '2024-05-01T09:02:02.000Z'),
  inApp(customer.sub, 4, 'order_shipped', '2024-05-02T08:00:01.000Z'),
  inApp(customer.sub, 5, 'order_delivered', '2024-05-03T08:00:01.000Z'),
  events.notification(customer.sub, 'NotificationRead', { notificationId: idOf(401), readAt: '2024-05-03T09:00:00.000Z' }, '2024-05-03T09:00:00.000Z'),
  events.notification(customer.sub, 'NotificationRead', { notificationId: idOf(404), readAt: '2024-05-03T09:00:01.000Z' }, '2024-05-03T09:00:01.000Z'),
  inApp(otherCustomer.sub, 6, 'user_registered', '2024-05-06T08:00:00.000Z'),
];

describe.each(testReadStores)('lifecycle query routes on the %s read store', (_name, open) => {
  let opened: TestReadStore;
  let readStore: ReadStore;
  let server: Awaited<ReturnType<typeof serveQueryApi>>;
  const get = (url: string, principal: Principal | null, headers: Record<string, string> = {}) => server.get(url, principal, headers);
  const apply = async (batch: RecordedEvent[]) => {
    for (const projection of projections) await projection.apply(readStore, 1, batch);
  };

  /** Every page of a listing, following `nextCursor`. */
  const allPages = async <T>(url: string, principal: Principal): Promise<T[][]> => {
    const pages: T[][] = [];
    let cursor: string | null = null;
    do {
      const separator = url.includes('?') ? '&' : '?';
      const { status, body } = await get(`${url}${cursor ? `${separator}cursor=${encodeURIComponent(cursor)}` : ''}`, principal);
      expect(status).toBe(200);
      pages.push(body.items as T[]);
      cursor = body.nextCursor as string | null;
    } while (cursor && pages.length < 50);
    return pages;
  };
  const ids = (items: Array<{ id: string }>) => items.map((item) => item.id);

  beforeAll(async () => {
    opened = await open();
    readStore = opened.store;
    for (const projection of projections) await projection.setup(readStore, 1);
    await apply(history);
    server = await serveQueryApi(readStore);
  });

  afterAll(async () => {
    await server.close();
    await opened.cleanup();
  });

  it.each(['/api/admin/orders', '/api/admin/shipments', `/api/payments/${paymentIdOf(2)}`, '/api/notifications'])('answers 401 problem+json to anonymous for %s', async (url) => {
    const { status, headers } = await get(url, null);
    expect(status).toBe(401);
    expect(headers.get('content-type')).toContain('application/problem+json');
  });

  describe('GET /api/orders/:id', () => {
    it('shows the owner the shipping address, payment, refunds, shipment, windows, return and every lifecycle step', async () => {
      const { status, body } = await get(`/api/orders/${orderIdOf(1)}`, customer);
      expect(status).toBe(200);
      expect(body).toMatchObject({
        status: 'refunded', shippingAddress: address,
        payment: {
          status: 'captured', paymentId: paymentIdOf(2), paidAmount: euros(2000), paidAt: '2024-05-01T09:02:02.000Z',
          attempts: [
            { paymentId: paymentIdOf(1), status: 'declined', amount: euros(2000), captured: euros(0), declineCode: 'card_declined', requestedAt: '2024-05-01T09:01:00.000Z' },
            { paymentId: paymentIdOf(2), status: 'captured', amount: euros(2000), captured: euros(2000), declineCode: null, requestedAt: '2024-05-01T09:02:00.000Z' },
          ],
        },
        refund: {
          status: 'partially_refunded', requested: euros(1000), succeeded: euros(1000),
          refunds: [{ refundId: `${paymentIdOf(2)}/items_returned`, paymentId: paymentIdOf(2), amount: euros(1000), status: 'succeeded', reason: 'items_returned', requestedAt: '2024-05-05T08:00:03.000Z' }],
        },
        shipment: { shipmentId: shipmentIdOf(1), status: 'returned', carrier: 'DHL', trackingNumber: 'JD0001', dispatchedAt: '2024-05-02T08:00:00.000Z', deliveredAt: '2024-05-03T08:00:00.000Z' },
        delivery: { deliveredAt: '2024-05-03T08:00:00.000Z', returnWindowEndsAt: '2024-05-17T08:00:00.000Z', acceptanceDeadline: '2024-05-17T08:00:00.000Z' },
        completion: null,
        return: {
          lines: [{ sku: 'SHOE-1', quantity: 1 }], reason: 'too small', requestedAt: '2024-05-04T08:00:00.000Z',
          received: { lines: [{ sku: 'SHOE-1', restocked: 1, damaged: 0 }], refundAmount: euros(1000), receivedAt: '2024-05-05T08:00:00.000Z' },
        },
      });
      expect((body.timeline as Array<{ event: string }>).map((entry) => entry.event)).toEqual([
        'OrderPlaced', 'OrderConfirmed', 'OrderPaid', 'OrderShipped', 'OrderDelivered', 'OrderReturnRequested', 'OrderReturned', 'OrderRefundRequested', 'OrderRefunded',
      ]);
    });

    it("shows a refund the order asked for that the payment has not recorded yet as pending, and a cancelled order's shipment as cancelled", async () => {
      const { body } = await get(`/api/orders/${orderIdOf(3)}`, customer);
      expect(body).toMatchObject({
        status: 'cancelled', payment: { status: 'captured', paidAmount: euros(2000) }, shipment: { status: 'cancelled', carrier: null },
        refund: { status: 'pending', requested: euros(2000), succeeded: euros(0), refunds: [{ refundId: `${paymentIdOf(3)}/order_cancelled`, status: 'pending', reason: 'order_cancelled' }] },
      });
    });

    it('hides the order from another customer (404 as for an unknown one) and shows it to an admin', async () => {
      expect((await get(`/api/orders/${orderIdOf(1)}`, otherCustomer)).status).toBe(404);
      expect((await get(`/api/orders/${orderIdOf(1)}`, admin)).body).toMatchObject({ id: orderIdOf(1), customerId: customer.sub, shippingAddress: address });
    });

    it('answers 404, to admins too, for an order only a payment event has mentioned yet', async () => {
      expect((await get(`/api/orders/${orderIdOf(9)}`, admin)).status).toBe(404);
      expect((await get(`/api/orders/${orderIdOf(9)}`, customer)).status).toBe(404);
    });
  });

  describe('GET /api/admin/orders', () => {
    it("lists every customer's orders newest first with payment and refund state, page by page without gaps or duplicates", async () => {
      const pages = await allPages<OrderView>('/api/admin/orders?limit=4', admin);
      expect(pages.map((page) => page.length)).toEqual([4, 2]);
      const items = pages.flat();
      expect(ids(items)).toEqual([6, 5, 4, 3, 2, 1].map(orderIdOf));
      expect(items.find((order) => order.id === orderIdOf(5))?.payment).toMatchObject({ status: 'requires_action', paymentId: paymentIdOf(5), paidAmount: null });
      expect(items.find((order) => order.id === orderIdOf(1))?.refund).toMatchObject({ status: 'partially_refunded', succeeded: euros(1000) });
    });

    it('filters by status, by customer, and by a placedAt range of dates or date-times, both ends inclusive', async () => {
      const list = async (query: string) => ids((await get(`/api/admin/orders?${query}`, admin)).body.items as OrderView[]);
      expect(await list('status=confirmed')).toEqual([5, 4, 2].map(orderIdOf));
      expect(await list('status=paid')).toEqual([orderIdOf(6)]);
      expect(await list(`customerId=${otherCustomer.sub}`)).toEqual([orderIdOf(6)]);
      expect(await list(`customerId=${customer.sub}&status=cancelled`)).toEqual([orderIdOf(3)]);
      expect(await list('from=2024-05-02&to=2024-05-04')).toEqual([4, 3, 2].map(orderIdOf));
      expect(await list('from=2024-05-02T09:00:00.000Z&to=2024-05-04T08:59:59Z')).toEqual([3, 2].map(orderIdOf));
      expect(await list('from=2024-05-05T11:00:00%2B02:00')).toEqual([6, 5].map(orderIdOf));
      expect(await list('from=2024-05-04&to=2024-05-02')).toEqual([]);
      expect(ids((await allPages<OrderView>('/api/admin/orders?from=2024-05-02&to=2024-05-05&limit=1', admin)).flat())).toEqual([5, 4, 3, 2].map(orderIdOf));
    });

    it('refuses customers with 403, and bad input with 400 naming the field', async () => {
      expect((await get('/api/admin/orders', customer)).status).toBe(403);
      for (const [query, field] of [
        ['status=lost', 'query.status'], ['customerId=nope', 'query.customerId'], ['from=2024-02-30', 'query.from'], ['to=yesterday', 'query.to'],
        ['from=2024-05-01T10:00:00', 'query.from'], ['limit=101', 'query.limit'], ['cursor=%21', 'query.cursor'], ['sort=oldest', 'query'],
      ]) {
        const { status, body } = await get(`/api/admin/orders?${query}`, admin);
        expect([query, status]).toEqual([query, 400]);
        expect(JSON.stringify(body.errors)).toContain(field);
      }
    });

    it("waits on the orders projection's checkpoint for a consistency token", async () => {
      const token = encodeConsistencyToken({ stream: `order-${orderIdOf(1)}`, revision: 0, position: 9000 });
      expect((await get('/api/admin/orders', admin, { 'x-consistency-token': token })).headers.get('x-read-consistency')).toBe('stale');
      await readStore.setCheckpoint(checkpointKey('orders', 1), { partitions: { 'ecommerce.payments.events:0': { offset: 9, position: 9000, endOffset: 9, checkedAt: Date.now() } } });
      expect((await get('/api/admin/orders', admin, { 'x-consistency-token': token })).headers.get('x-read-consistency')).toBe('consistent');
    });
  });

  describe('GET /api/payments/:id', () => {
    it('shows the payer the payment with its refunds and what is still refundable', async () => {
      const { status, headers, body } = await get(`/api/payments/${paymentIdOf(2)}`, customer);
      expect([status, headers.get('etag')]).toEqual([200, '"3"']);
      expect(body).toEqual({
        id: paymentIdOf(2), orderId: orderIdOf(1), customerId: customer.sub, status: 'captured', amount: euros(2000), provider: 'sandbox', providerPaymentId: 'pi_2',
        captured: euros(2000), refunded: euros(1000), refundable: euros(1000), redirectUrl: null, declineCode: null, declineMessage: null,
        refunds: [{ refundId: `${paymentIdOf(2)}/items_returned`, paymentId: paymentIdOf(2), amount: euros(1000), status: 'succeeded', reason: 'items_returned', requestedAt: '2024-05-05T08:00:03.000Z' }],
        requestedAt: '2024-05-01T09:02:00.000Z', capturedAt: '2024-05-01T09:02:01.000Z', updatedAt: '2024-05-05T08:00:04.000Z', revision: 3,
      });
    });

    it('shows where to complete a payment that needs an action, and why one was declined', async () => {
      expect((await get(`/api/payments/${paymentIdOf(5)}`, customer)).body).toMatchObject({ status: 'requires_action', redirectUrl: 'https://shop.example/api/payments/sandbox/actions/r5' });
      expect((await get(`/api/payments/${paymentIdOf(1)}`, customer)).body).toMatchObject({ status: 'declined', declineCode: 'card_declined', declineMessage: 'Declined.', captured: euros(0) });
    });

    it("answers 404 to another customer exactly as for an unknown payment; an admin reads anyone's", async () => {
      const other = await get(`/api/payments/${paymentIdOf(2)}`, otherCustomer);
      const unknown = await get(`/api/payments/${idOf(299)}`, otherCustomer);
      expect([other.status, unknown.status]).toEqual([404, 404]);
      expect(JSON.stringify(other.body)).not.toContain(customer.sub);
      expect((await get(`/api/payments/${paymentIdOf(2)}`, admin)).body).toMatchObject({ id: paymentIdOf(2), customerId: customer.sub });
      expect((await get(`/api/payments/${paymentIdOf(6)}`, customer)).status).toBe(404);
    });

    it('refuses a malformed id with 400 naming params.id', async () => {
      const { status, body } = await get('/api/payments/nope', customer);
      expect(status).toBe(400);
      expect(body.errors).toEqual([expect.objectContaining({ field: 'params.id' })]);
    });

    it('waits for the payment revision the pay command answered, and says stale past the bound', async () => {
      const paymentId = paymentIdOf(7);
      const started = requested(7, 2, customer.sub, '2024-05-07T00:00:00.000Z');
      const token = encodeConsistencyToken({ stream: started.streamId, revision: 0, position: started.position });
      setTimeout(() => void apply([started]), 60);
      const fresh = await get(`/api/payments/${paymentId}`, customer, { 'x-consistency-token': token });
      expect([fresh.status, fresh.headers.get('x-read-consistency'), fresh.body.status]).toEqual([200, 'consistent', 'requested']);
      const later = encodeConsistencyToken({ stream: started.streamId, revision: 4, position: 99_999 });
      expect((await get(`/api/payments/${paymentId}`, customer, { 'x-consistency-token': later })).headers.get('x-read-consistency')).toBe('stale');
    });
  });

  describe('GET /api/admin/shipments', () => {
    it('lists shipments newest first, page by page, with address, carrier and tracking', async () => {
      const items = (await allPages<ShipmentView>('/api/admin/shipments?limit=2', admin)).flat();
      expect(ids(items)).toEqual([6, 3, 1].map(shipmentIdOf));
      expect(items[0]).toEqual({
        id: shipmentIdOf(6), orderId: orderIdOf(6), customerId: otherCustomer.sub, status: 'dispatched', lines: [{ sku: 'SHOE-1', name: 'Shoes', quantity: 2 }], address,
        carrier: 'UPS', trackingNumber: '1Z6', openedAt: '2024-05-06T09:02:00.000Z', dispatchedAt: '2024-05-06T10:00:00.000Z', deliveredAt: null, cancelledAt: null,
        returnRequest: null, returned: null, updatedAt: '2024-05-06T10:00:00.000Z', revision: 1,
      });
    });

    it('filters by status', async () => {
      expect(ids((await get('/api/admin/shipments?status=returned', admin)).body.items as ShipmentView[])).toEqual([shipmentIdOf(1)]);
      expect((await get('/api/admin/shipments?status=open', admin)).body.items).toEqual([]);
    });

    it('refuses customers with 403 and an unknown status with 400', async () => {
      expect((await get('/api/admin/shipments', customer)).status).toBe(403);
      const { status, body } = await get('/api/admin/shipments?status=lost', admin);
      expect(status).toBe(400);
      expect(body.errors).toEqual([expect.objectContaining({ field: 'query.status' })]);
    });
  });

  describe('GET /api/notifications', () => {
    it("pages the caller's own in-app messages newest first, with the unread count of the whole inbox", async () => {
      const first = await get('/api/notifications?limit=2', customer);
      expect(first.body.unread).toBe(3);
      const items = (await allPages<NotificationView>('/api/notifications?limit=2', customer)).flat();
      expect(ids(items)).toEqual([405, 404, 403, 402, 401].map(idOf));
      expect(items[0]).toEqual({ id: idOf(405), kind: 'order_delivered', subject: 'Subject 5', text: 'Text 5', createdAt: '2024-05-03T08:00:01.000Z', read: false, readAt: null });
      expect(items.find((item) => item.id === idOf(404))).toMatchObject({ read: true, readAt: '2024-05-03T09:00:01.000Z' });
    });

    it('shows every other user, admins included, only their own inbox', async () => {
      const other = await get('/api/notifications', otherCustomer);
      expect([ids(other.body.items as NotificationView[]), other.body.unread]).toEqual([[idOf(406)], 1]);
      expect((await get('/api/notifications', admin)).body).toEqual({ items: [], nextCursor: null, unread: 0 });
    });

    it("waits on the notifications projection's checkpoint for a consistency token, then shows the message read", async () => {
      const read = events.notification(customer.sub, 'NotificationRead', { notificationId: idOf(405), readAt: '2024-05-08T00:00:00.000Z' }, '2024-05-08T00:00:00.000Z');
      const token = encodeConsistencyToken({ stream: read.streamId, revision: read.revision, position: read.position });
      setTimeout(() => {
        void apply([read]).then(() => readStore.setCheckpoint(checkpointKey('notifications', 1), {
          partitions: { 'ecommerce.notifications.events:0': { offset: 20, position: read.position, endOffset: 20, checkedAt: Date.now() } },
        }));
      }, 60);
      const { body, headers } = await get('/api/notifications?limit=1', customer, { 'x-consistency-token': token });
      expect(headers.get('x-read-consistency')).toBe('consistent');
      expect(body).toMatchObject({ items: [{ id: idOf(405), read: true }], unread: 2 });
    });

    it('refuses bad input with 400 naming the field', async () => {
      for (const [query, field] of [['limit=0', 'query.limit'], ['cursor=%21', 'query.cursor'], ['unread=true', 'query']]) {
        const { status, body } = await get(`/api/notifications?${query}`, customer);
        expect(status).toBe(400);
        expect(JSON.stringify(body.errors)).toContain(field);
      }
    });
  });

  it('describes every new route in the OpenAPI document with its view schema', () => {
    const document = generateOpenApiDocument([createQueryApi({ readStore }).openapi], { title: 't', version: '1' });
    for (const route of ['/api/admin/orders', '/api/admin/shipments', '/api/payments/{id}', '/api/notifications', '/api/me', '/api/orders/{id}']) {
      expect(document.paths?.[route]?.get?.responses?.['200']).toHaveProperty('content');
    }
  });
});
