/** Inventory query: `GET /api/inventory/:sku` (admins). */
export { describeInventoryQueries, inventoryQueryRoutes, toInventoryView } from './routes';
export type { InventoryQueryDeps } from './routes';
