import { eventTopics } from '@ecommerce/platform';
import { userCollections } from '@ecommerce/schemas';
import type { Projection } from '../projection';
import { evolveUserFields, userEventTypes } from './document';
import type { UserDocument } from './document';
import { applyByDocument, withoutStoreFields } from '../apply-by-document';
import { userOrdersModel } from './orders';
import type { UserOrderDocument } from './orders';

const userEvents = new Set<string>(userEventTypes);

const collectionsOf = userCollections;

/**
 * Users for `/api/me` and the admin list. One writer per document (the user stream), so each
 * write is guarded by that stream's revision: a redelivered or older event changes nothing.
 * Only mirrored events arrive here; hashes, sessions and email reservations stay in the event store.
 * Beside them, each order placed (`orders`, indexed by customer), so the admins' list counts a page
 * of users' orders with one read instead of one count per user.
 */
export const usersProjection: Projection = {
  name: 'users',
  topics: [eventTopics.identity, eventTopics.ordering],
  collections: collectionsOf,

  async setup(store, version) {
    const users = store.collection(collectionsOf(version).users);
    await users.createIndex({ keys: { email: 1 }, unique: true, name: 'email_unique' });
    await users.createIndex({ keys: { createdAt: 1 }, name: 'created_at' });
    await store.collection(collectionsOf(version).orders).createIndex({ keys: { customerId: 1 }, name: 'customer' });
  },

  async apply(store, version, events) {
    const users = store.collection<UserDocument>(collectionsOf(version).users);
    await applyByDocument(users, { handles: userEvents, idOf: (event) => (event.data as { userId: string }).userId, fieldsOf: withoutStoreFields, evolve: evolveUserFields }, events);
    await applyByDocument(store.collection<UserOrderDocument>(collectionsOf(version).orders), userOrdersModel, events);
  },
};
