import type { ProductCreated, ProductDiscontinued, ProductImageAdded, ProductImageRemoved, ProductPriceChanged } from '@ecommerce/schemas';
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

/** The image's objects are stored before the command: its variants name their keys. */
export type AddProductImage = DomainCommand<'AddProductImage', ProductImageAdded>;

export type RemoveProductImage = DomainCommand<'RemoveProductImage', ProductImageRemoved>;

export type ProductCommand = CreateProduct | UpdateProductDetails | ChangeProductPrice | DiscontinueProduct | AddProductImage | RemoveProductImage;
