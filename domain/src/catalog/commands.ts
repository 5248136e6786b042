import type { ProductCreated, ProductDiscontinued, ProductPriceChanged } from '@ecommerce/schemas';
import type { DomainCommand } from '../shared';

/** The product's fields are the event's: each is written once, in `ProductCreated`. */
export type CreateProduct = DomainCommand<'CreateProduct', ProductCreated>;

/** Fields left out are kept as they are. */
export type UpdateProductDetails = DomainCommand<
  'UpdateProductDetails',
  Pick<ProductCreated, 'productId'> & Partial<Pick<ProductCreated, 'name' | 'description' | 'category' | 'tags'>>
>;

export type ChangeProductPrice = DomainCommand<'ChangeProductPrice', Pick<ProductPriceChanged, 'productId' | 'price'>>;

export type DiscontinueProduct = DomainCommand<'DiscontinueProduct', Pick<ProductDiscontinued, 'productId'> & Partial<Pick<ProductDiscontinued, 'reason'>>>;

export type ProductCommand = CreateProduct | UpdateProductDetails | ChangeProductPrice | DiscontinueProduct;
