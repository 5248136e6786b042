import { Map as PersistentMap } from 'immutable';
import type { InventoryEvent } from './events';

/** One order's hold on this SKU. */
export interface StockReservation {
  quantity: number;
  /** ISO 8601. */
  expiresAt: string;
}

/** Units an order bought (its committed reservation) and how many of them came back to stock. */
export interface StockSale {
  quantity: number;
  returned: number;
}

/** How an order's business with this SKU ended; once settled, an order id is never served again. */
export type SettledReservation = 'rejected' | 'released' | 'committed';

/**
 * Running totals for one SKU, all non-negative whole numbers, plus the reservations by
 * order id. A SKU with no events is all zeros: the first restock creates it. The ledger:
 * onHand = received + adjustedUp − adjustedDown − sold + returned. The invariant
 * (DESIGN §4.5, no oversell): reserved + sold ≤ received + adjustedUp − adjustedDown + returned,
 * i.e. available ≥ 0. The per-order maps are persistent (structure-sharing) maps: a hot SKU
 * holds thousands of orders, and copying a plain record per event made each fold O(n²).
 * A snapshot is plain JSON through `inventoryStateToJson` / `inventoryStateFromJson`.
 */
export interface InventoryState {
  received: number;
  adjustedUp: number;
  adjustedDown: number;
  /** Σ quantity of `reservations`. */
  reserved: number;
  /** Σ quantity of the committed reservations. */
  sold: number;
  /** Σ units sold that came back in returns, fit to sell again. */
  returned: number;
  /** Open holds by order id. */
  reservations: PersistentMap<string, StockReservation>;
  /**
   * Orders answered for good (rejected, released or committed), so a redelivered command is a
   * no-op. It grows with every order of the SKU; pruning it needs a horizon past which no
   * message can be redelivered, which the runtime does not promise yet.
   */
  settledOrders: PersistentMap<string, SettledReservation>;
  /** What each order bought and returned, by order id (only orders whose reservation was committed). */
  sales: PersistentMap<string, StockSale>;
  /** The admins' low-stock level for this SKU; null: the default setting applies. Stock decisions never read it. */
  lowStockThreshold: number | null;
}

export const initialInventoryState = (): InventoryState => ({
  received: 0,
  adjustedUp: 0,
  adjustedDown: 0,
  reserved: 0,
  sold: 0,
  returned: 0,
  reservations: PersistentMap(),
  settledOrders: PersistentMap(),
  sales: PersistentMap(),
  lowStockThreshold: null,
});

/** The state as plain JSON (for snapshots). */
export const inventoryStateToJson = (state: InventoryState) => ({
  ...state,
  // fromEntries defines own keys: an order id may be any text, `__proto__` included.
  reservations: Object.fromEntries(state.reservations.entries()),
  settledOrders: Object.fromEntries(state.settledOrders.entries()),
  sales: Object.fromEntries(state.sales.entries()),
});

type InventoryStateJson = ReturnType<typeof inventoryStateToJson>;

/**
 * The state back from `inventoryStateToJson`'s JSON. Snapshots taken before returns existed
 * have no `returned` and no `sales`: nothing came back then, and their earlier sales are unknown
 * (a return for one of those orders is refused; rebuild from events to know them). Snapshots taken
 * before thresholds existed have none: the default applies.
 */
export const inventoryStateFromJson = (
  json: Omit<InventoryStateJson, 'returned' | 'sales' | 'lowStockThreshold'> & Partial<Pick<InventoryStateJson, 'returned' | 'sales' | 'lowStockThreshold'>>,
): InventoryState => ({
  ...json,
  returned: json.returned ?? 0,
  lowStockThreshold: json.lowStockThreshold ?? null,
  reservations: PersistentMap(Object.entries(json.reservations)),
  settledOrders: PersistentMap(Object.entries(json.settledOrders)),
  sales: PersistentMap(Object.entries(json.sales ?? {})),
});

/** Units physically in stock: everything that came in, minus what was written off or sold, plus what sold and came back. */
export const onHandOf = (state: InventoryState): number => state.received + state.adjustedUp - state.adjustedDown - state.sold + state.returned;

/** Units that can still be promised to a buyer. */
export const availableOf = (state: InventoryState): number => onHandOf(state) - state.reserved;

export const satisfiesStockInvariant = (state: InventoryState): boolean =>
  state.reserved + state.sold <= state.received + state.adjustedUp - state.adjustedDown + state.returned;

export const saleOf = (state: InventoryState, orderId: string): StockSale | undefined => state.sales.get(orderId);

/** A SKU no restock or adjustment ever touched: inventory has never heard of it. */
export const isUnknownSku = (state: InventoryState): boolean => state.received === 0 && state.adjustedUp === 0;

/** The open reservation of an order. */
export const reservationOf = (state: InventoryState, orderId: string): StockReservation | undefined => state.reservations.get(orderId);

export const settlementOf = (state: InventoryState, orderId: string): SettledReservation | undefined => state.settledOrders.get(orderId);

/** Open holds as [order id, reservation] pairs. */
export const openReservations = (state: InventoryState): Array<[string, StockReservation]> => [...state.reservations.entries()];

/** Order ids whose hold has passed `expiresAt` at `nowMillis`, for whoever sweeps stale holds. */
export const expiredReservations = (state: InventoryState, nowMillis: number): string[] =>
  openReservations(state)
    .filter(([, reservation]) => Date.parse(reservation.expiresAt) <= nowMillis)
    .map(([orderId]) => orderId);

const settle = (state: InventoryState, orderId: string, how: SettledReservation) => state.settledOrders.set(orderId, how);

export const evolveInventory = (state: InventoryState, event: InventoryEvent): InventoryState => {
  switch (event.type) {
    case 'StockRestocked':
      return { ...state, received: state.received + event.data.quantity };
    case 'StockAdjusted':
      return event.data.delta > 0
        ? { ...state, adjustedUp: state.adjustedUp + event.data.delta }
        : { ...state, adjustedDown: state.adjustedDown - event.data.delta };
    case 'StockReserved': {
      const { orderId, quantity, expiresAt } = event.data;
      return { ...state, reserved: state.reserved + quantity, reservations: state.reservations.set(orderId, { quantity, expiresAt }) };
    }
    case 'StockReservationRejected':
      return { ...state, settledOrders: settle(state, event.data.orderId, 'rejected') };
    case 'StockReleased': {
      const { orderId, quantity } = event.data;
      return {
        ...state,
        reserved: state.reserved - quantity,
        reservations: state.reservations.delete(orderId),
        settledOrders: settle(state, orderId, 'released'),
      };
    }
    case 'StockCommitted': {
      const { orderId, quantity } = event.data;
      return {
        ...state,
        reserved: state.reserved - quantity,
        sold: state.sold + quantity,
        reservations: state.reservations.delete(orderId),
        settledOrders: settle(state, orderId, 'committed'),
        sales: state.sales.set(orderId, { quantity, returned: 0 }),
      };
    }
    case 'StockReturned': {
      const { orderId, quantity } = event.data;
      const sale = state.sales.get(orderId);
      return {
        ...state,
        returned: state.returned + quantity,
        sales: sale ? state.sales.set(orderId, { ...sale, returned: sale.returned + quantity }) : state.sales,
      };
    }
    case 'LowStockThresholdSet':
      return { ...state, lowStockThreshold: event.data.threshold };
    default:
      return state;
  }
};
