import { eventTopics } from '@ecommerce/platform';
import { cartCollections } from '@ecommerce/schemas';
import type { Projection } from '../projection';
import { applyByDocument, withoutStoreFields } from '../apply-by-document';
import { cartEventTypes, evolveCartFields } from './document';
import type { CartDocument } from './document';

const handles = new Set<string>(cartEventTypes);

/** Each customer's cart, `_id` the customer id; the cart stream is its one writer. */
export const cartsProjection: Projection = {
  name: 'carts',
  topics: [eventTopics.cart],
  collections: cartCollections,

  async setup() {
    // read by _id only
  },

  async apply(store, version, events) {
    const carts = store.collection<CartDocument>(cartCollections(version).carts);
    await applyByDocument(carts, { handles, idOf: (event) => (event.data as { customerId: string }).customerId, fieldsOf: withoutStoreFields, evolve: evolveCartFields }, events);
  },
};
