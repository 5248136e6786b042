import { foldEvents, inventoryDecider, inventoryStateFromJson, inventoryStateToJson, onHandOf, saleOf, satisfiesStockInvariant } from '..';
import type { InventoryCommand, InventoryEvent } from '..';
import { specificationFor } from '../shared/testing';
import { createTestRestocked as restocked, createTestStockCommitted as committed, createTestStockReserved as reserved, testSku as sku } from './testing';

const given = specificationFor(inventoryDecider);
const returnStock = (orderId: string, quantity: number): InventoryCommand => ({ type: 'ReturnStock', data: { sku, orderId, quantity } });
const stockReturned = (orderId: string, quantity: number): InventoryEvent => ({ type: 'StockReturned', data: { sku, orderId, quantity } });

describe('ReturnStock', () => {
  it('puts units an order bought back on hand', () => {
    given(restocked(10), reserved('o-1', 3), committed('o-1', 3)).when(returnStock('o-1', 2)).then([stockReturned('o-1', 2)]);
  });

  it('sells a reservation still held before returning (the goods left with the parcel)', () => {
    given(restocked(10), reserved('o-1', 3)).when(returnStock('o-1', 1)).then([committed('o-1', 3), stockReturned('o-1', 1)]);
  });

  it('keeps the ledger: onHand = received − adjusted − sold + returned', () => {
    const state = foldEvents(inventoryDecider, [restocked(10), reserved('o-1', 3), committed('o-1', 3), stockReturned('o-1', 2)]);
    expect(state).toMatchObject({ received: 10, sold: 3, returned: 2, reserved: 0 });
    expect(onHandOf(state)).toBe(9);
    expect(saleOf(state, 'o-1')).toEqual({ quantity: 3, returned: 2 });
    expect(satisfiesStockInvariant(state)).toBe(true);
  });

  it('records nothing for a redelivered return', () => {
    given(restocked(10), reserved('o-1', 3), committed('o-1', 3), stockReturned('o-1', 2)).when(returnStock('o-1', 2)).thenNothingHappens();
  });

  it('refuses more than the order bought, and an order that bought nothing', () => {
    given(restocked(10), reserved('o-1', 3), committed('o-1', 3)).when(returnStock('o-1', 4)).thenThrows({ code: 'conflict', field: 'quantity' });
    given(restocked(10)).when(returnStock('o-9', 1)).thenThrows({ code: 'conflict', field: 'orderId' });
  });

  it('refuses a quantity that is not a positive whole number', () => {
    given(restocked(10), reserved('o-1', 3)).when(returnStock('o-1', 0)).thenThrows({ code: 'validation', field: 'quantity' });
    given(restocked(10), reserved('o-1', 3)).when(returnStock('o-1', 1.5)).thenThrows({ code: 'validation', field: 'quantity' });
  });

  it('snapshots sales and returns, and reads a snapshot from before returns existed', () => {
    const state = foldEvents(inventoryDecider, [restocked(10), reserved('o-1', 3), committed('o-1', 3), stockReturned('o-1', 1)]);
    expect(inventoryStateToJson(inventoryStateFromJson(inventoryStateToJson(state)))).toEqual(inventoryStateToJson(state));
    const { returned: _returned, sales: _sales, ...old } = inventoryStateToJson(state);
    const restored = inventoryStateFromJson(old);
    expect(restored.returned).toBe(0);
    expect(restored.sales.size).toBe(0);
  });
});
