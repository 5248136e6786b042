import { eventTopics } from '@ecommerce/platform';
import type { ReadCollection, RecordedEvent } from '@ecommerce/platform';
import { inventoryStreamId } from '@ecommerce/domain';
import { productCollections } from '@ecommerce/schemas';
import type { Projection } from '../projection';
import { foldProductFields, foldStockCounts, stockViewOf } from './document';
import type { ProductDocument, ProductFields, StockDocument } from './document';
import { groupProductBatch, productsEventTypes, projectedOf } from './batch';
import { replayProducts } from './replay';
import { readByIds } from '../apply-by-document';

const collectionsOf = productCollections;

type Products = ReadCollection<ProductDocument>;
type Stock = ReadCollection<StockDocument>;

/**
 * The catalog with availability. Catalog and inventory events arrive on different topics
 * and partitions, so a product and its SKU's stock are written as disjoint fields by two
 * writers, each guarded by its own stream's revision. Each side writes its own document
 * first and then reads the other's, so whichever comes second copies the stock across.
 * A hot SKU has thousands of stock events a second: a batch's are folded per SKU and each
 * touched stock document and its product written once.
 */
export const productsProjection: Projection = {
  name: 'products',
  topics: [eventTopics.catalog, eventTopics.inventory],
  eventTypes: productsEventTypes,
  collections: collectionsOf,

  async setup(store, version) {
    const { products, stock } = collectionsOf(version);
    const productCollection = store.collection(products);
    await productCollection.createIndex({ keys: { sku: 1 }, unique: true, name: 'sku_unique' });
    await productCollection.createIndex({ keys: { category: 1, 'price.amount': 1 }, name: 'category_price' });
    await productCollection.createIndex({ keys: { searchTerms: 1 }, name: 'search_terms' });
    await productCollection.createIndex({ keys: { searchKeys: 1 }, name: 'search_keys' });
    await store.collection(stock).createIndex({ keys: { sku: 1 }, name: 'sku' });
  },

  async apply(store, version, events) {
    const names = collectionsOf(version);
    const products = store.collection<ProductDocument>(names.products);
    const stock = store.collection<StockDocument>(names.stock);

    // One product's (and one SKU's) events come from its one stream, in revision order: each
    // stream's folded into one write, the streams side by side. One event at a time, a rebuild
    // waited for about six writes per catalog event (a dozen round trips on a MongoDB-wire server).
    const { catalogByProduct, stockBySku } = groupProductBatch(events);
    await Promise.all([...catalogByProduct.values()].map((productStream) => applyCatalogEvents(products, stock, productStream)));
    await applyStockEvents(products, stock, stockBySku);
  },

  replay: replayProducts,
};

/**
 * One product's catalog events of a batch, folded: the product written once, and when the batch
 * creates it, its SKU's stock document told which product it belongs to, then its counts read.
 * Whichever of this and a stock batch comes second copies the counts across (both touch that
 * one document). The link is guarded by the creating event, as when events come one by one.
 */
async function applyCatalogEvents(products: Products, stock: Stock, events: readonly RecordedEvent[]): Promise<void> {
  const id = (events[0]?.data as { productId: string }).productId;
  const current = await products.findOne({ _id: id });
  const streamId = (events[0] as RecordedEvent).streamId;
  const projected = events.map(projectedOf);
  const { fields, created, last } = foldProductFields(current && productFieldsOf(current), projected);
  if (!fields || !last) return;
  // The link before the product: a batch redelivered after a failure between the two finds the
  // product not yet written and links again. The other way round it found the creation applied
  // and never linked, and the SKU's counts never reached the product.
  if (created) await stock.updateIfNewer({ id: fields.sku, set: { sku: fields.sku, productId: id }, guard: { stream: streamId, revision: created.revision }, upsert: true });
  await products.updateIfNewer({ id, set: { ...fields, ...(created ? { stock: stockViewOf(null) } : {}) }, guard: { stream: streamId, revision: last.revision }, upsert: true });
  if (!created) return;
  const stockDoc = await stock.findOne({ _id: fields.sku });
  if (stockDoc && stockDoc.revision !== undefined) await products.updateIfNewer({ id, set: { stock: stockViewOf(stockDoc) }, guard: { stream: inventoryStreamId(fields.sku), revision: stockDoc.revision } });
}

/**
 * Each SKU's stock events of a batch: folded, written to its stock document once, then copied to
 * its product. The product write is guarded by the stock document's revision, so it is stale
 * when already done, and a redelivery after a crash between the two writes repairs it. The
 * batch's SKUs go together: their stock documents read in one `_id` list, written in one guarded
 * write, their products in another (on a MongoDB-wire server a round trip per step for all of
 * them, where each SKU on its own made six or seven).
 */
async function applyStockEvents(products: Products, stock: Stock, stockBySku: ReadonlyMap<string, readonly RecordedEvent[]>): Promise<void> {
  if (stockBySku.size === 0) return;
  const at = Date.now();
  const read = await readByIds(stock, [...stockBySku.keys()]);
  const folds = [...stockBySku].map(([sku, events]) => {
    const current = read.get(sku) ?? null;
    const folded = foldStockCounts(sku, current, events);
    return { sku, stream: events[0]?.streamId ?? inventoryStreamId(sku), current, folded, latest: folded ?? current };
  });
  const stockWrites = folds.flatMap(({ sku, stream, folded }) => (folded ? [{ id: sku, set: folded, guard: { stream, revision: folded.revision }, upsert: true }] : []));
  if (stockWrites.length > 0) await stock.updateManyIfNewer(stockWrites, { docs: read, at });
  // A product, once it owns the SKU, keeps it (a second product with that SKU breaks the unique
  // index), so only an unknown owner needs the read after this side's write.
  const unowned = folds.filter(({ current, latest }) => latest?.revision !== undefined && !current?.productId).map(({ sku }) => sku);
  const owners = unowned.length > 0 ? await readByIds(stock, unowned) : new Map<string, StockDocument | null>();
  const productWrites = folds.flatMap(({ sku, stream, current, latest }) => {
    const revision = latest?.revision;
    const owner = current?.productId ?? owners.get(sku)?.productId;
    return latest && revision !== undefined && owner ? [{ id: owner, set: { stock: stockViewOf(latest) }, guard: { stream, revision } }] : [];
  });
  if (productWrites.length > 0) await products.updateManyIfNewer(productWrites);
}

/** The fields the catalog side owns: not the id, the store's revisions, or the stock the inventory side writes. */
function productFieldsOf(doc: ProductDocument): ProductFields {
  const { _id: _unusedId, _revisions: _unusedRevisions, stock: _unusedStock, ...fields } = doc;
  return fields;
}
