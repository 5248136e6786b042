import { evolveCartFields } from './document';
import type { CartFields } from './document';

const customerId = '00000000-0000-4000-8000-000000000002';
const shoes = '00000000-0000-4000-8000-00000000000a';
const socks = '00000000-0000-4000-8000-00000000000b';

const createTestEvent = (type: string, data: Record<string, unknown>, revision: number) => ({
  type, data: { customerId, ...data }, revision, occurredAt: `2024-05-01T10:00:0${revision}.000Z`,
});

const fold = (...events: Array<ReturnType<typeof createTestEvent>>): CartFields | null =>
  events.reduce<CartFields | null>((fields, event) => evolveCartFields(fields, event), null);

describe('evolveCartFields', () => {
  it('adds, merges and changes lines in the order first added', () => {
    expect(fold(
      createTestEvent('CartItemAdded', { productId: shoes, quantity: 1 }, 0),
      createTestEvent('CartItemAdded', { productId: socks, quantity: 2 }, 1),
      createTestEvent('CartItemAdded', { productId: shoes, quantity: 2 }, 2),
      createTestEvent('CartItemQuantityChanged', { productId: socks, quantity: 5 }, 3),
    )).toEqual({ items: [{ productId: shoes, quantity: 3 }, { productId: socks, quantity: 5 }], lastOrderId: null, revision: 3, updatedAt: '2024-05-01T10:00:03.000Z' });
  });

  it('removes a line, clears, and empties on checkout remembering the order', () => {
    const added = [createTestEvent('CartItemAdded', { productId: shoes, quantity: 1 }, 0), createTestEvent('CartItemAdded', { productId: socks, quantity: 1 }, 1)];
    expect(fold(...added, createTestEvent('CartItemRemoved', { productId: shoes }, 2))?.items).toEqual([{ productId: socks, quantity: 1 }]);
    expect(fold(...added, createTestEvent('CartCleared', {}, 2))?.items).toEqual([]);
    expect(fold(...added, createTestEvent('CartCheckedOut', { orderId: 'order-1' }, 2))).toMatchObject({ items: [], lastOrderId: 'order-1', revision: 2 });
  });
});
