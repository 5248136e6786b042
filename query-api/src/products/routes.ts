import { Router } from 'express';
import { NotFoundError, consistencyHeader, decodeConsistencyToken, describeRoute, etagOf, parseInput } from '@ecommerce/platform';
import type { OpenAPIRegistry, ReadStore } from '@ecommerce/platform';
import { consistencyHeaders, listProductsQuery, productCollections, productIdParams, productPageSchema, productViewSchema } from '@ecommerce/schemas';
import type { ProductDocument } from '@ecommerce/schemas';
import { activeCollection } from '../active-version';
import { waitForPosition, waitForRevision } from '../consistency';
import { findProductPage, toProductView } from './queries';

export interface ProductQueryDeps {
  readStore: ReadStore;
  consistencyWaitMs: number;
}

/** Catalog reads; a request carrying `X-Consistency-Token` waits (bounded) for that write. */
export function productQueryRoutes({ readStore, consistencyWaitMs }: ProductQueryDeps): Router {
  const router = Router();
  const activeProducts = async () => {
    const { version, collection } = await activeCollection<ProductDocument>(readStore, 'products', (v) => productCollections(v).products);
    return { version, products: collection };
  };

  router.get('/api/products', async (req, res) => {
    const query = parseInput(listProductsQuery, req.query, 'query');
    const tokenHeader = req.header(consistencyHeader);
    const { version, products } = await activeProducts();
    let consistent = true;
    if (tokenHeader !== undefined) consistent = await waitForPosition(readStore, 'products', version, decodeConsistencyToken(tokenHeader).position, consistencyWaitMs);
    const page = await findProductPage(products, query);
    res.set('X-Read-Consistency', consistent ? 'consistent' : 'stale').json({ items: page.items.map(toProductView), nextCursor: page.nextCursor });
  });

  router.get('/api/products/:id', async (req, res) => {
    const { id } = parseInput(productIdParams, req.params, 'params');
    const tokenHeader = req.header(consistencyHeader);
    const { products } = await activeProducts();
    const read = () => products.findOne({ _id: id });
    const { doc, consistent } = tokenHeader !== undefined ? await waitForRevision(read, decodeConsistencyToken(tokenHeader), consistencyWaitMs) : { doc: await read(), consistent: true };
    if (!doc) throw new NotFoundError(`no product ${id}`, { productId: id });
    res.set({ ETag: etagOf(doc.revision), 'X-Read-Consistency': consistent ? 'consistent' : 'stale' }).json(toProductView(doc));
  });

  return router;
}

export function describeProductQueries(registry: OpenAPIRegistry): void {
  describeRoute(registry, {
    method: 'get', path: '/api/products', tags: ['catalog'], public: true, query: listProductsQuery, headers: consistencyHeaders,
    summary: 'Search the catalog: words (`q`, prefix match), category, price range in minor units, availability, sort, cursor pagination',
    responses: { 200: { description: 'one page; `nextCursor` fetches the next', schema: productPageSchema } },
  });
  describeRoute(registry, {
    method: 'get', path: '/api/products/{id}', tags: ['catalog'], public: true, params: productIdParams, headers: consistencyHeaders,
    summary: 'One product with availability; its ETag is the product stream revision',
    responses: { 200: { description: 'the product', schema: productViewSchema }, 404: { description: 'unknown product' } },
  });
}
