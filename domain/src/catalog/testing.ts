/** Fixture builders for catalog tests: each call returns fresh objects. Test-only. */
import type { ProductCreated } from '@ecommerce/schemas';
import type { ChangeProductPrice, CreateProduct, DiscontinueProduct, UpdateProductDetails } from './commands';
import type { ProductEvent } from './events';

const productId = 'p-1';

export const createTestCreateProduct = (overrides: Partial<CreateProduct['data']> = {}): CreateProduct => ({
  type: 'CreateProduct',
  data: {
    productId,
    sku: 'MUG-001',
    name: 'Espresso mug',
    description: 'A small mug',
    category: 'kitchen',
    tags: ['mug', 'coffee'],
    price: { amount: 1250, currency: 'EUR' },
    listedBy: null,
    ...overrides,
  },
});

export const createTestProductCreated = (overrides: Partial<ProductCreated> = {}): ProductEvent => ({
  type: 'ProductCreated',
  data: { ...createTestCreateProduct().data, ...overrides },
});

export const createTestProductDiscontinued = (reason: string | null = null): ProductEvent => ({
  type: 'ProductDiscontinued',
  data: { productId, reason },
});

export const createTestUpdateProductDetails = (
  overrides: Omit<Partial<UpdateProductDetails['data']>, 'productId'> = {},
): UpdateProductDetails => ({ type: 'UpdateProductDetails', data: { productId, ...overrides } });

export const createTestChangeProductPrice = (amount: number, currency = 'EUR'): ChangeProductPrice => ({
  type: 'ChangeProductPrice',
  data: { productId, price: { amount, currency } },
});

export const createTestDiscontinueProduct = (reason?: string): DiscontinueProduct => ({
  type: 'DiscontinueProduct',
  data: reason === undefined ? { productId } : { productId, reason },
});
