import { createRateLimiter, createRedisRateLimitBackend, memoryRateLimitBackend, openRateLimitRedis, redisReady } from '@ecommerce/platform';
import type { HealthCheck, Logger, Metrics, RateLimitBackend, RateLimiter, Settings } from '@ecommerce/platform';

export interface RateLimits {
  backend: RateLimitBackend;
  /** The gateway's overall limit per client IP, when RATE_LIMIT_REQUESTS_PER_MINUTE is set. */
  requestLimiter?: RateLimiter;
  /** Shown in /health (never a readiness failure: the limits fall back to process memory). */
  health?: HealthCheck;
  close(): Promise<void>;
}

/** How long a process with REDIS_URL waits at start for its first connection before it serves anyway. */
const REDIS_CONNECT_WAIT_MS = 3000;

/**
 * Where the request limits and the login throttle count: process memory (embedded default), or
 * Redis when REDIS_URL is set, so that every gateway and command API draws on one budget.
 *
 * Redis down: each limiter falls back to its process-memory twin (limits hold per instance) with
 * a warning when the outage starts and `rate_limit_store_failures_total` counting each fallback.
 * Neither open (an outage would lift every limit, the login throttle included) nor closed (an
 * outage of a side store would refuse every login and request).
 */
export async function openRateLimits(settings: Settings, logger: Logger, metrics: Metrics): Promise<RateLimits> {
  const requestLimit = (backend: RateLimitBackend) =>
    settings.RATE_LIMIT_REQUESTS_PER_MINUTE ? createRateLimiter({ name: 'requests-ip', windowMs: 60_000, max: settings.RATE_LIMIT_REQUESTS_PER_MINUTE, backend }) : undefined;
  if (!settings.REDIS_URL) return { backend: memoryRateLimitBackend, requestLimiter: requestLimit(memoryRateLimitBackend), close: async () => undefined };

  let outage = false;
  const client = openRateLimitRedis(settings.REDIS_URL, (error) => {
    if (outage) return;
    outage = true;
    logger.warn({ err: error }, 'redis unreachable: rate limits and the login throttle count per process until it is back');
  });
  client.on('ready', () => {
    if (outage) logger.info('redis is back: rate limits are shared again');
    outage = false;
  });
  // Serving before the client is connected would count the first requests per process; a Redis
  // that is down delays the start by the connect wait only, and the limits fall back as above.
  if (!(await redisReady(client, REDIS_CONNECT_WAIT_MS))) logger.warn(`redis not connected after ${REDIS_CONNECT_WAIT_MS} ms: starting with per-process limits until it is`);
  const backend = createRedisRateLimitBackend(client, {
    prefix: `${settings.LOG_NAMESPACE}ratelimit:`,
    registry: metrics.registry,
    onStoreFailure: (error, limiter) => {
      if (!outage) logger.warn({ err: error, limiter }, 'rate-limit store failed: counting in process memory');
    },
  });
  return {
    backend,
    requestLimiter: requestLimit(backend),
    health: backend.health,
    async close() {
      await client.quit().catch(() => client.disconnect());
    },
  };
}
