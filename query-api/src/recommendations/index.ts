/** Recommendations query: `GET /api/products/:id/recommendations` (anyone). */
export { describeRecommendationQueries, recommendationsQueryRoutes } from './routes';
export type { RecommendationsQueryDeps } from './routes';
export { recommendationsQuery, recommendationsViewSchema } from './schemas';
export type { RecommendationsView } from './schemas';
