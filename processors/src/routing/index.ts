/** What the router and the timer service do for the actors: ordering (reservations), the lifecycle after confirmation, notifications. */
export { createOrderingRoute } from './ordering-route';
export type { OrderingRouteOptions } from './ordering-route';
export { createLifecycleRoute } from './lifecycle-route';
export { createNotificationRoute } from './notification-route';
export { orderTimerSpec } from './order-timers';
