import { rankPartners } from './rank';

const pair = (otherProductId: string, orders: string[]) => ({ otherProductId, orders: Object.fromEntries(orders.map((orderId) => [orderId, '2024-05-01T10:00:00.000Z'])) });

describe('rankPartners', () => {
  it('ranks by completed orders in common, most first, ties by product id', () => {
    expect(rankPartners([pair('c', ['o1']), pair('b', ['o1', 'o2']), pair('a', ['o3']), pair('d', [])])).toEqual([
      { productId: 'b', count: 2 }, { productId: 'a', count: 1 }, { productId: 'c', count: 1 },
    ]);
  });
});
