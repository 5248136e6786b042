import { assertId, assertSku, assertText, assertTimestamp, DomainError } from '../shared';
import type { AdjustStock, CommitStock, InventoryCommand, ReleaseStock, ReserveStock, Restock, ReturnStock, SetLowStockThreshold } from './commands';
import type { InventoryEvent } from './events';
import type { InventoryState } from './state';
import { availableOf, isUnknownSku, reservationOf, saleOf, settlementOf } from './state';

export const inventoryLimits = { referenceMax: 200, reasonMax: 200, reservationQuantityMax: 2 ** 31 - 1, lowStockThresholdMax: 2 ** 31 - 1 } as const;

export const stockReleaseReasons = ['order_rejected', 'order_expired', 'order_cancelled', 'reservation_expired'] as const;

/** Totals stay exact doubles: a count past 2^53 would silently lose units. */
const assertTotalStaysExact = (total: number, field: string): void => {
  if (!Number.isSafeInteger(total)) throw DomainError.validation(`${field} would make the stock count too large`, field);
};

export const restock = ({ data }: Restock, state: InventoryState): InventoryEvent[] => {
  assertSku(data.sku);
  if (!Number.isSafeInteger(data.quantity) || data.quantity <= 0) {
    throw DomainError.validation('quantity must be a positive whole number', 'quantity');
  }
  if (data.reference !== undefined && data.reference !== null) assertText(data.reference, 'reference', { min: 1, max: inventoryLimits.referenceMax });
  assertTotalStaysExact(state.received + data.quantity, 'quantity');
  return [{ type: 'StockRestocked', data: { sku: data.sku, quantity: data.quantity, reference: data.reference ?? null } }];
};

export const adjustStock = ({ data }: AdjustStock, state: InventoryState): InventoryEvent[] => {
  assertSku(data.sku);
  if (!Number.isSafeInteger(data.delta) || data.delta === 0) {
    throw DomainError.validation('delta must be a non-zero whole number', 'delta');
  }
  assertText(data.reason, 'reason', { min: 1, max: inventoryLimits.reasonMax });
  if (data.delta > 0) {
    assertTotalStaysExact(state.adjustedUp + data.delta, 'delta');
  } else {
    const available = availableOf(state);
    // Reserved units are promised to buyers: a write-off may only take what is free.
    if (available + data.delta < 0) {
      throw DomainError.conflict(`cannot remove ${-data.delta} units: only ${available} available`, 'delta');
    }
  }
  return [{ type: 'StockAdjusted', data: { sku: data.sku, delta: data.delta, reason: data.reason } }];
};

/**
 * All or nothing for the line. Shortage is an answer, not an error: the order actor waits
 * for it, so it is recorded as StockReservationRejected. An order already answered (holding,
 * rejected, released or committed) gets nothing more: that is a redelivery, and reserving
 * again after a release would hold stock no one will ever release.
 */
export const reserveStock = ({ data }: ReserveStock, state: InventoryState): InventoryEvent[] => {
  assertSku(data.sku);
  assertId(data.orderId, 'orderId');
  if (!Number.isSafeInteger(data.quantity) || data.quantity <= 0 || data.quantity > inventoryLimits.reservationQuantityMax) {
    throw DomainError.validation('quantity must be a positive whole number', 'quantity');
  }
  assertTimestamp(data.expiresAt, 'expiresAt');
  if (reservationOf(state, data.orderId) !== undefined || settlementOf(state, data.orderId) !== undefined) return [];
  const { sku, orderId, quantity, expiresAt } = data;
  if (isUnknownSku(state)) {
    return [{ type: 'StockReservationRejected', data: { sku, orderId, quantity, available: 0, reason: 'unknown_sku' } }];
  }
  const available = availableOf(state);
  if (available < quantity) {
    return [{ type: 'StockReservationRejected', data: { sku, orderId, quantity, available: Math.max(available, 0), reason: 'insufficient_stock' } }];
  }
  return [{ type: 'StockReserved', data: { sku, orderId, quantity, expiresAt } }];
};

