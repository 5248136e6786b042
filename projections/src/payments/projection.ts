import { eventTopics } from '@ecommerce/platform';
import { paymentCollections } from '@ecommerce/schemas';
import type { Projection } from '../projection';
import { applyByDocument, withoutStoreFields } from '../apply-by-document';
import { evolvePaymentFields, paymentEventTypes } from './document';
import type { PaymentDocument } from './document';

const handles = new Set<string>(paymentEventTypes);

/** Each payment attempt, `_id` the payment id, for its owner and admins; the payment stream is its one writer. */
export const paymentsProjection: Projection = {
  name: 'payments',
  topics: [eventTopics.payments],
  collections: paymentCollections,

  async setup(store, version) {
    // the payments of one order (admins, verify)
    await store.collection(paymentCollections(version).payments).createIndex({ keys: { orderId: 1, requestedAt: 1 }, name: 'order_requested_at' });
  },

  async apply(store, version, events) {
    const payments = store.collection<PaymentDocument>(paymentCollections(version).payments);
    await applyByDocument(payments, { handles, idOf: (event) => (event.data as { paymentId: string }).paymentId, fieldsOf: withoutStoreFields, evolve: evolvePaymentFields }, events);
  },
};
