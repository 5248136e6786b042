import type { DomainEvent } from '../shared';

/** Events of an inventory stream, `inventory-<sku>`. Reservations and sales join in a later issue. */
export type InventoryEvent = DomainEvent<'StockRestocked' | 'StockAdjusted'>;

export type InventoryEventType = InventoryEvent['type'];

export const inventoryStreamId = (sku: string): string => `inventory-${sku}`;