/** Only an open hold is released; for any other order (unknown, rejected, settled) there is nothing to give back. */
export const releaseStock = ({ data }: ReleaseStock, state: InventoryState): InventoryEvent[] => {
  assertSku(data.sku);
  assertId(data.orderId, 'orderId');
  if (!stockReleaseReasons.includes(data.reason)) {
    throw DomainError.validation(`reason must be one of ${stockReleaseReasons.join(', ')}`, 'reason');
  }
  const reservation = reservationOf(state, data.orderId);
  if (reservation === undefined) return [];
  return [{ type: 'StockReleased', data: { sku: data.sku, orderId: data.orderId, quantity: reservation.quantity, reason: data.reason } }];
};

/** Sells exactly what was held; without an open hold there is nothing to sell. */
export const commitStock = ({ data }: CommitStock, state: InventoryState): InventoryEvent[] => {
  assertSku(data.sku);
  assertId(data.orderId, 'orderId');
  const reservation = reservationOf(state, data.orderId);
  if (reservation === undefined) return [];
  return [{ type: 'StockCommitted', data: { sku: data.sku, orderId: data.orderId, quantity: reservation.quantity } }];
};

/**
 * An order returns once (one return per order): once some of its units came back, a repeat is a
 * redelivery and records nothing. Never more than the order bought; never for an order that
 * bought nothing of this SKU (that would make stock out of thin air).
 */
export const returnStock = ({ data }: ReturnStock, state: InventoryState): InventoryEvent[] => {
  assertSku(data.sku);
  assertId(data.orderId, 'orderId');
  if (!Number.isSafeInteger(data.quantity) || data.quantity <= 0 || data.quantity > inventoryLimits.reservationQuantityMax) {
    throw DomainError.validation('quantity must be a positive whole number', 'quantity');
  }
  const { sku, orderId, quantity } = data;
  const reservation = reservationOf(state, orderId);
  const sale = saleOf(state, orderId);
  const bought = reservation?.quantity ?? sale?.quantity;
  if (bought === undefined) throw DomainError.conflict(`order ${orderId} bought no ${sku} to return`, 'orderId');
  if (sale !== undefined && sale.returned > 0) return [];
  if (quantity > bought) throw DomainError.conflict(`order ${orderId} bought ${bought} units of ${sku}, fewer than ${quantity}`, 'quantity');
  const returned: InventoryEvent = { type: 'StockReturned', data: { sku, orderId, quantity } };
  if (reservation === undefined) return [returned];
  return [{ type: 'StockCommitted', data: { sku, orderId, quantity: reservation.quantity } }, returned];
};

/** The same threshold again records nothing: the level is a fact only when it changes. */
export const setLowStockThreshold = ({ data }: SetLowStockThreshold, state: InventoryState): InventoryEvent[] => {
  assertSku(data.sku);
  const { threshold } = data;
  if (threshold !== null && (!Number.isSafeInteger(threshold) || threshold < 0 || threshold > inventoryLimits.lowStockThresholdMax)) {
    throw DomainError.validation(`threshold must be a whole number from 0 to ${inventoryLimits.lowStockThresholdMax}, or null for the default`, 'threshold');
  }
  if (threshold === state.lowStockThreshold) return [];
  return [{ type: 'LowStockThresholdSet', data: { sku: data.sku, threshold } }];
};

export const decideInventory = (command: InventoryCommand, state: InventoryState): InventoryEvent[] => {
  switch (command.type) {
    case 'Restock':
      return restock(command, state);
    case 'AdjustStock':
      return adjustStock(command, state);
    case 'ReserveStock':
      return reserveStock(command, state);
    case 'ReleaseStock':
      return releaseStock(command, state);
    case 'CommitStock':
      return commitStock(command, state);
    case 'ReturnStock':
      return returnStock(command, state);
    case 'SetLowStockThreshold':
      return setLowStockThreshold(command, state);
    default: {
      const _exhaustive: never = command;
      throw DomainError.validation(`unknown command ${(_exhaustive as { type: string }).type}`);
    }
  }
};
