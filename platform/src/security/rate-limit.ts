import type { Request, RequestHandler } from 'express';
import { AppError } from '../errors';

/**
 * An in-memory sliding-window limiter (a sliding log): a key may make `max` hits in any
 * `windowMs`. Refused hits are not recorded, so a client that waits `retryAfterSeconds`
 * gets through. Per process: each instance of a service counts on its own.
 *
 * Memory is bounded: keys whose newest hit left the window are forgotten as time passes
 * (the map is kept in order of latest hit, so that costs O(1) amortised per hit); past
 * `maxKeys` live keys the least recently hit one is dropped, which forgets a count rather
 * than growing without end.
 */
export interface RateLimitDecision {
  allowed: boolean;
  /** 0 when allowed; otherwise whole seconds until the oldest counted hit leaves the window. */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  /** Counts a hit for `key` when it is allowed, and says whether it is. */
  hit(key: string): RateLimitDecision;
  /** The same as `hit` (the name the identity spec uses): checking is counting. */
  check(key: string): RateLimitDecision;
  reset(key: string): void;
  /** Keys currently held; for tests and metrics. */
  size(): number;
}

export interface RateLimiterOptions {
  windowMs: number;
  max: number;
  maxKeys?: number;
  now?: () => number;
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { windowMs, max } = options;
  if (!(windowMs > 0) || !(max >= 1)) throw new Error('a rate limiter needs windowMs > 0 and max ≥ 1');
  const maxKeys = options.maxKeys ?? 100_000;
  const now = options.now ?? Date.now;
  /** Hit times per key, oldest first; the map is ordered by each key's latest hit, least recent first. */
  const hits = new Map<string, number[]>();

  /** Amortised O(1): only keys at the front can have left the window. */
  function forgetIdle(at: number): void {
    for (const [key, times] of hits) {
      if ((times.at(-1) ?? Number.NEGATIVE_INFINITY) > at - windowMs) return;
      hits.delete(key);
    }
  }

  function hit(key: string): RateLimitDecision {
    const at = now();
    forgetIdle(at);
    const times = hits.get(key) ?? [];
    while (times.length > 0 && (times[0] as number) <= at - windowMs) times.shift();
    if (times.length >= max) {
      const oldest = times[0] as number;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - at) / 1000)) };
    }
    times.push(at);
    hits.delete(key); // re-insert: keeps the map ordered by latest hit
    if (hits.size >= maxKeys) hits.delete(hits.keys().next().value as string);
    hits.set(key, times);
    return { allowed: true, retryAfterSeconds: 0 };
  }

  return { hit, check: hit, reset: (key) => void hits.delete(key), size: () => hits.size };
}

export const tooManyRequests = (retryAfterSeconds: number, message = 'too many requests'): AppError =>
  new AppError('too_many_requests', message, { details: { retryAfterSeconds } });

/**
 * Express middleware: a refused hit goes to the problem middleware as 429 problem+json
 * with Retry-After. A request `keyOf` cannot key (undefined) is not limited here.
 */
export function rateLimit(limiter: RateLimiter, keyOf: (req: Request) => string | undefined): RequestHandler {
  return (req, _res, next) => {
    const key = keyOf(req);
    if (key === undefined) return next();
    const decision = limiter.hit(key);
    next(decision.allowed ? undefined : tooManyRequests(decision.retryAfterSeconds));
  };
}

/** Keys by client address; behind a proxy the app must set `trust proxy` for `req.ip` to be the client's. */
export const byClientIp = (req: Request): string | undefined => req.ip;
