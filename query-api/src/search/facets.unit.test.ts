import type { ProductDocument } from '@ecommerce/schemas';
import { facetsOf } from './facets';

const createTestProduct = (id: string, category: string, amount: number, available: number): ProductDocument => ({
  _id: id, sku: id, name: id, description: '', category, tags: [], price: { amount, currency: 'EUR' }, status: 'active', listedBy: null,
  stock: { available, inStock: available > 0 }, revision: 0, searchTerms: [], createdAt: '', updatedAt: '',
});

describe('facetsOf', () => {
  it('counts categories (most first), fixed price bands with their bounds, and availability', () => {
    const facets = facetsOf([createTestProduct('a', 'tents', 1999, 1), createTestProduct('b', 'tents', 2000, 0), createTestProduct('c', 'boots', 20000, 3), createTestProduct('d', 'apparel', 0, 0)], false);
    expect(facets).toEqual({
      matched: 4,
      truncated: false,
      categories: [{ category: 'tents', count: 2 }, { category: 'apparel', count: 1 }, { category: 'boots', count: 1 }],
      priceBands: [
        { min: 0, max: 2000, count: 2 }, { min: 2000, max: 5000, count: 1 }, { min: 5000, max: 10000, count: 0 }, { min: 10000, max: 20000, count: 0 }, { min: 20000, max: null, count: 1 },
      ],
      inStock: { inStock: 2, outOfStock: 2 },
    });
  });
});
