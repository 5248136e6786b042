import { Router } from 'express';
import { consistencyHeader, decodeConsistencyToken, describeRoute, parseInput, requireRole } from '@ecommerce/platform';
import type { OpenAPIRegistry, ReadCollection, ReadStore } from '@ecommerce/platform';
import { consistencyHeaders, inventoryCollections, lowStockPageSchema, lowStockQuery } from '@ecommerce/schemas';
import type { InventoryDocument, LowStockItem } from '@ecommerce/schemas';
import { activeCollection, versionReadOf } from '../active-version';
import { waitForPosition } from '../consistency';

export interface LowStockDeps {
  readStore: ReadStore;
  consistencyWaitMs: number;
  /** The `LOW_STOCK_THRESHOLD` setting: the level of SKUs without one of their own. */
  defaultThreshold: number;
}

const toItem = (doc: InventoryDocument, threshold: number, thresholdSource: LowStockItem['thresholdSource']): LowStockItem => ({
  sku: doc.sku, available: doc.available, onHand: doc.onHand, reserved: doc.reserved, threshold, thresholdSource, shortfall: threshold - doc.available,
});

/**
 * SKUs whose available stock is at or below their threshold, most short first. Two indexed range
 * queries, each already in shortfall order: SKUs with their own threshold by the shortfall the
 * projection keeps (threshold − available), the others by available stock against the default.
 * The first `limit` of their merge are the first `limit` overall.
 */
export async function findLowStock(inventory: ReadCollection<InventoryDocument>, defaultThreshold: number, limit: number): Promise<LowStockItem[]> {
  const [own, defaulted] = await Promise.all([
    inventory.find({ lowStockShortfall: { $gte: 0 } }, { sort: { lowStockShortfall: -1, _id: 1 }, limit }),
    // null matches a cleared threshold and documents that never had one
    inventory.find({ $and: [{ lowStockThreshold: null }, { available: { $lte: defaultThreshold } }] }, { sort: { available: 1, _id: 1 }, limit }),
  ]);
  const items = [
    ...own.map((doc) => toItem(doc, doc.lowStockThreshold ?? defaultThreshold, 'sku')),
    ...defaulted.map((doc) => toItem(doc, defaultThreshold, 'default')),
  ];
  return items.sort((a, b) => b.shortfall - a.shortfall || a.sku.localeCompare(b.sku)).slice(0, limit);
}

export function lowStockRoutes({ readStore, consistencyWaitMs, defaultThreshold }: LowStockDeps): Router {
  const router = Router();
  router.get('/api/admin/inventory/low-stock', async (req, res) => {
    requireRole(req, 'admin');
    const query = parseInput(lowStockQuery, req.query, 'query');
    const { version, collection } = await activeCollection<InventoryDocument>(readStore, 'inventory', (v) => inventoryCollections(v).inventory, versionReadOf(req));
    const tokenHeader = req.header(consistencyHeader);
    const consistent = tokenHeader === undefined || (await waitForPosition(readStore, 'inventory', version, decodeConsistencyToken(tokenHeader).position, consistencyWaitMs));
    const threshold = query.defaultThreshold ?? defaultThreshold;
    res.set('X-Read-Consistency', consistent ? 'consistent' : 'stale').json({ items: await findLowStock(collection, threshold, query.limit), defaultThreshold: threshold });
  });
  return router;
}

export function describeLowStockQueries(registry: OpenAPIRegistry): void {
  describeRoute(registry, {
    method: 'get', path: '/api/admin/inventory/low-stock', tags: ['inventory'], query: lowStockQuery, headers: consistencyHeaders,
    summary: "Admins: SKUs whose available stock is at or below their threshold (their own, else the `LOW_STOCK_THRESHOLD` setting or `defaultThreshold`), most short first; the first `limit`",
    responses: { 200: { description: 'the low SKUs and the default threshold applied', schema: lowStockPageSchema }, 401: { description: 'not authenticated' }, 403: { description: 'not an admin' } },
  });
}
