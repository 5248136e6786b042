import { dayOf, evolveAnalyticsFact, evolveProductCategory } from './document';
import type { AnalyticsFact } from './document';

const productA = '00000000-0000-4000-8000-0000000000a1';
const productB = '00000000-0000-4000-8000-0000000000a2';
const euros = (amount: number) => ({ amount, currency: 'EUR' });

const createTestEvent = (type: string, data: Record<string, unknown>, revision: number, occurredAt: string) => ({ type, data, revision, occurredAt });

/** Folds events onto a fact as the projection does, skipping those at or below its revision (redelivery). */
const fold = (events: ReturnType<typeof createTestEvent>[]): AnalyticsFact | null =>
  events.reduce<AnalyticsFact | null>((fact, event) => (fact && fact.revision >= event.revision ? fact : evolveAnalyticsFact(fact, event)), null);

const placed = (revision = 0, at = '2024-05-01T23:59:59.000Z') => createTestEvent('OrderPlaced', {
  orderId: 'o1', customerId: 'c1', total: euros(3500), placedAt: at, shippingAddress: null,
  lines: [
    { productId: productA, sku: 'A', name: 'A', quantity: 3, unitPrice: euros(1000) },
    { productId: productB, sku: 'B', name: 'B', quantity: 1, unitPrice: euros(500) },
  ],
}, revision, at);

describe('evolveAnalyticsFact', () => {
  it('counts an order on the UTC day it was placed, with each line worth quantity × unit price', () => {
    expect(fold([placed()])).toEqual({
      kind: 'order', placedDay: '2024-05-01', total: euros(3500), paidDay: null, paidAmount: null, firstDay: '2024-05-01', lastDay: '2024-05-01', revision: 0,
      lines: [{ productId: productA, quantity: 3, amount: euros(3000) }, { productId: productB, quantity: 1, amount: euros(500) }],
    });
  });

  it('counts the payment on the day it was paid, once, and widens the days the fact spans', () => {
    const paid = createTestEvent('OrderPaid', { orderId: 'o1', paymentId: 'p1', amount: euros(3500) }, 4, '2024-05-02T00:00:01.000Z');
    const paidAgain = createTestEvent('OrderPaid', { orderId: 'o1', paymentId: 'p2', amount: euros(3500) }, 6, '2024-05-03T08:00:00.000Z');
    expect(fold([placed(), paid, paidAgain])).toMatchObject({ paidDay: '2024-05-02', paidAmount: euros(3500), firstDay: '2024-05-01', lastDay: '2024-05-02', revision: 6 });
  });

  it('ignores an order event before its OrderPlaced', () => {
    expect(fold([createTestEvent('OrderPaid', { orderId: 'o1', paymentId: 'p1', amount: euros(1) }, 3, '2024-05-02T00:00:00.000Z')])).toBeNull();
  });

  it('records a payment\'s capture and each refund once, on their days', () => {
    const captured = createTestEvent('PaymentCaptured', { paymentId: 'p1', orderId: 'o1', amount: euros(3500), providerPaymentId: null, at: 'x' }, 2, '2024-05-02T10:00:00.000Z');
    const refund = (refundId: string, amount: number, revision: number, at: string) => createTestEvent('PaymentRefundSucceeded', { paymentId: 'p1', orderId: 'o1', refundId, amount: euros(amount), providerRefundId: null, at }, revision, at);
    const fact = fold([captured, refund('r1', 500, 4, '2024-05-03T10:00:00.000Z'), refund('r1', 500, 5, '2024-05-03T11:00:00.000Z'), refund('r2', 200, 7, '2024-05-09T10:00:00.000Z')]);
    expect(fact).toEqual({
      kind: 'payment', capture: { day: '2024-05-02', amount: euros(3500) }, firstDay: '2024-05-02', lastDay: '2024-05-09', revision: 7,
      refunds: [{ refundId: 'r1', day: '2024-05-03', amount: euros(500) }, { refundId: 'r2', day: '2024-05-09', amount: euros(200) }],
    });
  });

  it('starts a cart session when an empty cart gets an item, ends it at checkout, and starts another after', () => {
    const cart = (type: string, data: Record<string, unknown>, revision: number, at: string) => createTestEvent(type, { customerId: 'c1', ...data }, revision, at);
    const fact = fold([
      cart('CartItemAdded', { productId: productA, quantity: 1 }, 0, '2024-05-01T10:00:00.000Z'),
      cart('CartItemAdded', { productId: productB, quantity: 1 }, 1, '2024-05-01T10:01:00.000Z'),
      cart('CartItemRemoved', { productId: productA }, 2, '2024-05-01T10:02:00.000Z'),
      cart('CartCheckedOut', { orderId: 'o1' }, 3, '2024-05-02T10:00:00.000Z'),
      cart('CartItemQuantityChanged', { productId: productA, quantity: 2 }, 4, '2024-05-04T10:00:00.000Z'),
      cart('CartCleared', {}, 5, '2024-05-04T11:00:00.000Z'),
    ]);
    expect(fact).toEqual({
      kind: 'cart', productIds: [], firstDay: '2024-05-01', lastDay: '2024-05-04', revision: 5,
      sessions: [{ startedDay: '2024-05-01', checkedOutDay: '2024-05-02' }, { startedDay: '2024-05-04', checkedOutDay: null }],
    });
  });

  it('changes nothing on redelivery of events already folded', () => {
    const events = [placed(), createTestEvent('OrderPaid', { orderId: 'o1', paymentId: 'p1', amount: euros(3500) }, 1, '2024-05-02T00:00:01.000Z')];
    expect(fold([...events, ...events, events[0] as ReturnType<typeof createTestEvent>])).toEqual(fold(events));
  });
});

describe('evolveProductCategory', () => {
  it('takes the category from ProductCreated and a details update that names one', () => {
    const created = evolveProductCategory(null, createTestEvent('ProductCreated', { productId: productA, category: 'kitchen' }, 0, 'x'));
    const renamedOnly = evolveProductCategory(created, createTestEvent('ProductDetailsUpdated', { productId: productA, name: 'New', description: null, category: null, tags: null }, 1, 'x'));
    expect(renamedOnly).toEqual({ category: 'kitchen', revision: 1 });
    expect(evolveProductCategory(renamedOnly, createTestEvent('ProductDetailsUpdated', { productId: productA, name: null, description: null, category: 'garden', tags: null }, 2, 'x'))).toEqual({ category: 'garden', revision: 2 });
    expect(evolveProductCategory(null, createTestEvent('ProductDetailsUpdated', { productId: productA, name: null, description: null, category: 'garden', tags: null }, 1, 'x'))).toBeNull();
  });
});

describe('dayOf', () => {
  it('is the UTC date, whatever the offset the instant is written with', () => {
    expect(dayOf('2024-05-01T23:30:00-02:00')).toBe('2024-05-02');
    expect(dayOf('2024-05-01T00:00:00.000Z')).toBe('2024-05-01');
  });
});
