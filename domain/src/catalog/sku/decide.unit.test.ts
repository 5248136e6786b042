import { skuDecider, skuStreamId } from '.';
import type { ClaimSku, SkuReservationEvent } from '.';
import { specificationFor } from '../../shared/testing';

const given = specificationFor(skuDecider);
const claimSku = (productId = 'p-1', sku = 'MUG-001'): ClaimSku => ({ type: 'ClaimSku', data: { sku, productId } });
const skuClaimed = (productId = 'p-1', sku = 'MUG-001'): SkuReservationEvent => ({
  type: 'SkuClaimed',
  data: { sku, productId },
});

describe('ClaimSku', () => {
  it('claims a free SKU', () => {
    given().when(claimSku()).then([skuClaimed()]);
  });

  it('records nothing when the same product claims again', () => {
    given(skuClaimed()).when(claimSku()).thenNothingHappens();
  });

  it('refuses a SKU another product holds', () => {
    given(skuClaimed('p-1'))
      .when(claimSku('p-2'))
      .thenThrows({ code: 'conflict', field: 'sku', message: 'SKU already in use' });
  });

  it('keeps the first claim', () => {
    expect(skuDecider.evolve(skuDecider.evolve({ status: 'absent' }, skuClaimed('p-1')), skuClaimed('p-2'))).toEqual({
      status: 'claimed',
      sku: 'MUG-001',
      productId: 'p-1',
    });
  });

  it('refuses a malformed SKU or product id', () => {
    given().when(claimSku('p-1', 'mug')).thenThrows({ code: 'validation', field: 'sku' });
    given().when(claimSku('')).thenThrows({ code: 'validation', field: 'productId' });
  });

  it('names the stream after the SKU', () => {
    expect(skuStreamId('MUG-001')).toBe('sku-MUG-001');
  });
});
