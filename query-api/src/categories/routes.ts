import { Router } from 'express';
import { describeRoute, parseInput } from '@ecommerce/platform';
import type { OpenAPIRegistry, ReadStore } from '@ecommerce/platform';
import { productCollections } from '@ecommerce/schemas';
import type { ProductDocument } from '@ecommerce/schemas';
import { activeCollection, versionReadOf } from '../active-version';
import { findCategories } from './queries';
import { categoriesQuery, categoriesViewSchema, maxCategories } from './schemas';

export interface CategoryQueryDeps {
  readStore: ReadStore;
}

/** The catalog's departments and currencies, for the shop's filters: public, like the catalog. */
export function categoryQueryRoutes({ readStore }: CategoryQueryDeps): Router {
  const router = Router();
  router.get('/api/categories', async (req, res) => {
    parseInput(categoriesQuery, req.query, 'query');
    const { collection: products } = await activeCollection<ProductDocument>(readStore, 'products', (v) => productCollections(v).products, versionReadOf(req));
    res.json(await findCategories(products));
  });
  return router;
}

export function describeCategoryQueries(registry: OpenAPIRegistry): void {
  describeRoute(registry, {
    method: 'get', path: '/api/categories', tags: ['catalog'], public: true, query: categoriesQuery,
    summary: `The departments of the catalog (categories holding active products, by name, with their counts; at most ${maxCategories}) and the currencies its active products are priced in`,
    responses: { 200: { description: 'departments and currencies, possibly none', schema: categoriesViewSchema } },
  });
}
