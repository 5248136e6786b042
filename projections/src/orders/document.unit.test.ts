import { evolveOrderFields } from './document';
import type { OrderFields } from './document';

const orderId = '00000000-0000-4000-8000-000000000001';
const customerId = '00000000-0000-4000-8000-000000000002';
const line = { productId: '00000000-0000-4000-8000-000000000003', sku: 'SHOE-1', name: 'Shoes', quantity: 2, unitPrice: { amount: 1000, currency: 'EUR' } };

const createTestEvent = (type: string, data: Record<string, unknown>, revision: number) => ({
  type, data: { orderId, ...data }, revision, occurredAt: `2024-05-01T10:00:0${revision}.000Z`,
});

const placed = (): OrderFields => {
  const fields = evolveOrderFields(null, createTestEvent('OrderPlaced', { customerId, lines: [line], total: { amount: 2000, currency: 'EUR' }, placedAt: '2024-05-01T09:59:59.000Z' }, 0));
  if (!fields) throw new Error('OrderPlaced produced no document');
  return fields;
};

describe('evolveOrderFields', () => {
  it('builds a placed order from OrderPlaced with the first timeline entry', () => {
    expect(placed()).toEqual({
      customerId, status: 'placed', lines: [line], total: { amount: 2000, currency: 'EUR' }, paymentDeadline: null,
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
});
