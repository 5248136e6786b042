/** Payment queries: `GET /api/payments/:id`. */
export { describePaymentQueries, paymentQueryRoutes } from './routes';
export type { PaymentQueryDeps } from './routes';
export { toPaymentView } from './view';
