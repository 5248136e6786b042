/** The retry helpers live in the platform (projections retry the same way); re-exported for the runtime. */
export { attemptBounded, errorMessage, isRetriable, jitteredBackoffMs, sleep } from '@ecommerce/platform';
export type { Attempted, RetryPolicy } from '@ecommerce/platform';
