import { orderCollections } from '@ecommerce/schemas';
import type { Projection } from '../projection';
import { applyByDocument, withoutStoreFields } from '../apply-by-document';
import { evolveOrderFields, orderEventTypes } from './document';
import type { OrderDocument } from './document';

const orderingTopic = 'ecommerce.ordering.events';
const handles = new Set<string>(orderEventTypes);

/** Orders with their status timeline, for the customer's own list and one order; the order stream is each document's one writer. */
export const ordersProjection: Projection = {
  name: 'orders',
  topics: [orderingTopic],
  collections: orderCollections,

  async setup(store, version) {
    const orders = store.collection(orderCollections(version).orders);
    // the customer's list, newest first, keyset-paginated on (placedAt, _id)
    await orders.createIndex({ keys: { customerId: 1, placedAt: -1, _id: -1 }, name: 'customer_placed_at' });
  },

  async apply(store, version, events) {
    const orders = store.collection<OrderDocument>(orderCollections(version).orders);
    await applyByDocument(orders, { handles, idOf: (event) => (event.data as { orderId: string }).orderId, fieldsOf: withoutStoreFields, evolve: evolveOrderFields }, events);
  },
};
