/** The inventory read model: stock totals per SKU for admins. */
export { inventoryProjection } from './projection';
export { evolveInventoryFields, inventoryEventTypes } from './document';
export type { InventoryDocument, InventoryFields } from './document';
