import type { Decider } from '../shared';
import type { InventoryCommand } from './commands';
import { decideInventory } from './decide';
import type { InventoryEvent } from './events';
import type { InventoryState } from './state';
import { evolveInventory, initialInventoryState } from './state';

export type { AdjustStock, CommitStock, InventoryCommand, ReleaseStock, ReserveStock, Restock, ReturnStock, SetLowStockThreshold } from './commands';
export type { InventoryEvent, InventoryEventType } from './events';
export { inventoryStreamId } from './events';
export type { InventoryState, SettledReservation, StockReservation, StockSale } from './state';
export {
  availableOf,
  expiredReservations,
  inventoryStateFromJson,
  inventoryStateToJson,
  isUnknownSku,
  onHandOf,
  openReservations,
  reservationOf,
  saleOf,
  satisfiesStockInvariant,
  settlementOf,
} from './state';
export { inventoryLimits, stockReleaseReasons } from './decide';

/** Stock of one SKU per stream `inventory-<sku>`: the inventory actor's decider. */
export const inventoryDecider: Decider<InventoryCommand, InventoryEvent, InventoryState> = {
  initialState: initialInventoryState,
  evolve: evolveInventory,
  decide: decideInventory,
};
