import type { Filter, ReadCollection } from '@ecommerce/platform';
import type { ProductDocument } from '@ecommerce/schemas';
import { maxCategories } from './schemas';
import type { CategoriesView } from './schemas';

const active: Filter = { status: 'active' };

const stringAt = (doc: ProductDocument, path: string): string => String(path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], doc));

/**
 * The distinct values of a string field among active products, each with its count, in ascending
 * order. The read store port has no `distinct` or aggregation, and reading every product to count
 * them would grow with the catalog: this skips from one value to the next (one sorted read of one
 * document, then one count, per value), so it costs two reads per distinct value whatever the
 * catalog's size. Every non-empty string is greater than `''`, so the first read skips documents
 * without the field.
 */
export async function countDistinct(products: ReadCollection<ProductDocument>, field: string, max: number): Promise<{ values: Array<{ value: string; count: number }>; truncated: boolean }> {
  const values: Array<{ value: string; count: number }> = [];
  let last = '';
  for (;;) {
    const [next] = await products.find({ $and: [active, { [field]: { $gt: last } }] }, { sort: { [field]: 1 }, limit: 1 });
    if (!next) return { values, truncated: false };
    if (values.length === max) return { values, truncated: true };
    last = stringAt(next, field);
    values.push({ value: last, count: await products.count({ $and: [active, { [field]: last }] }) });
  }
}

/** The catalog's departments and currencies, from the products read model. */
export async function findCategories(products: ReadCollection<ProductDocument>): Promise<CategoriesView> {
  const [categories, currencies] = await Promise.all([countDistinct(products, 'category', maxCategories), countDistinct(products, 'price.currency', maxCategories)]);
  return {
    items: categories.values.map(({ value, count }) => ({ category: value, count })),
    currencies: currencies.values.map(({ value, count }) => ({ currency: value, count })),
    truncated: categories.truncated,
  };
}
