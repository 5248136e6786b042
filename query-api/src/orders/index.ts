/** Order queries: `GET /api/orders`, `GET /api/orders/:id` and the admins' `GET /api/admin/orders`. */
export { describeOrderQueries, orderQueryRoutes } from './routes';
export type { OrderQueryDeps } from './routes';
export { findAdminOrderPage, findOrderPage, toOrderView } from './queries';
export { isOrder, orderPaymentOf, orderRefundOf, orderShipmentOf } from './view';
