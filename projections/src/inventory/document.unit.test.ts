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
    )).toEqual({ sku, received: 10, adjusted: -2, onHand: 5, reserved: 0, available: 5, sold: 3, returned: 0, revision: 5, updatedAt: '2024-05-01T10:00:05.000Z' });
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

describe('evolveInventoryFields with returns', () => {
  it('puts returned units back on hand: onHand = received + adjusted − sold + returned', () => {
    expect(fold(
      createTestEvent('StockRestocked', { quantity: 10, reference: null }, 0),
      createTestEvent('StockAdjusted', { delta: -1, reason: 'damaged' }, 1),
      createTestEvent('StockReserved', { orderId: 'a', quantity: 4, expiresAt: 'x' }, 2),
      createTestEvent('StockCommitted', { orderId: 'a', quantity: 4 }, 3),
      createTestEvent('StockReturned', { orderId: 'a', quantity: 3 }, 4),
    )).toEqual({ sku, received: 10, adjusted: -1, onHand: 8, reserved: 0, available: 8, sold: 4, returned: 3, revision: 4, updatedAt: '2024-05-01T10:00:04.000Z' });
  });

  it('counts no returns on a document projected before returns existed', () => {
    const before = { sku, received: 5, adjusted: 0, onHand: 3, reserved: 0, available: 3, sold: 2, revision: 7, updatedAt: 'x' };
    expect(evolveInventoryFields(before, createTestEvent('StockReturned', { orderId: 'a', quantity: 1 }, 8))).toMatchObject({ returned: 1, onHand: 4, available: 4 });
  });
});

describe('evolveInventoryFields with low-stock thresholds', () => {
  const restocked = createTestEvent('StockRestocked', { quantity: 10, reference: null }, 0);

  it('adds no threshold fields until one is set', () => {
    expect(fold(restocked)).not.toHaveProperty('lowStockThreshold');
  });

  it('keeps the threshold and its shortfall (threshold − available) as stock moves', () => {
    const set = fold(restocked, createTestEvent('LowStockThresholdSet', { threshold: 4 }, 1));
    expect(set).toMatchObject({ available: 10, lowStockThreshold: 4, lowStockShortfall: -6, revision: 1 });
    const reserved = evolveInventoryFields(set, createTestEvent('StockReserved', { orderId: 'a', quantity: 7, expiresAt: 'x' }, 2));
    expect(reserved).toMatchObject({ onHand: 10, available: 3, lowStockThreshold: 4, lowStockShortfall: 1 });
  });

  it('clears the threshold back to the default with null, and changes no stock figure', () => {
    const set = fold(restocked, createTestEvent('LowStockThresholdSet', { threshold: 4 }, 1));
    const cleared = evolveInventoryFields(set, createTestEvent('LowStockThresholdSet', { threshold: null }, 2));
    expect(cleared).toEqual({ ...set, lowStockThreshold: null, lowStockShortfall: null, revision: 2, updatedAt: '2024-05-01T10:00:02.000Z' });
  });
});
