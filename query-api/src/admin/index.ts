/** Admin views of the read side: the low-stock list, and the users' order tallies the users list shows. */
export { describeLowStockQueries, findLowStock, lowStockRoutes } from './low-stock';
export type { LowStockDeps } from './low-stock';
export { findUserOrderSummaries, summarizeUserOrders } from './user-orders';
export type { UserOrdersSummary } from './user-orders';
