import { eventTopics } from '@ecommerce/platform';
import { notificationCollections } from '@ecommerce/schemas';
import type { Projection } from '../projection';
import { applyByDocument, withoutStoreFields } from '../apply-by-document';
import { evolveNotificationFields, notificationEventTypes, opensNotification } from './document';
import type { NotificationDocument } from './document';

const handles = new Set<string>(notificationEventTypes);

/**
 * Each user's in-app inbox: a document per message, `_id` the notification id. The user's
 * notification stream writes them all; each write is guarded by that stream's revision, which
 * only grows, so redelivery changes nothing. A notification's document begins with its queueing,
 * so a batch that queues it is not read first (nor, for email and SMS, ever).
 */
export const notificationsProjection: Projection = {
  name: 'notifications',
  topics: [eventTopics.notifications],
  collections: notificationCollections,

  async setup(store, version) {
    const notifications = store.collection(notificationCollections(version).notifications);
    // the user's inbox, newest first, keyset-paginated on (createdAt, _id); and the unread count
    await notifications.createIndex({ keys: { userId: 1, createdAt: -1, _id: -1 }, name: 'user_created_at' });
    await notifications.createIndex({ keys: { userId: 1, read: 1 }, name: 'user_read' });
  },

  async apply(store, version, events) {
    const notifications = store.collection<NotificationDocument>(notificationCollections(version).notifications);
    await applyByDocument(notifications, { handles, idOf: (event) => (event.data as { notificationId: string }).notificationId, fieldsOf: withoutStoreFields, evolve: evolveNotificationFields, opensDocument: opensNotification }, events);
  },
};
