import { isAppError } from '../errors';

/** Retry helpers shared by every consumer (processors, projections): one policy, one backoff. */

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

export interface RetryPolicy {
  /** Attempts of work failing with a non-retriable error (a bug, a refused message) before giving up. */
  maxAttempts: number;
  /** Attempts when the error says it is retriable (a timeout, a conflict): worth waiting longer for. */
  maxRetriableAttempts: number;
  /** First backoff between attempts (jittered, doubling, at most 5 s). */
  baseMs: number;
}

export type Attempted<T> = { ok: true; value: T } | { ok: false; error: unknown; attempts: number };

/**
 * Runs `work` until it succeeds or the policy's attempts run out, and says which. Errors that
 * `rethrow` picks (infrastructure failures, a consumer that must stop) are thrown at once: they
 * say nothing about the message, so they must never make it a dead letter.
 */
export async function attemptBounded<T>(
  work: () => Promise<T>,
  policy: RetryPolicy,
  hooks: { rethrow?(error: unknown): boolean; onRetry?(error: unknown, attempt: number): void } = {},
): Promise<Attempted<T>> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return { ok: true, value: await work() };
    } catch (error) {
      if (hooks.rethrow?.(error)) throw error;
      const limit = isRetriable(error) ? policy.maxRetriableAttempts : policy.maxAttempts;
      if (attempt >= limit) return { ok: false, error, attempts: attempt };
      hooks.onRetry?.(error, attempt);
      await sleep(jitteredBackoffMs(attempt, policy.baseMs));
    }
  }
}
