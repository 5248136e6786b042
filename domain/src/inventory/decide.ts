import { assertSku, assertText, DomainError } from '../shared';
import type { AdjustStock, InventoryCommand, Restock } from './commands';
import type { InventoryEvent } from './events';
import type { InventoryState } from './state';
import { availableOf } from './state';

export const inventoryLimits = { referenceMax: 200, reasonMax: 200 } as const;

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

export const decideInventory = (command: InventoryCommand, state: InventoryState): InventoryEvent[] => {
  switch (command.type) {
    case 'Restock':
      return restock(command, state);
    case 'AdjustStock':
      return adjustStock(command, state);
    default: {
      const _exhaustive: never = command;
      throw DomainError.validation(`unknown command ${(_exhaustive as { type: string }).type}`);
    }
  }
};
