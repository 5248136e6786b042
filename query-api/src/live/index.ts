/** Live updates over server-sent events: `GET /api/orders/:id/live`, `GET /api/products/:id/live`, `GET /api/admin/live`. */
export { defaultLiveSettings, liveRoutes } from './routes';
export type { LiveDeps, LiveSettings } from './routes';
export { describeLiveQueries } from './describe';
export { createSharedPoller } from './shared-poller';
export type { SharedPoller, SharedPollerOptions } from './shared-poller';
export type { AdminLiveEvent, OrderLiveEvent, ProductLiveEvent } from './events';
