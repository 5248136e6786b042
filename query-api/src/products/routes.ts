import { Router } from 'express';
import type { Request } from 'express';
import { z } from 'zod';
import { NotFoundError, consistencyHeader, decodeConsistencyToken, describeRoute, etagOf, parseInput } from '@ecommerce/platform';
import type { OpenAPIRegistry, ReadStore } from '@ecommerce/platform';
import { consistencyHeaders, listProductsQuery, productCollections, productIdParams, productPageSchema, productViewSchema } from '@ecommerce/schemas';
import type { ProductDocument } from '@ecommerce/schemas';
import { activeCollection, versionReadOf } from '../active-version';
import { waitForPosition, waitForRevision } from '../consistency';
import { findProductPage, toProductView } from './queries';

const uuid = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const maxBatchIds = 100;

/** Up to 100 product ids, comma-separated: what a GraphQL page needs in one read instead of one per line (N+1). */
const productBatchQuery = z.strictObject({
  ids: z
    .string({ error: 'must be a comma-separated list of product ids' })
    .regex(new RegExp(`^${uuid}(,${uuid}){0,${maxBatchIds - 1}}$`), `must be 1-${maxBatchIds} comma-separated product UUIDs`)
    .transform((text) => [...new Set(text.split(','))]),
});
const productBatchSchema = z.object({ items: z.array(productViewSchema) });

export interface ProductQueryDeps {
  readStore: ReadStore;
  consistencyWaitMs: number;
}

/** Catalog reads; a request carrying `X-Consistency-Token` waits (bounded) for that write. */
export function productQueryRoutes({ readStore, consistencyWaitMs }: ProductQueryDeps): Router {
  const router = Router();
  const activeProducts = async (req: Request) => {
    const { version, collection } = await activeCollection<ProductDocument>(readStore, 'products', (v) => productCollections(v).products, versionReadOf(req));
    return { version, products: collection };
  };

  router.get('/api/products', async (req, res) => {
    const query = parseInput(listProductsQuery, req.query, 'query');
    const tokenHeader = req.header(consistencyHeader);
    const { version, products } = await activeProducts(req);
    let consistent = true;
    if (tokenHeader !== undefined) consistent = await waitForPosition(readStore, 'products', version, decodeConsistencyToken(tokenHeader).position, consistencyWaitMs);
    const page = await findProductPage(products, query);
    res.set('X-Read-Consistency', consistent ? 'consistent' : 'stale').json({ items: page.items.map(toProductView), nextCursor: page.nextCursor, facets: page.facets });
  });

  // Before `/:id`, which would refuse `batch` as a malformed id.
  router.get('/api/products/batch', async (req, res) => {
    const { ids } = parseInput(productBatchQuery, req.query, 'query');
    const { products } = await activeProducts(req);
    const found = new Map((await products.find({ _id: { $in: ids } }, { limit: ids.length })).map((doc) => [doc._id, doc]));
    const items = ids.map((id) => found.get(id)).filter((doc): doc is ProductDocument => doc !== undefined);
    res.json({ items: items.map(toProductView) });
  });

  router.get('/api/products/:id', async (req, res) => {
    const { id } = parseInput(productIdParams, req.params, 'params');
    const tokenHeader = req.header(consistencyHeader);
    const { products } = await activeProducts(req);
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
    summary: 'Search the catalog: words (`q`: every word must match a word of name, description, category or tags, as its prefix or within one typo for words of 4+ letters), category, price range in minor units (of `currency` when given: a range means one amount only within one currency, and `GET /api/categories` lists the catalog\'s currencies), availability, sort (with `q` default `relevance`: exact > prefix > one typo, name > category > tags > description, ties by id), cursor pagination',
    responses: { 200: { description: 'one page; `nextCursor` fetches the next; with `q`, `facets` counts all matches (at most 1000 ranked and counted) by category, price band in minor units ([0, 2000), [2000, 5000), [5000, 10000), [10000, 20000), [20000, ∞)) and availability', schema: productPageSchema } },
  });
  describeRoute(registry, {
    method: 'get', path: '/api/products/batch', tags: ['catalog'], public: true, query: productBatchQuery,
    summary: 'Several products by id in one read (any status, as `/api/products/{id}`), in the order asked; unknown ids are left out',
    responses: { 200: { description: 'the products found', schema: productBatchSchema } },
  });
  describeRoute(registry, {
    method: 'get', path: '/api/products/{id}', tags: ['catalog'], public: true, params: productIdParams, headers: consistencyHeaders,
    summary: 'One product with availability; its ETag is the product stream revision',
    responses: { 200: { description: 'the product', schema: productViewSchema }, 404: { description: 'unknown product' } },
  });
}
