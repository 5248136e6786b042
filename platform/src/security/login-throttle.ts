import { RateLimiterRes } from 'rate-limiter-flexible';
import { createFailover, memoryRateLimitBackend, tooManyRequests } from './rate-limit';
import type { RateLimitBackend } from './rate-limit';

/**
 * Slows password guessing against one account: after `freeAttempts` consecutive
 * failures, the next attempt must wait `baseDelayMs`, doubling with each further failure
 * up to `maxDelayMs` (defaults: 0, 0, 0, 1 s, 2 s, 4 s … 30 s; whole seconds). A success resets it.
 * The wait is answered as 429 + Retry-After rather than slept, so no request holds a
 * connection open. The cap keeps the lockout short: anyone can fail logins for someone
 * else's account, so a long lockout would be a denial of service.
 *
 * The counts live in the rate-limit backend: with Redis, every command API instance sees the
 * same streak. If Redis fails, each instance falls back to its own memory (the throttle keeps
 * working per process rather than failing open or locking everyone out).
 */
export interface LoginThrottle {
  /** Milliseconds still to wait before an attempt for `account` is accepted; 0 when it may go ahead. */
  delayFor(account: string): Promise<number>;
  /** Throws AppError('too_many_requests') with retryAfterSeconds when the account must still wait. */
  assertAllowed(account: string): Promise<void>;
  recordFailure(account: string): Promise<void>;
  recordSuccess(account: string): Promise<void>;
}

export interface LoginThrottleOptions {
  freeAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A failure streak is forgotten this long after it began. */
  forgetAfterMs?: number;
  backend?: RateLimitBackend;
}

const secondsOf = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

export function createLoginThrottle(options: LoginThrottleOptions = {}): LoginThrottle {
  const freeAttempts = options.freeAttempts ?? 3;
  const baseDelayMs = options.baseDelayMs ?? 1000;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const backend = options.backend ?? memoryRateLimitBackend;
  // A counter that never refuses: it only numbers the failures of the current streak.
  const failures = createFailover(backend, { keyPrefix: 'throttle:failures', points: Number.MAX_SAFE_INTEGER, duration: secondsOf(options.forgetAfterMs ?? 15 * 60_000) });
  // A key blocked for the wait: the store expires it, so no clock of ours decides when it ends.
  const lockout = createFailover(backend, { keyPrefix: 'throttle:lockout', points: 1, duration: 1 });

  const requiredDelay = (count: number): number =>
    count < freeAttempts ? 0 : Math.min(maxDelayMs, baseDelayMs * 2 ** (count - freeAttempts));

  async function delayFor(account: string): Promise<number> {
    const state = await lockout((limiter) => limiter.get(account));
    return state && state.consumedPoints > 1 ? Math.max(0, state.msBeforeNext) : 0;
  }

  return {
    delayFor,
    async assertAllowed(account) {
      const delay = await delayFor(account);
      if (delay > 0) throw tooManyRequests(secondsOf(delay), 'too many failed logins; try again later');
    },
    async recordFailure(account) {
      const streak = await failures((limiter) => limiter.consume(account)).catch((refusal: unknown) => {
        if (refusal instanceof RateLimiterRes) return refusal;
        throw refusal;
      });
      const delay = requiredDelay(streak.consumedPoints);
      if (delay > 0) await lockout((limiter) => limiter.block(account, secondsOf(delay)));
    },
    async recordSuccess(account) {
      await Promise.all([failures((limiter) => limiter.delete(account)), lockout((limiter) => limiter.delete(account))]);
    },
  };
}
