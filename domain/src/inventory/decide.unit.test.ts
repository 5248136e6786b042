import { availableOf, foldEvents, inventoryDecider, inventoryStateToJson, inventoryStreamId, onHandOf } from '..';
import type { AdjustStock, InventoryEvent, Restock } from '..';
import { specificationFor } from '../shared/testing';

const given = specificationFor(inventoryDecider);
const sku = 'MUG-001';
const restock = (quantity: number, reference?: string): Restock => ({
  type: 'Restock',
  data: reference === undefined ? { sku, quantity } : { sku, quantity, reference },
});
const adjust = (delta: number, reason = 'stock count'): AdjustStock => ({ type: 'AdjustStock', data: { sku, delta, reason } });
const restocked = (quantity: number, reference: string | null = null): InventoryEvent => ({
  type: 'StockRestocked',
  data: { sku, quantity, reference },
});
const adjusted = (delta: number, reason = 'stock count'): InventoryEvent => ({ type: 'StockAdjusted', data: { sku, delta, reason } });

describe('Restock', () => {
  it('creates stock for a SKU never seen', () => {
    given().when(restock(10, 'PO-42')).then([restocked(10, 'PO-42')]);
  });

  it('accepts a null reference as none', () => {
    given().when({ type: 'Restock', data: { sku, quantity: 2, reference: null } }).then([restocked(2)]);
  });

  it('adds to existing stock', () => {
    given(restocked(10), adjusted(-10)).when(restock(1)).then([restocked(1)]);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('refuses quantity %p', (quantity) => {
    given().when(restock(quantity)).thenThrows({ code: 'validation', field: 'quantity' });
  });

  it('refuses a total past the largest exact integer', () => {
    given(restocked(Number.MAX_SAFE_INTEGER)).when(restock(1)).thenThrows({ code: 'validation', field: 'quantity' });
  });

  it('refuses an empty or too long reference and a malformed SKU', () => {
    given().when(restock(1, '')).thenThrows({ code: 'validation', field: 'reference' });
    given().when(restock(1, 'r'.repeat(201))).thenThrows({ code: 'validation', field: 'reference' });
    given()
      .when({ type: 'Restock', data: { sku: 'mug', quantity: 1 } })
      .thenThrows({ code: 'validation', field: 'sku' });
  });
});

describe('AdjustStock', () => {
  it('writes off stock that is available', () => {
    given(restocked(10)).when(adjust(-10, 'damaged')).then([adjusted(-10, 'damaged')]);
  });

  it('adds found stock, even to a SKU never restocked', () => {
    given().when(adjust(3, 'found')).then([adjusted(3, 'found')]);
  });

  it('refuses to make available stock negative, naming delta', () => {
    given(restocked(10), adjusted(-4))
      .when(adjust(-7))
      .thenThrows({ code: 'conflict', field: 'delta', message: /only 6 available/ });
    given().when(adjust(-1)).thenThrows({ code: 'conflict', field: 'delta' });
  });

  it('counts found stock as available', () => {
    given(restocked(2), adjusted(3)).when(adjust(-5)).then([adjusted(-5)]);
  });

  it('keeps reserved units out of reach of a write-off', () => {
    const state = { ...inventoryDecider.initialState(), received: 10, reserved: 4, sold: 3 };
    expect(() => inventoryDecider.decide(adjust(-4), state)).toThrow(/only 3 available/);
    expect(inventoryDecider.decide(adjust(-3), state)).toEqual([adjusted(-3)]);
  });

  it.each([0, 0.5, Number.NaN, -(2 ** 53)])('refuses delta %p', (delta) => {
    given(restocked(10)).when(adjust(delta)).thenThrows({ code: 'validation', field: 'delta' });
  });

  it('refuses an empty, blank or too long reason', () => {
    for (const reason of ['', '  ', 'r'.repeat(201)]) {
      given(restocked(10)).when(adjust(-1, reason)).thenThrows({ code: 'validation', field: 'reason' });
    }
  });
});

describe('inventory state', () => {
  it('starts at zero and folds restocks and adjustments', () => {
    expect(inventoryStateToJson(foldEvents(inventoryDecider, []))).toEqual({ received: 0, adjustedUp: 0, adjustedDown: 0, reserved: 0, sold: 0, returned: 0, reservations: {}, settledOrders: {}, sales: {}, lowStockThreshold: null });
    const state = foldEvents(inventoryDecider, [restocked(10), adjusted(-3), adjusted(2), restocked(5)]);
    expect(state).toMatchObject({ received: 15, adjustedUp: 2, adjustedDown: 3, reserved: 0, sold: 0 });
    expect(onHandOf(state)).toBe(14);
    expect(availableOf(state)).toBe(14);
  });

  it('derives on-hand and available stock with reservations and sales', () => {
    const state = { ...inventoryDecider.initialState(), received: 20, adjustedUp: 1, adjustedDown: 2, reserved: 5, sold: 4 };
    expect(onHandOf(state)).toBe(15);
    expect(availableOf(state)).toBe(10);
  });

  it('names the stream after the SKU', () => {
    expect(inventoryStreamId('MUG-001')).toBe('inventory-MUG-001');
  });
});
