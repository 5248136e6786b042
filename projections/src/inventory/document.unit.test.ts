import { evolveInventoryFields } from './document';
import type { InventoryFields } from './document';

const sku = 'SHOE-1';
const createTestEvent = (type: string, data: Record<string, unknown>, revision: number) => ({
  type, data: { sku, ...data }, revision, occurredAt: `2024-05-01T10:00:0${revision}.000Z`,
});
const fold = (...events: Array<ReturnType<typeof createTestEvent>>): InventoryFields | null =>
  events.reduce<InventoryFields | null>((fields, event) => evolveInventoryFields(fields, event), null);

describe('evolveInventoryFields', () => {
  it('counts received, adjusted, reserved and sold, and derives on hand and available', () => {
    expect(fold(
      createTestEvent('StockRestocked', { quantity: 10, reference: null }, 0),
      createTestEvent('StockAdjusted', { delta: -2, reason: 'damaged' }, 1),
      createTestEvent('StockReserved', { orderId: 'a', quantity: 3, expiresAt: 'x' }, 2),
      createTestEvent('StockReserved', { orderId: 'b', quantity: 4, expiresAt: 'x' }, 3),
      createTestEvent('StockReleased', { orderId: 'b', quantity: 4, reason: 'order_cancelled' }, 4),
      createTestEvent('StockCommitted', { orderId: 'a', quantity: 3 }, 5),
    )).toEqual({ sku, received: 10, adjusted: -2, onHand: 5, reserved: 0, available: 5, sold: 3, revision: 5, updatedAt: '2024-05-01T10:00:05.000Z' });
  });

  it('counts nothing for a refused reservation but moves the revision', () => {
    const before = fold(createTestEvent('StockRestocked', { quantity: 1, reference: null }, 0));
    expect(evolveInventoryFields(before, createTestEvent('StockReservationRejected', { orderId: 'a', quantity: 2, available: 1, reason: 'insufficient_stock' }, 1)))
      .toEqual({ ...before, revision: 1, updatedAt: '2024-05-01T10:00:01.000Z' });
  });

  it('holds units reserved apart from available', () => {
    expect(fold(createTestEvent('StockRestocked', { quantity: 4, reference: null }, 0), createTestEvent('StockReserved', { orderId: 'a', quantity: 3, expiresAt: 'x' }, 1)))
      .toMatchObject({ onHand: 4, reserved: 3, available: 1, sold: 0 });
  });
});
