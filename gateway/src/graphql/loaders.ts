import DataLoader from 'dataloader';
import type { Upstream } from './upstream';

/** A product as the query API shows it (`productViewSchema`); the gateway reads it, never builds it. */
export interface ProductView {
  id: string;
  stock: { available: number; inStock: boolean };
  [field: string]: unknown;
}

/** The query API's batch route takes at most this many ids. */
export const maxProductBatch = 100;

export interface Loaders {
  product: DataLoader<string, ProductView | null>;
}

/**
 * Per GraphQL request (never shared: each caller's answers stay its own): every product a page
 * of orders or a cart mentions is collected while the page resolves, then read in one call
 * (`GET /api/products/batch`), however many lines name it.
 */
export function createLoaders(upstream: Upstream): Loaders {
  return {
    product: new DataLoader<string, ProductView | null>(
      async (ids) => {
        const { items } = await upstream.call<{ items: ProductView[] }>('query', { method: 'GET', path: '/api/products/batch', query: { ids: ids.join(',') } });
        const byId = new Map(items.map((item) => [item.id, item]));
        return ids.map((id) => byId.get(id) ?? null);
      },
      { maxBatchSize: maxProductBatch },
    ),
  };
}
