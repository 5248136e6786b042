import { isAppError } from '@ecommerce/platform';

/** Our AppError's flag, or a driver error's (kafkajs sets `retriable` too). */
export function isRetriable(error: unknown): boolean {
  if (isAppError(error)) return error.retriable;
  return typeof error === 'object' && error !== null && (error as { retriable?: unknown }).retriable === true;
}

/** Exponential backoff with ±50% jitter, so retrying workers do not stampede together. */
export function jitteredBackoffMs(attempt: number, baseMs = 50, maxMs = 5000): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential * (0.5 + Math.random()));
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export const errorMessage = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));
