import { eventTopics } from '@ecommerce/platform';
import { orderCollections } from '@ecommerce/schemas';
import type { Projection } from '../projection';
import { applyByStream, streamKind } from '../apply-by-stream';
import type { OrderDocument } from './document';
import { orderStream, paymentStreams, shipmentStream } from './streams';

const streamKinds = [streamKind(orderStream), streamKind(paymentStreams), streamKind(shipmentStream)];

/**
 * Orders with their lifecycle, payments and shipment, for the customer's own list, one order and
 * the admins' list. The order stream, the payment streams and the shipment stream arrive on their
 * own topics in any interleaving; each writes only its own fields, guarded by its own revision.
 */
export const ordersProjection: Projection = {
  name: 'orders',
  topics: [eventTopics.ordering, eventTopics.payments, eventTopics.shipping],
  collections: orderCollections,

  async setup(store, version) {
    const orders = store.collection(orderCollections(version).orders);
    // the customer's list (and the admins' by customer), newest first, keyset-paginated on (placedAt, _id)
    await orders.createIndex({ keys: { customerId: 1, placedAt: -1, _id: -1 }, name: 'customer_placed_at' });
    // the admins' list: all orders, or by status, newest first, optionally within a placedAt range
    await orders.createIndex({ keys: { placedAt: -1, _id: -1 }, name: 'placed_at' });
    await orders.createIndex({ keys: { status: 1, placedAt: -1, _id: -1 }, name: 'status_placed_at' });
    // the admins' list by total: equality on the currency, then the sort, then the amount range
    await orders.createIndex({ keys: { 'total.currency': 1, placedAt: -1, _id: -1, 'total.amount': 1 }, name: 'currency_placed_at_amount' });
  },

  async apply(store, version, events) {
    const orders = store.collection<OrderDocument>(orderCollections(version).orders);
    await applyByStream(orders, streamKinds, events);
  },
};
