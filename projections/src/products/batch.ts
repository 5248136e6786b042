import type { RecordedEvent } from '@ecommerce/platform';
import type { EventType } from '@ecommerce/schemas';
import type { ProjectedEvent } from '../apply-by-document';

const productEventTypes = ['ProductCreated', 'ProductDetailsUpdated', 'ProductPriceChanged', 'ProductDiscontinued', 'ProductImageAdded', 'ProductImageRemoved'] as const satisfies readonly EventType[];
const stockEventTypes = ['StockRestocked', 'StockAdjusted', 'StockReserved', 'StockReleased', 'StockCommitted', 'StockReturned'] as const satisfies readonly EventType[];
const productEvents = new Set<string>(productEventTypes);
const stockEvents = new Set<string>(stockEventTypes);

/** The event types the products projection changes anything for. */
export const productsEventTypes: readonly EventType[] = [...productEventTypes, ...stockEventTypes];

/** A batch's events by product (catalog events, keyed by product id) and by SKU (stock events), each in stream order. */
export interface ProductBatch {
  catalogByProduct: Map<string, RecordedEvent[]>;
  stockBySku: Map<string, RecordedEvent[]>;
}

export function groupProductBatch(events: readonly RecordedEvent[]): ProductBatch {
  const batch: ProductBatch = { catalogByProduct: new Map(), stockBySku: new Map() };
  const add = (groups: Map<string, RecordedEvent[]>, key: string, event: RecordedEvent) => {
    const pending = groups.get(key);
    if (pending) pending.push(event);
    else groups.set(key, [event]);
  };
  for (const event of events) {
    if (productEvents.has(event.type)) add(batch.catalogByProduct, (event.data as { productId: string }).productId, event);
    else if (stockEvents.has(event.type)) add(batch.stockBySku, (event.data as { sku: string }).sku, event);
  }
  return batch;
}

const occurredAtOf = (event: RecordedEvent): string => String(event.metadata.occurredAt ?? event.recordedAt.toISOString());

export const projectedOf = (event: RecordedEvent): ProjectedEvent => ({ type: event.type, data: event.data, revision: event.revision, occurredAt: occurredAtOf(event) });
