/** What the router and the timer service do for issue #4's actors. */
export { createOrderingRoute } from './ordering-route';
export type { OrderingRouteOptions } from './ordering-route';
export { orderTimerSpec } from './order-timers';
