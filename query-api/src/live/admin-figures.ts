import type { ReadStore } from '@ecommerce/platform';
import { checkpointKey, inventoryCollections, orderCollections, orderStatusValues } from '@ecommerce/schemas';
import type { InventoryDocument, OrderDocument, ProjectionCheckpoint } from '@ecommerce/schemas';
import type { ActiveVersions } from '../active-version';
import type { AdminLiveEvent } from './events';

export interface AdminFiguresOptions {
  readStore: ReadStore;
  activeVersions: ActiveVersions;
  lowStockThreshold: number;
  /** The read models whose lag is reported (the composition root knows them; the query API does not import projections). */
  projections: readonly string[];
  clock?: () => number;
}

const alertItems = 20;

/** Per-SKU thresholds, set through the admins' inventory views. */
type OwnThreshold = { lowStockThreshold?: number | null };

/** What the admins' stream shows: counts by the orders read model's status index, low stock, and each projection's progress. */
export function createAdminFigures(options: AdminFiguresOptions): () => Promise<AdminLiveEvent> {
  const { readStore, activeVersions, lowStockThreshold } = options;
  const clock = options.clock ?? Date.now;

  const ordersByStatus = async () => {
    const collection = await activeVersions.collection<OrderDocument>('orders', (v) => orderCollections(v).orders);
    const counts = await Promise.all(orderStatusValues.map(async (status) => [status, await collection.count({ status })] as const));
    return Object.fromEntries(counts) as AdminLiveEvent['ordersByStatus'];
  };

  const stockAlerts = async (): Promise<AdminLiveEvent['stockAlerts']> => {
    const collection = await activeVersions.collection<InventoryDocument>('inventory', (v) => inventoryCollections(v).inventory);
    // A SKU's own threshold when an admin set one (its shortfall is then kept on the document), else the default.
    const low = { $or: [{ lowStockShortfall: { $gte: 0 } }, { lowStockThreshold: null, available: { $lte: lowStockThreshold } }] };
    const [count, docs] = await Promise.all([collection.count(low), collection.find(low, { sort: { available: 1, _id: 1 }, limit: alertItems })]);
    return {
      defaultThreshold: lowStockThreshold, count,
      items: docs.map((doc: InventoryDocument & OwnThreshold) => ({ sku: doc.sku, available: doc.available, onHand: doc.onHand, reserved: doc.reserved, threshold: doc.lowStockThreshold ?? lowStockThreshold })),
    };
  };

  const projectionLag = (now: number) =>
    Promise.all(options.projections.map(async (projection) => {
      const version = await activeVersions.version(projection);
      const checkpoint = await readStore.getCheckpoint<ProjectionCheckpoint>(checkpointKey(projection, version));
      const partitions = Object.values(checkpoint?.partitions ?? {});
      const lagMessages = partitions.reduce((sum, entry) => sum + Math.max(0, entry.endOffset - entry.offset), 0);
      const checkedAt = partitions.length > 0 ? Math.min(...partitions.map((entry) => entry.checkedAt)) : 0;
      return { projection, version, lagMessages, checkedAgoMs: checkedAt > 0 ? Math.max(0, now - checkedAt) : null };
    }));

  return async () => {
    const now = clock();
    const [orders, alerts, projections] = await Promise.all([ordersByStatus(), stockAlerts(), projectionLag(now)]);
    return { at: new Date(now).toISOString(), ordersByStatus: orders, stockAlerts: alerts, projections };
  };
}
