import { createSampleEventPayload } from '@ecommerce/schemas';
import { evolveProductFields } from './document';
import type { ProductFields } from './document';

const at = (type: string, data: unknown, revision: number) => ({ type, data, revision, occurredAt: `2025-01-01T00:00:0${revision}.000Z` });

describe('images in the products read model', () => {
  const created = evolveProductFields(null, at('ProductCreated', createSampleEventPayload('ProductCreated'), 0)) as ProductFields;

  it('starts a product with no images, then lists each added one with its variant URLs', () => {
    expect(created.images).toEqual([]);
    const added = createSampleEventPayload('ProductImageAdded');
    const withImage = evolveProductFields(created, at('ProductImageAdded', added, 1));
    const prefix = `/images/products/${added.productId}/${added.imageId}`;
    expect(withImage?.images).toEqual([{ id: added.imageId, urls: { original: `${prefix}/original.jpg`, medium: `${prefix}/medium.webp`, thumbnail: `${prefix}/thumbnail.webp` }, width: 1600, height: 1200 }]);
    expect(withImage?.revision).toBe(1);
  });

  it('falls back to the original where a variant is missing, and forgets a removed image', () => {
    const added = createSampleEventPayload('ProductImageAdded');
    const originalOnly = { ...added, variants: added.variants.filter((variant) => variant.name === 'original') };
    const withImage = evolveProductFields(created, at('ProductImageAdded', originalOnly, 1));
    expect(withImage?.images?.[0]?.urls.thumbnail).toBe(`/images/${originalOnly.variants[0]?.key}`);
    const removed = evolveProductFields(withImage, at('ProductImageRemoved', { productId: added.productId, imageId: added.imageId }, 2));
    expect(removed?.images).toEqual([]);
  });

  it('adds images to a document projected before images existed', () => {
    const { images: _none, ...legacy } = created;
    expect(evolveProductFields(legacy, at('ProductImageAdded', createSampleEventPayload('ProductImageAdded'), 1))?.images).toHaveLength(1);
  });
});
