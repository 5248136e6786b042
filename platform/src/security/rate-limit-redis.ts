import { Redis } from 'ioredis';
import { Counter } from 'prom-client';
import type { Registry } from 'prom-client';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import type { RateLimitBackend } from './rate-limit';

export interface RedisRateLimitOptions {
  /** Prepended to every counter key: environments sharing one Redis stay apart (LOG_NAMESPACE). */
  prefix?: string;
  /** A limiter's store call failed and its process-memory twin answered. */
  onStoreFailure?: (error: unknown, limiter: string) => void;
  /** Where `rate_limit_store_failures_total` is registered. */
  registry?: Registry;
}

/**
 * A Redis client for the limits: a store that is down must cost a request milliseconds, not a
 * hang, so nothing queues while disconnected (rate-limiter-flexible's advice for ioredis) and
 * each command has a short timeout; reconnection goes on in the background.
 */
export function openRateLimitRedis(url: string, onConnectionError: (error: Error) => void): Redis {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: 500,
    connectTimeout: 1000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  client.on('error', onConnectionError);
  return client;
}

/** Resolves true once the client is connected, or false after `timeoutMs`; it goes on reconnecting either way. */
export function redisReady(client: Redis, timeoutMs: number): Promise<boolean> {
  if (client.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const onReady = () => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      client.off('ready', onReady);
      resolve(false);
    }, timeoutMs);
    client.once('ready', onReady);
  });
}

/** Counters in Redis (Lua INCR + TTL, atomic across every process that shares it). */
export function createRedisRateLimitBackend(client: Redis, options: RedisRateLimitOptions = {}): RateLimitBackend & { health(): Promise<{ ok: boolean; detail: string }> } {
  const failures = options.registry
    ? new Counter({ name: 'rate_limit_store_failures_total', help: 'Rate-limit checks answered from process memory because Redis failed', labelNames: ['limiter'] as const, registers: [options.registry] })
    : undefined;
  return {
    kind: 'redis',
    // rejectIfRedisNotReady: while reconnecting, fail at once (to the memory twin) instead of waiting for the command timeout.
    create: (limiter) => new RateLimiterRedis({ storeClient: client, rejectIfRedisNotReady: true, ...limiter, keyPrefix: `${options.prefix ?? ''}${limiter.keyPrefix}` }),
    onStoreFailure: (error, limiter) => {
      failures?.inc({ limiter });
      options.onStoreFailure?.(error, limiter);
    },
    // Not a readiness failure: without Redis the limits still hold, per process.
    health: async () => (client.status === 'ready' ? { ok: true, detail: 'redis: shared limits' } : { ok: true, detail: `redis ${client.status}: per-process limits until it is back` }),
  };
}
