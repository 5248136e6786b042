import { coPurchaseCount, directedPairsOf, evolveCoPurchaseOrder } from './document';

const line = (productId: string) => ({ productId, sku: productId, name: productId, quantity: 1, unitPrice: { amount: 100, currency: 'EUR' } });
const placed = (productIds: string[], revision = 0) => ({
  type: 'OrderPlaced', revision, occurredAt: '2024-05-01T10:00:00.000Z',
  data: { orderId: 'o1', customerId: 'c1', lines: productIds.map(line), total: { amount: 100 * productIds.length, currency: 'EUR' }, placedAt: 'x', shippingAddress: null },
});
const completed = (revision: number, occurredAt = '2024-05-09T10:00:00.000Z') => ({ type: 'OrderCompleted', revision, occurredAt, data: { orderId: 'o1', acceptedBy: 'customer', completedAt: occurredAt } });

describe('evolveCoPurchaseOrder', () => {
  it('keeps the distinct products of the order, then when it completed', () => {
    const order = evolveCoPurchaseOrder(null, placed(['b', 'a']));
    expect(order).toEqual({ productIds: ['a', 'b'], completedAt: null, revision: 0 });
    expect(evolveCoPurchaseOrder(order, completed(9))).toEqual({ productIds: ['a', 'b'], completedAt: '2024-05-09T10:00:00.000Z', revision: 9 });
  });

  it('ignores a completion of an order it never saw placed, and keeps the first completion and lines', () => {
    expect(evolveCoPurchaseOrder(null, completed(9))).toBeNull();
    const done = evolveCoPurchaseOrder(evolveCoPurchaseOrder(null, placed(['a', 'b'])), completed(9));
    expect(evolveCoPurchaseOrder(evolveCoPurchaseOrder(done, placed(['c'], 10)), completed(11, '2030-01-01T00:00:00.000Z'))).toEqual({ productIds: ['a', 'b'], completedAt: '2024-05-09T10:00:00.000Z', revision: 11 });
  });
});

describe('directedPairsOf', () => {
  it('gives each unordered pair of distinct products in both directions', () => {
    expect(directedPairsOf(['a', 'b', 'c'])).toEqual([['a', 'b'], ['a', 'c'], ['b', 'a'], ['b', 'c'], ['c', 'a'], ['c', 'b']]);
  });

  it('gives none for an order of one product', () => {
    expect(directedPairsOf(['a'])).toEqual([]);
    expect(directedPairsOf(['a', 'a'])).toEqual([]);
  });
});

describe('coPurchaseCount', () => {
  it('is the number of orders that held the pair', () => {
    expect(coPurchaseCount({ orders: { o1: 'x', o2: 'y' } })).toBe(2);
  });
});
