import type { DomainEvent } from '../shared';

/** Events of an inventory stream, `inventory-<sku>`: stock in and out, and reservations per order. */
export type InventoryEvent = DomainEvent<
  'StockRestocked' | 'StockAdjusted' | 'StockReserved' | 'StockReservationRejected' | 'StockReleased' | 'StockCommitted' | 'StockReturned' | 'LowStockThresholdSet'
>;

export type InventoryEventType = InventoryEvent['type'];

export const inventoryStreamId = (sku: string): string => `inventory-${sku}`;
