import { emptyRevisions } from '@ecommerce/platform';
import type { Document, RecordedEvent } from '@ecommerce/platform';
import type { ProjectionReplay } from '../projection';
import { groupProductBatch, projectedOf } from './batch';
import { foldProductFields, foldStockCounts, stockViewOf } from './document';
import type { ProductFields, StockCounts } from './document';

interface ReplayedProduct {
  stream: string;
  fields: ProductFields;
  /** The revision of the event that created it: its SKU's stock document is linked under that guard. */
  createdRevision: number;
}

interface ReplayedStock {
  stream: string;
  counts: StockCounts;
}

/** A document's revisions by stream id (`emptyRevisions`: a rebuild makes tens of thousands). */
function revisionsOf(...entries: ReadonlyArray<readonly [stream: string, revision: number] | null | undefined>): Record<string, number> {
  const revisions = emptyRevisions();
  for (const entry of entries) if (entry) revisions[entry[0]] = entry[1];
  return revisions;
}

/**
 * The products projection's documents after a history, folded in memory: the products with their
 * stock copied across, and the stock documents with their counts and owner, each with the
 * revisions `apply`'s guarded writes leave. A batch's events are folded per product and per SKU as
 * `apply` folds them, so the search fields are worked out as often, once per batch at most.
 */
export function replayProducts(): ProjectionReplay {
  const products = new Map<string, ReplayedProduct>();
  const stocks = new Map<string, ReplayedStock>();

  return {
    add(events) {
      const { catalogByProduct, stockBySku } = groupProductBatch(events);
      for (const [id, stream] of catalogByProduct) {
        const known = products.get(id);
        const { fields, created } = foldProductFields(known?.fields ?? null, stream.map(projectedOf));
        const createdRevision = known?.createdRevision ?? created?.revision;
        if (fields && createdRevision !== undefined) products.set(id, { stream: (stream[0] as RecordedEvent).streamId, fields, createdRevision });
      }
      for (const [sku, stream] of stockBySku) {
        const known = stocks.get(sku);
        const counts = foldStockCounts(sku, known ? { _id: sku, ...known.counts } : null, stream);
        if (counts) stocks.set(sku, { stream: (stream[0] as RecordedEvent).streamId, counts });
      }
    },

    documents() {
      const owners = new Map<string, { id: string; product: ReplayedProduct }>();
      const productDocs: Document[] = [];
      for (const [id, product] of products) {
        owners.set(product.fields.sku, { id, product });
        const stock = stocks.get(product.fields.sku);
        productDocs.push({
          _id: id, ...product.fields, stock: stockViewOf(stock?.counts ?? null),
          _revisions: revisionsOf([product.stream, product.fields.revision], stock && [stock.stream, stock.counts.revision]),
        });
      }
      const stockDocs: Document[] = [];
      for (const sku of new Set([...stocks.keys(), ...owners.keys()])) {
        const stock = stocks.get(sku);
        const owner = owners.get(sku);
        stockDocs.push({
          _id: sku, sku, ...(owner ? { productId: owner.id } : {}), ...stock?.counts,
          _revisions: revisionsOf(owner && [owner.product.stream, owner.product.createdRevision], stock && [stock.stream, stock.counts.revision]),
        });
      }
      return { products: productDocs, stock: stockDocs };
    },
  };
}
