import type { RecordedEvent } from '@ecommerce/platform';
import { inventoryStreamId } from '@ecommerce/domain';
import { productCollections } from '@ecommerce/schemas';
import type { Projection } from '../projection';
import { evolveProductFields, evolveStockCounts, stockViewOf } from './document';
import type { ProductDocument, ProductFields, StockDocument } from './document';

const catalogTopic = 'ecommerce.catalog.events';
const inventoryTopic = 'ecommerce.inventory.events';
const productEvents = new Set(['ProductCreated', 'ProductDetailsUpdated', 'ProductPriceChanged', 'ProductDiscontinued']);
const stockEvents = new Set(['StockRestocked', 'StockAdjusted', 'StockReserved', 'StockReleased', 'StockCommitted']);

const collectionsOf = productCollections;

const occurredAtOf = (event: RecordedEvent): string => String(event.metadata.occurredAt ?? event.recordedAt.toISOString());

/**
 * The catalog with availability. Catalog and inventory events arrive on different topics
 * and partitions, so a product and its SKU's stock are written as disjoint fields by two
 * writers, each guarded by its own stream's revision. Each side writes its own document
 * first and then reads the other's, so whichever comes second copies the stock across.
 */
export const productsProjection: Projection = {
  name: 'products',
  topics: [catalogTopic, inventoryTopic],
  collections: collectionsOf,

  async setup(store, version) {
    const { products, stock } = collectionsOf(version);
    const productCollection = store.collection(products);
    await productCollection.createIndex({ keys: { sku: 1 }, unique: true, name: 'sku_unique' });
    await productCollection.createIndex({ keys: { category: 1, 'price.amount': 1 }, name: 'category_price' });
    await productCollection.createIndex({ keys: { searchTerms: 1 }, name: 'search_terms' });
    await store.collection(stock).createIndex({ keys: { sku: 1 }, name: 'sku' });
  },

  async apply(store, version, events) {
    const names = collectionsOf(version);
    const products = store.collection<ProductDocument>(names.products);
    const stock = store.collection<StockDocument>(names.stock);

    for (const event of events) {
      if (productEvents.has(event.type)) {
        const current = await products.findOne({ _id: (event.data as { productId: string }).productId });
        if (current && current.revision >= event.revision) continue;
        const fields = evolveProductFields(current && productFieldsOf(current), { type: event.type, data: event.data, revision: event.revision, occurredAt: occurredAtOf(event) });
        if (!fields) continue;
        const id = (event.data as { productId: string }).productId;
        const isNew = !current;
        await products.updateIfNewer({ id, set: { ...fields, ...(isNew ? { stock: stockViewOf(null) } : {}) }, guard: { stream: event.streamId, revision: event.revision }, upsert: true });
        if (isNew) {
          // Tell the SKU's stock document which product it belongs to, then read its counts: whichever
          // of this and a stock event comes second copies the counts across (both touch this one document).
          await stock.updateIfNewer({ id: fields.sku, set: { sku: fields.sku, productId: id }, guard: { stream: event.streamId, revision: event.revision }, upsert: true });
          const stockDoc = await stock.findOne({ _id: fields.sku });
          if (stockDoc && stockDoc.revision !== undefined) await products.updateIfNewer({ id, set: { stock: stockViewOf(stockDoc) }, guard: { stream: inventoryStreamId(fields.sku), revision: stockDoc.revision } });
        }
      } else if (stockEvents.has(event.type)) {
        const sku = (event.data as { sku: string }).sku;
        const current = await stock.findOne({ _id: sku });
        if (current?.revision !== undefined && current.revision >= event.revision) continue;
        const next = evolveStockCounts(sku, current, event);
        await stock.updateIfNewer({ id: sku, set: next, guard: { stream: event.streamId, revision: event.revision }, upsert: true });
        const owner = (await stock.findOne({ _id: sku }))?.productId;
        if (owner) await products.updateIfNewer({ id: owner, set: { stock: stockViewOf(next) }, guard: { stream: event.streamId, revision: event.revision } });
      }
    }
  },
};

/** The fields the catalog side owns: not the id, the store's revisions, or the stock the inventory side writes. */
function productFieldsOf(doc: ProductDocument): ProductFields {
  const { _id: _unusedId, _revisions: _unusedRevisions, stock: _unusedStock, ...fields } = doc;
  return fields;
}
