import type { ProductImageVariant } from '@ecommerce/schemas';
import { foldEvents } from '../shared';
import { productDecider } from './index';
import type { AddProductImage, ProductEvent } from './index';
import { createTestProductCreated, createTestProductDiscontinued } from './testing';

const imageId = 'img-1';
const variant = (name: string, overrides: Partial<ProductImageVariant> = {}): ProductImageVariant => ({
  name, key: `products/p-1/${imageId}/${name}.webp`, contentType: 'image/webp', width: 200, height: 150, bytes: 5000, ...overrides,
});
const addImage = (overrides: Partial<AddProductImage['data']> = {}): AddProductImage => ({
  type: 'AddProductImage',
  data: { productId: 'p-1', imageId, variants: [variant('original'), variant('thumbnail')], ...overrides },
});
const imageAdded = (id: string): ProductEvent => ({ type: 'ProductImageAdded', data: { productId: 'p-1', imageId: id, variants: [variant('original', { key: `products/p-1/${id}/original.webp` })] } });
const given = (...events: ProductEvent[]) => foldEvents(productDecider, events);

describe('product images', () => {
  it('records an added image with its variants, and folds it into the state', () => {
    const state = given(createTestProductCreated());
    const events = productDecider.decide(addImage(), state);
    expect(events).toEqual([{ type: 'ProductImageAdded', data: { productId: 'p-1', imageId, variants: [variant('original'), variant('thumbnail')] } }]);
    const after = foldEvents(productDecider, [createTestProductCreated(), ...events]);
    expect(after.status !== 'absent' && after.images).toEqual([{ imageId, keys: [`products/p-1/${imageId}/original.webp`, `products/p-1/${imageId}/thumbnail.webp`] }]);
  });

  it('takes the same image twice as a retry: nothing more to record', () => {
    expect(productDecider.decide(addImage(), given(createTestProductCreated(), imageAdded(imageId)))).toEqual([]);
  });

  it('refuses an image for an unknown or discontinued product', () => {
    expect(() => productDecider.decide(addImage(), given())).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => productDecider.decide(addImage(), given(createTestProductCreated(), createTestProductDiscontinued()))).toThrow(expect.objectContaining({ code: 'conflict' }));
  });

  it('refuses variants stored outside the image\'s own prefix, unnamed, repeated or without size', () => {
    const state = given(createTestProductCreated());
    expect(() => productDecider.decide(addImage({ variants: [variant('original', { key: 'products/p-2/img-1/original.webp' })] }), state)).toThrow(expect.objectContaining({ field: 'variants.0.key' }));
    expect(() => productDecider.decide(addImage({ variants: [] }), state)).toThrow(expect.objectContaining({ field: 'variants' }));
    expect(() => productDecider.decide(addImage({ variants: [variant('a'), variant('a')] }), state)).toThrow(expect.objectContaining({ field: 'variants.1.name' }));
    expect(() => productDecider.decide(addImage({ variants: [variant('a', { width: 0 })] }), state)).toThrow(expect.objectContaining({ field: 'variants.0.width' }));
  });

  it('keeps at most 12 images per product', () => {
    const twelve = Array.from({ length: 12 }, (_unused, index) => imageAdded(`img-${index + 100}`));
    expect(() => productDecider.decide(addImage(), given(createTestProductCreated(), ...twelve))).toThrow(expect.objectContaining({ code: 'conflict', message: expect.stringMatching(/at most 12/) }));
  });

  it('removes a known image, also from a discontinued product, and refuses an unknown one', () => {
    const state = given(createTestProductCreated(), imageAdded(imageId), createTestProductDiscontinued());
    const events = productDecider.decide({ type: 'RemoveProductImage', data: { productId: 'p-1', imageId } }, state);
    expect(events).toEqual([{ type: 'ProductImageRemoved', data: { productId: 'p-1', imageId } }]);
    const after = foldEvents(productDecider, [createTestProductCreated(), imageAdded(imageId), ...events]);
    expect(after.status !== 'absent' && after.images).toEqual([]);
    expect(() => productDecider.decide({ type: 'RemoveProductImage', data: { productId: 'p-1', imageId: 'other' } }, state)).toThrow(expect.objectContaining({ code: 'not_found', field: 'imageId' }));
  });
});
