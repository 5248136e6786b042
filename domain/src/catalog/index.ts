import type { Decider } from '../shared';
import type { ProductCommand } from './commands';
import { decideProduct } from './decide';
import type { ProductEvent } from './events';
import type { ProductState } from './state';
import { evolveProduct, initialProductState } from './state';

export type { AddProductImage, ChangeProductPrice, CreateProduct, DiscontinueProduct, ProductCommand, RemoveProductImage, UpdateProductDetails } from './commands';
export type { ProductEvent, ProductEventType } from './events';
export { productStreamId } from './events';
export type { Product, ProductState } from './state';
export { productLimits } from './rules';
export { imageLimits } from './images';
export * from './sku';

/** One product per stream `product-<productId>`. */
export const productDecider: Decider<ProductCommand, ProductEvent, ProductState> = {
  initialState: initialProductState,
  evolve: evolveProduct,
  decide: decideProduct,
};
