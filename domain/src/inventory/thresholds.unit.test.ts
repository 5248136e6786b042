import { availableOf, inventoryDecider, inventoryStateFromJson, inventoryStateToJson } from '..';
import type { InventoryEvent, SetLowStockThreshold } from '..';
import { specificationFor } from '../shared/testing';
import { createTestRestocked, testSku } from './testing';

const given = specificationFor(inventoryDecider);
const setThreshold = (threshold: number | null, sku = testSku): SetLowStockThreshold => ({ type: 'SetLowStockThreshold', data: { sku, threshold } });
const thresholdSet = (threshold: number | null): InventoryEvent => ({ type: 'LowStockThresholdSet', data: { sku: testSku, threshold } });

describe('SetLowStockThreshold', () => {
  it('sets a threshold, for a SKU with stock or one never stocked', () => {
    given(createTestRestocked(10)).when(setThreshold(4)).then([thresholdSet(4)]);
    given().when(setThreshold(0)).then([thresholdSet(0)]);
  });

  it('changes a threshold, and clears it back to the default with null', () => {
    given(thresholdSet(4)).when(setThreshold(7)).then([thresholdSet(7)]);
    given(thresholdSet(4)).when(setThreshold(null)).then([thresholdSet(null)]);
  });

  it('records nothing when the threshold is already that one', () => {
    given(thresholdSet(4)).when(setThreshold(4)).thenNothingHappens();
    given().when(setThreshold(null)).thenNothingHappens();
    given(thresholdSet(4), thresholdSet(null)).when(setThreshold(null)).thenNothingHappens();
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31])('refuses threshold %p, naming the field', (threshold) => {
    given().when(setThreshold(threshold)).thenThrows({ code: 'validation', field: 'threshold' });
  });

  it('refuses a malformed SKU', () => {
    given().when(setThreshold(3, 'mug')).thenThrows({ code: 'validation', field: 'sku' });
  });

  it('changes no stock figure', () => {
    const before = inventoryDecider.evolve(inventoryDecider.initialState(), createTestRestocked(10));
    const after = inventoryDecider.evolve(before, thresholdSet(3));
    expect(after).toEqual({ ...before, lowStockThreshold: 3 });
    expect(availableOf(after)).toBe(10);
  });

  it('survives a snapshot, and a snapshot from before thresholds reads as the default', () => {
    const state = inventoryDecider.evolve(inventoryDecider.initialState(), thresholdSet(6));
    expect(inventoryStateFromJson(JSON.parse(JSON.stringify(inventoryStateToJson(state))))).toEqual(state);
    const { lowStockThreshold: _dropped, ...older } = inventoryStateToJson(inventoryDecider.initialState());
    expect(inventoryStateFromJson(older).lowStockThreshold).toBeNull();
  });
});
