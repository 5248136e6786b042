import type { Request, RequestHandler } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError } from '../errors';

/**
 * Fixed-window request limits (rate-limiter-flexible): a key may make `max` hits in a window of
 * `windowMs` that opens at its first hit. Where the counters live is the backend's choice:
 * process memory (the embedded default: each instance counts alone) or Redis (REDIS_URL: every
 * gateway and command API behind a balancer draws on one budget).
 *
 * A backend whose store fails falls back to its own process-memory counters (see
 * `createFailoverBackend`): limits keep holding per instance through a Redis outage, neither
 * lifted (fail open) nor refusing everyone (fail closed).
 */
export interface RateLimitDecision {
  allowed: boolean;
  /** 0 when allowed; otherwise whole seconds until the window reopens. */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  /** Counts a hit for `key` and says whether it is within the limit. */
  hit(key: string): Promise<RateLimitDecision>;
  reset(key: string): Promise<void>;
}

export interface RateLimiterOptions {
  /** Names the counters in the store (`<prefix><name>:<key>`); limiters with different limits need different names. */
  name: string;
  windowMs: number;
  max: number;
}

/**
 * Builds rate-limiter-flexible limiters on one store. `createLimiter` gets the store's own limiter
 * options; the failover wrapper adds the memory twin.
 */
export interface RateLimitBackend {
  readonly kind: 'memory' | 'redis';
  create(options: { keyPrefix: string; points: number; duration: number }): RateLimiterAbstract;
  /** Called when the store fails and the process-memory twin answered instead. */
  onStoreFailure?(error: unknown, limiter: string): void;
}

export const memoryRateLimitBackend: RateLimitBackend = {
  kind: 'memory',
  create: (options) => new RateLimiterMemory(options),
};

const secondsOf = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** Store calls go to the backend's limiter; an error that is not a refusal (a store failure) goes to the memory twin. */
export function createFailover(backend: RateLimitBackend, options: { keyPrefix: string; points: number; duration: number }) {
  const primary = backend.create(options);
  const local = backend.kind === 'memory' ? primary : new RateLimiterMemory(options);
  return async <T>(call: (limiter: RateLimiterAbstract) => Promise<T>): Promise<T> => {
    try {
      return await call(primary);
    } catch (error) {
      if (error instanceof RateLimiterRes || primary === local) throw error;
      backend.onStoreFailure?.(error, options.keyPrefix);
      return call(local);
    }
  };
}

export function createRateLimiter(options: RateLimiterOptions & { backend?: RateLimitBackend }): RateLimiter {
  const { windowMs, max, name } = options;
  if (!(windowMs > 0) || !(max >= 1)) throw new Error('a rate limiter needs windowMs > 0 and max ≥ 1');
  const run = createFailover(options.backend ?? memoryRateLimitBackend, { keyPrefix: `limit:${name}`, points: max, duration: secondsOf(windowMs) });
  return {
    async hit(key) {
      try {
        await run((limiter) => limiter.consume(key));
        return { allowed: true, retryAfterSeconds: 0 };
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        return { allowed: false, retryAfterSeconds: secondsOf(refusal.msBeforeNext) };
      }
    },
    async reset(key) {
      await run((limiter) => limiter.delete(key));
    },
  };
}

export const tooManyRequests = (retryAfterSeconds: number, message = 'too many requests'): AppError =>
  new AppError('too_many_requests', message, { details: { retryAfterSeconds } });

/** Throws too_many_requests when `key` is over `limiter`'s limit; the way services limit inside a handler. */
export async function assertWithinLimit(limiter: RateLimiter, key: string, message?: string): Promise<void> {
  const decision = await limiter.hit(key);
  if (!decision.allowed) throw tooManyRequests(decision.retryAfterSeconds, message);
}

/**
 * Express middleware: a refused hit goes to the problem middleware as 429 problem+json
 * with Retry-After. A request `keyOf` cannot key (undefined) is not limited here.
 */
export function rateLimit(limiter: RateLimiter, keyOf: (req: Request) => string | undefined): RequestHandler {
  return (req, _res, next) => {
    const key = keyOf(req);
    if (key === undefined) return next();
    limiter.hit(key).then(
      (decision) => next(decision.allowed ? undefined : tooManyRequests(decision.retryAfterSeconds)),
      (error: unknown) => next(error),
    );
  };
}

/** Keys by client address; behind a proxy the app must set `trust proxy` for `req.ip` to be the client's. */
export const byClientIp = (req: Request): string | undefined => req.ip;
