import type { Money } from '@ecommerce/schemas';
import type { DomainCommand } from '../shared';

export type CreateProduct = DomainCommand<
  'CreateProduct',
  {
    productId: string;
    sku: string;
    name: string;
    description: string;
    category: string;
    tags: string[];
    price: Money;
    /** The listing customer's user id; null when an admin creates the product. */
    listedBy: string | null;
  }
>;

/** Fields left out are kept as they are. */
export type UpdateProductDetails = DomainCommand<
  'UpdateProductDetails',
  { productId: string; name?: string; description?: string; category?: string; tags?: string[] }
>;

export type ChangeProductPrice = DomainCommand<'ChangeProductPrice', { productId: string; price: Money }>;

export type DiscontinueProduct = DomainCommand<'DiscontinueProduct', { productId: string; reason?: string | null }>;

export type ProductCommand = CreateProduct | UpdateProductDetails | ChangeProductPrice | DiscontinueProduct;
