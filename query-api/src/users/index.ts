/** User queries: `GET /api/me` and `GET /api/admin/users`. */
export { describeUserQueries, userQueryRoutes } from './routes';
export type { UserQueryDeps } from './routes';
export { findUserPage, toUserView, userFilterClauses } from './queries';
