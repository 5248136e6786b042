import { tooManyRequests } from './rate-limit';

/**
 * Slows password guessing against one account: after `freeAttempts` consecutive
 * failures, the next attempt must wait `baseDelayMs`, doubling with each further failure
 * up to `maxDelayMs` (defaults: 0, 0, 0, 1 s, 2 s, 4 s … 30 s). A success resets it. The
 * wait is answered as 429 + Retry-After rather than slept, so no request holds a
 * connection open. The cap keeps the lockout short: anyone can fail logins for someone
 * else's account, so a long lockout would be a denial of service.
 */
export interface LoginThrottle {
  /** Milliseconds still to wait before an attempt for `account` is accepted; 0 when it may go ahead. */
  delayFor(account: string): number;
  /** Throws AppError('too_many_requests') with retryAfterSeconds when the account must still wait. */
  assertAllowed(account: string): void;
  recordFailure(account: string): void;
  recordSuccess(account: string): void;
  size(): number;
}

export interface LoginThrottleOptions {
  freeAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A failure streak this old is forgotten (and its memory freed). */
  forgetAfterMs?: number;
  maxAccounts?: number;
  now?: () => number;
}

interface Streak {
  failures: number;
  lastFailureAt: number;
}

export function createLoginThrottle(options: LoginThrottleOptions = {}): LoginThrottle {
  const freeAttempts = options.freeAttempts ?? 3;
  const baseDelayMs = options.baseDelayMs ?? 1000;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const forgetAfterMs = options.forgetAfterMs ?? 15 * 60_000;
  const maxAccounts = options.maxAccounts ?? 100_000;
  const now = options.now ?? Date.now;
  const streaks = new Map<string, Streak>();

  const requiredDelay = (failures: number): number =>
    failures < freeAttempts ? 0 : Math.min(maxDelayMs, baseDelayMs * 2 ** (failures - freeAttempts));

  function current(account: string, at: number): Streak | undefined {
    const streak = streaks.get(account);
    if (streak && at - streak.lastFailureAt >= forgetAfterMs) {
      streaks.delete(account);
      return undefined;
    }
    return streak;
  }

  function delayFor(account: string): number {
    const at = now();
    const streak = current(account, at);
    return streak ? Math.max(0, streak.lastFailureAt + requiredDelay(streak.failures) - at) : 0;
  }

  /** The map is ordered by last failure, least recent first: stale streaks sit at the front. */
  function forgetStale(at: number): void {
    for (const [account, streak] of streaks) {
      if (at - streak.lastFailureAt < forgetAfterMs) return;
      streaks.delete(account);
    }
  }

  function recordFailure(account: string): void {
    const at = now();
    forgetStale(at);
    const failures = (current(account, at)?.failures ?? 0) + 1;
    streaks.delete(account); // re-insert, to keep the order
    if (streaks.size >= maxAccounts) streaks.delete(streaks.keys().next().value as string);
    streaks.set(account, { failures, lastFailureAt: at });
  }

  return {
    delayFor,
    assertAllowed(account) {
      const delay = delayFor(account);
      if (delay > 0) throw tooManyRequests(Math.ceil(delay / 1000), 'too many failed logins; try again later');
    },
    recordFailure,
    recordSuccess: (account) => void streaks.delete(account),
    size: () => streaks.size,
  };
}
