import type { InventoryEvent } from './events';

/**
 * Running totals for one SKU, all non-negative whole numbers. A SKU with no events
 * is all zeros: the first restock creates it. The invariant (DESIGN §4.5, no oversell):
 * reserved + sold ≤ received + adjustedUp − adjustedDown, i.e. available ≥ 0.
 */
export interface InventoryState {
  received: number;
  adjustedUp: number;
  adjustedDown: number;
  /** Held for confirmed-but-unfinished orders (later issue). */
  reserved: number;
  /** Left the warehouse for good (later issue). */
  sold: number;
}

export const initialInventoryState = (): InventoryState => ({ received: 0, adjustedUp: 0, adjustedDown: 0, reserved: 0, sold: 0 });

/** Units physically in stock: everything that came in, minus what was written off or sold. */
export const onHandOf = (state: InventoryState): number => state.received + state.adjustedUp - state.adjustedDown - state.sold;

/** Units that can still be promised to a buyer. */
export const availableOf = (state: InventoryState): number => onHandOf(state) - state.reserved;

export const satisfiesStockInvariant = (state: InventoryState): boolean =>
  state.reserved + state.sold <= state.received + state.adjustedUp - state.adjustedDown;

export const evolveInventory = (state: InventoryState, event: InventoryEvent): InventoryState => {
  const { type, data } = event;
  switch (type) {
    case 'StockRestocked':
      return { ...state, received: state.received + data.quantity };
    case 'StockAdjusted':
      return data.delta > 0
        ? { ...state, adjustedUp: state.adjustedUp + data.delta }
        : { ...state, adjustedDown: state.adjustedDown - data.delta };
    default:
      return state;
  }
};
