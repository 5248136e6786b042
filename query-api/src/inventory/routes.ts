import { Router } from 'express';
import { consistencyHeader, describeRoute, parseInput, requireRole } from '@ecommerce/platform';
import type { OpenAPIRegistry, ReadStore } from '@ecommerce/platform';
import { consistencyHeaders, inventoryCollections, inventorySkuParams, inventoryViewSchema } from '@ecommerce/schemas';
import type { InventoryDocument, InventoryView } from '@ecommerce/schemas';
import { activeCollection, versionReadOf } from '../active-version';
import { readConsistently } from '../orders/read-your-writes';

export interface InventoryQueryDeps {
  readStore: ReadStore;
  consistencyWaitMs: number;
}

/** A SKU with no stock movement yet has none: zeros, revision -1. */
export const toInventoryView = (sku: string, doc: InventoryDocument | null): InventoryView => ({
  sku,
  onHand: doc?.onHand ?? 0,
  reserved: doc?.reserved ?? 0,
  available: doc?.available ?? 0,
  sold: doc?.sold ?? 0,
  returned: doc?.returned ?? 0,
  revision: doc?.revision ?? -1,
});

/** Stock per SKU, for admins. */
export function inventoryQueryRoutes({ readStore, consistencyWaitMs }: InventoryQueryDeps): Router {
  const router = Router();

  router.get('/api/inventory/:sku', async (req, res) => {
    requireRole(req, 'admin');
    const { sku } = parseInput(inventorySkuParams, req.params, 'params');
    const { version, collection: inventory } = await activeCollection<InventoryDocument>(readStore, 'inventory', (v) => inventoryCollections(v).inventory, versionReadOf(req));
    const { doc, consistent } = await readConsistently({
      readStore, projection: 'inventory', version, stream: `inventory-${sku}`, read: () => inventory.findOne({ _id: sku }), tokenHeader: req.header(consistencyHeader), timeoutMs: consistencyWaitMs,
    });
    res.set('X-Read-Consistency', consistent ? 'consistent' : 'stale').json(toInventoryView(sku, doc));
  });

  return router;
}

export function describeInventoryQueries(registry: OpenAPIRegistry): void {
  describeRoute(registry, {
    method: 'get', path: '/api/inventory/{sku}', tags: ['inventory'], params: inventorySkuParams, headers: consistencyHeaders,
    summary: 'Admins: stock of one SKU (on hand, reserved, available, sold, returned)',
    responses: { 200: { description: 'the stock; zeros for a SKU without stock movements', schema: inventoryViewSchema }, 401: { description: 'not authenticated' }, 403: { description: 'not an admin' } },
  });
}
