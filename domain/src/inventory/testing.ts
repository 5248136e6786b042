/** Fixture builders for inventory tests: each call returns fresh objects. Test-only. */
import type { StockReleaseReason } from '@ecommerce/schemas';
import type { CommitStock, ReleaseStock, ReserveStock } from './commands';
import type { InventoryEvent } from './events';

export const testSku = 'MUG-001';
export const testExpiresAt = '2025-03-14T10:45:00.000Z';

export const createTestRestocked = (quantity: number, sku = testSku): InventoryEvent => ({
  type: 'StockRestocked',
  data: { sku, quantity, reference: null },
});

export const createTestAdjusted = (delta: number, sku = testSku): InventoryEvent => ({
  type: 'StockAdjusted',
  data: { sku, delta, reason: 'stock count' },
});

export const createTestReserveStock = (orderId: string, quantity: number, overrides: Partial<ReserveStock['data']> = {}): ReserveStock => ({
  type: 'ReserveStock',
  data: { sku: testSku, orderId, quantity, expiresAt: testExpiresAt, ...overrides },
});

export const createTestReleaseStock = (orderId: string, reason: StockReleaseReason = 'order_cancelled'): ReleaseStock => ({
  type: 'ReleaseStock',
  data: { sku: testSku, orderId, reason },
});

export const createTestCommitStock = (orderId: string): CommitStock => ({ type: 'CommitStock', data: { sku: testSku, orderId } });

export const createTestStockReserved = (orderId: string, quantity: number): InventoryEvent => ({
  type: 'StockReserved',
  data: { sku: testSku, orderId, quantity, expiresAt: testExpiresAt },
});

export const createTestStockReservationRejected = (
  orderId: string,
  quantity: number,
  available: number,
  reason: 'insufficient_stock' | 'unknown_sku' = 'insufficient_stock',
): InventoryEvent => ({ type: 'StockReservationRejected', data: { sku: testSku, orderId, quantity, available, reason } });

export const createTestStockReleased = (orderId: string, quantity: number, reason: StockReleaseReason = 'order_cancelled'): InventoryEvent => ({
  type: 'StockReleased',
  data: { sku: testSku, orderId, quantity, reason },
});

export const createTestStockCommitted = (orderId: string, quantity: number): InventoryEvent => ({
  type: 'StockCommitted',
  data: { sku: testSku, orderId, quantity },
});
