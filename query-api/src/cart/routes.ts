import { Router } from 'express';
import { consistencyHeader, describeRoute, requirePrincipal } from '@ecommerce/platform';
import type { OpenAPIRegistry, ReadStore } from '@ecommerce/platform';
import { cartCollections, cartViewSchema, consistencyHeaders } from '@ecommerce/schemas';
import type { CartDocument, CartView } from '@ecommerce/schemas';
import { activeCollection, versionReadOf } from '../active-version';
import { readConsistently } from '../orders/read-your-writes';

export interface CartQueryDeps {
  readStore: ReadStore;
  consistencyWaitMs: number;
}

export const toCartView = (customerId: string, doc: CartDocument | null): CartView => ({
  customerId,
  items: (doc?.items ?? []).map(({ productId, quantity }) => ({ productId, quantity })),
  revision: doc?.revision ?? -1,
});

/** The caller's own cart; a customer who never had one has an empty one. */
export function cartQueryRoutes({ readStore, consistencyWaitMs }: CartQueryDeps): Router {
  const router = Router();

  router.get('/api/cart', async (req, res) => {
    const principal = requirePrincipal(req);
    const { version, collection: carts } = await activeCollection<CartDocument>(readStore, 'carts', (v) => cartCollections(v).carts, versionReadOf(req));
    const { doc, consistent } = await readConsistently({
      readStore, projection: 'carts', version, stream: `cart-${principal.sub}`, read: () => carts.findOne({ _id: principal.sub }), tokenHeader: req.header(consistencyHeader), timeoutMs: consistencyWaitMs,
    });
    res.set('X-Read-Consistency', consistent ? 'consistent' : 'stale').json(toCartView(principal.sub, doc));
  });

  return router;
}

export function describeCartQueries(registry: OpenAPIRegistry): void {
  describeRoute(registry, {
    method: 'get', path: '/api/cart', tags: ['cart'], headers: consistencyHeaders,
    summary: "The caller's own cart (products and quantities; prices are taken at checkout)",
    responses: { 200: { description: 'the cart, empty when there is none', schema: cartViewSchema }, 401: { description: 'not authenticated' } },
  });
}
