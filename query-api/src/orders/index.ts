/** Order queries: `GET /api/orders` and `GET /api/orders/:id`. */
export { describeOrderQueries, orderQueryRoutes } from './routes';
export type { OrderQueryDeps } from './routes';
export { findOrderPage, toOrderView } from './queries';
