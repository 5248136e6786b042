import type { ProductDetailsUpdated } from '@ecommerce/schemas';
import { assertId, assertSku, assertText, assertValidMoney, DomainError, sameMoney } from '../shared';
import type { ChangeProductPrice, CreateProduct, DiscontinueProduct, ProductCommand, UpdateProductDetails } from './commands';
import { addProductImage, removeProductImage } from './images';
import type { ProductEvent } from './events';
import { assertCategory, assertDescription, assertName, assertTags, productLimits } from './rules';
import type { Product, ProductState } from './state';

/** A product that can still change: it exists and is not discontinued. */
const requireActive = (state: ProductState): Product => {
  if (state.status === 'absent') throw DomainError.notFound('product not found');
  if (state.status === 'discontinued') throw DomainError.conflict('product is discontinued');
  return state;
};

export const createProduct = ({ data }: CreateProduct, state: ProductState): ProductEvent[] => {
  assertId(data.productId, 'productId');
  assertSku(data.sku);
  assertName(data.name);
  assertDescription(data.description);
  assertCategory(data.category);
  assertTags(data.tags);
  assertValidMoney(data.price, 'price');
  if (data.listedBy !== null) assertId(data.listedBy, 'listedBy');
  if (state.status !== 'absent') throw DomainError.conflict('product already exists', 'productId');
  return [
    {
      type: 'ProductCreated',
      data: {
        productId: data.productId,
        sku: data.sku,
        name: data.name,
        description: data.description,
        category: data.category,
        tags: [...data.tags],
        price: { amount: data.price.amount, currency: data.price.currency },
        listedBy: data.listedBy,
      },
    },
  ];
};

const sameTags = (a: string[], b: string[]): boolean => a.length === b.length && a.every((tag, i) => tag === b[i]);

export const updateProductDetails = ({ data }: UpdateProductDetails, state: ProductState): ProductEvent[] => {
  if (data.name !== undefined) assertName(data.name);
  if (data.description !== undefined) assertDescription(data.description);
  if (data.category !== undefined) assertCategory(data.category);
  if (data.tags !== undefined) assertTags(data.tags);
  const product = requireActive(state);

  const changes: ProductDetailsUpdated = {
    productId: product.productId,
    name: data.name !== undefined && data.name !== product.name ? data.name : null,
    description: data.description !== undefined && data.description !== product.description ? data.description : null,
    category: data.category !== undefined && data.category !== product.category ? data.category : null,
    tags: data.tags !== undefined && !sameTags(data.tags, product.tags) ? [...data.tags] : null,
  };
  const changed = changes.name !== null || changes.description !== null || changes.category !== null || changes.tags !== null;
  return changed ? [{ type: 'ProductDetailsUpdated', data: changes }] : [];
};

export const changeProductPrice = ({ data }: ChangeProductPrice, state: ProductState): ProductEvent[] => {
  assertValidMoney(data.price, 'price');
  const product = requireActive(state);
  if (sameMoney(data.price, product.price)) return [];
  return [
    {
      type: 'ProductPriceChanged',
      data: {
        productId: product.productId,
        price: { amount: data.price.amount, currency: data.price.currency },
        previousPrice: { ...product.price },
      },
    },
  ];
};

export const discontinueProduct = ({ data }: DiscontinueProduct, state: ProductState): ProductEvent[] => {
  if (data.reason !== undefined && data.reason !== null) assertText(data.reason, 'reason', { min: 1, max: productLimits.reasonMax });
  if (state.status === 'absent') throw DomainError.notFound('product not found');
  // Discontinuing twice is a retry, not a mistake: nothing more to record.
  if (state.status === 'discontinued') return [];
  return [{ type: 'ProductDiscontinued', data: { productId: state.productId, reason: data.reason ?? null } }];
};

export const decideProduct = (command: ProductCommand, state: ProductState): ProductEvent[] => {
  switch (command.type) {
    case 'CreateProduct':
      return createProduct(command, state);
    case 'UpdateProductDetails':
      return updateProductDetails(command, state);
    case 'ChangeProductPrice':
      return changeProductPrice(command, state);
    case 'DiscontinueProduct':
      return discontinueProduct(command, state);
    case 'AddProductImage':
      return addProductImage(command, state);
    case 'RemoveProductImage':
      return removeProductImage(command, state);
    default: {
      const _exhaustive: never = command;
      throw DomainError.validation(`unknown command ${(_exhaustive as { type: string }).type}`);
    }
  }
};
