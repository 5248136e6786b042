import type { ProductImageVariant } from '@ecommerce/schemas';
import { assertId, assertText, DomainError } from '../shared';
import type { AddProductImage, RemoveProductImage } from './commands';
import type { ProductEvent } from './events';
import type { ProductState } from './state';

export const imageLimits = { imagesMax: 12, variantsMax: 6, variantNameMax: 40, keyMax: 512, contentTypeMax: 100, dimensionMax: 100_000 } as const;

/** Avro `int`: what the event can carry. */
const maxInt = 2 ** 31 - 1;

const assertCount = (value: number, field: string, max: number): void => {
  if (!Number.isInteger(value) || value < 1 || value > max) throw DomainError.validation(`must be a whole number from 1 to ${max}`, field);
};

const assertVariants = (productId: string, imageId: string, variants: readonly ProductImageVariant[]): void => {
  if (!Array.isArray(variants) || variants.length === 0 || variants.length > imageLimits.variantsMax) {
    throw DomainError.validation(`an image has 1 to ${imageLimits.variantsMax} variants`, 'variants');
  }
  const names = new Set<string>();
  variants.forEach((variant, index) => {
    const field = `variants.${index}`;
    assertText(variant.name, `${field}.name`, { min: 1, max: imageLimits.variantNameMax });
    if (names.has(variant.name)) throw DomainError.validation('variant names are unique within an image', `${field}.name`);
    names.add(variant.name);
    assertText(variant.key, `${field}.key`, { min: 1, max: imageLimits.keyMax });
    // An image's objects live under its own prefix, so removing it can never touch another's.
    if (!variant.key.startsWith(`products/${productId}/${imageId}/`)) throw DomainError.validation(`must start with products/${productId}/${imageId}/`, `${field}.key`);
    assertText(variant.contentType, `${field}.contentType`, { min: 1, max: imageLimits.contentTypeMax });
    assertCount(variant.width, `${field}.width`, imageLimits.dimensionMax);
    assertCount(variant.height, `${field}.height`, imageLimits.dimensionMax);
    assertCount(variant.bytes, `${field}.bytes`, maxInt);
  });
};

export const addProductImage = ({ data }: AddProductImage, state: ProductState): ProductEvent[] => {
  assertId(data.imageId, 'imageId');
  if (state.status === 'absent') throw DomainError.notFound('product not found');
  if (state.status === 'discontinued') throw DomainError.conflict('product is discontinued');
  assertVariants(state.productId, data.imageId, data.variants);
  // The same image added again is a retry: already recorded.
  if (state.images.some((image) => image.imageId === data.imageId)) return [];
  if (state.images.length >= imageLimits.imagesMax) throw DomainError.conflict(`a product has at most ${imageLimits.imagesMax} images; remove one first`);
  return [{ type: 'ProductImageAdded', data: { productId: state.productId, imageId: data.imageId, variants: data.variants.map((variant) => ({ ...variant })) } }];
};

export const removeProductImage = ({ data }: RemoveProductImage, state: ProductState): ProductEvent[] => {
  assertId(data.imageId, 'imageId');
  if (state.status === 'absent') throw DomainError.notFound('product not found');
  if (!state.images.some((image) => image.imageId === data.imageId)) throw DomainError.notFound('the product has no such image', 'imageId');
  return [{ type: 'ProductImageRemoved', data: { productId: state.productId, imageId: data.imageId } }];
};
