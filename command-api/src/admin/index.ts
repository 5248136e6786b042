/** Admin operations of the write side: per-SKU low-stock thresholds, the dead-letter queue and its replay. */
export { createLowStockThresholds, describeLowStockThresholdRoutes, lowStockThresholdRoutes } from './low-stock-thresholds';
export type { LowStockThresholds } from './low-stock-thresholds';
export { createDeadLetterReplays, deadLetterReplayStreamPrefix } from './dead-letter-replays';
export type { DeadLetterReplays } from './dead-letter-replays';
export { deadLetterRoutes, describeDeadLetterRoutes, toDeadLetterView } from './dead-letter-routes';
