export * from './topics';
export * from './event-message';
export * from './dead-letters';
export * from './dlq-pages';
export { attemptBounded, errorMessage, isRetriable, jitteredBackoffMs, sleep } from './retry';
export type { Attempted, RetryPolicy } from './retry';
export { createGatherer } from './gatherer';
export type { GathererOptions } from './gatherer';
