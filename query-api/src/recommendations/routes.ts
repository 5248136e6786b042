import { Router } from 'express';
import { NotFoundError, describeRoute, parseInput } from '@ecommerce/platform';
import type { OpenAPIRegistry, ReadStore } from '@ecommerce/platform';
import { coPurchaseCollections, productCollections, productIdParams } from '@ecommerce/schemas';
import type { CoPurchasePairDocument, ProductDocument } from '@ecommerce/schemas';
import { activeCollection, versionReadOf } from '../active-version';
import { toProductView } from '../products/queries';
import { rankPartners } from './rank';
import { maxRecommendations, recommendationsQuery, recommendationsViewSchema } from './schemas';

export interface RecommendationsQueryDeps {
  readStore: ReadStore;
}

/**
 * Partners read for one answer: enough to fill a page when some of the best are discontinued,
 * without reading every product a best-seller was ever bought with.
 */
const candidatesRead = 10 * maxRecommendations;

/** "Customers who bought this also bought": public, like the catalog. */
export function recommendationsQueryRoutes({ readStore }: RecommendationsQueryDeps): Router {
  const router = Router();

  router.get('/api/products/:id/recommendations', async (req, res) => {
    const { id } = parseInput(productIdParams, req.params, 'params');
    const { limit } = parseInput(recommendationsQuery, req.query, 'query');
    const { collection: products } = await activeCollection<ProductDocument>(readStore, 'products', (v) => productCollections(v).products, versionReadOf(req));
    if (!(await products.findOne({ _id: id }))) throw new NotFoundError(`no product ${id}`, { productId: id });
    const { collection: pairs } = await activeCollection<CoPurchasePairDocument>(readStore, 'co-purchases', (v) => coPurchaseCollections(v).pairs, versionReadOf(req));
    const partners = rankPartners(await pairs.find({ productId: id })).slice(0, candidatesRead);
    const found = partners.length === 0 ? [] : await products.find({ _id: { $in: partners.map((partner) => partner.productId) } });
    const byId = new Map(found.map((product) => [product._id, product]));
    const items = partners
      .flatMap((partner) => {
        const product = byId.get(partner.productId);
        return product && product.status === 'active' ? [{ ...toProductView(product), boughtTogether: partner.count }] : [];
      })
      .slice(0, limit);
    res.json({ productId: id, items });
  });

  return router;
}

export function describeRecommendationQueries(registry: OpenAPIRegistry): void {
  describeRoute(registry, {
    method: 'get', path: '/api/products/{id}/recommendations', tags: ['catalog'], public: true, params: productIdParams, query: recommendationsQuery,
    summary: `Customers who bought this also bought: the products most often on the same completed order, most first (then by id), discontinued ones left out; \`limit\` 1-${maxRecommendations}, default 5`,
    responses: { 200: { description: 'the recommendations, possibly none', schema: recommendationsViewSchema }, 404: { description: 'unknown product' } },
  });
}
