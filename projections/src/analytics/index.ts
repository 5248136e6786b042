/** The analytics read model: per-stream facts of orders, payments and carts by UTC day, and product categories. */
export { analyticsProjection } from './projection';
export { dayOf, evolveAnalyticsFact, evolveProductCategory } from './document';
export type { AnalyticsFact, AnalyticsFactDocument, ProductCategoryDocument } from './document';
