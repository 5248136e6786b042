import type { DomainEvent } from '../shared';

/** Events of a product stream, `product-<productId>`. */
export type ProductEvent = DomainEvent<'ProductCreated' | 'ProductDetailsUpdated' | 'ProductPriceChanged' | 'ProductDiscontinued' | 'ProductImageAdded' | 'ProductImageRemoved'>;

export type ProductEventType = ProductEvent['type'];

export const productStreamId = (productId: string): string => `product-${productId}`;
