/** Cart query: `GET /api/cart`. */
export { cartQueryRoutes, describeCartQueries, toCartView } from './routes';
export type { CartQueryDeps } from './routes';
