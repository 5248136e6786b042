/** Notification queries: the caller's inbox, `GET /api/notifications`. */
export { describeNotificationQueries, notificationQueryRoutes, toNotificationView } from './routes';
export type { NotificationQueryDeps } from './routes';
