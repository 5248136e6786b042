import { eventTopics } from '@ecommerce/platform';
import { inventoryCollections } from '@ecommerce/schemas';
import type { Projection } from '../projection';
import { applyByDocument, withoutStoreFields } from '../apply-by-document';
import { evolveInventoryFields, inventoryEventTypes } from './document';
import type { InventoryDocument } from './document';

const handles = new Set<string>(inventoryEventTypes);

/** Stock per SKU for admins, `_id` the SKU; the inventory stream is its one writer. */
export const inventoryProjection: Projection = {
  name: 'inventory',
  topics: [eventTopics.inventory],
  collections: inventoryCollections,

  async setup(store, version) {
    const inventory = store.collection(inventoryCollections(version).inventory);
    // the admins' low-stock list: SKUs with a threshold by shortfall, the others by available stock
    await inventory.createIndex({ keys: { lowStockShortfall: -1, _id: 1 }, name: 'low_stock_shortfall' });
    await inventory.createIndex({ keys: { lowStockThreshold: 1, available: 1, _id: 1 }, name: 'low_stock_default' });
  },

  async apply(store, version, events) {
    const inventory = store.collection<InventoryDocument>(inventoryCollections(version).inventory);
    await applyByDocument(inventory, { handles, idOf: (event) => (event.data as { sku: string }).sku, fieldsOf: withoutStoreFields, evolve: evolveInventoryFields }, events);
  },
};
