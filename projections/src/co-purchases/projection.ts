import { eventTopics } from '@ecommerce/platform';
import type { ReadCollection, RecordedEvent } from '@ecommerce/platform';
import { coPurchaseCollections } from '@ecommerce/schemas';
import type { Projection } from '../projection';
import { applyByDocument, withoutStoreFields } from '../apply-by-document';
import { coPurchaseEventTypes, directedPairsOf, evolveCoPurchaseOrder, pairIdOf } from './document';
import type { CoPurchaseOrderDocument, CoPurchasePairDocument } from './document';

const handles = new Set<string>(coPurchaseEventTypes);

/**
 * An order's completion counted once in each pair of its products. The pair documents have as
 * many writers as orders, and a read-increment-write count would lose concurrent increments and
 * count a redelivery twice; so each order `$set`s only its own entry `orders.<orderId>`, guarded by
 * its order stream's revision: a redelivery is stale, two orders never touch the same field, and
 * the count is the number of entries.
 */
async function countCompletion(orders: ReadCollection<CoPurchaseOrderDocument>, pairs: ReadCollection<CoPurchasePairDocument>, event: RecordedEvent): Promise<void> {
  const orderId = (event.data as { orderId: string }).orderId;
  const order = await orders.findOne({ _id: orderId });
  if (!order || order.completedAt === null) return;
  const guard = { stream: event.streamId, revision: event.revision };
  // One order's pair documents are all distinct, so writing them at once never races itself.
  await Promise.all(
    directedPairsOf(order.productIds).map(([productId, otherProductId]) =>
      pairs.updateIfNewer({ id: pairIdOf(productId, otherProductId), set: { productId, otherProductId, [`orders.${orderId}`]: order.completedAt }, guard, upsert: true }),
    ),
  );
}

/** "Customers who bought this also bought": per product pair, the completed orders that held both. */
export const coPurchasesProjection: Projection = {
  name: 'co-purchases',
  topics: [eventTopics.ordering],
  collections: coPurchaseCollections,

  async setup(store, version) {
    await store.collection(coPurchaseCollections(version).pairs).createIndex({ keys: { productId: 1 }, name: 'product' });
  },

  async apply(store, version, events) {
    const names = coPurchaseCollections(version);
    const orders = store.collection<CoPurchaseOrderDocument>(names.orders);
    const pairs = store.collection<CoPurchasePairDocument>(names.pairs);
    await applyByDocument(orders, { handles, idOf: (event) => (event.data as { orderId: string }).orderId, fieldsOf: withoutStoreFields, evolve: evolveCoPurchaseOrder }, events);
    // Driven by the events, not by what the first write applied: a batch redelivered after a crash
    // between the two writes still counts its completions (and the guards make a repeat a no-op).
    // Orders one after the other: two of them may share a pair document.
    for (const event of events) if (event.type === 'OrderCompleted') await countCompletion(orders, pairs, event);
  },
};
