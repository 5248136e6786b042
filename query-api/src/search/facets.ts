import { priceBands } from '@ecommerce/schemas';
import type { ProductDocument, ProductFacets } from '@ecommerce/schemas';

/** Counts by category (most first, then by name), fixed price band, and availability, over the products a search matched. */
export function facetsOf(products: readonly ProductDocument[], truncated: boolean): ProductFacets {
  const categories = new Map<string, number>();
  const bands = priceBands.map((band) => ({ ...band, count: 0 }));
  let inStock = 0;
  for (const product of products) {
    categories.set(product.category, (categories.get(product.category) ?? 0) + 1);
    const band = bands.find(({ min, max }) => product.price.amount >= min && (max === null || product.price.amount < max));
    if (band) band.count += 1;
    if (product.stock.available > 0) inStock += 1;
  }
  return {
    matched: products.length,
    truncated,
    categories: [...categories].map(([category, count]) => ({ category, count })).sort((left, right) => right.count - left.count || left.category.localeCompare(right.category)),
    priceBands: bands,
    inStock: { inStock, outOfStock: products.length - inStock },
  };
}
