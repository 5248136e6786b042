/** The notifications read model: each user's in-app inbox. */
export { notificationsProjection } from './projection';
export { evolveNotificationFields, notificationEventTypes } from './document';
export type { NotificationDocument, NotificationFields } from './document';
