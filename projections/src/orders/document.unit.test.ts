import { evolveOrderFields } from './document';
import type { OrderFields } from './document';

const orderId = '00000000-0000-4000-8000-000000000001';
const customerId = '00000000-0000-4000-8000-000000000002';
const line = { productId: '00000000-0000-4000-8000-000000000003', sku: 'SHOE-1', name: 'Shoes', quantity: 2, unitPrice: { amount: 1000, currency: 'EUR' } };

const address = { recipient: 'Ada Lovelace', line1: '1 Rue de Rivoli', line2: null, city: 'Paris', region: null, postalCode: '75001', country: 'FR' };

const createTestEvent = (type: string, data: Record<string, unknown>, revision: number) => ({
  type, data: { orderId, ...data }, revision, occurredAt: `2024-05-01T10:00:0${revision}.000Z`,
});

const placed = (): OrderFields => {
  const fields = evolveOrderFields(null, createTestEvent('OrderPlaced', { customerId, lines: [line], total: { amount: 2000, currency: 'EUR' }, placedAt: '2024-05-01T09:59:59.000Z', shippingAddress: address }, 0));
  if (!fields) throw new Error('OrderPlaced produced no document');
  return fields;
};

describe('evolveOrderFields', () => {
  it('builds a placed order from OrderPlaced with the first timeline entry', () => {
    expect(placed()).toEqual({
      customerId, status: 'placed', lines: [line], total: { amount: 2000, currency: 'EUR' }, paymentDeadline: null, shippingAddress: address,
      paid: null, shipped: null, delivery: null, completion: null, returnRequest: null, returned: null, refunds: [],
      timeline: [{ status: 'placed', event: 'OrderPlaced', at: '2024-05-01T10:00:00.000Z' }],
      placedAt: '2024-05-01T09:59:59.000Z', updatedAt: '2024-05-01T10:00:00.000Z', revision: 0,
    });
  });

  it('confirms with the payment deadline, then records the payment, each on the timeline', () => {
    let fields = evolveOrderFields(placed(), createTestEvent('OrderLineReserved', { sku: 'SHOE-1' }, 1));
    fields = evolveOrderFields(fields, createTestEvent('OrderConfirmed', { paymentDeadline: '2024-05-01T10:15:00.000Z' }, 2));
    fields = evolveOrderFields(fields, createTestEvent('OrderTimerScheduled', { timerId: 't', dueAt: '2024-05-01T10:15:00.000Z', purpose: 'payment_deadline' }, 3));
    fields = evolveOrderFields(fields, createTestEvent('OrderPaid', { paymentId: 'p', amount: { amount: 2000, currency: 'EUR' } }, 4));
    expect(fields).toMatchObject({ status: 'paid', paymentDeadline: '2024-05-01T10:15:00.000Z', revision: 4, updatedAt: '2024-05-01T10:00:04.000Z' });
    expect(fields?.timeline.map((entry) => [entry.status, entry.event])).toEqual([['placed', 'OrderPlaced'], ['confirmed', 'OrderConfirmed'], ['paid', 'OrderPaid']]);
    expect(fields?.paid).toEqual({ paymentId: 'p', amount: { amount: 2000, currency: 'EUR' }, at: '2024-05-01T10:00:04.000Z' });
  });

  it.each([
    ['OrderRejected', { reason: 'insufficient_stock', shortSkus: ['SHOE-1'] }, 'rejected'],
    ['OrderExpired', {}, 'expired'],
    ['OrderCancelled', { reason: null }, 'cancelled'],
  ])('%s moves the order to %s', (type, data, status) => {
    const fields = evolveOrderFields(placed(), createTestEvent(type, data, 1));
    expect(fields).toMatchObject({ status, revision: 1 });
    expect(fields?.timeline.at(-1)).toEqual({ status, event: type, at: '2024-05-01T10:00:01.000Z' });
  });

  it('moves only the revision for a line answer', () => {
    const before = placed();
    expect(evolveOrderFields(before, createTestEvent('OrderLineRejected', { sku: 'SHOE-1', available: 0 }, 1))).toEqual({ ...before, revision: 1, updatedAt: '2024-05-01T10:00:01.000Z' });
  });

  it('ignores events of an order it has not seen placed, and a second OrderPlaced', () => {
    expect(evolveOrderFields(null, createTestEvent('OrderConfirmed', { paymentDeadline: 'x' }, 1))).toBeNull();
    const before = placed();
    expect(evolveOrderFields(before, createTestEvent('OrderPlaced', { customerId: 'someone-else', lines: [], total: { amount: 0, currency: 'EUR' }, placedAt: 'x' }, 5))).toBe(before);
  });

  it('has no shipping address on an order placed before addresses existed', () => {
    const fields = evolveOrderFields(null, createTestEvent('OrderPlaced', { customerId, lines: [line], total: { amount: 2000, currency: 'EUR' }, placedAt: 'x' }, 0));
    expect(fields?.shippingAddress).toBeNull();
  });

  /** A paid order's lifecycle after the payment, each event at the next revision. */
  const lifecycle = (...steps: Array<[string, Record<string, unknown>]>): OrderFields | null => {
    let fields: OrderFields | null = evolveOrderFields(placed(), createTestEvent('OrderPaid', { paymentId: 'pay-1', amount: { amount: 2000, currency: 'EUR' } }, 1));
    steps.forEach(([type, data], index) => (fields = evolveOrderFields(fields, createTestEvent(type, data, index + 2))));
    return fields;
  };
  const shipped: [string, Record<string, unknown>] = ['OrderShipped', { shipmentId: 'ship-1', carrier: 'DHL', trackingNumber: 'JD0001', shippedAt: '2024-05-02T08:00:00.000Z' }];
  const delivered: [string, Record<string, unknown>] = ['OrderDelivered', { deliveredAt: '2024-05-03T08:00:00.000Z', returnWindowEndsAt: '2024-05-17T08:00:00.000Z', acceptanceDeadline: '2024-05-17T08:00:00.000Z' }];

  it('ships, delivers with its windows, and completes, each step on the timeline', () => {
    const fields = lifecycle(shipped, delivered, ['OrderTimerScheduled', { timerId: 't2', dueAt: '2024-05-17T08:00:00.000Z', purpose: 'acceptance_deadline' }],
      ['OrderCompleted', { acceptedBy: 'customer', completedAt: '2024-05-04T08:00:00.000Z' }]);
    expect(fields).toMatchObject({
      status: 'completed', revision: 5,
      shipped: { shipmentId: 'ship-1', carrier: 'DHL', trackingNumber: 'JD0001', shippedAt: '2024-05-02T08:00:00.000Z' },
      delivery: { deliveredAt: '2024-05-03T08:00:00.000Z', returnWindowEndsAt: '2024-05-17T08:00:00.000Z', acceptanceDeadline: '2024-05-17T08:00:00.000Z' },
      completion: { acceptedBy: 'customer', completedAt: '2024-05-04T08:00:00.000Z' },
    });
    expect(fields?.timeline.map((entry) => [entry.status, entry.event])).toEqual([
      ['placed', 'OrderPlaced'], ['paid', 'OrderPaid'], ['shipped', 'OrderShipped'], ['delivered', 'OrderDelivered'], ['completed', 'OrderCompleted'],
    ]);
  });

  it('asks for a return, receives it, and is refunded by the return\'s own refund', () => {
    const refundId = 'pay-1/items_returned';
    const fields = lifecycle(shipped, delivered,
      ['OrderReturnRequested', { lines: [{ sku: 'SHOE-1', quantity: 1 }], reason: 'too small', requestedAt: '2024-05-04T08:00:00.000Z' }],
      ['OrderReturned', { lines: [{ sku: 'SHOE-1', restocked: 1, damaged: 0 }], refundAmount: { amount: 1000, currency: 'EUR' }, returnedAt: '2024-05-06T08:00:00.000Z' }],
      ['OrderRefundRequested', { paymentId: 'pay-1', refundId, amount: { amount: 1000, currency: 'EUR' }, reason: 'items_returned' }]);
    expect(fields).toMatchObject({
      status: 'returned',
      returnRequest: { lines: [{ sku: 'SHOE-1', quantity: 1 }], reason: 'too small', requestedAt: '2024-05-04T08:00:00.000Z' },
      returned: { lines: [{ sku: 'SHOE-1', restocked: 1, damaged: 0 }], refundAmount: { amount: 1000, currency: 'EUR' }, returnedAt: '2024-05-06T08:00:00.000Z' },
      refunds: [{ refundId, paymentId: 'pay-1', amount: { amount: 1000, currency: 'EUR' }, reason: 'items_returned', status: 'pending', at: '2024-05-01T10:00:06.000Z' }],
    });
    const refunded = evolveOrderFields(fields, createTestEvent('OrderRefunded', { paymentId: 'pay-1', refundId, amount: { amount: 1000, currency: 'EUR' } }, 7));
    expect(refunded).toMatchObject({ status: 'refunded', refunds: [{ refundId, status: 'succeeded', reason: 'items_returned', at: '2024-05-01T10:00:07.000Z' }] });
    expect(refunded?.timeline.slice(-4).map((entry) => [entry.status, entry.event])).toEqual([
      ['return_requested', 'OrderReturnRequested'], ['returned', 'OrderReturned'], ['returned', 'OrderRefundRequested'], ['refunded', 'OrderRefunded'],
    ]);
  });

  it("records an admin's refund it only hears of when it succeeded, without changing the status", () => {
    const fields = lifecycle(shipped, ['OrderRefunded', { paymentId: 'pay-1', refundId: 'admin-1', amount: { amount: 300, currency: 'EUR' } }]);
    expect(fields).toMatchObject({ status: 'shipped', refunds: [{ refundId: 'admin-1', paymentId: 'pay-1', amount: { amount: 300, currency: 'EUR' }, reason: null, status: 'succeeded' }] });
    expect(fields?.timeline.at(-1)).toEqual({ status: 'shipped', event: 'OrderRefunded', at: '2024-05-01T10:00:03.000Z' });
  });

  it('lists a refund asked for twice once', () => {
    const request: [string, Record<string, unknown>] = ['OrderRefundRequested', { paymentId: 'pay-1', refundId: 'pay-1/order_cancelled', amount: { amount: 2000, currency: 'EUR' }, reason: 'order_cancelled' }];
    expect(lifecycle(['OrderCancelled', { reason: null }], request, request)?.refunds).toHaveLength(1);
  });
});
