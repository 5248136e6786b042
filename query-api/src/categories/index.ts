/** Departments query: `GET /api/categories` (anyone). */
export { categoryQueryRoutes, describeCategoryQueries } from './routes';
export type { CategoryQueryDeps } from './routes';
export { countDistinct, findCategories } from './queries';
export { categoriesQuery, categoriesViewSchema, maxCategories } from './schemas';
export type { CategoriesView } from './schemas';
