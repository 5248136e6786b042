import type { Decider } from '../shared';
import type { InventoryCommand } from './commands';
import { decideInventory } from './decide';
import type { InventoryEvent } from './events';
import type { InventoryState } from './state';
import { evolveInventory, initialInventoryState } from './state';

export type { AdjustStock, InventoryCommand, Restock } from './commands';
export type { InventoryEvent, InventoryEventType } from './events';
export { inventoryStreamId } from './events';
export type { InventoryState } from './state';
export { availableOf, onHandOf, satisfiesStockInvariant } from './state';
export { inventoryLimits } from './decide';

/** Stock of one SKU per stream `inventory-<sku>`. */
export const inventoryDecider: Decider<InventoryCommand, InventoryEvent, InventoryState> = {
  initialState: initialInventoryState,
  evolve: evolveInventory,
  decide: decideInventory,
};
