/** Analytics query: `GET /api/admin/analytics?from=&to=` (admins). */
export { analyticsQueryRoutes, describeAnalyticsQueries } from './routes';
export type { AnalyticsQueryDeps } from './routes';
export { aggregateAnalytics } from './aggregate';
export { analyticsQuery, analyticsViewSchema, maxAnalyticsDays } from './schemas';
export type { AnalyticsView } from './schemas';
